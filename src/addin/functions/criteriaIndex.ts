/**
 * The criteria sets as the custom functions look them up — the installed versions the pane keeps,
 * else the built-in ones — indexed once per set version on first use and kept, so ten thousand cells recalculating allocate no set, no map, no target per call. Applied
 * targets are memoised per (set, region or group, indicator).
 */
import { getCriteriaSet, listCriteriaSets } from "../../domain/criteria/registry";
import { installedLookupInUse, installedSetsInUse } from "../criteria/keptSets";
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

/**
 * The index of the set `id` means now: the newest installed version the pane keeps (no network
 * from a function: criteria/keptSets.ts), else the built-in set. Keyed by version, so a newly kept
 * version is indexed afresh and an old index is never used for it.
 */
export function setIndex(id: string): SetIndex | undefined {
  const installed = installedLookupInUse().versionOf(id);
  const key = installed ? `${id}@${installed.hash}` : id;
  const cached = indexes.get(key);
  if (cached) return cached;
  const set = installed?.set ?? getCriteriaSet(id);
  if (!set) return undefined;
  const idx: SetIndex = { set, indicators: new Map(), criteria: new Map(), targets: new Map() };
  for (const c of set.criteria) {
    idx.criteria.set(c.code, c);
    for (const ind of c.indicators) idx.indicators.set(ind.code, { indicator: ind, criterion: c });
  }
  if (indexes.size >= MAX_INDEXES) indexes.clear(); // bounded: a few sets, a few versions each
  indexes.set(key, idx);
  return idx;
}

const MAX_INDEXES = 64;

export function knownSetIds(): string[] {
  const ids = listCriteriaSets().map((s) => s.id);
  for (const v of installedSetsInUse()) if (!ids.includes(v.id)) ids.push(v.id);
  return ids;
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
