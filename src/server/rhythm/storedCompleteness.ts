/**
 * GET /api/completeness from the store: the communes within `under` that existed on the period's
 * first day are expected; each one's revisions of the report (kind, period) are its submissions,
 * with what they held (a plan, a done figure) read from the stored values — for village progress,
 * its villages' own reports count for the commune; the domain's
 * completeness() judges them against the province's calendar (its own stored one, else Hà Tĩnh's)
 * as of the server's clock.
 * Invariant: nothing outside `under` is read; the asOf instant is the one passed in.
 */
import { completeness, type SubmittedRevision } from "../../domain/rhythm/completeness";
import { calendarOf, VILLAGE_PROGRESS_KIND, WORK_VOLUME_KIND } from "../../domain/rhythm/reportingCalendar";
import type { CompletenessBody } from "../../domain/rhythm/rhythmWire";
import { workVolumeContent } from "../../domain/rhythm/workVolumeReport";
import { periodStartDate, unitLifetimeAt } from "../../domain/sync/reportPeriod";
import type { OrgTree, OrgUnitRow } from "../store/orgTree";
import type { Store } from "../store/store";

export const REPORTING_LEVEL = "commune";

/** The communes within `under` (or `under` itself) that existed on `date`. */
export function reportingUnitsWithin(tree: OrgTree, under: OrgUnitRow, date: string): OrgUnitRow[] {
  return tree.within(under.id).filter((u) => u.level === REPORTING_LEVEL && !unitLifetimeAt(u, date));
}

export async function storedCompleteness(
  store: Store,
  tree: OrgTree,
  under: OrgUnitRow,
  kind: string,
  period: string,
  asOf: string,
): Promise<CompletenessBody> {
  const units = reportingUnitsWithin(tree, under, periodStartDate(period));
  const codeOfUnit = new Map(units.map((u) => [u.id, u.code]));
  // Village progress is reported per village: a village's report counts for its commune.
  if (kind === VILLAGE_PROGRESS_KIND)
    for (const c of units)
      for (const v of tree.childrenOf(c.id)) if (v.level === "village") codeOfUnit.set(v.id, c.code);
  const reports = await store.listReports([...codeOfUnit.keys()], { setId: kind, period });
  const unitOfReport = new Map(reports.map((r) => [r.id, r.org_unit_id]));
  const submissions = new Map<string, SubmittedRevision[]>();
  for (const s of await store.submissions.revisionsOf(reports.map((r) => r.id))) {
    const code = codeOfUnit.get(unitOfReport.get(s.reportId) ?? "");
    if (!code) continue;
    const content = kind === WORK_VOLUME_KIND ? workVolumeContent(s.values) : { plan: true, done: true };
    const list = submissions.get(code) ?? [];
    list.push({ number: s.number, at: s.createdAt, ...content });
    submissions.set(code, list);
  }
  const province = tree.ancestorsOrSelf(under.id).find((u) => u.level === "province");
  const report = completeness({
    calendar: calendarOf(province?.code, await store.rhythmData.calendars()),
    kind,
    period,
    expected: units.map((u) => {
      const parent = u.parent_id ? tree.get(u.parent_id) : undefined;
      return { code: u.code, name: u.name, ...(parent ? { parentName: parent.name } : {}) };
    }),
    submissions,
    asOf,
  });
  return { ...report, under: { code: under.code, name: under.name } };
}

/** As of the store's clock: what the routes answer and the printed workbook carries. */
export async function completenessNow(
  store: Store,
  under: OrgUnitRow,
  kind: string,
  period: string,
): Promise<CompletenessBody> {
  return storedCompleteness(store, await store.tree(), under, kind, period, store.now());
}
