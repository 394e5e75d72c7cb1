/**
 * One check of a workbook, host-neutral: grids → what the reader understood, the evaluation, the
 * findings with their messages, the flags to paint and the summary to write. The same function
 * serves Excel (grids from src/addin/excel) and standalone mode (grids from a file).
 */
import type { CriteriaSet } from "../../../domain/criteria/schema";
import { evaluate } from "../../../domain/evaluate/evaluate";
import type { Evaluation, Status } from "../../../domain/evaluate/types";
import { formatFinding, type Lang } from "../../../domain/i18n";
import type { Report } from "../../../domain/report";
import type { Finding } from "../../../domain/review/finding";
import type { WorkbookGrids } from "../../../domain/sheet/grid";
import type { RowMapping } from "../../../domain/sheet/readCriteriaTable";
import type { IndicatorValues } from "../../../domain/sync/protocol";
import { syncValuesOf } from "../../../domain/sync/syncValues";
import { getCriteriaSet } from "../../../domain/criteria/registry";
import type { CellFlag } from "../../excel/writeFlags";
import type { ProgressSummary } from "../../excel/writeSummarySheet";
import { readReportFromGrids, type ManualMappings } from "./readReportFromGrids";

export interface FindingView {
  finding: Finding;
  message: string;
  criterion: string;
}

export interface CriterionView {
  code: string;
  name: string;
  status: Status;
  /** Whether the status comes from indicator values or from the commune's own mark on the criterion. */
  basis: "value" | "self-assessment" | "none";
  met: number;
  total: number;
  findings: FindingView[];
}

export interface UnmappedRow {
  sheet: string;
  row: number;
  cell: string;
  text: string;
  bestMatch?: string;
}

export interface CheckResult {
  set: CriteriaSet;
  report: Report;
  evaluation: Evaluation;
  mapped: RowMapping[];
  unmapped: UnmappedRow[];
  criteriaMet: number;
  criteriaTotal: number;
  criteria: CriterionView[];
  /** Findings not about one criterion (unmapped rows, extra values). */
  general: FindingView[];
  findingCount: number;
  flags: CellFlag[];
  summary: ProgressSummary;
}

function criterionOf(set: CriteriaSet, indicator: string | undefined): string {
  if (!indicator) return "";
  for (const c of set.criteria)
    if (c.code === indicator || c.indicators.some((i) => i.code === indicator)) return c.code;
  return "";
}

export function analyseWorkbook(
  grids: WorkbookGrids,
  lang: Lang = "vi",
  manual: ManualMappings = {},
): CheckResult {
  const read = readReportFromGrids(grids, manual);
  const evaluation = evaluate(read.set, read.report);
  const all = [...read.findings, ...evaluation.findings];
  const views: FindingView[] = all.map((f) => ({
    finding: f,
    message: formatFinding(f, lang),
    criterion: criterionOf(read.set, f.indicator),
  }));
  const criteria: CriterionView[] = evaluation.criteria.map((c) => ({
    code: c.code,
    name: lang === "en" ? (read.set.criteria.find((x) => x.code === c.code)?.name.en ?? c.name) : c.name,
    status: c.effective,
    basis: c.effectiveBasis,
    met: c.met,
    total: c.total,
    findings: views.filter((v) => v.criterion === c.code),
  }));
  const unmapped: UnmappedRow[] = read.findings
    .filter((f) => f.type === "mapping/unmatched-row")
    .map((f) => ({
      sheet: f.sheet ?? "",
      row: Number(f.params.row),
      cell: f.cell ?? "",
      text: String(f.params.text ?? f.params.label ?? ""),
      ...(f.params.bestMatch ? { bestMatch: String(f.params.bestMatch) } : {}),
    }));
  const flags: CellFlag[] = views
    .filter((v) => v.finding.sheet && v.finding.cell)
    .map((v) => ({
      sheet: v.finding.sheet!,
      cell: v.finding.cell!,
      severity: v.finding.severity,
      message: formatFinding(v.finding, "vi"),
      ...(v.finding.indicator ? { indicator: v.finding.indicator } : {}),
      ...(v.criterion ? { criterion: v.criterion } : {}),
    }));
  const summary: ProgressSummary = {
    setName: read.set.title.vi,
    ...(read.report.orgUnit ? { orgUnit: read.report.orgUnit.name } : {}),
    ...(read.report.period ? { period: read.report.period } : {}),
    criteria: evaluation.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      status: c.effective,
      indicatorsMet: c.met,
      indicatorsTotal: c.total,
    })),
    villages: evaluation.units.map((u) => ({
      name: u.name,
      met: u.met,
      total: u.total,
      ...(u.goal !== undefined ? { goal: u.goal } : {}),
    })),
  };
  return {
    set: read.set,
    report: read.report,
    evaluation,
    mapped: read.mappings,
    unmapped,
    criteriaMet: evaluation.set.met,
    criteriaTotal: evaluation.set.total,
    criteria,
    general: views.filter((v) => !v.criterion),
    findingCount: views.length,
    flags,
    summary,
  };
}

/** The report's values in the wire format (shared with `ntm push`: see syncValuesOf). */
export function indicatorValuesOf(report: Report): IndicatorValues {
  return syncValuesOf(report, getCriteriaSet(report.setId)).values;
}
