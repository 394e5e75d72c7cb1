/**
 * Column roles from what the cells hold as well as from the header: a column of Đạt / Chưa đạt /
 * Đ / CĐ / x / ✓ / Có / Không is an assessment column whatever its header says (or when it has
 * none); a column of "≥ 80 %"-like texts holds targets; numbers and percents (with yes/no words
 * beside them) are results. A header naming a year ("Năm 2023") qualifies the column with a period,
 * one naming a region ("Bắc Trung Bộ", "Chỉ tiêu chung") with a region.
 * Invariant: candidate (result, assessment) pairs are scored per period from header and content
 * evidence and the best consistent pair is taken (a column holds one role; each period has at most
 * one result and one assessment column); when the runner-up scores within AMBIGUITY_MARGIN of the
 * best, the choice is reported as ambiguous instead of being passed off as certain. Only the first
 * PROFILE_ROWS data rows are looked at, so the cost is bounded per sheet.
 */
import type { Grid } from "./grid";
import { cellText } from "./gridText";
import { foldVietnamese } from "./foldVietnamese";
import { parseAssessmentWord } from "./parseAssessment";
import { memoiseByText } from "./memoiseByText";
import type { ColumnRole } from "./recogniseHeader";

export const PROFILE_ROWS = 60;
const AMBIGUITY_MARGIN = 0.75;

export interface ColumnProfile {
  filled: number;
  marks: number;
  numbers: number;
  targets: number;
  prose: number;
}

const TARGET_START =
  /^(?:[≥≤><]|=>|=<|>=|<=)|^(?:toi thieu|it nhat|khong qua|toi da|tu \d)|tro len$|tro xuong$/;
const NUMBER_START = /^[+-]?\d/;

/** What the first data rows of each column hold (one pass over the sampled cells). */
export function profileColumns(
  grid: Grid,
  firstRow: number,
  lastRow: number,
  width: number,
  skip?: ReadonlySet<number>,
): ColumnProfile[] {
  const out: ColumnProfile[] = Array.from({ length: width }, () => ({
    filled: 0,
    marks: 0,
    numbers: 0,
    targets: 0,
    prose: 0,
  }));
  const end = Math.min(lastRow, firstRow + PROFILE_ROWS - 1);
  for (let r = firstRow; r <= end; r++) {
    const row = grid.cells[r];
    if (!row) continue;
    const n = Math.min(width, row.length);
    for (let c = 0; c < n; c++) {
      const cell = row[c];
      if (!cell || cell.v === null || cell.v === "" || skip?.has(c)) continue;
      const p = out[c];
      p.filled++;
      if (typeof cell.v === "number") {
        p.numbers++;
        continue;
      }
      if (typeof cell.v === "boolean") {
        p.marks++;
        continue;
      }
      const t = cellText(cell);
      if (t === "") {
        p.filled--;
        continue;
      }
      // Most cells start with a sign or a digit: no folding needed to tell targets and figures apart.
      const ch = t.charCodeAt(0);
      if (ch >= 48 && ch <= 57) p.numbers++;
      else if (ch === 0x2265 || ch === 0x2264 || ch === 62 || ch === 60 || ch === 61) p.targets++;
      else if (t.length <= 20 && parseAssessmentWord(t) !== undefined) p.marks++;
      else if (t.length > 40) p.prose++;
      else {
        const f = foldVietnamese(t);
        if (TARGET_START.test(f)) p.targets++;
        else if (NUMBER_START.test(f)) p.numbers++;
        else p.prose++;
      }
    }
  }
  return out;
}

const REGION_WORDS: [RegExp, string][] = [
  [/\b(trung du|mien nui phia bac|tdmnpb|tdmn)\b/, "TDMNPB"],
  [/\b(dong bang song hong|dbsh)\b/, "DBSH"],
  [/\b(bac trung bo|btb)\b/, "BTB"],
  [/\b(duyen hai nam trung bo|nam trung bo|dhntb)\b/, "DHNTB"],
  [/\b(tay nguyen)\b|^tn$/, "TN"],
  [/\b(dong nam bo|dnb)\b/, "DNB"],
  [/\b(dong bang song cuu long|dbscl)\b/, "DBSCL"],
];

/** The commune group a header or title text names ("Nhóm 2", "xã nhóm II"), as "1" | "2" | "3". */
export const groupOfText = memoiseByText(groupOfTextUncached);

function groupOfTextUncached(folded: string): string | undefined {
  const m = /\bnhom(?: xa)?:? (1|2|3|iii|ii|i)\b/.exec(folded);
  if (!m) return undefined;
  return { i: "1", ii: "2", iii: "3" }[m[1] as "i"] ?? m[1];
}

/** The region a header or title text names ("Bắc Trung Bộ", "BTB"), or "general" for "chung". */
export const regionOfText = memoiseByText(regionOfTextUncached);

