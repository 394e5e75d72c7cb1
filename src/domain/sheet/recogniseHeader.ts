/**
 * What a header cell names: the column roles of commune workbooks ("TT", "Tên tiêu chí", "Nội dung
 * tiêu chí (chỉ tiêu)", "Chỉ tiêu đạt chuẩn", "Kết quả thực hiện", "Tự đánh giá", "Ghi chú", "ĐVT",
 * "Kế hoạch" / "Đăng ký", "Thực hiện tháng 11" / "Đã làm", "Lũy kế" / "Cộng dồn", "Tỷ lệ (%)", one column per village …).
 * Invariant: matching works on folded text (no diacritics, lower case), compares a keyword with the
 * start of the cell (the longest keyword wins), and tolerates one typing error per five letters of
 * the keyword — so "Ket qua thuc hein" still reads as a result column while a title sentence
 * ("BIỂU TỰ ĐÁNH GIÁ …") never does (titles are too long to be header cells).
 */
import { foldVietnamese } from "./foldVietnamese";

export type ColumnRole =
  | "no"
  | "criterion"
  | "content"
  | "target"
  | "value"
  | "selfAssessment"
  | "metMark"
  | "unmetMark"
  | "notes"
  | "unit"
  | "plan"
  | "done"
  | "cumulative"
  | "ratio"
  | "total"
  | "village"
  | "ignore";

/** Keyword → role, folded. Exact-only keywords are short words that would otherwise match prose. */
const KEYWORDS: { k: string; role: ColumnRole; exact?: boolean }[] = [
  { k: "tt", role: "no", exact: true },
  { k: "stt", role: "no", exact: true },
  { k: "so tt", role: "no", exact: true },
  { k: "so thu tu", role: "no" },
  { k: "ma so", role: "no", exact: true },
  { k: "ma", role: "no", exact: true },
  { k: "ma chi tieu", role: "no" },
  { k: "ky hieu", role: "no", exact: true },
  { k: "muc", role: "no", exact: true },
  { k: "ten tieu chi", role: "criterion" },
  { k: "tieu chi", role: "criterion", exact: true },
  { k: "ten tieu chi, chi tieu", role: "content" },
  { k: "noi dung tieu chi", role: "content" },
  { k: "noi dung chi tieu", role: "content" },
  { k: "noi dung danh gia", role: "content" },
  { k: "noi dung", role: "content" },
  { k: "ten chi tieu", role: "content" },
  { k: "chi tieu cu the", role: "content" },
  { k: "noi dung cong viec", role: "content" },
  { k: "ten cong viec", role: "content" },
  { k: "hang muc", role: "content" },
  { k: "danh muc", role: "content" },
  { k: "noi dung can", role: "ignore" },
  { k: "giai phap", role: "ignore" },
  { k: "kinh phi", role: "ignore" },
  { k: "thoi gian", role: "ignore" },
  { k: "chi tieu dat chuan", role: "target" },
  { k: "chi tieu", role: "target" },
  { k: "chi tieu chung", role: "target" },
  { k: "chi tieu theo quy dinh", role: "target" },
  { k: "yeu cau", role: "target" },
  { k: "muc tieu", role: "target" },
  { k: "chuan", role: "target", exact: true },
  { k: "chuan ntm", role: "target" },
  { k: "muc quy dinh", role: "target" },
  { k: "tieu chuan", role: "target" },
  { k: "muc chuan", role: "target" },
  { k: "muc dat chuan", role: "target" },
  { k: "nguong dat chuan", role: "target" },
  { k: "ket qua thuc hien", role: "value" },
  { k: "ket qua", role: "value" },
  { k: "so lieu", role: "value" },
  { k: "hien trang", role: "value" },
  { k: "thuc trang", role: "value" },
  { k: "gia tri", role: "value" },
  { k: "muc dat", role: "value" },
  { k: "muc do dat duoc", role: "value" },
  { k: "thuc te", role: "value" },
  { k: "ket qua tu danh gia", role: "selfAssessment" },
  { k: "tu danh gia", role: "selfAssessment" },
  { k: "danh gia", role: "selfAssessment" },
  { k: "xa tu danh gia", role: "selfAssessment" },
  { k: "dat/chua dat", role: "selfAssessment" },
  { k: "dat/khong dat", role: "selfAssessment" },
  { k: "ket luan", role: "selfAssessment" },
  { k: "d/cd", role: "selfAssessment", exact: true },
  { k: "d / cd", role: "selfAssessment", exact: true },
  { k: "dat/cd", role: "selfAssessment", exact: true },
  { k: "tu cham", role: "selfAssessment" },
  { k: "dat", role: "metMark", exact: true },
  { k: "chua dat", role: "unmetMark", exact: true },
  { k: "khong dat", role: "unmetMark", exact: true },
  { k: "ghi chu", role: "notes" },
  { k: "dvt", role: "unit", exact: true },
  { k: "d.v.t", role: "unit", exact: true },
  { k: "don vi tinh", role: "unit" },
  { k: "don vi", role: "unit", exact: true },
  { k: "ke hoach", role: "plan" },
  { k: "kh", role: "plan", exact: true },
  { k: "kh nam", role: "plan" },
  { k: "chi tieu giao", role: "plan" },
  { k: "chi tieu ke hoach", role: "plan" },
  // Weekly registration sheets: what a commune registers is its plan for the week.
  { k: "dang ky", role: "plan" },
  { k: "so dang ky", role: "plan" },
  { k: "khoi luong dang ky", role: "plan" },
  { k: "kl dang ky", role: "plan" },
  { k: "dk", role: "plan", exact: true },
  { k: "thuc hien", role: "done" },
  { k: "kq thuc hien", role: "done" },
  { k: "da thuc hien", role: "done" },
  { k: "da lam", role: "done" },
  { k: "khoi luong thuc hien", role: "done" },
  { k: "kl thuc hien", role: "done" },
  { k: "th", role: "done", exact: true },
  { k: "luy ke", role: "cumulative" },
  { k: "cong don", role: "cumulative" },
  { k: "ty le", role: "ratio" },
  { k: "%", role: "ratio", exact: true },
  { k: "cong", role: "total", exact: true },
  { k: "tong", role: "total", exact: true },
  { k: "tong cong", role: "total", exact: true },
  { k: "tong so", role: "total", exact: true },
];

