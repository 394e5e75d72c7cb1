/**
 * The consolidation the store serves: for every commune (and village) within a unit, the head
 * revision's stored evaluation — criteria met, each criterion's status — and its review state.
 * It reads the evaluations the domain core's evaluate() made when each revision was pushed (the
 * server's own judgement), so it needs no re-evaluation and agrees with what reviewers saw.
 * (src/domain/consolidate works on workbooks read from files; this is its store-side counterpart.)
 *
 * Invariant: one row per unit of the set's level within `under`, reported or not (an unreported
 * unit has null counts), sorted by code; nothing outside `under` appears.
 */
import type { CriteriaSet } from "../../domain/criteria/schema";
import type { Consolidation, ConsolidationRow, EvaluationSummary } from "../../domain/sync/protocol";
import type { OrgTree, OrgUnitRow } from "../store/orgTree";
import type { ReportRow, Store } from "../store/store";

export async function rollUpStoredEvaluations(store: Store, tree: OrgTree, set: CriteriaSet, period: string, under: OrgUnitRow): Promise<Consolidation> {
  const units = tree.within(under.id).filter((u) => u.level === "commune" || u.level === "village");
  const reports = await store.reportsFor(units.map((u) => u.id), set.id, period);
  const byUnit = new Map<string, ReportRow>(reports.map((r) => [r.org_unit_id, r]));
  // One query for every head, not one per unit.
  const heads = await store.headEvaluations(reports);
  const rows: ConsolidationRow[] = [];
  for (const u of units) {
    const report = byUnit.get(u.id);
    // Only villages that reported are listed: most villages keep no report of a commune-level set.
    if (!report && u.level === "village") continue;
    const head = report ? heads.get(report.id) : undefined;
    rows.push(rowFor(u, set, report, head?.number ?? null, head?.evaluation));
  }
  return {
    set: set.id,
    period,
    under: under.code,
    criteria: set.criteria.map((c) => ({ code: c.code, name: c.name.vi })),
    communes: rows.filter((r) => r.level === "commune"),
    villages: rows.filter((r) => r.level === "village"),
  };
}

function rowFor(u: OrgUnitRow, set: CriteriaSet, report: ReportRow | undefined, revision: number | null, e: EvaluationSummary | undefined): ConsolidationRow {
  const criteria: ConsolidationRow["criteria"] = {};
  for (const c of set.criteria) criteria[c.code] = e?.criteria.find((x) => x.code === c.code)?.status ?? "unknown";
  return {
    org: u.code,
    name: u.name,
    level: u.level,
    revision,
    reviewState: report?.review_state ?? "none",
    criteriaMet: e ? e.criteriaMet : null,
    criteriaTotal: set.criteria.length,
    criteria,
    progress: e ? e.progress : null,
  };
}
