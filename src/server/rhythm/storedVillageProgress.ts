/**
 * GET /api/village-progress from the store: for each commune within `under`, the head of its own
 * village-progress report and of each of its villages' reports, rolled up by the domain
 * (communeVillages) against the villages the org tree lists — "3/12 thôn ≥ 80 %".
 * Invariant: only units within `under` that existed on the period's first day are read.
 */
import { VILLAGE_PROGRESS_KIND } from "../../domain/rhythm/reportingCalendar";
import type { VillageProgressBody } from "../../domain/rhythm/rhythmWire";
import { communeVillages } from "../../domain/rhythm/villageReports";
import type { IndicatorValues } from "../../domain/sync/protocol";
import { periodStartDate, unitLifetimeAt } from "../../domain/sync/reportPeriod";
import type { OrgTree, OrgUnitRow } from "../store/orgTree";
import type { Store } from "../store/store";
import { reportingUnitsWithin } from "./storedCompleteness";

export async function storedVillageProgress(
  store: Store,
  tree: OrgTree,
  under: OrgUnitRow,
  period: string,
): Promise<VillageProgressBody> {
  const date = periodStartDate(period);
  const communes = reportingUnitsWithin(tree, under, date);
  const villagesOf = new Map(
    communes.map((c) => [
      c.id,
      tree.childrenOf(c.id).filter((v) => v.level === "village" && !unitLifetimeAt(v, date)),
    ]),
  );
  const ids = [...communes.map((c) => c.id), ...[...villagesOf.values()].flat().map((v) => v.id)];
  const rows = await store.listReports(ids, { setId: VILLAGE_PROGRESS_KIND, period });
  const heads = await store.headEvaluations(rows);
  const valuesOf = new Map<string, IndicatorValues>();
  for (const r of rows) {
    const head = heads.get(r.id);
    if (head) valuesOf.set(r.org_unit_id, head.values);
  }
  return {
    under: { code: under.code, name: under.name },
    period,
    communes: communes.map((c) => {
      const villages = villagesOf.get(c.id) ?? [];
      const own = villages.flatMap((v) => {
        const values = valuesOf.get(v.id);
        return values ? [{ org: v.code, values }] : [];
      });
      const r = communeVillages(
        valuesOf.get(c.id),
        own,
        villages.map((v) => v.name),
      );
      return {
        code: c.code,
        name: c.name,
        villages: r.villages.map((v) => ({
          name: v.name,
          ...(v.org ? { org: v.org } : {}),
          met: v.met,
          total: v.total,
          share: v.share,
          goal: v.goal,
        })),
        rollup: r.rollup,
      };
    }),
  };
}
