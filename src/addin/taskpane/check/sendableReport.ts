/**
 * What the pane's "Gửi số liệu" sends for the checked workbook, through the same domain pieces as
 * `ntm push` (syncValuesOf, rhythmReportsOf): a criteria workbook its indicator values under its
 * set; a workbook that is only a work-volume report (the Hà Linh layout, a weekly registration or
 * result sheet) its work volumes as a work-volume report. Before this, such a workbook was sent as
 * an empty report of the default criteria set.
 *
 * A workbook holding both criteria values and work volumes or village progress sends its criteria
 * values here (the pane keeps one base revision per workbook); the rest is named in `notSent`, so
 * the person is told to send it with `ntm push` rather than left believing it went.
 */
import { rhythmReportsOf } from "../../../domain/rhythm/rhythmReportsOf";
import type { RhythmKind } from "../../../domain/rhythm/rhythmReportKinds";
import type { IndicatorValues } from "../../../domain/sync/protocol";
import { syncValuesOf } from "../../../domain/sync/syncValues";
import type { CheckResult } from "./analyseWorkbook";

export interface SendableReport {
  /** The report's set (a criteria set id, or a rhythm kind such as "work-volume"). */
  set: string;
  values: IndicatorValues;
  /** Criteria marks that cannot travel (criteria measured by a number). */
  marksNotSent: string[];
  /** Reports the workbook also holds that this push does not carry. */
  notSent: RhythmKind[];
}

/** The reports the workbook holds, each made once: its criteria values (when a set judged it) and rhythm reports. */
function reportsOf(result: CheckResult) {
  const judged = result.judgedBySet ? result.set : undefined;
  return {
    judged,
    criteria: judged ? syncValuesOf(result.report, judged) : undefined,
    rhythm: rhythmReportsOf(result.report, judged, result.check.layout.workItemCells),
  };
}

function choose({ criteria, rhythm }: ReturnType<typeof reportsOf>, result: CheckResult): SendableReport {
  if (!criteria || (Object.keys(criteria.values).length === 0 && rhythm.length)) {
    const [first, ...rest] = rhythm;
    if (first)
      return { set: first.kind, values: first.values, marksNotSent: [], notSent: rest.map((r) => r.kind) };
  }
  return {
    set: result.set.id,
    values: criteria?.values ?? {},
    marksNotSent: criteria?.marksNotSent ?? [],
    notSent: rhythm.map((r) => r.kind),
  };
}

export function sendableReport(result: CheckResult): SendableReport {
  return choose(reportsOf(result), result);
}

/**
 * The values the workbook holds for the report `set` (the one its sync identity names): the ribbon's
 * "sync now" and a pull's merge compare against these, so a work-volume report is never answered
 * with the workbook's criteria values. Undefined when the workbook holds no report of that set.
 */
export function valuesFor(result: CheckResult, set: string): IndicatorValues | undefined {
  const reports = reportsOf(result);
  const s = choose(reports, result);
  if (s.set === set) return s.values;
  const other = reports.rhythm.find((r) => r.kind === set);
  if (other) return other.values;
  return reports.judged?.id === set ? reports.criteria?.values : undefined;
}
