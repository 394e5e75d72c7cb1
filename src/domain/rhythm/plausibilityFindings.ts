/**
 * Plausibility of a work-volume report against the commune's previous periods (the DHIS2 idea of
 * outlier and min–max checks), as reviewer findings:
 * - a cumulative that goes down from the previous period that had one;
 * - a period's done figure far outside the commune's own history: robust z-score
 *   0.6745·(x − median)/MAD above `zLimit` (3.5, Iglewicz–Hoaglin), from at least `minHistory`
 *   previous periods whose MAD is not zero;
 * - a done figure outside a min–max the province sets for the item and period kind;
 * - a share above 100 %: a week's done over its registered plan; for longer periods the cumulative
 *   (or done) over the plan, as the workbook's "Tỷ lệ" column divides;
 * - a plan much below the previous period's done (below `planRatio`, ½, of it).
 * Invariant: each finding names the item and carries both values and both periods (the second
 * being the same period where the rule compares within one). Previous figures are converted to
 * the current unit first (m ↔ km); an item in a unit that does not convert is not compared. A
 * finding sits at the figure's cell, or the item's done cell where the sheet has no such column.
 */
import { convertUnit } from "../evaluate/convertUnit";
import type { RhythmFinding } from "./rhythmFinding";
import { previousPeriod } from "./vietnamTime";
import type { WorkVolumeEntry } from "./workVolumeReport";

export interface PeriodEntries {
  period: string;
  items: readonly WorkVolumeEntry[];
}

export interface ProvinceBound {
  /** Catalogue code. */
  item: string;
  periodKind: "week" | "month" | "quarter" | "year";
  unit: string;
  min?: number;
  max?: number;
}

export interface PlausibilityOptions {
  bounds?: readonly ProvinceBound[];
  zLimit?: number;
  minHistory?: number;
  planRatio?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function inUnit(value: number | null, from: WorkVolumeEntry, to: WorkVolumeEntry): number | null {
  if (value === null) return null;
  const v = convertUnit(value, from.unit, to.unit);
  return v === undefined ? null : v;
}

function base(e: WorkVolumeEntry, period: string, cell: string | undefined) {
  return {
    severity: "warning" as const,
    ...(e.sheet && cell ? { sheet: e.sheet, cell } : {}),
    indicator: e.key,
    params: { item: e.name, unit: e.unit ?? null, period },
  };
}

export function plausibilityFindings(
  current: PeriodEntries,
  /** Previous periods of the same kind, newest first or in any order (sorted here). */
  history: readonly PeriodEntries[],
  periodKind: ProvinceBound["periodKind"],
  options: PlausibilityOptions = {},
): RhythmFinding[] {
  const zLimit = options.zLimit ?? 3.5;
  const minHistory = options.minHistory ?? 4;
  const planRatio = options.planRatio ?? 0.5;
  const past = [...history]
    .filter((h) => h.period < current.period)
    .sort((a, b) => (a.period < b.period ? 1 : -1));
  const out: RhythmFinding[] = [];
  for (const e of current.items) {
    const before = past
      .map((h) => ({ period: h.period, item: h.items.find((i) => i.key === e.key) }))
      .filter((h): h is { period: string; item: WorkVolumeEntry } => h.item !== undefined);

    const prevCum = before.find((h) => h.item.cumulative !== null);
    const prevCumValue = prevCum ? inUnit(prevCum.item.cumulative, prevCum.item, e) : null;
    if (e.cumulative !== null && prevCum && prevCumValue !== null && e.cumulative < prevCumValue - 1e-9) {
      const b = base(e, current.period, e.cells?.cumulative ?? e.cells?.done);
      out.push({
        type: "volume/cumulative-decreased",
        ...b,
        params: {
          ...b.params,
          value: e.cumulative,
          previousValue: round(prevCumValue),
          previousPeriod: prevCum.period,
        },
      });
    }

    const doneHistory = before
      .map((h) => ({ period: h.period, value: inUnit(h.item.done, h.item, e) }))
      .filter((h): h is { period: string; value: number } => h.value !== null);
    if (e.done !== null && doneHistory.length >= minHistory) {
      const values = doneHistory.map((h) => h.value);
      const med = median(values);
      const mad = median(values.map((v) => Math.abs(v - med)));
      const z = mad > 0 ? (0.6745 * (e.done - med)) / mad : 0;
      if (Math.abs(z) > zLimit) {
        const b = base(e, current.period, e.cells?.done);
        out.push({
          type: "volume/outlier",
          ...b,
          params: {
            ...b.params,
            value: e.done,
            previousValue: round(doneHistory[0].value),
            previousPeriod: doneHistory[0].period,
            median: round(med),
            zScore: round(z),
            periods: values.length,
          },
        });
      }
    }

    const bound = options.bounds?.find((x) => x.item === e.key && x.periodKind === periodKind);
    const doneInBoundUnit = bound && e.done !== null ? convertUnit(e.done, e.unit, bound.unit) : undefined;
    if (
      bound &&
      doneInBoundUnit !== undefined &&
      ((bound.min !== undefined && doneInBoundUnit < bound.min) ||
        (bound.max !== undefined && doneInBoundUnit > bound.max))
    ) {
      const b = base(e, current.period, e.cells?.done);
      out.push({
        type: "volume/out-of-bounds",
        ...b,
        params: {
          ...b.params,
          value: e.done,
          min: bound.min ?? null,
          max: bound.max ?? null,
          boundUnit: bound.unit,
          previousValue: doneHistory[0] ? round(doneHistory[0].value) : null,
          previousPeriod: doneHistory[0]?.period ?? null,
        },
      });
    }

    // A week's plan is that week's registration; a month's or a year's is the plan the cumulative runs against.
    const reached = periodKind === "week" ? e.done : (e.cumulative ?? e.done);
    if (e.plan !== null && e.plan > 0 && reached !== null && reached > e.plan * 1.000001) {
      const b = base(
        e,
        current.period,
        periodKind === "week" ? e.cells?.done : (e.cells?.cumulative ?? e.cells?.done),
      );
      out.push({
        type: "volume/share-over-100",
        ...b,
        params: {
          ...b.params,
          value: reached,
          plan: e.plan,
          share: round((reached / e.plan) * 100),
          previousPeriod: current.period,
        },
      });
    }

    const lastPeriod = previousPeriod(current.period);
    const prev = before.find((h) => h.period === lastPeriod);
    const prevDone = prev ? inUnit(prev.item.done, prev.item, e) : null;
    if (prev && prevDone !== null && prevDone > 0 && e.plan !== null && e.plan < prevDone * planRatio) {
      const b = base(e, current.period, e.cells?.plan ?? e.cells?.done);
      out.push({
        type: "volume/plan-below-last-done",
        ...b,
        params: { ...b.params, value: e.plan, previousValue: round(prevDone), previousPeriod: prev.period },
      });
    }
  }
  return out;
}
