/**
 * A seeded generator of commune workbooks in layouts nobody described, each with its answer: the
 * canonical 2021–2025 commune table (19 criteria, 57 indicators) or the Hà Tĩnh model-area checklist
 * written the ways clerks write them — columns in any order, header words with synonyms, typos and
 * no diacritics, title and signature blocks, merged two-level headers, codes as "1.1", "I", "a)",
 * "TC17", "-" or none at all, names paraphrased, hidden rows and columns, the table split over two
 * sheets, general + region target columns with the commune's region stated in the title, two
 * periods side by side, percents as numbers or text, assessment columns headed "Đ/CĐ", "Kết quả
 * tự đánh giá" or nothing, village matrices in both orientations, and .xlsx/.xls/.ods/.csv.
 *
 * Invariant: the answer is computed from what is written, cell by cell, as it is written; a seed
 * always gives the same workbook and answer; every planted finding (a self-assessment that
 * disagrees with the value judged by the applicable target) is in `expectedFindings`, and no
 * self-assessment disagrees with its value without being planted.
 *
 * Usage (writes files): npx tsx scripts/layoutGenerator.ts OUT_DIR [COUNT] [SEED]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as XLSX from "xlsx";
import basicSet from "../src/domain/criteria/sets/vn-xa-ntm-2021-2025.json";
import kdcSet from "../src/domain/criteria/sets/ht-kdc-kieu-mau.json";
import set2026 from "../src/domain/criteria/sets/vn-xa-ntm-2026-2030.json";
import { a1, chance, fold, mulberry32, pick, vn, type Rng } from "./seededRandom";
import { indicatorRowsOf, type SetIndicatorRow, type SetJson } from "./setIndicatorRows";

export type LayoutFormat = "xlsx" | "xls" | "ods" | "csv";

export interface ExpectedEntry {
  code: string;
  sheet: string | null;
  cell: string;
  value: number | boolean | null;
  selfAssessment: "met" | "unmet" | null;
  selfAssessmentCell?: string;
  targetCell?: string;
  period?: string;
  village?: string;
}

export interface ExpectedFinding {
  type: "self-assessment/mismatch";
  indicator: string;
  sheet: string | null;
  /** The self-assessment cell, where a clerk corrects it. */
  cell: string;
  period?: string;
  village?: string;
}

export interface LayoutAnswer {
  file: string;
  format: LayoutFormat;
  set: string;
  period: string;
  orgUnit: string;
  region?: string;
  /** Commune group 1/2/3 (2026–2030), when the title states it. */
  group?: string;
  /** Periods side by side, oldest first, when the table has more than one. */
  periods?: string[];
  indicators: ExpectedEntry[];
  units?: { name: string; criteriaMet: number; criteriaTotal: number; progress: number }[];
  expectedFindings: ExpectedFinding[];
  /** Which transformations were composed (for the failure report by kind). */
  traits: string[];
}

export interface GeneratedLayout {
  answer: LayoutAnswer;
  bytes: Uint8Array;
}

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** One typing slip in a word of four letters or more: a swapped, dropped or doubled letter. */
function typo(rng: Rng, s: string): string {
  const words = s.split(" ");
  // Letters only: a slip in "II/2025" or "≥ 80%" would change what the cell says, not how it is typed.
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5 && /^\p{L}+$/u.test(w));
  if (long.length === 0) return s;
  const [w, i] = pick(rng, long);
  const k = 1 + Math.floor(rng() * (w.length - 2));
  const kind = Math.floor(rng() * 3);
  words[i] =
    kind === 0
      ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2)
      : kind === 1
        ? w.slice(0, k) + w.slice(k + 1)
        : w.slice(0, k) + w[k] + w.slice(k);
  return words.join(" ");
}

// ---------------------------------------------------------------------------------------------
// The canonical table

type Ind = SetIndicatorRow;

const BASIC = indicatorRowsOf(basicSet as SetJson);
const GROUPS = (basicSet as SetJson).groups ?? [];
const KDC = indicatorRowsOf(kdcSet as SetJson);
const SET_2026 = indicatorRowsOf(set2026 as SetJson);

const COMMUNES = [
  "Sơn Kim",
  "Thạch Xuân",
  "Cẩm Bình",
  "Kỳ Tây",
  "Hương Trà",
  "Đức Lạc",
  "Thiên Lộc",
  "Tùng Lộc",
  "Gia Hanh",
  "Phú Gia",
  "Hà Linh",
  "Xuân Viên",
  "Sơn Tiến",
  "Thạch Đài",
  "Cẩm Duệ",
  "Yên Hồ",
];

const REGIONS: { code: string; names: string[] }[] = [
  { code: "TDMNPB", names: ["Trung du và miền núi phía Bắc", "TDMNPB", "Miền núi phía Bắc"] },
  { code: "DBSH", names: ["Đồng bằng sông Hồng", "ĐBSH"] },
  { code: "BTB", names: ["Bắc Trung Bộ", "BTB", "Bắc Trung bộ"] },
  { code: "DHNTB", names: ["Duyên hải Nam Trung Bộ", "DHNTB"] },
  { code: "TN", names: ["Tây Nguyên", "TN"] },
  { code: "DNB", names: ["Đông Nam Bộ", "ĐNB"] },
  { code: "DBSCL", names: ["Đồng bằng sông Cửu Long", "ĐBSCL"] },
];

/** Word swaps a clerk makes when retyping an indicator name. */
const SYNONYMS: [RegExp, string][] = [
  [/\bTỷ lệ\b/, "Tỉ lệ"],
  [/\bhộ gia đình\b/, "hộ dân"],
  [/\bngười dân\b/, "dân cư"],
  [/\bđược\b/, ""],
  [/\btheo quy định\b/, ""],
  [/\bXã có\b/, "Có"],
  [/\bđạt chuẩn\b/, "đạt tiêu chuẩn"],
  [/\bsử dụng\b/, "dùng"],
];

