/**
 * Village progress as one report per village: a commune's checklist workbook names its villages;
 * each village the org tree knows (by its folded name, under the commune) gets its own
 * village-progress report keyed by the village's unit, so the village's history, review and
 * deadline are its own; a village the tree does not know stays in the commune's report under its
 * village key. The commune's roll-up ("3/12 thôn ≥ 80 %") reads both.
 * Invariant: every village of the workbook is in exactly one report; the roll-up counts each
 * village of the tree once, reported or not, and a reported village once whichever report holds it.
 */
import type { IndicatorValues } from "../sync/protocol";
import {
  rollUpVillages,
  villageKey,
  villageProgressFromValues,
  villageProgressToValues,
  type VillageProgress,
  type VillageRollup,
} from "./villageProgress";

export interface VillageUnit {
  code: string;
  name: string;
}

export interface SplitVillageReports {
  /** One report per village the tree knows: the village's unit code and its values. */
  villages: { org: string; name: string; values: IndicatorValues }[];
  /** The villages the tree does not know, kept in the commune's report (absent when none). */
  commune?: IndicatorValues;
}

export function splitVillageReports(
  values: IndicatorValues,
  villageUnits: readonly VillageUnit[],
): SplitVillageReports {
  const byKey = new Map(villageUnits.map((u) => [villageKey(u.name), u]));
  const kept: VillageProgress[] = [];
  const villages: SplitVillageReports["villages"] = [];
  for (const v of villageProgressFromValues(values)) {
    const unit = byKey.get(villageKey(v.name));
    if (unit) villages.push({ org: unit.code, name: unit.name, values: villageProgressToValues([v]) });
    else kept.push(v);
  }
  return { villages, ...(kept.length ? { commune: villageProgressToValues(kept) } : {}) };
}

export interface CommuneVillages {
  villages: (VillageProgress & { org?: string })[];
  rollup: VillageRollup;
}

/** The commune's villages from its own report and its villages' reports, rolled up. */
export function communeVillages(
  communeValues: IndicatorValues | undefined,
  villageReports: readonly { org: string; values: IndicatorValues }[],
  knownVillages: readonly string[],
): CommuneVillages {
  const seen = new Set<string>();
  const villages: CommuneVillages["villages"] = [];
  for (const r of villageReports)
    for (const v of villageProgressFromValues(r.values))
      if (!seen.has(villageKey(v.name))) {
        seen.add(villageKey(v.name));
        villages.push({ ...v, org: r.org });
      }
  for (const v of communeValues ? villageProgressFromValues(communeValues) : [])
    if (!seen.has(villageKey(v.name))) {
      seen.add(villageKey(v.name));
      villages.push(v);
    }
  return { villages, rollup: rollUpVillages(villages, knownVillages) };
}