function regionOfTextUncached(folded: string): string | undefined {
  for (const [re, code] of REGION_WORDS) if (re.test(folded)) return code;
  return undefined;
}

/** The region a column's header names, its own text first, then the parent it sits under. */
const headerRegion = memoiseByText(headerRegionUncached);

function headerRegionUncached(qualifier: string): string | undefined {
  const [parent, child] = qualifier.split(" | ");
  for (const part of [child ?? "", parent]) {
    const r = regionOfText(part.trim());
    if (r) return r;
  }
  return /\bchung\b|\bca nuoc\b|\btoan quoc\b/.test(qualifier) ? "general" : undefined;
}

/** The period a header names: "Năm 2023", "2023", "Kết quả 2022", "Quý II/2023". */
export const headerPeriod = memoiseByText(headerPeriodUncached);

function headerPeriodUncached(folded: string): string | undefined {
  const q = /quy (iv|iii|ii|i|[1-4])\b\D{0,6}(20\d{2})/.exec(folded);
  if (q) return `${q[2]}-Q${{ i: 1, ii: 2, iii: 3, iv: 4 }[q[1] as "i"] ?? Number(q[1])}`;
  const m = /(?:^|\D)(20\d{2})(?:\D|$)/.exec(folded);
  if (!m || /(20\d{2}) ?[-–] ?(20\d{2})/.test(folded)) return undefined;
  return m[1];
}

export interface ColumnCandidate {
  col: number;
  /** The role the header names, if any. */
  headerRole?: ColumnRole;
  header: string;
  unitName?: string;
  hidden: boolean;
}

export type VillageFigureRole = "plan" | "done" | "cumulative";

export interface InferredColumn {
  col: number;
  role: ColumnRole;
  /** Header text as written (parent / child for two-row headers). */
  header: string;
  /** Village name for village columns. */
  unitName?: string;
  /** Which figure a village column of a work-volume table holds (done when the header says none). */
  figure?: VillageFigureRole;
  /** The period the header names ("Năm 2023" over "Kết quả"), when the table has several. */
  period?: string;
  /** The region a target column is for ("BTB"), or "general" for "Chỉ tiêu chung". */
  region?: string;
  /** The commune group a target column is for ("Nhóm 2" → "2"). */
  group?: string;
  /** How sure the role is, 0..1 (header and content agreeing is 1). */
  confidence: number;
}

export interface Ambiguity {
  col: number;
  /** Only the value column is ever in doubt between two candidates. */
  role: "value";
  otherCol: number;
  confidence: number;
}

export interface InferredRoles {
  columns: InferredColumn[];
  ambiguities: Ambiguity[];
}

const NAMING: ReadonlySet<ColumnRole> = new Set(["no", "criterion", "content"]);
const MEASURES: ReadonlySet<ColumnRole | undefined> = new Set([
  "value",
  "selfAssessment",
  "done",
  undefined,
  "notes",
  "ratio",
]);

/** "empty": fewer than two filled cells (a template, a table not yet typed); "mixed": filled, but no one kind. */
type Content = "marks" | "values" | "targets" | "prose" | "mixed" | "empty";

function contentOf(p: ColumnProfile | undefined): Content {
  if (!p || p.filled < 2) return "empty";
  const share = (n: number) => n / p.filled;
  if (share(p.marks) >= 0.9) return "marks";
  if (share(p.targets) >= 0.3 && share(p.targets + p.marks) >= 0.75) return "targets";
  if (share(p.numbers) >= 0.2 && share(p.numbers + p.marks + p.targets) >= 0.75) return "values";
  if (share(p.prose) >= 0.5) return "prose";
  return "mixed";
}

function valueScore(c: ColumnCandidate, content: Content): number {
  let s = 0;
  if (c.headerRole === "value" || c.headerRole === "done") s += 2;
  else if (c.headerRole === "selfAssessment") s -= 1;
  else if (c.headerRole === "notes" || c.headerRole === "ratio") s -= 2;
  if (content === "values") s += 2;
  else if (content === "marks") s += 0.5;
  else if (content === "prose") s -= 1;
  // A column the header names as the result stays the result while it is blank (a template before
  // the clerk types) or holds a mix (numbers beside "Không có làng nghề"): content only adds evidence.
  else if (content === "empty" || content === "mixed")
    s -= c.headerRole === "value" || c.headerRole === "done" ? 0 : content === "empty" ? 1.5 : 0.5;
  if (c.hidden) s -= 3;
  return s;
}

function assessmentScore(c: ColumnCandidate, content: Content): number {
  let s = 0;
  if (c.headerRole === "selfAssessment") s += 2;
  else if (c.headerRole === "value" || c.headerRole === "done") s -= 0.5;
  else if (c.headerRole === "notes") s -= 0.5;
  if (content === "marks") s += 2;
  else if (content === "values") s -= 3;
  else if (content === "prose") s -= 2;
  else if (content === "empty") s -= c.headerRole === "selfAssessment" ? 0 : 3;
  else if (content === "mixed") s -= c.headerRole === "selfAssessment" ? 0 : 1;
  if (c.hidden) s -= 3;
  return s;
}