/** The name as a clerk retypes it: synonyms, a dropped clause, a typo — most words stay. */
function paraphrase(rng: Rng, name: string): string {
  let s = name;
  for (const [re, to] of SYNONYMS) if (chance(rng, 0.5)) s = s.replace(re, to);
  const parts = s.split(/[;,(]/);
  if (parts.length > 1 && parts[0].split(" ").length >= 5 && chance(rng, 0.5)) s = parts[0];
  if (chance(rng, 0.3)) s = typo(rng, s);
  return s.replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Values

interface Truth {
  value: number | boolean;
  met: boolean;
}

type Written = string | number | { v: number; z: string } | null;

interface TargetSpec {
  /** The target that applies to the commune (its region's column when there are several). */
  applies: number | boolean;
  /** Text of each target column, by column key ("general", region codes). */
  texts: Map<string, Written>;
}

function percentTarget(rng: Rng, ind: Ind): number {
  return ind.op === "<=" ? pick(rng, [3, 5, 10, 15]) : pick(rng, [50, 70, 80, 85, 90, 95, 100]);
}

/** The targets of one indicator row: general and (maybe) per region; the commune's applies. */
function targetsFor(rng: Rng, ind: Ind, regionCols: string[], region: string | undefined): TargetSpec {
  const texts = new Map<string, Written>();
  const write = (t: number | boolean): Written => {
    if (typeof t === "boolean") return ind.code === "9.1" ? "Không" : pick(rng, ["Đạt", "Đạt", "Có"]);
    if (ind.kind === "percent") {
      const sign = ind.op === "<=" ? pick(rng, ["≤ ", "<= ", "≤"]) : pick(rng, ["≥ ", ">= ", "≥", ""]);
      return `${sign}${vn(t)}%`;
    }
    return pick(rng, [`≥ ${vn(t)} triệu đồng/người/năm`, `≥ ${vn(t)} triệu đồng`, `>= ${vn(t)} tr.đ`]);
  };
  const base =
    ind.kind === "yesno" ? ind.code !== "9.1" : ind.kind === "percent" ? percentTarget(rng, ind) : 47;
  texts.set("general", write(base));
  let applies: number | boolean = base;
  for (const r of regionCols) {
    let t: number | boolean = base;
    if (typeof base === "number") {
      const delta = ind.kind === "percent" ? pick(rng, [0, -5, -10, 5]) : pick(rng, [0, -3, 2]);
      t = Math.max(ind.kind === "percent" ? 1 : 20, Math.min(100, base + (ind.op === "<=" ? -delta : delta)));
      if (ind.op === "<=" && ind.kind === "percent") t = Math.max(1, Math.min(20, t));
    }
    texts.set(r, write(t));
    if (r === region) applies = t;
  }
  return { applies, texts };
}

function judge(ind: Ind, value: number | boolean, target: number | boolean): boolean {
  if (typeof value === "boolean") return ind.code === "9.1" ? value === false : value === true;
  if (typeof target !== "number") return false;
  return ind.op === "<=" ? value <= target : value >= target;
}

/** A value close to the target (so the applicable target matters) and whether it meets it. */
function valueFor(rng: Rng, ind: Ind, target: number | boolean): Truth {
  if (ind.kind === "yesno") {
    const ok = chance(rng, 0.75);
    const value = ind.code === "9.1" ? !ok : ok;
    return { value, met: judge(ind, value, target) };
  }
  const t = target as number;
  let value: number;
  if (ind.kind === "percent") {
    const spread = ind.op === "<=" ? 4 : 12;
    value = Math.round((t + (rng() - 0.35) * spread) * 10) / 10;
    value = Math.max(0, Math.min(100, value));
  } else {
    value = Math.round((t + (rng() - 0.3) * 10) * 10) / 10;
  }
  // Never exactly on a boundary that the other columns' targets would straddle ambiguously.
  return { value, met: judge(ind, value, t) };
}

interface ValueStyle {
  percent: "text" | "text-space" | "fraction" | "number";
  yesno: "dat" | "co" | "x" | "dat-nodiac";
  amount: "number" | "text" | "text-unit";
}

function writeValue(rng: Rng, ind: Ind, v: number | boolean, style: ValueStyle, csv: boolean): Written {
  if (typeof v === "boolean") {
    // 9.1 "Nhà tạm, dột nát" is a thing that exists or not: always words of existence.
    if (ind.code === "9.1") return v ? "Có" : "Không";
    switch (style.yesno) {
      case "dat":
        return v ? "Đạt" : "Chưa đạt";
      case "co":
        return v ? "Có" : "Không";
      case "x":
        return v ? "x" : "Chưa đạt";
      case "dat-nodiac":
        return v ? "Dat" : "Chua dat";
    }
  }
  if (ind.kind === "percent") {
    const p = csv && (style.percent === "fraction" || style.percent === "number") ? "text" : style.percent;
    if (p === "text") return `${vn(v)}%`;
    if (p === "text-space") return `${vn(v)} %`;
    if (p === "fraction") return { v: Math.round(v * 10) / 1000, z: "0.0%" };
    return v;
  }
  if (style.amount === "number" && !csv) return v;
  return style.amount === "text-unit" ? `${vn(v)} triệu đồng` : vn(v);
}

function assessmentWords(rng: Rng): { met: string; unmet: string; kind: string } {
  return pick(rng, [
    { met: "Đạt", unmet: "Chưa đạt", kind: "dat" },
    { met: "Đ", unmet: "CĐ", kind: "d-cd" },
    { met: "Dat", unmet: "Chua dat", kind: "nodiac" },
    { met: "x", unmet: "", kind: "x" },
    { met: "✓", unmet: "✗", kind: "tick" },
    { met: "Đạt", unmet: "Không đạt", kind: "khong-dat" },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Sheets as rows of written cells, then files

type Row = Written[];

interface SheetOut {
  name: string;
  rows: Row[];
  merges: string[];
  hiddenRows: number[];
  hiddenCols: number[];
}

/** A sheet named `name`, nothing written on it yet. */
function emptySheet(name: string): SheetOut {
  return { name, rows: [], merges: [], hiddenRows: [], hiddenCols: [] };
}

function worksheet(s: SheetOut, format: LayoutFormat): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  s.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      maxC = Math.max(maxC, c);
      if (typeof v === "object") ws[a1(r, c)] = { t: "n", v: v.v, z: v.z };
      else ws[a1(r, c)] = typeof v === "number" ? { t: "n", v } : { t: "s", v };
    }),
  );
  ws["!ref"] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, s.rows.length - 1), c: maxC },
  });
  ws["!merges"] = s.merges.map((m) => XLSX.utils.decode_range(m));
  if (format === "xlsx") {
    if (s.hiddenRows.length) {
      const rows: XLSX.RowInfo[] = [];
      for (const r of s.hiddenRows) rows[r] = { hidden: true };
      ws["!rows"] = rows;
    }
    if (s.hiddenCols.length) {
      const cols: XLSX.ColInfo[] = [];
      for (const c of s.hiddenCols) cols[c] = { hidden: true };
      ws["!cols"] = cols;
    }
  }
  return ws;
}

