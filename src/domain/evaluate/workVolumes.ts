/**
 * Work volumes (plan vs done per period): the ratio per item, the check that per-village figures add
 * up, and the sums up an org tree (villages → commune → district → province).
 *
 * Invariants: a ratio is only given when the plan is a positive number; it uses the cumulative
 * figure when there is one (that is what "Tỷ lệ" columns divide), else the period's figure. Items
 * are summed by (name, unit) after trimming and case-folding the name; quantities in convertible
 * units (m and km) are summed in the unit first seen. Sums never lose an item: an item without a
 * figure contributes nothing but is still listed.
 */
import type { WorkItem } from "../report";
import { convertUnit } from "./convertUnit";

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

export interface OrgNode {
  name: string;
  code?: string;
  workItems?: readonly WorkItem[];
  children?: readonly OrgNode[];
}

export interface VolumeTotal {
  name: string;
  unit?: string;
  plan: number;
  done: number;
  cumulative: number;
  /** cumulative (or done, where no cumulative was reported) / plan, percent; null without a plan. */
  ratio: number | null;
}

export interface OrgVolumes {
  name: string;
  code?: string;
  totals: VolumeTotal[];
  children: OrgVolumes[];
}

const keyOf = (name: string) => name.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");

function addInto(
  acc: Map<string, VolumeTotal & { hasCumulative: boolean }>,
  item: WorkItem | VolumeTotal,
  hasCum: boolean,
) {
  const k = keyOf(item.name);
  let t = acc.get(k);
  if (!t) {
    t = {
      name: item.name,
      ...(item.unit ? { unit: item.unit } : {}),
      plan: 0,
      done: 0,
      cumulative: 0,
      ratio: null,
      hasCumulative: false,
    };
    acc.set(k, t);
  }
  const conv = (x: number | null | undefined) => (x == null ? 0 : (convertUnit(x, item.unit, t!.unit) ?? 0));
  t.plan += conv(item.plan);
  t.done += conv(item.done);
  // Where a node reports no cumulative figure, its period figure is the best cumulative we have.
  t.cumulative += conv(hasCum ? item.cumulative : item.done);
  t.hasCumulative ||= hasCum;
}

/** Sums work volumes from the leaves up; each node's totals include its own items and its children's. */
export function sumWorkVolumes(node: OrgNode): OrgVolumes {
  const children = (node.children ?? []).map(sumWorkVolumes);
  const acc = new Map<string, VolumeTotal & { hasCumulative: boolean }>();
  for (const item of node.workItems ?? []) addInto(acc, item, item.cumulative != null);
  for (const child of children) for (const t of child.totals) addInto(acc, t, true);
  const totals = [...acc.values()].map(({ hasCumulative: _h, ...t }) => ({
    ...t,
    plan: round(t.plan),
    done: round(t.done),
    cumulative: round(t.cumulative),
    ratio: t.plan > 0 ? round((t.cumulative / t.plan) * 100) : null,
  }));
  return { name: node.name, ...(node.code ? { code: node.code } : {}), totals, children };
}
