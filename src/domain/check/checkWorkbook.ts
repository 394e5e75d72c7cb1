/**
 * checkWorkbook: the one check of a workbook that every host calls (DESIGN.md "one path per job"):
 * `ntm validate`, consolidation, the task pane in Excel and in a browser tab. Grids → the set (from
 * the table as well as the title and date) → the reader's report (with the rows a person mapped by
 * hand) → evaluation → findings → the per-file result `ntm validate --json` prints, the cells to
 * flag and the head line.
 * Invariant: everything a host shows about a workbook comes from one WorkbookCheck, so two hosts
 * given the same grids cannot disagree; `ok` is false exactly when nothing was read or some finding
 * is an error; every indicator listed carries the sheet and cell it was read from.
 */
import { getCriteriaSet } from "../criteria/registry";
import type { CriteriaSet } from "../criteria/schema";
import type { FileValidation, ValidatedFinding, ValidatedIndicator } from "../consolidate/fileValidation";
import type { Evaluation, IndicatorResult } from "../evaluate/types";
import { formatFinding, formatFindingBilingual, noTableMessage } from "../i18n";
import { COMPARISON_SYMBOL } from "../i18n/comparisonSymbol";
import type { Report, ReportValue } from "../report";
import type { Finding, Severity } from "../review/finding";
import type { WorkbookGrids } from "../sheet/grid";
import { readReport, type ReadReportOptions, type ReaderLayout } from "../sheet/readReport";
import { applyManualMappings, mappingsFromProperties, type ManualMappings } from "./applyManualMappings";
import { checkHeadline, type CheckHeadline } from "./checkHeadline";
import { detectSetFromTable, type SetChoice } from "./detectSetFromTable";
import { judgeReport } from "./judgeReport";

export interface CheckOptions extends ReadReportOptions {
  /** The name the result carries (a path on the CLI, the file's name in the pane). */
  file?: string;
  /** Rows mapped by hand; when absent, the mappings saved in the workbook ("ntm.mappings"). */
  manualMappings?: ManualMappings;
}

/** One finding placed on a cell, its message in Vietnamese (what the flagged cell's comment says). */
export interface CheckFlag {
  sheet: string;
  cell: string;
  severity: Severity;
  message: string;
  indicator?: string;
  criterion?: string;
}

export interface WorkbookCheck {
  validation: FileValidation;
  report: Report;
  /** The set the report was judged by (none for a work-volume report). */
  set?: CriteriaSet;
  evaluation?: Evaluation;
  findings: Finding[];
  layout: ReaderLayout;
  /** Where the set came from; "table" when the table overruled the title and date. */
  setSource: SetChoice["source"];
  flags: CheckFlag[];
  headline: CheckHeadline;
}

function targetText(r: IndicatorResult | undefined, v: ReportValue): string | undefined {
  if (v.workbookTarget?.text) return v.workbookTarget.text;
  const t = r?.target;
  if (!t) return undefined;
  if (t.op === "yes") return t.value === false ? "Không" : "Đạt";
  return `${COMPARISON_SYMBOL[t.op] ?? t.op} ${String(t.value)}${t.unit ? (t.unit === "%" ? "%" : ` ${t.unit}`) : ""}`;
}

// The rows below are built by assignment in the order the JSON shows them (one per indicator and
// finding of every file: spreads of optional parts cost more than the rest of the row).
function indicatorRow(v: ReportValue, r: IndicatorResult | undefined): ValidatedIndicator {
  const target = targetText(r, v);
  const row = { code: v.code, value: v.value } as ValidatedIndicator;
  if (v.unit) row.unit = v.unit;
  if (target !== undefined) row.target = target;
  row.targetSource = r?.targetSource ?? (v.workbookTarget ? "workbook" : "none");
  row.selfAssessment = v.selfAssessment ?? null;
  row.status = r?.status ?? "unknown";
  row.sheet = v.sheet || null;
  row.cell = v.cell ?? null;
  return row;
}

function findingRow(f: Finding): ValidatedFinding {
  const row = {
    type: f.type,
    severity: f.severity,
    sheet: f.sheet || null,
    cell: f.cell ?? null,
  } as ValidatedFinding;
  if (f.indicator) row.indicator = f.indicator;
  row.message = formatFindingBilingual(f);
  return row;
}

/** The criterion an indicator (or a criterion code) belongs to, "" when none. */
export function criterionOf(set: CriteriaSet | undefined, indicator: string | undefined): string {
  if (!set || !indicator) return "";
  for (const c of set.criteria)
    if (c.code === indicator || c.indicators.some((i) => i.code === indicator)) return c.code;
  return "";
}

function flagsOf(findings: Finding[], set: CriteriaSet | undefined): CheckFlag[] {
  const flags: CheckFlag[] = [];
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const criterion = criterionOf(set, f.indicator);
    flags.push({
      sheet: f.sheet,
      cell: f.cell,
      severity: f.severity,
      message: formatFinding(f, "vi"),
      ...(f.indicator ? { indicator: f.indicator } : {}),
      ...(criterion ? { criterion } : {}),
    });
  }
  return flags;
}

