/**
 * Rolls member statuses (indicators of a criterion, criteria of a set) up by a rule.
 *
 * Invariants:
 * - "all": met exactly when every member is met; unmet as soon as one is unmet; else unknown.
 * - "atLeast n": met when ≥ n are met; unmet when even all unknown members could not reach n.
 * - "share": the share met is reported; met when it reaches the goal (100 % without one), unmet
 *   when it cannot even with every unknown member met. Adding a met member never lowers the share.
 * - An empty member list is unknown (nothing proves it met).
 * - Not-applicable members are left out (so a list of only such members is empty: unknown).
 */
import type { Rollup } from "../criteria/schema";
import type { IndicatorStatus, RollupResult } from "./types";

export function rollup(
  members: readonly IndicatorStatus[],
  rule: Rollup,
  goalOverride?: number,
): RollupResult {
  const statuses = members.filter((s) => s !== "not-applicable");
  let met = 0;
  let unmet = 0;
  for (const s of statuses) {
    if (s === "met") met++;
    else if (s === "unmet") unmet++;
  }
  const total = statuses.length;
  const unknown = total - met - unmet;
  const share = total === 0 ? 0 : met / total;
  const counts = { met, unmet, unknown, total, share };
  if (total === 0) return { status: "unknown", ...counts };
  switch (rule.rule) {
    case "all":
      return { status: unmet > 0 ? "unmet" : unknown > 0 ? "unknown" : "met", ...counts };
    case "atLeast":
      return {
        status: met >= rule.n ? "met" : met + unknown < rule.n ? "unmet" : "unknown",
        ...counts,
      };
    case "share": {
      const goal = goalOverride ?? rule.goal ?? 100;
      const reached = share * 100 >= goal - 1e-9;
      const reachable = ((met + unknown) / total) * 100 >= goal - 1e-9;
      const distanceToGoal = Math.max(0, Math.round((goal - share * 100) * 1e6) / 1e6);
      return {
        status: reached ? "met" : reachable ? "unknown" : "unmet",
        ...counts,
        goal,
        distanceToGoal,
      };
    }
  }
}
