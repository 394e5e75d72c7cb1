/**
 * What the pane's "Gửi số liệu" sends for the checked workbook, read through the same domain pieces
 * as `ntm push` (syncValuesOf, rhythmReportsOf) and listed by the same domain entry
 * (workbookReports): its indicator values under its set, its work volumes as a work-volume report,
 * its village checklist as one village-progress report per village. The report the workbook syncs
 * with (its identity, the one a pull merges into the cells) is `set`: its criteria set, or for a
 * workbook that is only a work-volume report or a village checklist, that kind.
 */
import { rhythmReportsOf } from "../../../domain/rhythm/rhythmReportsOf";
import type { IndicatorValues } from "../../../domain/sync/protocol";
import { syncValuesOf } from "../../../domain/sync/syncValues";
import { workbookSet, type WorkbookRead } from "../../../domain/sync/workbookReports";
import type { CheckResult } from "./analyseWorkbook";

export interface SendableReport {
  /** The report the workbook syncs with (a criteria set id, or a rhythm kind such as "work-volume"). */
  set: string;
  /** Everything the workbook holds to send, for workbookReports. */
  read: WorkbookRead;
  /** Criteria marks that cannot travel (criteria measured by a number). */
  marksNotSent: string[];
}

export function sendableReport(result: CheckResult): SendableReport {
  const judged = result.judgedBySet ? result.set : undefined;
  const criteria = judged ? syncValuesOf(result.report, judged) : undefined;
  const read: WorkbookRead = {
    set: result.set.id,
    values: criteria?.values ?? {},
    rhythm: rhythmReportsOf(result.report, judged, result.check.layout.workItemCells),
  };
  return { set: workbookSet(read), read, marksNotSent: criteria?.marksNotSent ?? [] };
}

/**
 * The values the workbook holds for the report `set` (the one its sync identity names): the ribbon's
 * "sync now" and a pull's merge compare against these, so a work-volume report is never answered
 * with the workbook's criteria values. Undefined when the workbook holds no report of that set.
 */
export function valuesFor(result: CheckResult, set: string): IndicatorValues | undefined {
  const { read } = sendableReport(result);
  const rhythm = read.rhythm.find((r) => r.kind === set);
  if (rhythm) return rhythm.values;
  return result.judgedBySet && read.set === set ? read.values : undefined;
}