function readWithMappings(workbook: WorkbookGrids, options: CheckOptions): SetChoice {
  const { file, manualMappings, ...rest } = options;
  // A period in the file's name ("xa-son-hong-2023.csv") counts when the workbook names none.
  const readOptions: ReadReportOptions = rest.fileName || !file ? rest : { ...rest, fileName: file };
  const choice = detectSetFromTable(workbook, readOptions);
  const manual = manualMappings ?? mappingsFromProperties(workbook.properties);
  if (Object.keys(manual).length === 0) return choice;
  const mapped = applyManualMappings(workbook, choice.read.layout, manual);
  // The set stays the one chosen above: a hand-mapped row must not move the workbook to another set.
  const read = readReport(mapped, { ...readOptions, setId: choice.read.report.setId });
  return {
    ...choice,
    read: { ...read, layout: { ...read.layout, setSource: choice.read.layout.setSource } },
  };
}

export function checkWorkbook(workbook: WorkbookGrids, options: CheckOptions = {}): WorkbookCheck {
  const file = options.file ?? options.fileName ?? "";
  const choice = readWithMappings(workbook, options);
  const { read } = choice;
  const { report } = read;
  const set = (options.getSet ?? getCriteriaSet)(report.setId);
  const judged = set
    ? judgeReport(set, report, {
        ...(options.region ? { region: options.region } : {}),
        ...(options.group ? { group: options.group } : {}),
      })
    : undefined;
  const evaluation = judged?.evaluation;
  const findings = [...choice.findings, ...read.findings, ...(judged?.findings ?? [])];

  const indicators: ValidatedIndicator[] = [];
  const byCode = new Map<string, IndicatorResult>();
  for (const r of evaluation?.indicators ?? []) byCode.set(r.code, r);
  const extras = new Map<string, IndicatorResult>();
  for (const r of evaluation?.extraValues ?? []) if (!extras.has(r.code)) extras.set(r.code, r);
  // An entry of another period is judged by its own period's result, never by this period's.
  const byEntry = new Map((evaluation?.otherPeriods ?? []).map((o) => [o.value, o.result]));
  for (const v of report.values) {
    const other = v.period !== undefined && report.period !== undefined && v.period !== report.period;
    const row = indicatorRow(v, other ? byEntry.get(v) : (byCode.get(v.code) ?? extras.get(v.code)));
    if (other) row.period = v.period;
    indicators.push(row);
  }
  const units = evaluation?.units ?? [];
  (report.units ?? []).forEach((u, i) => {
    // A single-village checklist lists its items as the file's indicators; a many-village sheet
    // reports per village only (units).
    if ((report.units ?? []).length !== 1) return;
    u.values.forEach((v, j) => indicators.push(indicatorRow(v, units[i]?.items[j])));
  });

  const villageLevel = (report.units ?? []).length > 0 && report.values.length === 0;
  const summary =
    villageLevel && units.length === 1
      ? { criteriaMet: units[0].met, criteriaTotal: units[0].total }
      : { criteriaMet: evaluation?.set.met ?? 0, criteriaTotal: evaluation?.set.total ?? 0 };

  // A workbook where nothing at all was recognised is a file we could not read as a report, not a
  // commune with 0/19: saying "0 criteria met" would be a wrong answer rather than a question.
  const nothingRead =
    report.values.length === 0 &&
    !report.units?.length &&
    !report.workItems?.length &&
    !report.criteria?.length;
  const validation: FileValidation = {
    file,
    ok: !nothingRead && !findings.some((f) => f.severity === "error"),
    ...(nothingRead
      ? { error: { code: "no-table", message: noTableMessage(workbook.sheets.length, file) } }
      : {}),
    set: { id: report.setId, version: report.setVersion ?? null },
    ...(report.orgUnit
      ? {
          orgUnit: {
            name: report.orgUnit.name,
            ...(report.orgUnit.code ? { code: report.orgUnit.code } : {}),
          },
        }
      : {}),
    period: report.period ?? null,
    indicators,
    criteria: (evaluation?.criteria ?? []).map((c) => ({
      code: c.code,
      status: c.effective,
      indicatorsMet: c.met,
      indicatorsTotal: c.total,
    })),
    ...(units.length
      ? {
          units: units.map((u) => ({
            name: u.name,
            criteriaMet: u.met,
            criteriaTotal: u.total,
            progress: Math.round(u.share * 10000) / 10000,
          })),
        }
      : {}),
    ...(report.workItems?.length
      ? {
          workItems: report.workItems.map((w) => ({
            name: w.name,
            unit: w.unit ?? null,
            plan: w.plan ?? null,
            done: w.done ?? null,
            cumulative: w.cumulative ?? null,
            ratio: w.ratio ?? null,
            sheet: w.sheet || null,
            cell: w.cell ?? null,
            ...(w.byUnit ? { byUnit: w.byUnit } : {}),
          })),
        }
      : {}),
    summary,
    findings: findings.map(findingRow),
  };
  return {
    validation,
    report,
    ...(set ? { set } : {}),
    ...(evaluation ? { evaluation } : {}),
    findings,
    layout: read.layout,
    setSource: choice.source,
    flags: flagsOf(findings, set),
    headline: checkHeadline(validation),
  };
}
