/**
 * validateWorkbook: read a workbook (readReport), evaluate it against its set (domain/evaluate) and
 * shape the per-file result `ntm validate --json` prints (FileValidation, issue 4 item 5).
 * Invariant: `ok` is false exactly when some finding is an error; every indicator listed carries
 * the sheet and cell it was read from; findings carry their message (Vietnamese / English).
 */
import { getCriteriaSet } from "../criteria/registry";
import type { FileValidation, ValidatedFinding, ValidatedIndicator } from "../consolidate/fileValidation";
import { evaluate } from "../evaluate";
import type { Evaluation, IndicatorResult } from "../evaluate/types";
import { formatFindingBilingual, noTableMessage } from "../i18n";
import type { Report, ReportValue } from "../report";
import type { Finding } from "../review/finding";
import type { WorkbookGrids } from "../sheet/grid";
import { readReport, type ReadReportOptions, type ReaderLayout } from "../sheet/readReport";

export interface WorkbookValidation {
  validation: FileValidation;
  report: Report;
  evaluation?: Evaluation;
  findings: Finding[];
  layout: ReaderLayout;
}

const OP_TEXT: Record<string, string> = { ">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<" };

function targetText(r: IndicatorResult | undefined, v: ReportValue): string | undefined {
  if (v.workbookTarget?.text) return v.workbookTarget.text;
  const t = r?.target;
  if (!t) return undefined;
  if (t.op === "yes") return t.value === false ? "Không" : "Đạt";
  return `${OP_TEXT[t.op] ?? t.op} ${String(t.value)}${t.unit ? (t.unit === "%" ? "%" : ` ${t.unit}`) : ""}`;
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

export function validateWorkbook(
  file: string,
  workbook: WorkbookGrids,
  options: ReadReportOptions = {},
): WorkbookValidation {
  const read = readReport(workbook, { fileName: file, ...options });
  const { report } = read;
  const set = (options.getSet ?? getCriteriaSet)(report.setId);
  const evaluation = set
    ? evaluate(set, report, {
        ...(options.region ? { region: options.region } : {}),
        ...(options.group ? { group: options.group } : {}),
      })
    : undefined;
  const findings = [...read.findings, ...(evaluation?.findings ?? [])];

  const indicators: ValidatedIndicator[] = [];
  const byCode = new Map<string, IndicatorResult>();
  for (const r of evaluation?.indicators ?? []) byCode.set(r.code, r);
  const extras = new Map<string, IndicatorResult>();
  for (const r of evaluation?.extraValues ?? []) if (!extras.has(r.code)) extras.set(r.code, r);
  for (const v of report.values) indicators.push(indicatorRow(v, byCode.get(v.code) ?? extras.get(v.code)));
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
  return { validation, report, ...(evaluation ? { evaluation } : {}), findings, layout: read.layout };
}
