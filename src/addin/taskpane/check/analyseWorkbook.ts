/**
 * The pane's view of one check. The check itself is the domain's checkWithInstalledSets — the
 * same call `ntm validate` makes, with the criteria sets the pane keeps from the server — so the pane (in Excel or in a browser tab) and the CLI cannot disagree on
 * a workbook; this file only arranges that result for the Kiểm tra tab: findings grouped by
 * criterion in the reader's language, unmapped rows to map by hand, the progress summary to write.
 * The flags to paint are the check's own.
 */
import { checkWithInstalledSets } from "../../../domain/check/checkWithInstalledSets";
import { criterionOf, type WorkbookCheck } from "../../../domain/check/checkWorkbook";
import { installedLookupInUse, keptSetsInUse } from "../../criteria/keptSets";
import type { CheckHeadline } from "../../../domain/check/checkHeadline";
import type { FileValidation } from "../../../domain/consolidate/fileValidation";
import type { CriteriaSet } from "../../../domain/criteria/schema";
import type { Evaluation, Status } from "../../../domain/evaluate/types";
import { formatFinding, type Lang } from "../../../domain/i18n";
import { shortenTargetSources, targetSourceRemarks } from "../../../domain/i18n/targetSourceRemarks";
import type { Report } from "../../../domain/report";
import type { Finding } from "../../../domain/review/finding";
import type { WorkbookGrids } from "../../../domain/sheet/grid";
import type { RowMapping } from "../../../domain/sheet/readCriteriaTable";
import type { IndicatorValues } from "../../../domain/sync/protocol";
import { syncValuesOf } from "../../../domain/sync/syncValues";
import { DEFAULT_SET_ID, getCriteriaSet } from "../../../domain/criteria/registry";
import type { CellFlag } from "../../excel/writeFlags";
import type { ProgressSummary } from "../../excel/writeSummarySheet";
import type { ManualMappings } from "../../../domain/check/applyManualMappings";

export interface FindingView {
  finding: Finding;
  /** The whole message, as `ntm validate --json` gives it. */
  message: string;
  /** As the list shows it: whose target briefly ("(chỉ tiêu của xã)"), explained once in `remarks`. */
  shown: string;
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
  /** The check itself, so the same result can be shown again in the other language (inLanguage). */
  check: WorkbookCheck;
  /** The language the messages and names below are in. */
  lang: Lang;
  /** The set judged by; for a work-volume report (judged by none) the default set, for the lists. */
  set: CriteriaSet;
  /** Whether `set` is really the one the report was judged by. */
  judgedBySet: boolean;
  report: Report;
  evaluation?: Evaluation;
  /** What `ntm validate --json` prints for this workbook, identical by construction. */
  validation: FileValidation;
  headline: CheckHeadline;
  mapped: RowMapping[];
  unmapped: UnmappedRow[];
  criteriaMet: number;
  criteriaTotal: number;
  criteria: CriterionView[];
  /** Findings not about one criterion (unmapped rows, extra values). */
  general: FindingView[];
  findingCount: number;
  /** Whose targets the findings' short tags stand for, each said once under the list. */
  remarks: string[];
  flags: CellFlag[];
  summary: ProgressSummary;
}

/** The check's result arranged for the pane (exported for hosts that already hold a check). */
export function viewOfCheck(check: WorkbookCheck, lang: Lang = "vi"): CheckResult {
  const set = check.set ?? getCriteriaSet(DEFAULT_SET_ID)!;
  const evaluation = check.evaluation;
  const messages = check.findings.map((f) => formatFinding(f, lang));
  const said = messages.map((m) => shortenTargetSources(m, lang));
  const views: FindingView[] = check.findings.map((f, i) => ({
    finding: f,
    message: messages[i],
    shown: said[i].text,
    criterion: criterionOf(check.set, f.indicator),
  }));
  const criteria: CriterionView[] = (evaluation?.criteria ?? []).map((c) => ({
    code: c.code,
    name: lang === "en" ? (set.criteria.find((x) => x.code === c.code)?.name.en ?? c.name) : c.name,
    status: c.effective,
    basis: c.effectiveBasis,
    met: c.met,
    total: c.total,
    findings: views.filter((v) => v.criterion === c.code),
  }));
  const unmapped: UnmappedRow[] = check.findings
    .filter((f) => f.type === "mapping/unmatched-row")
    .map((f) => ({
      sheet: f.sheet ?? "",
      row: Number(f.params.row),
      cell: f.cell ?? "",
      text: String(f.params.text ?? f.params.label ?? ""),
      ...(f.params.bestMatch ? { bestMatch: String(f.params.bestMatch) } : {}),
    }));
  const summary: ProgressSummary = {
    setName: set.title.vi,
    ...(check.report.orgUnit ? { orgUnit: check.report.orgUnit.name } : {}),
    ...(check.report.period ? { period: check.report.period } : {}),
    criteria: (evaluation?.criteria ?? []).map((c) => ({
      code: c.code,
      name: c.name,
      status: c.effective,
      indicatorsMet: c.met,
      indicatorsTotal: c.total,
    })),
    villages: (evaluation?.units ?? []).map((u) => ({
      name: u.name,
      met: u.met,
      total: u.total,
      ...(u.goal !== undefined ? { goal: u.goal } : {}),
    })),
  };
  return {
    check,
    lang,
    set,
    judgedBySet: check.set !== undefined,
    report: check.report,
    ...(evaluation ? { evaluation } : {}),
    validation: check.validation,
    headline: check.headline,
    mapped: check.layout.mappings,
    unmapped,
    criteriaMet: check.validation.summary?.criteriaMet ?? 0,
    criteriaTotal: check.validation.summary?.criteriaTotal ?? 0,
    criteria,
    general: views.filter((v) => !v.criterion),
    findingCount: views.length,
    remarks: targetSourceRemarks(said, lang),
    flags: check.flags,
    summary,
  };
}

/** The result with its finding messages and criterion names in `lang` (nothing is read again). */
export function inLanguage(result: CheckResult, lang: Lang): CheckResult {
  return result.lang === lang ? result : viewOfCheck(result.check, lang);
}

/**
 * The pane's host-neutral entry point: grids (from Excel or from a file opened in the browser) →
 * the check, as the tab shows it. `manual` mappings, when given, replace the saved ones.
 */
export function analyseWorkbook(
  grids: WorkbookGrids,
  lang: Lang = "vi",
  manual: ManualMappings = {},
  fileName?: string,
): CheckResult {
  return viewOfCheck(checkInPane(grids, manual, fileName), lang);
}

/**
 * The one check of the pane's workbook, judged by the installed version in force for its period
 * when the pane keeps one (signed in now or before: criteria/keptSets.ts), as `ntm validate
 * --server` does. `manual` mappings, when given, replace the saved ones.
 */
export function checkInPane(grids: WorkbookGrids, manual: ManualMappings, fileName?: string): WorkbookCheck {
  const kept = keptSetsInUse();
  return checkWithInstalledSets(grids, kept.sets, {
    // Regional targets by the region of the signed-in scope, as the server judges this clerk's push.
    ...(kept.kept?.region ? { region: kept.kept.region } : {}),
    ...(fileName ? { file: fileName, fileName } : {}),
    ...(Object.keys(manual).length ? { manualMappings: manual } : {}),
  });
}

/** The report's values in the wire format (shared with `ntm push`: see syncValuesOf). */
export function indicatorValuesOf(report: Report): IndicatorValues {
  return syncValuesOf(report, installedLookupInUse().getSet(report.setId, report.period)).values;
}
