/**
 * Village (thôn) progress on a model-area list: the share of listed items met, and the distance to
 * a goal ("đạt 33 %, còn 47 điểm % để đạt 80 %").
 *
 * Invariants: the denominator is the items the village lists (villages keep their own lists; the
 * provincial themes are not known in numbers); an item counts by its value's judgement, or its
 * self-assessment where the value cannot decide; a stated share that differs from the computed one
 * by more than one percentage point (rounding) is a self-assessment mismatch.
 */
import type { CriteriaSet, Indicator } from "../criteria/schema";
import type { Finding } from "../review/finding";
import type { ReportUnit, ReportValue } from "../report";
import type { IndicatorResult, UnitProgress } from "./types";

export type JudgeItem = (
  indicator: Indicator | undefined,
  value: ReportValue,
) => { result: IndicatorResult; findings: Finding[] };

// Sets are immutable data: their code → indicator index is built once per set.
const byCodeCache = new WeakMap<CriteriaSet, Map<string, Indicator>>();

function indicatorsByCode(set: CriteriaSet): Map<string, Indicator> {
  let m = byCodeCache.get(set);
  if (!m) {
    m = new Map(set.criteria.flatMap((c) => c.indicators).map((i) => [i.code, i]));
    byCodeCache.set(set, m);
  }
  return m;
}

export function evaluateUnits(
  set: CriteriaSet,
  units: readonly ReportUnit[],
  defaultGoal: number | undefined,
  judge: JudgeItem,
): { progress: UnitProgress; findings: Finding[] }[] {
  if (units.length === 0) return [];
  const indicators = indicatorsByCode(set);
  const setGoal = set.rollup.rule === "share" ? set.rollup.goal : undefined;
  return units.map((u) => {
    const findings: Finding[] = [];
    const items = u.values.map((v) => {
      const r = judge(indicators.get(v.code), v);
      findings.push(...r.findings);
      return r.result;
    });
    const met = items.filter((i) => i.effective === "met").length;
    const total = items.length;
    const share = total === 0 ? 0 : met / total;
    const goal = u.goal ?? defaultGoal ?? setGoal;
    const progress: UnitProgress = {
      name: u.name,
      items,
      met,
      total,
      share,
      ...(u.statedProgress !== undefined ? { statedProgress: u.statedProgress } : {}),
      ...(goal !== undefined
        ? { goal, distanceToGoal: Math.max(0, Math.round((goal - share * 100) * 1e6) / 1e6) }
        : {}),
    };
    if (typeof u.statedProgress === "number" && total > 0 && Math.abs(u.statedProgress - share * 100) > 1)
      findings.push({
        type: "self-assessment/mismatch",
        severity: "error",
        ...(u.statedProgressSheet ? { sheet: u.statedProgressSheet } : {}),
        ...(u.statedProgressCell ? { cell: u.statedProgressCell } : {}),
        params: {
          unit: u.name,
          statedProgress: u.statedProgress,
          computedProgress: Math.round(share * 1000) / 10,
          met,
          total,
        },
      });
    return { progress, findings };
  });
}
