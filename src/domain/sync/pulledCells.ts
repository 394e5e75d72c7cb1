/**
 * Where a pulled report goes in the commune's own workbook: each head value back to the sheet and
 * cell it was read from, each reviewer comment onto its indicator's cell.
 *
 * Invariant: nothing is placed by guess — a value or comment whose indicator has no known sheet and
 * cell is listed as unplaced (the person still sees it in the pane); the whole-report comment ("*")
 * has no cell and is returned apart.
 */
import type { ExpectedCell } from "./pulledCellContent";
import type { IndicatorValue, IndicatorValues, ReportView } from "./protocol";
import { latestReviewerComments, reviewerNoteText, type ReviewerComment } from "./reviewerComments";

export interface PulledCell {
  code: string;
  sheet: string;
  cell: string;
  /** The head value to write; absent when values are not to be written (comments only). */
  value?: IndicatorValue;
  /** The reviewer note to put on the cell (already marked with REVIEWER_NOTE_PREFIX). */
  note?: string;
  /** Write the value only while the cell still holds this (what the pull was planned from). */
  expect?: ExpectedCell;
}

export interface PulledPlan {
  cells: PulledCell[];
  /** Indicator codes with a value or comment but no known cell. */
  unplaced: string[];
  /** The comment on the whole report, if any. */
  general?: ReviewerComment;
}

/**
 * `values: true` writes every head value; `values: false` comments only; `writes` writes just
 * those values (a pull's merge plan), each guarded by `expect[code]` when given.
 */
export function planPulledCells(
  view: ReportView,
  opts: { values: boolean; writes?: IndicatorValues; expect?: Record<string, ExpectedCell> },
): PulledPlan {
  const values = view.head?.values ?? {};
  const toWrite: IndicatorValues = opts.writes ?? (opts.values ? values : {});
  const comments = latestReviewerComments(view);
  const cells: PulledCell[] = [];
  const unplaced: string[] = [];
  const codes = new Set([...Object.keys(values), ...Object.keys(toWrite), ...Object.keys(comments)]);
  codes.delete("*");
  for (const code of codes) {
    const v = Object.prototype.hasOwnProperty.call(toWrite, code) ? toWrite[code] : undefined;
    const at = v ?? values[code];
    const c = comments[code];
    if (!at?.sheet || !at.cell) {
      if (c || v) unplaced.push(code);
      continue;
    }
    if (!v && !c) continue;
    const expect = v ? opts.expect?.[code] : undefined;
    cells.push({
      code,
      sheet: at.sheet,
      cell: at.cell,
      ...(v ? { value: v } : {}),
      ...(c ? { note: reviewerNoteText(c) } : {}),
      ...(expect ? { expect } : {}),
    });
  }
  return { cells, unplaced, ...(comments["*"] ? { general: comments["*"] } : {}) };
}
