/**
 * The work-volume report of one org unit for one period (ISO week, month, quarter, year): each item
 * with its unit as written, the plan (registered), what was done this period, the cumulative total
 * and the per-village split where the workbook has one.
 *
 * It travels to the store as indicator values (one entry per figure), so the push path, three-way
 * merge, review and audit of indicator reports carry it unchanged: "<item>:p", "<item>:d", "<item>:c"
 * for plan / done / cumulative, "<item>:v:<village>" for a village's done figure and
 * "<item>:vp:<village>" for its plan (a registration per village), where <item> is
 * the catalogue code or "x-<hash>" of an uncatalogued name. Two people editing different items (or
 * different figures of one item) merge; the same figure edited twice is a conflict.
 * Invariant: `workVolumeFromValues(workVolumeToValues(r))` gives back every item, figure, unit,
 * name, village and cell of `r`; no figure is dropped because its item is unknown.
 */
import type { IndicatorValue, IndicatorValues } from "../sync/protocol";
import type { WorkItem } from "../report";
import { shortHash, workItemKey, type WorkItemCatalogue } from "./workItemCatalogue";

export interface VillageFigure {
  name: string;
  done: number | null;
  /** The village's own plan, where the sheet registers per village. */
  plan?: number | null;
  sheet?: string;
  cell?: string;
}

export interface WorkVolumeEntry {
  /** Catalogue code, or "x-…" for an item the catalogue does not know. */
  key: string;
  /** As the workbook writes it. */
  name: string;
  unit?: string;
  plan: number | null;
  done: number | null;
  cumulative: number | null;
  group?: string;
  sheet?: string;
  /** Cells of the plan, done and cumulative figures. */
  cells?: { plan?: string; done?: string; cumulative?: string };
  villages?: VillageFigure[];
}

export interface WorkVolumeReport {
  period: string;
  items: WorkVolumeEntry[];
}

const FIGURES = { p: "plan", d: "done", c: "cumulative" } as const;
type FigureCode = keyof typeof FIGURES;

/** The reader's work items as report entries, keyed by the catalogue (a repeated key gets its own). */
export function workVolumeEntries(
  catalogue: WorkItemCatalogue,
  items: readonly WorkItem[],
  cells: readonly { planCell?: string; cumulativeCell?: string }[] = [],
): WorkVolumeEntry[] {
  const used = new Set<string>();
  return items.map((w, i) => {
    let { key } = workItemKey(catalogue, w.name, w.unit);
    if (used.has(key)) key = `x-${shortHash(`${w.name}|${w.unit ?? ""}|${i}`)}`;
    used.add(key);
    const c = cells[i] ?? {};
    return {
      key,
      name: w.name,
      ...(w.unit ? { unit: w.unit } : {}),
      plan: w.plan ?? null,
      done: w.done ?? null,
      cumulative: w.cumulative ?? null,
      ...(w.group ? { group: w.group } : {}),
      ...(w.sheet ? { sheet: w.sheet } : {}),
      ...(w.sheet && (c.planCell || w.cell || c.cumulativeCell)
        ? {
            cells: {
              ...(c.planCell ? { plan: c.planCell } : {}),
              ...(w.cell ? { done: w.cell } : {}),
              ...(c.cumulativeCell ? { cumulative: c.cumulativeCell } : {}),
            },
          }
        : {}),
      ...(w.byUnit?.length
        ? {
            villages: w.byUnit.map((u) => ({
              name: u.name,
              done: u.value,
              ...(u.plan !== undefined ? { plan: u.plan } : {}),
              ...(u.sheet ? { sheet: u.sheet } : {}),
              ...(u.cell ? { cell: u.cell } : {}),
            })),
          }
        : {}),
    };
  });
}

function figureValue(
  e: WorkVolumeEntry,
  value: number | null,
  cell: string | undefined,
  group?: boolean,
): IndicatorValue {
  return {
    value,
    ...(e.unit ? { unit: e.unit } : {}),
    label: e.name,
    ...(group && e.group ? { note: e.group } : {}),
    ...(e.sheet && cell ? { sheet: e.sheet, cell } : {}),
  };
}

