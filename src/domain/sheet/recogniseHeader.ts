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

/**
 * Keywords by the role they name, folded. "=" marks an exact-only keyword: a short word that would
 * otherwise match prose; the others also match the start of a longer header.
 */
// prettier-ignore
const KEYWORDS_BY_ROLE: [ColumnRole, string[]][] = [
  ["no", ["=tt", "=stt", "=so tt", "so thu tu", "=ma so", "=ma", "ma chi tieu", "=ky hieu", "=muc"]],
  ["criterion", ["ten tieu chi", "=tieu chi"]],
  ["content", ["ten tieu chi, chi tieu", "noi dung tieu chi", "noi dung chi tieu", "noi dung danh gia",
    "noi dung", "ten chi tieu", "chi tieu cu the", "noi dung cong viec", "ten cong viec", "hang muc",
    "danh muc"]],
  ["ignore", ["noi dung can", "giai phap", "kinh phi", "thoi gian"]],
  ["target", ["chi tieu dat chuan", "chi tieu", "chi tieu chung", "chi tieu theo quy dinh", "yeu cau",
    "muc tieu", "=chuan", "chuan ntm", "muc quy dinh", "tieu chuan", "muc chuan", "muc dat chuan",
    "nguong dat chuan"]],
  ["value", ["ket qua thuc hien", "ket qua", "so lieu", "hien trang", "thuc trang", "gia tri", "muc dat",
    "muc do dat duoc", "thuc te"]],
  ["selfAssessment", ["ket qua tu danh gia", "tu danh gia", "danh gia", "xa tu danh gia", "dat/chua dat",
    "dat/khong dat", "ket luan", "=d/cd", "=d / cd", "=dat/cd", "tu cham"]],
  ["metMark", ["=dat"]],
  ["unmetMark", ["=chua dat", "=khong dat"]],
  ["notes", ["ghi chu"]],
  ["unit", ["=dvt", "=d.v.t", "don vi tinh", "=don vi"]],
  // Weekly registration sheets: what a commune registers (đăng ký) is its plan for the week.
  [
    "plan",
    [
      "ke hoach",
      "=kh",
      "kh nam",
      "chi tieu giao",
      "chi tieu ke hoach",
      "dang ky",
      "so dang ky",
      "khoi luong dang ky",
      "kl dang ky",
      "=dk",
    ],
  ],
  ["done", ["thuc hien", "kq thuc hien", "da thuc hien", "da lam", "khoi luong thuc hien", "kl thuc hien", "=th"]],
  ["cumulative", ["luy ke", "cong don"]],
  ["ratio", ["ty le", "=%"]],
  ["total", ["=cong", "=tong", "=tong cong", "=tong so"]],
];

const KEYWORDS: { k: string; role: ColumnRole; exact?: boolean }[] = KEYWORDS_BY_ROLE.flatMap(
  ([role, words]) =>
    words.map((w) => (w.startsWith("=") ? { k: w.slice(1), role, exact: true } : { k: w, role })),
);

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
