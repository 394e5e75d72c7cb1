/**
 * The figures `ntm criteria list/show` and the server print about a set: counts of criteria,
 * indicators, targets, and how many targets are unverified or empty (never confirmed from a decision).
 */
import type { CriteriaSet, Target, TargetTable } from "./schema";

export interface CriteriaSetSummary {
  id: string;
  title: { vi: string; en?: string };
  /** "QĐ 318/QĐ-TTg (2022-03-08), sửa đổi / amended by QĐ 211/QĐ-TTg (2024-03-01)". */
  version: string;
  level: CriteriaSet["level"];
  criteria: number;
  indicators: number;
  /** The count the decision states, when the data holds fewer indicators than that. */
  officialIndicatorCount?: number;
  targets: number;
  /** Targets with `verified: false`. */
  unverifiedTargets: number;
  /** Targets with no value: evaluation takes the workbook's own target. */
  emptyTargets: number;
}

export function versionLabel(set: CriteriaSet): string {
  const v = set.version;
  const main = v.date ? `${v.decision} (${v.date})` : v.decision;
  const am = (v.amendments ?? []).map((a) => (a.date ? `${a.decision} (${a.date})` : a.decision));
  return am.length ? `${main}, sửa đổi / amended by ${am.join(", ")}` : main;
}

/** Every target entry of a set, in a stable order (general, regions, groups, years). */
export function allTargets(set: CriteriaSet): Target[] {
  const out: Target[] = [];
  const visit = (t: TargetTable | undefined) => {
    if (!t) return;
    if (t.general) out.push(t.general);
    for (const v of Object.values(t.byRegion ?? {})) if (v) out.push(v);
    for (const v of Object.values(t.byGroup ?? {})) if (v) out.push(v);
  };
  for (const c of set.criteria)
    for (const i of c.indicators) {
      visit(i.targets);
      for (const y of Object.values(i.targets.byYear ?? {})) visit(y);
    }
  return out;
}

export function describeCriteriaSet(set: CriteriaSet): CriteriaSetSummary {
  const targets = allTargets(set);
  return {
    id: set.id,
    title: set.title,
    version: versionLabel(set),
    level: set.level,
    criteria: set.criteria.length,
    indicators: set.criteria.reduce((n, c) => n + c.indicators.length, 0),
    ...(set.officialIndicatorCount ? { officialIndicatorCount: set.officialIndicatorCount } : {}),
    targets: targets.length,
    unverifiedTargets: targets.filter((t) => !t.provenance.verified).length,
    emptyTargets: targets.filter((t) => t.value === null).length,
  };
}
