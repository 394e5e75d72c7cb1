/**
 * What a workbook sends to the store besides its criteria values — one path for `ntm push` and the
 * pane: its work volumes (the Hà Linh layout, weekly registration and result sheets) as a
 * work-volume report, and its villages' checklist progress as a village-progress report.
 * Invariant: every work item the reader found is in the values (uncatalogued ones under their own
 * name); a village's progress is the evaluation's met / total, never the stated percentage alone.
 * A registration (plans, no done figure anywhere) sends its plans only: its "Lũy kế" is the total
 * before the week, not the week's, and the results sent on Monday state the week's own.
 */
import type { CriteriaSet } from "../criteria/schema";
import { evaluate } from "../evaluate";
import { periodYear, type Report } from "../report";
import type { WorkItemCells } from "../sheet/readWorkVolume";
import type { IndicatorValues } from "../sync/protocol";
import { VILLAGE_PROGRESS_KIND, WORK_VOLUME_KIND } from "./reportingCalendar";
import type { RhythmKind } from "./rhythmReportKinds";
import { villageProgressOf, villageProgressToValues } from "./villageProgress";
import { SHIPPED_WORK_ITEMS, type WorkItemCatalogue } from "./workItemCatalogue";
import { isRegistration } from "./weekStatements";
import { workVolumeEntries, workVolumeToValues, type WorkVolumeEntry } from "./workVolumeReport";

export interface RhythmReport {
  kind: RhythmKind;
  values: IndicatorValues;
  /** How many items (work volumes) or villages (progress) it holds, for the person's summary line. */
  count: number;
}

export function rhythmReportsOf(
  report: Report,
  set: CriteriaSet | undefined,
  workItemCells: readonly WorkItemCells[] = [],
  catalogue: WorkItemCatalogue = SHIPPED_WORK_ITEMS,
): RhythmReport[] {
  const out: RhythmReport[] = [];
  if (report.workItems?.length) {
    const entries = weekFigures(workVolumeEntries(catalogue, report.workItems, workItemCells));
    out.push({ kind: WORK_VOLUME_KIND, values: workVolumeToValues(entries), count: entries.length });
  }
  if (report.units?.length && set) {
    const villages = villageProgressOf(evaluate(set, report).units, periodYear(report.period));
    if (villages.length)
      out.push({
        kind: VILLAGE_PROGRESS_KIND,
        values: villageProgressToValues(villages),
        count: villages.length,
      });
  }
  return out;
}

function weekFigures(entries: WorkVolumeEntry[]): WorkVolumeEntry[] {
  if (!isRegistration(entries)) return entries;
  return entries.map((e) => {
    const { cumulative: _c, cells, ...rest } = e;
    void _c;
    const { cumulative: _cc, ...kept } = cells ?? {};
    void _cc;
    return { ...rest, cumulative: null, ...(cells ? { cells: kept } : {}) };
  });
}