function csvText(s: SheetOut, delimiter: string): string {
  const field = (v: Written): string => {
    if (v === null || v === undefined) return "";
    const t = typeof v === "object" ? String(v.v) : typeof v === "number" ? vn(v, 2) : v;
    return /[";,\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return "\ufeff" + s.rows.map((r) => r.map(field).join(delimiter)).join("\r\n") + "\r\n";
}

function fileBytes(sheets: SheetOut[], format: LayoutFormat, rng: Rng): Uint8Array {
  if (format === "csv") return Buffer.from(csvText(sheets[0], pick(rng, [";", ","])), "utf8");
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, worksheet(s, format), s.name);
  const out = XLSX.write(wb, { type: "buffer", bookType: format === "xls" ? "biff8" : format });
  return new Uint8Array(out as Buffer);
}

// ---------------------------------------------------------------------------------------------
// Title and signature blocks

function periodWords(rng: Rng, period: string): string {
  const [y, rest] = period.split("-");
  if (!rest) return pick(rng, [`NĂM ${y}`, `năm ${y}`, `NAM ${y}`]);
  if (rest.startsWith("Q"))
    return `${pick(rng, ["QUÝ", "Quý"])} ${pick(rng, [["I", "II", "III", "IV"][Number(rest[1]) - 1], rest[1]])} NĂM ${y}`;
  return `THÁNG ${Number(rest)}/${y}`;
}

function titleBlock(
  rng: Rng,
  commune: string,
  period: string,
  regionLine: string | undefined,
  noDiacritics: boolean,
): { rows: Row[]; merges: string[] } {
  const t = (s: string) => (noDiacritics ? fold(s) : s);
  const rows: Row[] = [];
  const merges: string[] = [];
  if (chance(rng, 0.85)) {
    rows.push([
      t(pick(rng, [`UBND XÃ ${commune.toUpperCase()}`, `ỦY BAN NHÂN DÂN XÃ ${commune.toUpperCase()}`])),
      null,
      null,
      t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ]);
    rows.push([t(pick(rng, ["BCĐ NÔNG THÔN MỚI", ""])), null, null, t("Độc lập - Tự do - Hạnh phúc")]);
    rows.push([]);
  }
  const what = pick(rng, [
    "BIỂU TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI",
    "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NTM",
    "BẢNG TỔNG HỢP HIỆN TRẠNG CÁC TIÊU CHÍ NÔNG THÔN MỚI",
    "KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ TIÊU CHÍ XÃ NTM",
  ]);
  rows.push([t(`${what} ${periodWords(rng, period)}`)]);
  merges.push(`A${rows.length}:F${rows.length}`);
  if (rows.length < 3 || chance(rng, 0.5))
    rows.push([t(`(Xã ${commune}, huyện ${pick(rng, ["Hương Sơn", "Can Lộc", "Thạch Hà", "Hương Khê"])})`)]);
  if (regionLine) rows.push([t(regionLine)]);
  rows.push([]);
  return { rows, merges };
}

function signatureRows(rng: Rng, noDiacritics: boolean): Row[] {
  const t = (s: string) => (noDiacritics ? fold(s) : s);
  return [
    [],
    [
      null,
      t(pick(rng, ["Người lập biểu", "NGƯỜI LẬP BIỂU", "Người tổng hợp"])),
      null,
      null,
      t("TM. ỦY BAN NHÂN DÂN"),
    ],
    [null, null, null, null, t("CHỦ TỊCH")],
    [],
    [
      null,
      t(pick(rng, ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"])),
      null,
      null,
      t(pick(rng, ["Phan Văn Dũng", "Hồ Thị Hà"])),
    ],
  ];
}

// ---------------------------------------------------------------------------------------------
// The criteria table

type ColKind =
  | { k: "no" }
  | { k: "criterion" }
  | { k: "content" }
  | { k: "target"; key: string; header: string }
  | { k: "value"; period: number }
  | { k: "sa"; period: number }
  | { k: "notes" }
  | { k: "stale" };

interface Col {
  kind: ColKind;
  /** Header (top row, and the sub-header row of a two-level header when `sub` is set). */
  top: string;
  sub?: string;
}

/** The words a clerk heads each kind of column with (ColKind's `k`), typos and all. */
const HEADERS = {
  no: ["TT", "STT", "Số TT", "Mã", "Mã số", "TT"],
  criterion: ["Tên tiêu chí", "Tiêu chí", "Ten tieu chi", "Tên tiêu chí"],
  content: [
    "Nội dung tiêu chí",
    "Nội dung chỉ tiêu",
    "Nội dung tiêu chí (chỉ tiêu)",
    "Tên chỉ tiêu",
    "Chỉ tiêu cụ thể",
    "Noi dung tieu chi",
    "Nội dung",
  ],
  target: [
    "Chỉ tiêu đạt chuẩn",
    "Mức chuẩn",
    "Yêu cầu",
    "Chuẩn NTM",
    "Chỉ tiêu theo quy định",
    "Chi tieu dat chuan",
    "Ngưỡng đạt chuẩn",
    "Mức quy định",
    "Mục tiêu",
  ],
  value: [
    "Kết quả thực hiện",
    "Kết quả",
    "Thực trạng",
    "Hiện trạng",
    "Số liệu",
    "Ket qua thuc hien",
    "Kết quả đạt được",
    "Thực hiện",
    "Giá trị",
  ],
  sa: [
    "Tự đánh giá",
    "Kết quả tự đánh giá",
    "Đ/CĐ",
    "Đánh giá",
    "Tu danh gia",
    "Xã tự đánh giá",
    "Đạt/Chưa đạt",
    "Tự chấm",
    "",
  ],
  notes: ["Ghi chú", "Ghi chu", "Ghi chú"],
};

type CodeStyle = "dotted" | "tc" | "letters" | "bullets" | "restart" | "numeric" | "none" | "mixed";

interface TableOptions {
  codeStyle: CodeStyle;
  criterionCol: boolean;
  groups: boolean;
  paraphrase: number;
  noDiacritics: boolean;
}

function criterionLabel(rng: Rng, code: string, style: CodeStyle, numericCells: boolean): Written {
  if (style === "tc" || style === "restart")
    return pick(rng, [`TC${code}`, `TC ${code}`, `Tiêu chí ${code}`, `TC${code}.`]);
  return numericCells ? Number(code) : pick(rng, [code, `${code}.`]);
}

function indicatorLabel(rng: Rng, ind: Ind, style: CodeStyle, sub: number, numericCells: boolean): Written {
  switch (style) {
    case "dotted":
    case "tc":
    case "numeric":
      return numericCells && !ind.code.endsWith("0") && ind.code.split(".")[1].length === 1
        ? Number(ind.code)
        : pick(rng, [ind.code, ind.code, `${ind.code}.`]);
    case "letters":
      return pick(rng, [`${String.fromCharCode(96 + sub)})`, `${String.fromCharCode(96 + sub)}.`]);
    case "bullets":
      return pick(rng, ["-", "+", "-", "•"]);
    case "restart":
      return String(sub);
    default:
      return null;
  }
}

interface BuildContext {
  rng: Rng;
  format: LayoutFormat;
  periods: string[];
  region?: string;
  regionCols: string[];
  answer: LayoutAnswer;
}

/** Builds the column list (naming columns left, the rest shuffled, as clerks reorder them). */
function columnsFor(rng: Rng, ctx: BuildContext, opts: TableOptions, traits: string[]): Col[] {
  const t = (s: string) => (opts.noDiacritics ? fold(s) : chance(rng, 0.08) ? typo(rng, s) : s);
  const naming: Col[] = [];
  if (opts.codeStyle !== "none") naming.push({ kind: { k: "no" }, top: t(pick(rng, HEADERS.no)) });
  if (opts.criterionCol) naming.push({ kind: { k: "criterion" }, top: t(pick(rng, HEADERS.criterion)) });
  naming.push({ kind: { k: "content" }, top: t(pick(rng, HEADERS.content)) });
  const targets: Col[] = [];
  if (ctx.regionCols.length) {
    const parent = t(pick(rng, ["Chỉ tiêu theo vùng", "Chỉ tiêu đạt chuẩn theo vùng", "Vùng"]));
    targets.push({
      kind: { k: "target", key: "general", header: "" },
      top: t(pick(rng, ["Chỉ tiêu chung", "Chung", "Chỉ tiêu chung cả nước"])),
    });
    for (const r of ctx.regionCols) {
      const reg = REGIONS.find((x) => x.code === r)!;
      targets.push({ kind: { k: "target", key: r, header: "" }, top: parent, sub: t(pick(rng, reg.names)) });
    }
  } else {
    targets.push({ kind: { k: "target", key: "general", header: "" }, top: t(pick(rng, HEADERS.target)) });
  }
  const measures: Col[] = [];
  const saHeader = pick(rng, HEADERS.sa);
  if (saHeader === "") traits.push("sa-no-header");
  if (saHeader === "Đ/CĐ") traits.push("sa-d-cd-header");
  const valueHeader = pick(rng, HEADERS.value);
  ctx.periods.forEach((p, k) => {
    const roman = ["I", "II", "III", "IV"];
    const pw =
      p.length === 4
        ? pick(rng, [`Năm ${p}`, `Năm ${p}`, p])
        : pick(rng, [
            `Quý ${roman[Number(p.slice(-1)) - 1]}/${p.slice(0, 4)}`,
            `Quý ${p.slice(-1)} năm ${p.slice(0, 4)}`,
          ]);
    if (ctx.periods.length > 1) {
      // One merged parent over the period's pair: one text (a typo, if any, is in both halves).
      const top = t(pw);
      measures.push({ kind: { k: "value", period: k }, top, sub: t(valueHeader) });
      measures.push({ kind: { k: "sa", period: k }, top, sub: saHeader === "" ? "" : t(saHeader) });
    } else if (chance(rng, 0.35)) {
      // "Kết quả thực hiện" over "Số liệu" | "Tự đánh giá"
      const parent = t(pick(rng, ["Kết quả thực hiện", "Kết quả", "Kết quả đánh giá"]));
      measures.push({
        kind: { k: "value", period: k },
        top: parent,
        sub: t(pick(rng, ["Số liệu", "Thực trạng", "Giá trị"])),
      });
      measures.push({
        kind: { k: "sa", period: k },
        top: parent,
        sub: t(pick(rng, ["Tự đánh giá", "Đánh giá", "Đ/CĐ", ""])),
      });
      traits.push("two-level-result");
    } else {
      measures.push({ kind: { k: "value", period: k }, top: t(valueHeader) });
      measures.push({ kind: { k: "sa", period: k }, top: saHeader === "" ? "" : t(saHeader) });
    }
  });
  const rest: Col[] = [...targets, ...measures];
  let ordered: Col[];
  if (chance(rng, 0.35)) {
    // Keep groups together but shuffle the order of the groups, and the pair inside a period.
    const blocks = shuffle(rng, [targets, measures]);
    ordered = blocks.flat();
    traits.push("shuffled-columns");
  } else ordered = rest;
  if (ctx.periods.length === 1 && !ctx.regionCols.length && chance(rng, 0.25)) {
    // SA before the value, or value before the target.
    ordered = shuffle(rng, ordered);
    traits.push("shuffled-columns");
  }
  const cols = [...naming, ...ordered];
  if (chance(rng, 0.6)) cols.push({ kind: { k: "notes" }, top: t(pick(rng, HEADERS.notes)) });
  if (ctx.format === "xlsx" && chance(rng, 0.15)) {
    // A hidden column of last year's figures left in the sheet.
    const at = naming.length + Math.floor(rng() * (cols.length - naming.length));
    cols.splice(at, 0, { kind: { k: "stale" }, top: t(pick(rng, ["Số liệu cũ", "Cột phụ", "KQ cũ"])) });
    traits.push("hidden-column");
  }
  return cols;
}

/** Writes header rows; a two-level header merges parents over their children and single cells down. */
function headerRows(cols: Col[], rowAt: number, colNumbers: boolean): { rows: Row[]; merges: string[] } {
  const two = cols.some((c) => c.sub !== undefined);
  const top: Row = cols.map((c) => c.top || null);
  const merges: string[] = [];
  if (!two) {
    const rows = [top];
    if (colNumbers) rows.push(cols.map((_, k) => `(${k + 1})`));
    return { rows, merges };
  }
  const sub: Row = cols.map((c) => (c.sub !== undefined ? c.sub || null : null));
  for (let c = 0; c < cols.length; c++) {
    if (cols[c].sub === undefined) {
      merges.push(`${a1(rowAt, c)}:${a1(rowAt + 1, c)}`);
      continue;
    }
    let e = c;
    while (e + 1 < cols.length && cols[e + 1].sub !== undefined && cols[e + 1].top === cols[c].top) e++;
    for (let k = c + 1; k <= e; k++) top[k] = null;
    if (e > c) merges.push(`${a1(rowAt, c)}:${a1(rowAt, e)}`);
    c = e;
  }
  const rows = [top, sub];
  if (colNumbers) rows.push(cols.map((_, k) => `(${k + 1})`));
  return { rows, merges };
}

function criteriaTable(rng: Rng, answer: LayoutAnswer, format: LayoutFormat): SheetOut[] {
  const traits = answer.traits;
  const noDiacritics = chance(rng, 0.12);
  if (noDiacritics) traits.push("no-diacritics");
  const codeStyle: CodeStyle = pick(rng, [
    "dotted",
    "dotted",
    "tc",
    "letters",
    "bullets",
    "restart",
    "numeric",
    "none",
    "none",
    "mixed",
  ] as const);
  traits.push(`codes-${codeStyle}`);
  const opts: TableOptions = {
    codeStyle,
    criterionCol: chance(rng, 0.45),
    groups: chance(rng, 0.4),
    paraphrase: codeStyle === "none" || chance(rng, 0.3) ? 0.6 : 0,
    noDiacritics,
  };
  if (opts.paraphrase) traits.push("paraphrased");
  const regional = chance(rng, 0.2);
  const regionCols = regional ? REGIONS.map((r) => r.code) : [];
  if (regional) traits.push("region-columns");
  const periods = answer.periods ?? [answer.period];
  const ctx: BuildContext = {
    rng,
    format,
    periods,
    regionCols,
    answer,
    ...(answer.region ? { region: answer.region } : {}),
  };
  const cols = columnsFor(rng, ctx, opts, traits);
  const numericCells = format !== "csv" && chance(rng, 0.3);
  if (numericCells) traits.push("numeric-codes");
  const style: ValueStyle = {
    percent: pick(rng, ["text", "text-space", "fraction", "number"] as const),
    yesno: pick(rng, ["dat", "co", "x", "dat-nodiac"] as const),
    amount: pick(rng, ["number", "text", "text-unit"] as const),
  };
  traits.push(
    `percent-${format === "csv" && (style.percent === "fraction" || style.percent === "number") ? "text" : style.percent}`,
  );
  const words = periods.map(() => assessmentWords(rng));
  const wordsOf = words[0];
  for (let k = 1; k < words.length; k++) words[k] = wordsOf;
  traits.push(`sa-${wordsOf.kind}`);
  const split = format !== "csv" && chance(rng, 0.2) ? 6 + Math.floor(rng() * 10) : 0;
  const repeatHeader = chance(rng, 0.6);
  if (split) traits.push(repeatHeader ? "split-sheets" : "split-sheets-no-header");
  const plantShare = chance(rng, 0.6) ? 0.04 : 0;
  const sheetNames = pick(rng, [
    ["Tu danh gia", "Tiep theo"],
    ["Biểu 01", "Biểu 01 (tiếp)"],
    ["TC NTM", "TC 10-19"],
    ["Sheet1", "Sheet2"],
  ]);
  const t = (s: string) => (noDiacritics ? fold(s) : s);

  const regionLine = answer.region
    ? t(
        pick(rng, [
          `(Áp dụng cho xã thuộc vùng ${pick(
            rng,
            REGIONS.find((r) => r.code === answer.region)!.names.filter((n) => n.length > 4),
          )})`,
          `Vùng: ${pick(
            rng,
            REGIONS.find((r) => r.code === answer.region)!.names.filter((n) => n.length > 4),
          )}`,
          `Tỉnh Hà Tĩnh - vùng ${REGIONS.find((r) => r.code === answer.region)!.names[0]}`,
        ]),
      )
    : undefined;

  const sheets: SheetOut[] = [];
  const commune = answer.orgUnit.replace(/^Xã /, "");
  const startSheet = (first: boolean): SheetOut => {
    const s = emptySheet(sheetNames[first ? 0 : 1]);
    if (first) {
      const tb = titleBlock(rng, commune, answer.period, regionLine, noDiacritics);
      s.rows.push(...tb.rows);
      s.merges.push(...tb.merges);
    } else if (repeatHeader && chance(rng, 0.5)) {
      s.rows.push([t("(Tiếp theo)")], []);
    }
    if (first || repeatHeader) {
      const h = headerRows(cols, s.rows.length, first && chance(rng, 0.3));
      s.merges.push(...h.merges);
      s.rows.push(...h.rows);
    }
    cols.forEach((c, k) => {
      if (c.kind.k === "stale") s.hiddenCols.push(k);
    });
    return s;
  };
  let sheet = startSheet(true);
  sheets.push(sheet);
  const colIndex = (pred: (k: ColKind) => boolean) => cols.findIndex((c) => pred(c.kind));
  const noC = colIndex((k) => k.k === "no");
  const critC = colIndex((k) => k.k === "criterion");
  const contentC = colIndex((k) => k.k === "content");
  let currentCrit = "";
  let currentGroup = "";
  let sub = 0;
  let mixedStyle: CodeStyle = "dotted";
  const hideRows = format === "xlsx" && chance(rng, 0.15);
  if (hideRows) traits.push("hidden-rows");
  for (const ind of BASIC) {
    if (split && ind.criterion !== currentCrit && Number(ind.criterion) === split + 1) {
      sheet = startSheet(false);
      sheets.push(sheet);
    }
    const rowStyle: CodeStyle = codeStyle === "mixed" ? mixedStyle : codeStyle;
    if (opts.groups && ind.group !== currentGroup) {
      currentGroup = ind.group;
      const g = GROUPS.find((x) => x.code === ind.group);
      const row: Row = cols.map(() => null);
      row[noC >= 0 ? noC : contentC] =
        noC >= 0 ? ind.group : `${ind.group}. ${t(g?.name.vi.toUpperCase() ?? "")}`;
      if (noC >= 0) row[critC >= 0 ? critC : contentC] = t((g?.name.vi ?? "").toUpperCase());
      sheet.rows.push(row);
    }
    if (ind.criterion !== currentCrit) {
      currentCrit = ind.criterion;
      sub = 0;
      if (codeStyle === "mixed") mixedStyle = pick(rng, ["dotted", "letters", "bullets", "none"] as const);
      if (!ind.single) {
        const row: Row = cols.map(() => null);
        const name = t(ind.criterionName);
        const style = codeStyle === "mixed" ? mixedStyle : codeStyle;
        if (noC >= 0) {
          row[noC] = criterionLabel(rng, ind.criterion, style, numericCells);
          row[critC >= 0 ? critC : contentC] = name;
        } else {
          row[critC >= 0 ? critC : contentC] = pick(rng, [
            `Tiêu chí ${ind.criterion}: ${name}`,
            `Tiêu chí số ${ind.criterion} - ${name}`,
            `${ind.criterion}. ${name.toUpperCase()}`,
            t(name.toUpperCase()),
          ]);
        }
        sheet.rows.push(row);
      }
    }
    sub++;
    const r = sheet.rows.length;
    const row: Row = cols.map(() => null);
    let name = ind.name;
    if (opts.paraphrase && chance(rng, opts.paraphrase)) name = paraphrase(rng, name);
    name = t(name);
    if (ind.single) {
      if (noC >= 0)
        row[noC] = criterionLabel(
          rng,
          ind.criterion,
          rowStyle === "restart" || rowStyle === "tc" ? "dotted" : rowStyle,
          numericCells,
        );
      if (critC >= 0) {
        row[critC] = t(ind.criterionName);
        row[contentC] = name;
      } else {
        row[contentC] =
          noC >= 0
            ? `${t(ind.criterionName)}: ${name}`
            : pick(rng, [
                `${ind.criterion}. ${t(ind.criterionName)}: ${name}`,
                `Tiêu chí ${ind.criterion}: ${t(ind.criterionName)} - ${name}`,
              ]);
      }
    } else {
      if (noC >= 0)
        row[noC] = indicatorLabel(rng, ind, rowStyle === "none" ? "dotted" : rowStyle, sub, numericCells);
      row[contentC] = noC < 0 && rowStyle !== "none" && chance(rng, 0.5) ? `${ind.code}. ${name}` : name;
    }
    const targets = targetsFor(rng, ind, regionCols, answer.region);
    periods.forEach((p, k) => {
      const truth = valueFor(rng, ind, targets.applies);
      let claim = truth.met;
      const planted = plantShare > 0 && chance(rng, plantShare);
      if (planted) claim = !claim;
      const blank = !planted && chance(rng, 0.04);
      const vc = colIndex((c) => c.k === "value" && c.period === k);
      const sc = colIndex((c) => c.k === "sa" && c.period === k);
      row[vc] = writeValue(rng, ind, truth.value, style, format === "csv");
      const w = words[k];
      const saText = blank ? null : claim ? w.met : w.unmet || null;
      row[sc] = saText;
      const sa: "met" | "unmet" | null = blank ? null : claim ? "met" : w.unmet ? "unmet" : null;
      const applicableKey = answer.region && regionCols.length ? answer.region : "general";
      const tc = colIndex((c) => c.k === "target" && c.key === applicableKey);
      const entry: ExpectedEntry = {
        code: ind.code,
        sheet: format === "csv" ? null : sheet.name,
        cell: a1(r, vc),
        value: truth.value,
        selfAssessment: sa,
        ...(sa !== null ? { selfAssessmentCell: a1(r, sc) } : {}),
        targetCell: a1(r, tc),
        ...(periods.length > 1 ? { period: p } : {}),
      };
      answer.indicators.push(entry);
      if (sa !== null && (sa === "met") !== truth.met) {
        answer.expectedFindings.push({
          type: "self-assessment/mismatch",
          indicator: ind.code,
          sheet: entry.sheet,
          cell: a1(r, sc),
          ...(periods.length > 1 ? { period: p } : {}),
        });
      }
    });
    cols.forEach((c, k) => {
      if (c.kind.k === "target") row[k] = targets.texts.get(c.kind.key) ?? null;
      if (c.kind.k === "notes" && chance(rng, 0.15))
        row[k] = t(
          pick(rng, ["Đã có quyết định", "Đang hoàn thiện hồ sơ", "Theo số liệu thống kê", "Cần bổ sung"]),
        );
      if (c.kind.k === "stale") row[k] = chance(rng, 0.5) ? Math.round(rng() * 1000) / 10 : "Đạt";
    });
    sheet.rows.push(row);
    if (hideRows && chance(rng, 0.1)) sheet.hiddenRows.push(r);
  }
  if (chance(rng, 0.5)) {
    const row: Row = cols.map(() => null);
    row[contentC] = t(pick(rng, ["Tổng số tiêu chí đạt", "Số tiêu chí đạt:", "Tổng cộng"]));
    sheet.rows.push(row);
  }
  sheet.rows.push(...signatureRows(rng, noDiacritics));
  return sheets;
}

// ---------------------------------------------------------------------------------------------
// Village matrices (model residential areas): items × villages, in either orientation

const VILLAGES = [
  "Thôn 1",
  "Thôn 2",
  "Thôn 3",
  "Thôn Bắc Sơn",
  "Thôn Trung Hòa",
  "Xóm Đồng",
  "Thôn Tân Lộc",
  "Xóm 5",
];

function villageMatrix(rng: Rng, answer: LayoutAnswer, format: LayoutFormat): SheetOut[] {
  const across = chance(rng, 0.55);
  answer.traits.push(across ? "village-matrix-across" : "village-matrix-down");
  const villages = shuffle(rng, VILLAGES).slice(0, 3 + Math.floor(rng() * 4));
  const w = pick(rng, [
    { met: "Đ", unmet: "CĐ" },
    { met: "Đạt", unmet: "Chưa đạt" },
    { met: "x", unmet: "" },
    { met: "Dat", unmet: "Chua dat" },
  ]);
  const s = emptySheet(pick(rng, ["KDC kieu mau", "Theo doi KDC", "Sheet1"]));
  const commune = answer.orgUnit.replace(/^Xã /, "").toUpperCase();
  s.rows.push([`UBND XÃ ${commune}`], []);
  s.rows.push(
    [`BẢNG THEO DÕI TIẾN ĐỘ XÂY DỰNG KHU DÂN CƯ NÔNG THÔN MỚI KIỂU MẪU ${periodWords(rng, answer.period)}`],
    [],
  );
  const met = new Map(villages.map((v) => [v, 0]));
  const marks = KDC.map(() => villages.map(() => chance(rng, 0.55)));
  const itemName = (i: Ind) => (chance(rng, 0.3) ? paraphrase(rng, i.name) : i.name);
  const sheetName = format === "csv" ? null : s.name;
  /** Village j's mark for item k: the cell written, and the answer expected of it. */
  const markCell = (row: Row, r: number, c: number, ind: Ind, k: number, j: number) => {
    const v = villages[j];
    const ok = marks[k][j];
    if (ok) met.set(v, met.get(v)! + 1);
    row.push(ok ? w.met : w.unmet || null);
    const value = w.unmet || ok ? ok : null;
    const selfAssessment = ok ? "met" : w.unmet ? "unmet" : null;
    answer.indicators.push({
      code: ind.code,
      sheet: sheetName,
      cell: a1(r, c),
      value,
      selfAssessment,
      village: v,
    });
  };
  if (across) {
    s.rows.push([
      pick(rng, ["TT", "STT"]),
      pick(rng, ["Tiêu chí", "Nội dung tiêu chí", "Hạng mục"]),
      ...villages,
    ]);
    KDC.forEach((ind, k) => {
      const r = s.rows.length;
      const row: Row = [String(k + 1), itemName(ind)];
      villages.forEach((_, j) => markCell(row, r, 2 + j, ind, k, j));
      s.rows.push(row);
    });
  } else {
    const codes = chance(rng, 0.5);
    s.rows.push([
      pick(rng, ["TT", "STT"]),
      pick(rng, ["Thôn", "Tên thôn", "Khu dân cư"]),
      ...KDC.map((i) => (codes ? `TC${i.code}` : itemName(i))),
    ]);
    villages.forEach((v, j) => {
      const r = s.rows.length;
      const row: Row = [String(j + 1), v];
      KDC.forEach((ind, k) => markCell(row, r, 2 + k, ind, k, j));
      s.rows.push(row);
    });
  }
  s.rows.push([], [null, "Người tổng hợp"]);
  answer.units = villages.map((name) => ({
    name,
    criteriaMet: met.get(name)!,
    criteriaTotal: KDC.length,
    progress: Math.round((met.get(name)! / KDC.length) * 10000) / 10000,
  }));
  return [s];
}

// ---------------------------------------------------------------------------------------------
// The 2026–2030 table: ten criteria, targets by commune group, the commune's group in the title

function groupTable(rng: Rng, answer: LayoutAnswer, format: LayoutFormat): SheetOut[] {
  answer.traits.push("group-columns");
  const group = answer.group!;
  const s = emptySheet(pick(rng, ["Tu danh gia 2026", "Biểu 01", "Sheet1"]));
  const commune = answer.orgUnit.replace(/^Xã /, "");
  s.rows.push([`UBND XÃ ${commune.toUpperCase()}`, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], []);
  s.rows.push([
    `KẾT QUẢ TỰ ĐÁNH GIÁ THEO BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2026-2030 ${periodWords(rng, answer.period)}`,
  ]);
  s.rows.push(
    [
      pick(rng, [
        `(Xã nhóm ${group})`,
        `Nhóm xã: ${group}`,
        `Xã ${commune} thuộc nhóm ${["I", "II", "III"][Number(group) - 1]}`,
      ]),
    ],
    [],
  );
  const withGeneral = chance(rng, 0.5);
  const groupHeader = (g: number) =>
    pick(rng, [`Nhóm ${g}`, `Xã nhóm ${g}`, `Nhóm ${["I", "II", "III"][g - 1]}`]);
  const two = chance(rng, 0.5);
  type GCol = { k: "no" | "name" | "general" | "value" | "sa" | "g"; g?: number; top: string; sub?: string };
  const cols: GCol[] = [
    { k: "no", top: pick(rng, ["TT", "STT"]) },
    { k: "name", top: pick(rng, ["Tên tiêu chí", "Tiêu chí", "Nội dung tiêu chí"]) },
  ];
  if (withGeneral) cols.push({ k: "general", top: "Chỉ tiêu chung" });
  const parent = pick(rng, ["Chỉ tiêu theo nhóm xã", "Mức đạt chuẩn theo nhóm"]);
  for (const g of [1, 2, 3])
    cols.push(two ? { k: "g", g, top: parent, sub: groupHeader(g) } : { k: "g", g, top: groupHeader(g) });
  const measures: GCol[] = [
    { k: "value", top: pick(rng, HEADERS.value) },
    { k: "sa", top: pick(rng, HEADERS.sa) },
  ];
  cols.push(...(chance(rng, 0.3) ? measures.reverse() : measures));
  const h = headerRows(
    cols.map((c) => ({ kind: { k: "notes" }, top: c.top, ...(c.sub !== undefined ? { sub: c.sub } : {}) })),
    s.rows.length,
    false,
  );
  s.rows.push(...h.rows);
  s.merges.push(...h.merges);
  const w = assessmentWords(rng);
  answer.traits.push(`sa-${w.kind}`);
  for (const ind of SET_2026) {
    const r = s.rows.length;
    const ok = chance(rng, 0.7);
    let claim = ok;
    const planted = chance(rng, 0.08);
    if (planted) claim = !claim;
    const row: Row = cols.map((c) => {
      switch (c.k) {
        case "no":
          return format === "csv" ? ind.code : pick(rng, [Number(ind.code), ind.code]);
        case "name":
          return ind.criterionName;
        case "general":
        case "g":
          return "Đạt";
        case "value":
          return ok ? pick(rng, ["Đạt", "Đạt", "Có"]) : pick(rng, ["Chưa đạt", "Không"]);
        case "sa":
          return claim ? w.met : w.unmet || null;
      }
    });
    s.rows.push(row);
    const vc = cols.findIndex((c) => c.k === "value");
    const sc = cols.findIndex((c) => c.k === "sa");
    const tc = cols.findIndex((c) => c.k === "g" && c.g === Number(group));
    const sa: "met" | "unmet" | null = claim ? "met" : w.unmet ? "unmet" : null;
    const sheetName = format === "csv" ? null : s.name;
    answer.indicators.push({
      code: ind.code,
      sheet: sheetName,
      cell: a1(r, vc),
      value: ok,
      selfAssessment: sa,
      ...(sa ? { selfAssessmentCell: a1(r, sc) } : {}),
      targetCell: a1(r, tc),
    });
    if (sa !== null && (sa === "met") !== ok)
      answer.expectedFindings.push({
        type: "self-assessment/mismatch",
        indicator: ind.code,
        sheet: sheetName,
        cell: a1(r, sc),
      });
  }
  s.rows.push(...signatureRows(rng, false));
  return [s];
}

// ---------------------------------------------------------------------------------------------

function pickPeriod(rng: Rng): string {
  const y = 2021 + Math.floor(rng() * 5);
  return pick(rng, [
    String(y),
    String(y),
    `${y}-Q${1 + Math.floor(rng() * 4)}`,
    `${y}-${String(1 + Math.floor(rng() * 12)).padStart(2, "0")}`,
  ]);
}

/** One generated workbook and its answer, a pure function of the seed. */
export function generateLayout(seed: number): GeneratedLayout {
  const rng = mulberry32(seed * 7919 + 17);
  const format: LayoutFormat = pick(rng, [
    "xlsx",
    "xlsx",
    "xlsx",
    "xlsx",
    "xls",
    "ods",
    "csv",
    "csv",
  ] as const);
  const village = chance(rng, 0.1);
  const commune = pick(rng, COMMUNES);
  let period = pickPeriod(rng);
  let periods: string[] | undefined;
  const traits: string[] = [`format-${format}`];
  if (!village && chance(rng, 0.15)) {
    const y = 2022 + Math.floor(rng() * 4);
    periods = [String(y - 1), String(y)];
    period = String(y);
    traits.push("two-periods");
    // Quarters side by side ("Quý I/2024 | Quý II/2024"), from a stream of their own.
    const quarters = mulberry32(seed * 15485863 + 11);
    if (quarters() < 0.4) {
      const q = 2 + Math.floor(quarters() * 3);
      periods = [`${y}-Q${q - 1}`, `${y}-Q${q}`];
      period = periods[1];
      traits.push("two-quarters");
    }
  }
  const region = !village && chance(rng, 0.3) ? pick(rng, REGIONS).code : undefined;
  const file = `gen-${String(seed).padStart(4, "0")}.${format}`;
  const answer: LayoutAnswer = {
    file,
    format,
    set: village ? "ht-kdc-kieu-mau" : "vn-xa-ntm-2021-2025",
    period,
    orgUnit: `Xã ${commune}`,
    ...(region ? { region } : {}),
    ...(periods ? { periods } : {}),
    indicators: [],
    expectedFindings: [],
    traits,
  };
  // A separate stream decides the 2026–2030 family, so adding it left the other layouts as they were.
  const family = mulberry32(seed * 104729 + 3);
  if (!village && family() < 0.08) {
    answer.set = "vn-xa-ntm-2026-2030";
    answer.period = String(2026 + Math.floor(family() * 3));
    answer.group = String(1 + Math.floor(family() * 3));
    delete answer.region;
    delete answer.periods;
    answer.traits.splice(1);
    return { answer, bytes: fileBytes(groupTable(rng, answer, format), format, rng) };
  }
  const sheets = village ? villageMatrix(rng, answer, format) : criteriaTable(rng, answer, format);
  return { answer, bytes: fileBytes(sheets, format, rng) };
}

/** `count` layouts from `seed` on. */
export function generateLayouts(count: number, seed = 1): GeneratedLayout[] {
  return Array.from({ length: count }, (_, k) => generateLayout(seed + k));
}

if (require.main === module) {
  const [out, count = "50", seed = "1"] = process.argv.slice(2);
  if (!out) {
    console.error("usage: npx tsx scripts/layoutGenerator.ts OUT_DIR [COUNT] [SEED]");
    process.exit(2);
  }
  fs.mkdirSync(out, { recursive: true });
  for (const g of generateLayouts(Number(count), Number(seed))) {
    fs.writeFileSync(path.join(out, g.answer.file), g.bytes);
    fs.writeFileSync(
      path.join(out, g.answer.file.replace(/\.[a-z]+$/, ".expected.json")),
      JSON.stringify(g.answer, null, 2) + "\n",
    );
  }
  console.log(`${count} layouts written to ${out}`);
}
