/**
 * The one way work volumes are added up — for `ntm consolidate` (commune → district → province),
 * for the evaluation's org tree (village → commune → district) and for the store's weekly
 * consolidation. Items meet by the shared catalogue (workItemCatalogue.ts): "Trồng hàng rào xanh"
 * and "hàng rào  xanh" are one line; an item no entry knows is summed with the items of the same
 * folded name and unit class.
 *
 * Invariants:
 * - Units stay as written unless a conversion is certain: a line's unit is the catalogue's unit
 *   when some part writes it, else the first part's; parts in m and km are converted to it (m ↔ km,
 *   m² ↔ ha, kg ↔ tấn), counted things ("cái", "hệ thống") are never converted.
 * - A level's plan / done / cumulative is the sum of its parts' non-null figures, null when every
 *   part's is null (a commune that reports no cumulative adds nothing to the cumulative).
 * - share = (cumulative, or done where there is no cumulative) / plan × 100, from the level's own
 *   sums, as the summary workbook's formulas compute it; null without a positive plan.
 */
import { convertUnit } from "../evaluate/convertUnit";
import type { WorkItem } from "../report";
import { SHIPPED_WORK_ITEMS, workItemKey, type WorkItemCatalogue } from "./workItemCatalogue";

export interface VolumeFigures {
  plan: number | null;
  done: number | null;
  cumulative: number | null;
}

export interface VolumeAmounts extends VolumeFigures {
  /** Percent of plan reached: (cumulative, or done where no cumulative) / plan × 100. */
  share: number | null;
}

/** One item of one source (a file, a stored report, a village), in the unit it was written in. */
export interface VolumePart<T> {
  name: string;
  unit?: string | null;
  figures: VolumeFigures;
  source: T;
}

/** Parts of one line, each converted to the line's unit. */
export interface VolumeLine<T> {
  key: string;
  name: string;
  unit: string | null;
  parts: { source: T; amounts: VolumeAmounts }[];
  amounts: VolumeAmounts;
}

const clean = (x: number) => Math.round(x * 1e9) / 1e9;

export function withShare(a: VolumeFigures): VolumeAmounts {
  const reached = a.cumulative ?? a.done;
  const share = a.plan && a.plan > 0 && reached !== null ? (reached / a.plan) * 100 : null;
  return { plan: a.plan, done: a.done, cumulative: a.cumulative, share };
}

function sumNullable(xs: readonly (number | null)[]): number | null {
  let s: number | null = null;
  for (const x of xs) if (x !== null) s = (s ?? 0) + x;
  return s === null ? null : clean(s);
}

export function sumAmounts(parts: readonly VolumeFigures[]): VolumeAmounts {
  return withShare({
    plan: sumNullable(parts.map((p) => p.plan)),
    done: sumNullable(parts.map((p) => p.done)),
    cumulative: sumNullable(parts.map((p) => p.cumulative)),
  });
}

function num(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

export function figuresOf(item: Pick<WorkItem, "plan" | "done" | "cumulative">): VolumeFigures {
  return { plan: num(item.plan), done: num(item.done), cumulative: num(item.cumulative) };
}

function convertFigures(f: VolumeFigures, from: string | null, to: string | null): VolumeFigures {
  const c = (x: number | null) =>
    x === null ? null : clean(convertUnit(x, from ?? undefined, to ?? undefined) ?? x);
  return { plan: c(f.plan), done: c(f.done), cumulative: c(f.cumulative) };
}

/** Parts grouped into lines by the catalogue, in the order each line was first seen. */
export function groupVolumeParts<T>(
  parts: readonly VolumePart<T>[],
  catalogue: WorkItemCatalogue = SHIPPED_WORK_ITEMS,
): VolumeLine<T>[] {
  const groups = new Map<string, { name: string; catalogueUnit?: string; parts: VolumePart<T>[] }>();
  for (const p of parts) {
    const unit = p.unit?.trim() || undefined;
    const { key, entry } = workItemKey(catalogue, p.name, unit);
    let g = groups.get(key);
    if (!g)
      groups.set(key, (g = { name: entry?.name ?? p.name.trim(), catalogueUnit: entry?.unit, parts: [] }));
    g.parts.push(p);
  }
  return [...groups.entries()].map(([key, g]) => {
    const units = g.parts.map((p) => p.unit?.trim() || null);
    const unit =
      units.find((u) => u !== null && u === g.catalogueUnit) ?? units.find((u) => u !== null) ?? null;
    const converted = g.parts.map((p, i) => ({
      source: p.source,
      amounts: withShare(convertFigures(p.figures, units[i], unit)),
    }));
    return {
      key,
      name: g.name,
      unit,
      parts: converted,
      amounts: sumAmounts(converted.map((c) => c.amounts)),
    };
  });
}

export interface OrgNode {
  name: string;
  code?: string;
  workItems?: readonly WorkItem[];
  children?: readonly OrgNode[];
}

export interface VolumeTotal extends VolumeAmounts {
  key: string;
  name: string;
  unit?: string;
  /** share rounded to 1e-6, for display. */
  ratio: number | null;
}

export interface OrgVolumes {
  name: string;
  code?: string;
  totals: VolumeTotal[];
  children: OrgVolumes[];
}

/** Sums from the leaves up; each node's totals hold its own items and its children's totals. */
export function sumWorkVolumeTree(
  node: OrgNode,
  catalogue: WorkItemCatalogue = SHIPPED_WORK_ITEMS,
): OrgVolumes {
  const children = (node.children ?? []).map((c) => sumWorkVolumeTree(c, catalogue));
  const parts: VolumePart<null>[] = [
    ...(node.workItems ?? []).map((w) => ({
      name: w.name,
      unit: w.unit,
      figures: figuresOf(w),
      source: null,
    })),
    ...children.flatMap((c) =>
      c.totals.map((t) => ({ name: t.name, unit: t.unit, figures: t, source: null })),
    ),
  ];
  const totals = groupVolumeParts(parts, catalogue).map((l) => ({
    key: l.key,
    name: l.name,
    ...(l.unit ? { unit: l.unit } : {}),
    ...l.amounts,
    ratio: l.amounts.share === null ? null : Math.round(l.amounts.share * 1e6) / 1e6,
  }));
  return { name: node.name, ...(node.code ? { code: node.code } : {}), totals, children };
}