/**
 * A figure the sheet leaves empty is not sent: a registration says nothing about what was done, so
 * the results pushed after it (from another file) fill the done figures without a conflict, and
 * results without a plan column leave the registered plan standing. An item with no figure at all
 * still travels, as an empty done figure, so no item is dropped.
 */
export function workVolumeToValues(items: readonly WorkVolumeEntry[]): IndicatorValues {
  const out: IndicatorValues = {};
  for (const e of items) {
    const stated = (["plan", "done", "cumulative"] as const).filter((f) => e[f] !== null);
    const figures = stated.length ? stated : (["done"] as const);
    // The group travels on the first figure sent (a registration sends no done figure).
    for (const f of figures) out[`${e.key}:${f[0]}`] = figureValue(e, e[f], e.cells?.[f], f === figures[0]);
    for (const v of e.villages ?? []) {
      const village = shortHash(v.name).slice(0, 6);
      const figure = (value: number | null) => ({
        value,
        ...(e.unit ? { unit: e.unit } : {}),
        label: v.name,
        ...(v.sheet && v.cell ? { sheet: v.sheet, cell: v.cell } : {}),
      });
      const hasPlan = v.plan !== undefined && v.plan !== null;
      // A registration's village has its plan only: its empty done figure is not sent (as above).
      if (v.done !== null || !hasPlan) out[`${e.key}:v:${village}`] = figure(v.done);
      if (hasPlan) out[`${e.key}:vp:${village}`] = figure(v.plan!);
    }
  }
  return out;
}

const KEY = /^(.+?):(p|d|c|vp?:[0-9a-f]{6})$/;

/** Whether stored values are a work-volume report's (every key is an item figure). */
export function isWorkVolumeValues(values: IndicatorValues): boolean {
  const keys = Object.keys(values);
  return keys.length > 0 && keys.every((k) => KEY.test(k));
}

function num(v: IndicatorValue | undefined): number | null {
  return typeof v?.value === "number" ? v.value : null;
}

/** Stored values back as entries, in the order they were pushed. */
export function workVolumeFromValues(values: IndicatorValues): WorkVolumeEntry[] {
  const byKey = new Map<string, WorkVolumeEntry>();
  const villageOf = new Map<string, VillageFigure>();
  for (const [code, v] of Object.entries(values)) {
    const m = KEY.exec(code);
    if (!m) continue;
    const key = m[1];
    let e = byKey.get(key);
    if (!e) {
      e = { key, name: v.label ?? key, plan: null, done: null, cumulative: null };
      byKey.set(key, e);
    }
    if (m[2].startsWith("v")) {
      // A village's done (v:) and plan (vp:) figures are one village of the item.
      const [kind, hash] = m[2].split(":");
      let village = villageOf.get(`${key}|${hash}`);
      if (!village) {
        village = {
          name: v.label ?? hash,
          done: null,
          ...(v.sheet ? { sheet: v.sheet } : {}),
          ...(v.cell ? { cell: v.cell } : {}),
        };
        villageOf.set(`${key}|${hash}`, village);
        (e.villages ??= []).push(village);
      }
      if (kind === "vp") village.plan = num(v);
      else village.done = num(v);
      continue;
    }
    const figure = FIGURES[m[2] as FigureCode];
    e[figure] = num(v);
    if (v.label) e.name = v.label;
    if (v.unit) e.unit = v.unit;
    if (v.note) e.group = v.note;
    if (v.sheet && v.cell) {
      if (figure === "done" || !e.sheet) e.sheet = v.sheet;
      e.cells = { ...e.cells, [figure]: v.cell };
    }
  }
  return [...byKey.values()];
}

/** What a revision holds for the calendar: a registration needs a plan, results a done figure. */
export function workVolumeContent(values: IndicatorValues): { plan: boolean; done: boolean } {
  let plan = false;
  let done = false;
  for (const [code, v] of Object.entries(values)) {
    if (typeof v.value !== "number") continue;
    if (code.endsWith(":p") || /:vp:[0-9a-f]{6}$/.test(code)) plan = true;
    else if (code.endsWith(":d") || /:v:[0-9a-f]{6}$/.test(code)) done = true;
  }
  return { plan, done };
}