/**
 * Roles for the columns of a criteria table. `candidates` lists every column of the header width
 * (with the header's role where it names one); `qualifiers` the folded header texts (parent and
 * child) each column sits under.
 */
export function inferColumnRoles(
  candidates: ColumnCandidate[],
  qualifiers: Map<number, string>,
  profiles: ColumnProfile[],
): InferredRoles {
  const columns: InferredColumn[] = [];
  const ambiguities: Ambiguity[] = [];
  const measures: (ColumnCandidate & { period?: string; content: Content })[] = [];
  for (const c of candidates) {
    const q = qualifiers.get(c.col) ?? "";
    const content = contentOf(profiles[c.col]);
    const role = c.headerRole;
    if (role && NAMING.has(role)) {
      columns.push({ col: c.col, role, header: c.header, confidence: 1 });
      continue;
    }
    if (role === "target" || (role === undefined && content === "targets")) {
      if (c.hidden && role === undefined) continue;
      const group = groupOfText(q.split(" | ")[1] ?? "") ?? groupOfText(q);
      const region = group ? undefined : headerRegion(q);
      columns.push({
        col: c.col,
        role: "target",
        header: c.header,
        ...(region ? { region } : {}),
        ...(group ? { group } : {}),
        confidence: role === "target" ? 1 : 0.7,
      });
      continue;
    }
    if (role && !MEASURES.has(role)) {
      columns.push({
        col: c.col,
        role,
        header: c.header,
        ...(c.unitName ? { unitName: c.unitName } : {}),
        confidence: 1,
      });
      continue;
    }
    const period = headerPeriod(q);
    measures.push({ ...c, content, ...(period ? { period } : {}) });
  }
  // Columns under no period belong to every period's choice only when no column names a period.
  const periods = [...new Set(measures.map((m) => m.period).filter((p): p is string => p !== undefined))];
  const groups: (string | undefined)[] = periods.length >= 2 ? periods : [undefined];
  const taken = new Set<number>();
  for (const period of groups) {
    const pool = measures.filter((m) => (groups.length > 1 ? m.period === period : true));
    let best: { v?: number; s?: number; score: number } = { score: -Infinity };
    let second = -Infinity;
    const consider = (v: number | undefined, s: number | undefined, score: number) => {
      if (score > best.score) {
        second = best.score;
        best = { v, s, score };
      } else if (score > second) second = score;
    };
    // Each column's score for either role once; then every pair (or none) of them.
    const vs = pool.map((m) => valueScore(m, m.content));
    const ss = pool.map((m) => assessmentScore(m, m.content));
    for (let i = -1; i < pool.length; i++) {
      const va = i < 0 ? 0 : vs[i];
      if (i >= 0 && va < 1) continue;
      for (let j = -1; j < pool.length; j++) {
        if (i >= 0 && i === j) continue;
        const sb = j < 0 ? 0 : ss[j];
        if (j >= 0 && sb < 1.5) continue;
        // A pair reads left to right as result then assessment in most tables: a small nudge only.
        const order = i >= 0 && j >= 0 && pool[i].col < pool[j].col ? 0.1 : 0;
        consider(i < 0 ? undefined : pool[i].col, j < 0 ? undefined : pool[j].col, va + sb + order);
      }
    }
    const confidence = Math.max(0, Math.min(1, (best.score - second) / 2));
    for (const m of pool) {
      if (taken.has(m.col)) continue;
      const p = m.period ?? period;
      const chosen = m.col === best.v ? "value" : m.col === best.s ? "selfAssessment" : undefined;
      if (chosen) {
        taken.add(m.col);
        columns.push({ col: m.col, role: chosen, header: m.header, ...(p ? { period: p } : {}), confidence });
      } else if (m.headerRole === "notes" || (m.headerRole === undefined && m.content === "prose")) {
        if (m.headerRole === "notes")
          columns.push({ col: m.col, role: "notes", header: m.header, confidence: 1 });
      } else if (m.headerRole === "ratio") {
        columns.push({ col: m.col, role: "ratio", header: m.header, confidence: 1 });
      }
    }
    // A runner-up pair almost as good as the chosen one: say so rather than pass a guess off as sure.
    if (best.score > 0 && best.score - second < AMBIGUITY_MARGIN && best.v !== undefined) {
      const other = pool.find(
        (m) => m.col !== best.v && m.col !== best.s && !m.hidden && valueScore(m, m.content) >= 3,
      );
      if (other) ambiguities.push({ col: best.v, role: "value", otherCol: other.col, confidence });
    }
  }
  columns.sort((a, b) => a.col - b.col);
  return { columns, ambiguities };
}
