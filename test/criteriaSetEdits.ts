/**
 * A criteria set with one indicator changed, as a province's authored version would change it —
 * shared by the tests of installed sets (the CLI, the pane, the custom functions, re-evaluation).
 */
import type { CriteriaSet, Indicator } from "../src/domain/criteria/schema";

/** `set` with indicator `code` replaced by `change(indicator)`; every other indicator as it was. */
export function withIndicator(
  set: CriteriaSet,
  code: string,
  change: (i: Indicator) => Indicator,
): CriteriaSet {
  return {
    ...set,
    criteria: set.criteria.map((c) => ({
      ...c,
      indicators: c.indicators.map((i) => (i.code === code ? change(i) : i)),
    })),
  };
}

/** `set` with indicator `code` judged by one confirmed general target `value` from `decision`. */
export function withConfirmedTarget(
  set: CriteriaSet,
  code: string,
  value: number,
  decision: string,
): CriteriaSet {
  return withIndicator(set, code, (i) => ({
    ...i,
    targets: { general: { value, provenance: { decision, verified: true } } },
  }));
}
