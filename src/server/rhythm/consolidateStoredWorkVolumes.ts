/**
 * GET /api/consolidation?kind=work-volume: the head revision of every work-volume report within
 * `under` for the period, consolidated by the domain's one composition (consolidateWorkVolumes) —
 * the same as `ntm consolidate --kind work-volume` over files. The org tree gives the units and the
 * villages of each commune, the store's targets whose period holds this one (a quarter's for
 * each of its weeks); the review state of each report rides along.
 * Invariant: only units within `under` that existed on the period's first day are read or shown.
 */
import {
  consolidateWorkVolumes,
  type ConsolidationUnit,
  type PeriodTarget,
  type VolumeReportInput,
  type WorkVolumeConsolidation,
} from "../../domain/rhythm/consolidateWorkVolumes";
import { WORK_VOLUME_KIND } from "../../domain/rhythm/reportingCalendar";
import { workVolumeFromValues } from "../../domain/rhythm/workVolumeReport";
import { periodStartDate, unitLifetimeAt } from "../../domain/sync/reportPeriod";
import type { OrgTree, OrgUnitRow } from "../store/orgTree";
import type { Store } from "../store/store";

function unitTree(tree: OrgTree, unit: OrgUnitRow, date: string): ConsolidationUnit {
  const children = tree.childrenOf(unit.id).filter((c) => !unitLifetimeAt(c, date));
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    ...(unit.level === "commune"
      ? { villages: children.filter((c) => c.level === "village").map((c) => c.name) }
      : { children: children.filter((c) => c.level !== "village").map((c) => unitTree(tree, c, date)) }),
  };
}

export async function consolidateStoredWorkVolumes(
  store: Store,
  tree: OrgTree,
  under: OrgUnitRow,
  period: string,
  targets: readonly PeriodTarget[] = [],
): Promise<WorkVolumeConsolidation> {
  const date = periodStartDate(period);
  const units = tree.within(under.id).filter((u) => u.level !== "village" && !unitLifetimeAt(u, date));
  const rows = await store.listReports(
    units.map((u) => u.id),
    { setId: WORK_VOLUME_KIND, period },
  );
  const heads = await store.headEvaluations(rows);
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const reports = new Map<string, VolumeReportInput>();
  for (const r of rows) {
    const head = heads.get(r.id);
    const code = codeOf.get(r.org_unit_id);
    if (!head || !code) continue;
    reports.set(code, {
      revision: head.number,
      reviewState: r.review_state,
      source: "store",
      items: workVolumeFromValues(head.values),
    });
  }
  const stored = await store.rhythmData.targetsFor(
    tree,
    units.map((u) => u.id),
    period,
  );
  return consolidateWorkVolumes({
    root: unitTree(tree, under, date),
    period,
    reports,
    targets: [...stored, ...targets],
  });
}
