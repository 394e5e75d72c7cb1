/**
 * The criteria sets as the custom functions look them up: indexed once per set on first use and
 * kept, so ten thousand cells recalculating allocate no set, no map, no target per call. Applied
 * targets are memoised per (set, region or group, indicator).
 */
import { getCriteriaSet, listCriteriaSets } from "../../domain/criteria/registry";
import type { CommuneGroup, CriteriaSet, Criterion, Indicator, Region } from "../../domain/criteria/schema";
import { REGIONS } from "../../domain/criteria/schema";
import { fromCatalog } from "../../domain/evaluate/chooseTarget";
import { resolveCatalogTarget, targetRegion } from "../../domain/evaluate/resolveCatalogTarget";
import type { AppliedTarget } from "../../domain/evaluate/types";

export interface SetIndex {
  set: CriteriaSet;
  indicators: Map<string, { indicator: Indicator; criterion: Criterion }>;
  criteria: Map<string, Criterion>;
  /** Memo of applied targets: `${axis}|${code}` → target (null = none known). */
  targets: Map<string, AppliedTarget | null>;
}

const indexes = new Map<string, SetIndex>();

export function setIndex(id: string): SetIndex | undefined {
  const cached = indexes.get(id);
  if (cached) return cached;
  const set = getCriteriaSet(id);
  if (!set) return undefined;
  const idx: SetIndex = { set, indicators: new Map(), criteria: new Map(), targets: new Map() };
  for (const c of set.criteria) {
    idx.criteria.set(c.code, c);
    for (const ind of c.indicators) idx.indicators.set(ind.code, { indicator: ind, criterion: c });
  }
  indexes.set(id, idx);
  return idx;
}

export function knownSetIds(): string[] {
  return listCriteriaSets().map((s) => s.id);
}

export interface TargetAxis {
  region?: Region;
  group?: CommuneGroup;
  /** The memo key: "", "BTB", "g1". */
  key: string;
}

const NO_AXIS: TargetAxis = { key: "" };
const AXES = new Map<string, TargetAxis>([["", NO_AXIS]]);
for (const r of REGIONS) AXES.set(r.toLowerCase(), { region: r, key: r });
for (const g of ["1", "2", "3"] as const) {
  const axis = { group: g, key: `g${g}` };
  AXES.set(g, axis);
  AXES.set(`nhom ${g}`, axis);
  AXES.set(`nhóm ${g}`, axis);
}

/** "BTB", "btb", "1", "nhóm 2" → the axis; undefined when not a region or group. */
export function parseAxis(text: unknown): TargetAxis | undefined {
  if (text === null || text === undefined || text === "") return NO_AXIS;
  return AXES.get(String(text).trim().toLowerCase().replace(/\s+/g, " "));
}

/** The catalog target for a commune on this axis, memoised. */
export function appliedTarget(
  idx: SetIndex,
  indicator: Indicator,
  axis: TargetAxis,
): AppliedTarget | undefined {
  const k = `${axis.key}|${indicator.code}`;
  const memo = idx.targets.get(k);
  if (memo !== undefined) return memo ?? undefined;
  const ctx = {
    ...(axis.region ? { region: axis.region } : {}),
    ...(axis.group ? { group: axis.group } : {}),
  };
  const resolved = resolveCatalogTarget(indicator, targetRegion(idx.set, ctx), ctx);
  const t = resolved ? fromCatalog(indicator, resolved.target, resolved.axis) : undefined;
  idx.targets.set(k, t ?? null);
  return t;
}