// Longest first, so "chi tieu dat chuan" beats "chi tieu" and "noi dung tieu chi" beats "noi dung".
KEYWORDS.sort((a, b) => b.k.length - a.k.length);

const VILLAGE_PREFIXES = [
  "thon",
  "xom",
  "ban",
  "to dan pho",
  "tdp",
  "khu pho",
  "ap",
  "lang",
  "to",
  "kdc",
  "khu dan cu",
];

export const MAX_HEADER_TEXT = 60;

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Header text without bracketed notes ("Tự đánh giá (Đạt/Chưa đạt)" → "tu danh gia"). */
export function headerCore(folded: string): string {
  return folded
    .replace(/\([^)]*\)/g, " ")
    .replace(/[:*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function matchesKeyword(core: string, k: string, exact: boolean | undefined, fuzzy: boolean): boolean {
  if (core === k) return true;
  if (!exact && core.startsWith(k) && (core.length === k.length || !/[a-z0-9]/.test(core[k.length])))
    return true;
  if (!fuzzy || k.length < 5) return false;
  const allowed = Math.floor(k.length / 5);
  if (exact) return boundedEditDistance(core, k, allowed) <= allowed;
  // A typo inside the keyword: compare with the cell's first words of about the keyword's length.
  const words = core.split(" ");
  const kWords = k.split(" ").length;
  const head = words.slice(0, kWords).join(" ");
  return boundedEditDistance(head, k, allowed) <= allowed;
}

export interface HeaderMatch {
  role: ColumnRole;
  /** Village name as written, for village columns. */
  unitName?: string;
}

// Keywords by their first word, so a cell is compared only with keywords that can start it.
const BY_FIRST_WORD = new Map<string, typeof KEYWORDS>();
for (const kw of KEYWORDS) {
  const first = kw.k.split(" ")[0];
  const list = BY_FIRST_WORD.get(first) ?? [];
  list.push(kw);
  BY_FIRST_WORD.set(first, list);
}

const headerMemo = new Map<string, HeaderMatch | null>();
const HEADER_MEMO_LIMIT = 5000;

/**
 * The role a header cell names, or undefined. `text` is the cell as written. `fuzzy` also accepts
 * typing errors; it costs an edit distance per keyword, so the table scan first looks without it.
 */
export function recogniseHeader(text: string, fuzzy = false): HeaderMatch | undefined {
  if (text.length > MAX_HEADER_TEXT * 2) return undefined;
  // Header texts repeat across the workbooks of a province: remember each answer.
  const key = fuzzy ? "~" + text : text;
  const hit = headerMemo.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const found = recogniseUncached(text, fuzzy);
  if (headerMemo.size >= HEADER_MEMO_LIMIT) headerMemo.clear();
  headerMemo.set(key, found ?? null);
  return found;
}

function recogniseUncached(text: string, fuzzy: boolean): HeaderMatch | undefined {
  const folded = foldVietnamese(text);
  const core = headerCore(folded) || folded;
  if (core.length === 0 || core.length > MAX_HEADER_TEXT) return undefined;
  if (isVillageName(core)) return { role: "village", unitName: text.trim().replace(/\s+/g, " ") };
  const candidates = BY_FIRST_WORD.get(core.split(" ", 1)[0]);
  if (candidates)
    for (const { k, role, exact } of candidates) if (matchesKeyword(core, k, exact, false)) return { role };
  if (!fuzzy) return undefined;
  for (const { k, role, exact } of KEYWORDS) if (matchesKeyword(core, k, exact, true)) return { role };
  return undefined;
}

/** "thon 2", "xom dong", "ban na hang", "tdp 3": a village column header. */
export function isVillageName(core: string): boolean {
  for (const p of VILLAGE_PREFIXES) {
    if (core.startsWith(p + " ") && core.length <= p.length + 20) {
      const rest = core.slice(p.length + 1);
      // "to chuc …", "ban hanh …", "ap dung …" are words, not villages; a village name is short.
      if (rest.split(" ").length > 3) return false;
      if (/^(chuc|hanh|dung|cao|quan|chi|dao|so)\b/.test(rest)) return false;
      return true;
    }
  }
  return false;
}
