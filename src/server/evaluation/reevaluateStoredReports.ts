/**
 * `ntm admin criteria reevaluate ID`: every stored report of a set judged again, each with the
 * version in force for its own period, by the same entry point pushes are judged by
 * (evaluatePushedValues). Results are recorded beside the revisions (reevaluationStore.ts): no new
 * revision, no changed values, no review event.
 * Invariant: a head already judged by the version in force is not recorded again.
 */
import type { OrgTree } from "../store/orgTree";
import type { Reevaluation } from "../store/reevaluationStore";
import type { Store } from "../store/store";
import { evaluateWithVersion } from "./evaluatePushedValues";

export interface ReevaluationResult {
  /** Reports of the set with a head revision. */
  reports: number;
  /** Heads judged again (their version in force differs from the one that judged them). */
  reevaluated: number;
  /** Of those, how many changed their count of criteria met. */
  changed: number;
  /** One line per re-evaluated head: unit code, period, revision, before → after, version label. */
  lines: ReevaluatedLine[];
}

/** One re-evaluated head: unit code, period, revision, criteria met before → after, version label. */
export interface ReevaluatedLine {
  org: string;
  period: string;
  revision: number;
  before: number;
  after: number;
  total: number;
  label: string;
}

function provinceCode(tree: OrgTree, unitId: string): string | undefined {
  return tree.ancestorsOrSelf(unitId).find((u) => u.level === "province")?.code;
}

export async function reevaluateStoredReports(
  store: Store,
  setId: string,
  by: string | null,
): Promise<ReevaluationResult> {
  const tree = await store.tree();
  const reports = (await store.reportsOfSet(setId)).filter((r) => r.head_revision > 0);
  const heads = await store.headEvaluations(reports);
  const rows: Reevaluation[] = [];
  const result: ReevaluationResult = { reports: reports.length, reevaluated: 0, changed: 0, lines: [] };
  for (const report of reports) {
    const head = heads.get(report.id);
    const stored = await store.setInForce(setId, report.period);
    const unit = tree.get(report.org_unit_id);
    if (!head || !stored || !unit) continue;
    if ((head.evaluation.judgedBy?.setHash ?? report.set_hash) === stored.hash) continue;
    const evaluation = evaluateWithVersion(stored, head.values, {
      orgCode: unit.code,
      orgName: unit.name,
      provinceCode: provinceCode(tree, unit.id),
      period: report.period,
    });
    rows.push({ reportId: report.id, revision: head.number, setId, setHash: stored.hash, evaluation });
    result.reevaluated++;
    if (evaluation.criteriaMet !== head.evaluation.criteriaMet) result.changed++;
    result.lines.push({
      org: unit.code,
      period: report.period,
      revision: head.number,
      before: head.evaluation.criteriaMet,
      after: evaluation.criteriaMet,
      total: evaluation.criteriaTotal,
      label: stored.label,
    });
  }
  await store.recordReevaluations(rows, by);
  return result;
}
