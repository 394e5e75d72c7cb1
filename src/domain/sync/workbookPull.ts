/**
 * The one pull: what a pull may write into a commune's workbook, for every host (the Excel pane,
 * the standalone pane, `ntm pull`). Plans the per-indicator three-way merge (planPull), applies the
 * person's choices for conflicts (choosePulled), and places every write and reviewer note.
 *
 * Invariants: a value is placed only where this workbook's reader located that indicator (the
 * server's `sheet`/`cell` are never trusted as a target: an indicator the reader did not find is
 * listed in `unknownTargets`, not written); an open conflict writes nothing; every conflict is
 * returned with the workbook's sheet and cell so the person can find it. Codes and sheet names from
 * the server are only ever Map keys or looked up as own properties.
 */
import type { IndicatorConflict } from "./mergeIndicatorValues";
import {
  choosePulled,
  planPull,
  expectedOf,
  sameMeaning,
  type PullChoice,
  type PullSettlement,
} from "./planPull";
import type { IndicatorValue, IndicatorValues, ReportView } from "./protocol";
import type { ExpectedCell } from "./pulledCellContent";
import type { PulledCell } from "./pulledCells";
import { latestReviewerComments, reviewerNoteText, type ReviewerComment } from "./reviewerComments";

/** How the person settles pull conflicts: one side for all, and/or one per indicator code. */
export interface PullChoices {
  all?: PullChoice;
  byCode?: ReadonlyMap<string, PullChoice>;
}

export interface WorkbookPullPlan {
  /** The head revision planned against. */
  head: number;
  /** Cells to write (value guarded by `expect`) and reviewer notes to put on cells. */
  cells: PulledCell[];
  /** Changed on both sides and not settled by a choice: nothing written for them. */
  conflicts: IndicatorConflict[];
  /** Changed only in this workbook (or settled "mine"): kept, still to be pushed. */
  keptLocal: string[];
  /** Head values to write whose indicator this workbook's reader did not locate: listed, not written. */
  unknownTargets: string[];
  /** Indicators with a reviewer comment but no located cell. */
  unplaced: string[];
  /** The comment on the whole report, if any. */
  general?: ReviewerComment;
}

function own<T>(values: Record<string, T>, code: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(values, code) ? values[code] : undefined;
}

/** Where the reader found the indicator in this workbook, if it did. */
function located(read: IndicatorValues, code: string): { sheet: string; cell: string } | undefined {
  const r = own(read, code);
  return r?.sheet && r.cell ? { sheet: r.sheet, cell: r.cell } : undefined;
}

/** The conflict with its three sides placed at the workbook's own cell (when the reader located it). */
function placeConflict(c: IndicatorConflict, read: IndicatorValues): IndicatorConflict {
  const at = located(read, c.code);
  const put = (v: IndicatorValue | null) => (v && at ? { ...v, ...at } : v);
  return { code: c.code, base: put(c.base), mine: put(c.mine), theirs: put(c.theirs) };
}

function choiceFor(choices: PullChoices | undefined, code: string): PullChoice | undefined {
  return choices?.byCode?.get(code) ?? choices?.all;
}

/**
 * `base` is the values of the revision the workbook was last in step with (undefined: never);
 * `read` what the reader reads in the workbook now, with where it found each indicator.
 */
export function planWorkbookPull(
  view: ReportView,
  base: IndicatorValues | undefined,
  read: IndicatorValues,
  choices?: PullChoices,
): WorkbookPullPlan {
  const theirs = view.head?.values ?? {};
  const merge = planPull(base, read, theirs);
  const picked: Record<string, PullChoice | undefined> = Object.create(null);
  for (const c of merge.conflicts) picked[c.code] = choiceFor(choices, c.code);
  const settled = choosePulled(merge.conflicts, picked);

  const writes = new Map<string, { value: IndicatorValue; expect: ExpectedCell }>();
  for (const [code, v] of Object.entries(merge.writes))
    writes.set(code, { value: v, expect: merge.expect[code] });
  const byCode = new Map(merge.conflicts.map((c) => [c.code, c]));
  for (const [code, v] of Object.entries(settled.writes))
    writes.set(code, { value: v, expect: expectedOf(byCode.get(code)?.mine) });

  const comments = latestReviewerComments(view);
  const cells = new Map<string, PulledCell>();
  const unknownTargets: string[] = [];
  for (const [code, w] of [...writes].sort(([a], [b]) => a.localeCompare(b))) {
    const at = located(read, code);
    if (!at) {
      // Nothing there to overwrite and nowhere known to put it: an empty head value is no loss.
      if (w.value.value !== null) unknownTargets.push(code);
      continue;
    }
    const { sheet: _s, cell: _c, ...value } = w.value;
    cells.set(code, { code, ...at, value: { ...value, ...at }, expect: w.expect });
  }
  const unplaced: string[] = [];
  for (const [code, c] of Object.entries(comments)) {
    if (code === "*") continue;
    const at = located(read, code);
    if (!at) {
      unplaced.push(code);
      continue;
    }
    const there = cells.get(code);
    cells.set(code, { ...(there ?? { code, ...at }), note: reviewerNoteText(c) });
  }
  return {
    head: view.head?.number ?? 0,
    cells: [...cells.values()],
    conflicts: settled.open.map((c) => placeConflict(c, read)),
    keptLocal: [...merge.keptLocal, ...settled.keptLocal].sort(),
    unknownTargets,
    unplaced: unplaced.sort(),
    ...(own(comments, "*") ? { general: comments["*"] } : {}),
  };
}

/**
 * May the workbook now count as in step with the head (its base moves to the head)? Only when
 * every indicator that still differs from the head is one kept on purpose (changed only here, or
 * settled "mine"): an open conflict, a cell not written (formula, prose, unknown target) keeps the
 * old base, so the next push or pull meets the difference again instead of overwriting it.
 */
export function inStepAfterPull(
  plan: WorkbookPullPlan,
  readAfter: IndicatorValues,
  theirs: IndicatorValues,
): boolean {
  if (plan.conflicts.length) return false;
  const kept = new Set(plan.keptLocal);
  const codes = new Set([...Object.keys(readAfter), ...Object.keys(theirs)]);
  for (const code of codes) {
    if (kept.has(code)) continue;
    const t = own(theirs, code);
    const m = own(readAfter, code);
    if (!t && (!m || m.value === null)) continue;
    if (!sameMeaning(m ?? null, t ?? null)) return false;
  }
  return true;
}

/**
 * The person's choices for conflicts a pull left open → what to write. Only a conflict whose cell
 * this workbook's reader located is written (its `mine` carries the place, see placeConflict).
 */
export function settleWorkbookPull(
  conflicts: IndicatorConflict[],
  choices: Record<string, PullChoice | undefined>,
): PullSettlement {
  const located = conflicts.filter((c) => c.mine?.sheet && c.mine.cell);
  const unlocated = conflicts.filter((c) => !(c.mine?.sheet && c.mine.cell));
  const picked: Record<string, PullChoice | undefined> = Object.create(null);
  for (const c of located) picked[c.code] = own(choices, c.code);
  const settled = choosePulled(located, picked);
  return { ...settled, open: [...settled.open, ...unlocated] };
}
