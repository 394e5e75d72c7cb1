/**
 * Work volumes (plan vs done per period): the ratio per item and the check that per-village figures
 * add up. Sums up an org tree are domain/rhythm/sumWorkVolumes (one path for every host).
 *
 * Invariant: a ratio is only given when the plan is a positive number; it uses the cumulative
 * figure when there is one (that is what "Tỷ lệ" columns divide), else the period's figure.
 */
import type { WorkItem } from "../report";

export interface WorkItemProgress {
  name: string;
  unit?: string;
  plan: number | null;
  done: number | null;
  cumulative: number | null;
  /** cumulative (or done) / plan, in percent. */
  ratio: number | null;
  /** The ratio the workbook states, in percent. */
  statedRatio: number | null;
  /** Sum of the per-village figures, and whether it equals `done`. */
  byUnitSum?: number;
  byUnitMatchesDone?: boolean;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function workItemProgress(item: WorkItem): WorkItemProgress {
  const plan = item.plan ?? null;
  const done = item.done ?? null;
  const cumulative = item.cumulative ?? null;
  const numerator = cumulative ?? done;
  const ratio = plan !== null && plan > 0 && numerator !== null ? round((numerator / plan) * 100) : null;
  const out: WorkItemProgress = {
    name: item.name,
    ...(item.unit ? { unit: item.unit } : {}),
    plan,
    done,
    cumulative,
    ratio,
    statedRatio: item.ratio ?? null,
  };
  if (item.byUnit && item.byUnit.length > 0) {
    const sum = round(item.byUnit.reduce((s, u) => s + (u.value ?? 0), 0));
    out.byUnitSum = sum;
    if (done !== null) out.byUnitMatchesDone = Math.abs(sum - done) <= 1e-6 * Math.max(1, Math.abs(done));
  }
  return out;
}

/** Sums up the org tree live in one place (domain/rhythm/sumWorkVolumes), shared with consolidation. */
export {
  sumWorkVolumeTree as sumWorkVolumes,
  type OrgNode,
  type OrgVolumes,
  type VolumeTotal,
} from "../rhythm/sumWorkVolumes";
