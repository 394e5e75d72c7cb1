/**
 * The criteria set judged from what the table holds, not only from the title and the year (issue 12
 * item 4): a 2026 workbook that still keeps the 19-criterion table is a 2021–2025 table, and judging
 * it by the 10-criterion 2026–2030 set gives 3/10 and dozens of false warnings.
 *
 * Invariant: a set named by the caller (`--set`) or by the workbook's own settings is never
 * replaced; the title's guess stands whenever its table reads cleanly (one read, the usual case);
 * otherwise every shipped set of the same level is tried and the one under which most rows map
 * with the set's own names (tableFit) wins, ties keeping the title's guess.
 * When the winning set is not the one in force for the workbook's period, a finding says so.
 */
import { getCriteriaSet, listCriteriaSets } from "../criteria/registry";
import type { CriteriaSet } from "../criteria/schema";
import type { Finding } from "../review/finding";
import { foldedTokens } from "../sheet/foldVietnamese";
import type { WorkbookGrids } from "../sheet/grid";
import {
  readReport,
  WORK_VOLUME_SET_ID,
  type ReadReportOptions,
  type ReadReportResult,
} from "../sheet/readReport";

export interface SetChoice {
  read: ReadReportResult;
  /** "table" when the table overruled the title's guess. */
  source: ReadReportResult["layout"]["setSource"] | "table";
  /** The mismatch between the table's set and the period's, when there is one. */
  findings: Finding[];
}

function problemsOf(read: ReadReportResult): number {
  let problems = 0;
  for (const f of read.findings)
    if (f.type === "mapping/unmatched-row" || f.type === "mapping/missing-indicator") problems++;
  return problems;
}

/** Folded words of a set's names, by indicator code and by "criterion:N" (as RowMapping codes them). */
function namesOf(set: CriteriaSet): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of set.criteria) {
    const own = foldedTokens(c.name.vi);
    out.set(`criterion:${c.code}`, new Set(own));
    for (const i of c.indicators) out.set(i.code, new Set([...foldedTokens(i.name.vi), ...own]));
  }
  return out;
}

/**
 * How well a read's rows fit its set: each mapped row counts ½, and ½ more as far as its words are
 * the set's name for that row (a code alone maps "5" under any set; the names tell the sets apart);
 * rows left over count against.
 */
export function tableFit(read: ReadReportResult, set: CriteriaSet, workbook: WorkbookGrids): number {
  const names = namesOf(set);
  const grids = new Map(workbook.sheets.map((g) => [g.sheet, g]));
  let fit = 0;
  for (const m of read.layout.mappings) {
    const want = names.get(m.code);
    const row = grids.get(m.sheet)?.cells[m.row]; // RowMapping.row is the 0-based grid row
    let share = 0;
    if (want && want.size > 0 && row) {
      const have = new Set(row.flatMap((c) => (typeof c?.v === "string" ? foldedTokens(c.v) : [])));
      let hit = 0;
      for (const w of want) if (have.has(w)) hit++;
      share = hit / want.size;
    }
    fit += 0.5 + 0.5 * share;
  }
  // Only rows the set could not place count against it: indicators the table leaves out say nothing
  // about which set it is (a commune reporting five indicators is not a table of a smaller set).
  let unmatched = 0;
  for (const f of read.findings) if (f.type === "mapping/unmatched-row") unmatched++;
  return fit - unmatched;
}

function readsCleanly(read: ReadReportResult): boolean {
  const mapped = read.layout.mappings.length;
  const problems = problemsOf(read);
  // A commune that left out a few indicators or added its own rows still reads cleanly; a table of
  // another set leaves most of its rows unmatched (the 19-criterion table under the 2026–2030 set:
  // 7 rows mapped, 54 problems).
  return problems <= Math.max(3, mapped * 0.25);
}

function covers(set: CriteriaSet, year: number): boolean {
  return (set.appliesFrom ?? -Infinity) <= year && year <= (set.appliesTo ?? Infinity);
}

/** The set that applies to `year` for the kind of table the workbook holds. */
function setInForce(
  table: CriteriaSet,
  guessed: CriteriaSet | undefined,
  year: number,
): CriteriaSet | undefined {
  if (guessed && guessed.id !== table.id && covers(guessed, year)) return guessed;
  // Same family written for another period: "vn-xa-ntm-2021-2025" → "vn-xa-ntm-2026-2030".
  const family = table.id.replace(/-?\d{4}-\d{4}$/, "");
  return listCriteriaSets().find(
    (s) =>
      s.id !== table.id &&
      s.level === table.level &&
      s.id.replace(/-?\d{4}-\d{4}$/, "") === family &&
      covers(s, year),
  );
}

function periodMismatch(
  read: ReadReportResult,
  table: CriteriaSet,
  inForce: CriteriaSet,
  period: string,
): Finding {
  const first = read.layout.sheets.find((s) => s.kind === "criteria") ?? read.layout.sheets[0];
  const header = first?.headerRows[0];
  const column = first
    ? (first.columns.content ?? first.columns.no ?? Object.values(first.columns)[0])
    : undefined;
  return {
    type: "set/period-mismatch",
    severity: "warning",
    ...(first ? { sheet: first.sheet } : {}),
    ...(first && header && column ? { cell: `${column}${header}` } : {}),
    params: {
      period,
      tableSet: table.id,
      tableSetTitle: table.title.vi,
      tableSetTitleEn: table.title.en ?? table.title.vi,
      inForceSet: inForce.id,
      inForceSetTitle: inForce.title.vi,
      inForceSetTitleEn: inForce.title.en ?? inForce.title.vi,
    },
  };
}

export function detectSetFromTable(workbook: WorkbookGrids, options: ReadReportOptions): SetChoice {
  const first = readReport(workbook, options);
  const source = first.layout.setSource;
  if (source === "option" || source === "workbook") return { read: first, source, findings: [] };
  const guessedId = first.report.setId;
  if (guessedId === WORK_VOLUME_SET_ID) return { read: first, source, findings: [] };
  const guessed = (options.getSet ?? getCriteriaSet)(guessedId);
  if (!guessed || guessed.level !== "commune") return { read: first, source, findings: [] };
  if (first.layout.mappings.length === 0 || readsCleanly(first)) return { read: first, source, findings: [] };

  let best = first;
  let bestFit = tableFit(first, guessed, workbook);
  let bestSet = guessed;
  for (const candidate of listCriteriaSets()) {
    if (candidate.id === guessedId || candidate.level !== guessed.level) continue;
    const read = readReport(workbook, { ...options, setId: candidate.id });
    const fit = tableFit(read, candidate, workbook);
    if (fit > bestFit) {
      best = read;
      bestFit = fit;
      bestSet = candidate;
    }
  }
  if (best === first) return { read: first, source, findings: [] };

  const period = best.report.period;
  const year = Number((period ?? "").slice(0, 4));
  const findings: Finding[] = [];
  if (period && Number.isInteger(year) && year > 0 && !covers(bestSet, year)) {
    const inForce = setInForce(bestSet, guessed, year);
    if (inForce) findings.push(periodMismatch(best, bestSet, inForce, period));
  }
  return { read: best, source: "table", findings };
}
