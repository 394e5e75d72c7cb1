/**
 * The criteria set judged from what the table holds, not only from the title and the year (issue 12
 * item 4): a 2026 workbook that still keeps the 19-criterion table is a 2021–2025 table, and judging
 * it by the 10-criterion 2026–2030 set gives 3/10 and dozens of false warnings.
 *
 * Invariant: a set named by the caller (`--set`) or by the workbook's own settings is never
 * replaced; the title's guess stands whenever its table reads cleanly (one read, the usual case);
 * otherwise every shipped set of the same level is tried and the one under which most rows map
 * (mapped rows minus unmatched rows minus missing indicators) wins, ties keeping the title's guess.
 * When the winning set is not the one in force for the workbook's period, a finding says so.
 */
import { getCriteriaSet, listCriteriaSets } from "../criteria/registry";
import type { CriteriaSet } from "../criteria/schema";
import type { Finding } from "../review/finding";
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

/** How well a read's rows fit its set: rows mapped, less rows left over and indicators not found. */
export function tableFit(read: ReadReportResult): number {
  let problems = 0;
  for (const f of read.findings)
    if (f.type === "mapping/unmatched-row" || f.type === "mapping/missing-indicator") problems++;
  return read.layout.mappings.length - problems;
}

function readsCleanly(read: ReadReportResult): boolean {
  const mapped = read.layout.mappings.length;
  let problems = 0;
  for (const f of read.findings)
    if (f.type === "mapping/unmatched-row" || f.type === "mapping/missing-indicator") problems++;
  return problems <= Math.max(2, mapped * 0.1);
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
  let bestFit = tableFit(first);
  let bestSet = guessed;
  for (const candidate of listCriteriaSets()) {
    if (candidate.id === guessedId || candidate.level !== guessed.level) continue;
    const read = readReport(workbook, { ...options, setId: candidate.id });
    const fit = tableFit(read);
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
