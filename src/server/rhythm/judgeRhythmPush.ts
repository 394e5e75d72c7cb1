/**
 * The server's judgement of a pushed work-volume or village-progress report: the values must have
 * the kind's shape, and the evaluation is the domain's (evaluateRhythmValues) against what only the
 * store knows — the unit's earlier periods (plausibility) and its villages (the roll-up's "of").
 * The push itself then goes through the one push path (revisionPush.ts) like any report.
 */
import {
  evaluateRhythmValues,
  rhythmValueProblems,
  type RhythmKind,
} from "../../domain/rhythm/rhythmReportKinds";
import { periodKindOf } from "../../domain/rhythm/vietnamTime";
import type { EvaluationSummary, IndicatorValues } from "../../domain/sync/protocol";
import type { OrgUnitRow } from "../store/orgTree";
import type { Store } from "../store/store";

/** How many earlier periods the outlier rule looks back over. */
const HISTORY_PERIODS = 12;

export async function judgeRhythmValues(
  store: Store,
  unit: OrgUnitRow,
  kind: RhythmKind,
  period: string,
  values: IndicatorValues,
): Promise<{ unknown: string[]; evaluation?: EvaluationSummary }> {
  const unknown = rhythmValueProblems(kind, Object.keys(values));
  if (unknown.length) return { unknown };
  const periodKind = periodKindOf(period);
  const earlier = (await store.listReports([unit.id], { setId: kind }))
    .filter((r) => r.period < period && periodKindOf(r.period) === periodKind)
    .sort((a, b) => (a.period < b.period ? 1 : -1))
    .slice(0, HISTORY_PERIODS);
  const heads = await store.headEvaluations(earlier);
  const history = earlier.flatMap((r) => {
    const head = heads.get(r.id);
    return head ? [{ period: r.period, values: head.values }] : [];
  });
  const tree = await store.tree();
  const knownVillages = tree
    .childrenOf(unit.id)
    .filter((u) => u.level === "village")
    .map((u) => u.name);
  return { unknown, evaluation: evaluateRhythmValues(kind, values, period, history, { knownVillages }) };
}
