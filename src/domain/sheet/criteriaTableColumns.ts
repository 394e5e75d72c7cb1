/**
 * Which columns of a detected criteria table the reader takes each field from: numbering, names,
 * the one target column that applies to the commune (among general, region and group columns),
 * and one value/self-assessment pair per period written side by side.
 * Invariant: at least one period pair always exists, the latest last, so a table without periods
 * reads exactly like a table with one.
 */
import type { Grid } from "./grid";
import { cellText } from "./gridText";
import { columnOf, columnsWithRole, type TableColumn, type TableLayout } from "./detectTable";

export interface CriteriaColumns {
  no?: number;
  criterion?: number;
  content?: number;
  target?: number;
  value?: number;
  sa?: number;
  met?: number;
  unmet?: number;
  notes?: number;
  /** One result (and assessment) column pair per period side by side; one pair without periods. */
  periods: { period?: string; value?: number; sa?: number }[];
}

export interface CriteriaReadOptions {
  /** The commune's region ("BTB"): picks its column among several target columns. */
  region?: string;
  /** The commune's group ("2", 2026–2030): picks its column the same way. */
  group?: string;
}

/**
 * The target column that applies: the commune's region's, else the general one ("Chỉ tiêu chung"),
 * else the only or first one.
 */
export function applicableTarget(
  layout: TableLayout,
  region: string | undefined,
  group?: string,
): TableColumn | undefined {
  const targets = columnsWithRole(layout, "target");
  if (targets.length <= 1) return targets[0];
  return (
    (group ? targets.find((t) => t.group === group) : undefined) ??
    (region ? targets.find((t) => t.region === region) : undefined) ??
    (region ? byElimination(targets) : undefined) ??
    targets.find((t) => t.region === "general") ??
    targets.find((t) => t.region === undefined && t.group === undefined) ??
    targets[0]
  );
}

/**
 * Region columns where the commune's region is not among those named: the one region column whose
 * header could not be read ("DHNTTB") is the commune's, when it is the only one.
 */
function byElimination(targets: TableColumn[]): TableColumn | undefined {
  const named = targets.filter((t) => t.region !== undefined && t.region !== "general");
  if (named.length < 3) return undefined;
  const unnamed = targets.filter(
    (t) => t.region === undefined && t.group === undefined && t.header.includes(" / "),
  );
  return unnamed.length === 1 ? unnamed[0] : undefined;
}

function periodColumns(layout: TableLayout): CriteriaColumns["periods"] {
  const values = columnsWithRole(layout, "value");
  const sas = columnsWithRole(layout, "selfAssessment");
  const periods = [...new Set([...values, ...sas].map((c) => c.period))];
  if (periods.length < 2 || periods.includes(undefined))
    return [{ value: columnOf(layout, "value"), sa: columnOf(layout, "selfAssessment") }];
  return periods.map((period) => ({
    ...(period ? { period } : {}),
    value: values.find((c) => c.period === period)?.col,
    sa: sas.find((c) => c.period === period)?.col,
  }));
}

export function criteriaColumnsOf(layout: TableLayout, options: CriteriaReadOptions): CriteriaColumns {
  const periods = periodColumns(layout);
  const latest = periods[periods.length - 1];
  return {
    periods,
    no: columnOf(layout, "no"),
    criterion: columnOf(layout, "criterion"),
    content: columnOf(layout, "content"),
    target: applicableTarget(layout, options.region, options.group)?.col,
    value: latest.value,
    sa: latest.sa,
    met: columnOf(layout, "metMark"),
    unmet: columnOf(layout, "unmetMark"),
    notes: columnOf(layout, "notes"),
  };
}

/** The numbering cell's text; a number typed as 17.1 keeps Excel's display ("17.10") when known. */
export function labelText(grid: Grid, r: number, c: number | undefined): string {
  if (c === undefined) return "";
  const cell = grid.cells[r]?.[c];
  if (!cell) return "";
  if (typeof cell.v === "number" && cell.w) return cell.w.trim();
  return cellText(cell);
}
