/**
 * Picks the catalog target that applies to one indicator for a commune, and the region whose
 * targets apply.
 *
 * Invariant: the most specific entry wins, in this order — the year's table (region, then group,
 * then general), then region, then commune group, then general. An entry that exists but is empty
 * (`value: null`) still wins over a less specific one with a value: a regional target that is not
 * known must not silently fall back to another region's or the general number. The special-status
 * rule swaps the region before any lookup.
 */
import type {
  CommuneGroup,
  CriteriaSet,
  Indicator,
  Region,
  SpecialStatus,
  Target,
  TargetTable,
} from "../criteria/schema";

export interface TargetContext {
  region?: Region;
  group?: CommuneGroup;
  year?: number;
  specialStatus?: readonly SpecialStatus[];
}

/** The region whose targets a commune takes: its own, or the one a special-status rule names. */
export function targetRegion(set: CriteriaSet, ctx: TargetContext): Region | undefined {
  const statuses = new Set(ctx.specialStatus ?? []);
  for (const rule of set.specialStatusRules ?? []) {
    const any = rule.anyOf.some((s) => statuses.has(s));
    const all = (rule.allOf ?? []).every((s) => statuses.has(s));
    if (any && all) return rule.useRegion;
  }
  return ctx.region;
}

export interface ResolvedTarget {
  target: Target;
  axis: string;
}

function fromTable(
  table: TargetTable | undefined,
  region: Region | undefined,
  group: CommuneGroup | undefined,
  prefix: string,
): ResolvedTarget | undefined {
  if (!table) return undefined;
  const byRegion = region ? table.byRegion?.[region] : undefined;
  if (byRegion) return { target: byRegion, axis: `${prefix}byRegion.${region}` };
  const byGroup = group ? table.byGroup?.[group] : undefined;
  if (byGroup) return { target: byGroup, axis: `${prefix}byGroup.${group}` };
  if (table.general) return { target: table.general, axis: `${prefix}general` };
  return undefined;
}

export function resolveCatalogTarget(
  indicator: Indicator,
  region: Region | undefined,
  ctx: TargetContext,
): ResolvedTarget | undefined {
  const t = indicator.targets;
  if (ctx.year !== undefined) {
    const year = fromTable(t.byYear?.[String(ctx.year)], region, ctx.group, `byYear.${ctx.year}.`);
    if (year) return year;
  }
  return fromTable(t, region, ctx.group, "");
}
