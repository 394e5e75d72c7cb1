/**
 * Where a pulled report goes in the commune's own workbook: each head value back to the sheet and
 * cell it was read from, each reviewer comment onto its indicator's cell.
 *
 * Invariant: nothing is placed by guess — a value or comment whose indicator has no known sheet and
 * cell is listed as unplaced (the person still sees it in the pane); the whole-report comment ("*")
 * has no cell and is returned apart.
 */
import type { IndicatorValue, ReportView } from "./protocol";
import { latestReviewerComments, reviewerNoteText, type ReviewerComment } from "./reviewerComments";

export interface PulledCell {
  code: string;
  sheet: string;
  cell: string;
  /** The head value to write; absent when values are not to be written (comments only). */
  value?: IndicatorValue;
  /** The reviewer note to put on the cell (already marked with REVIEWER_NOTE_PREFIX). */
  note?: string;
}

export interface PulledPlan {
  cells: PulledCell[];
  /** Indicator codes with a value or comment but no known cell. */
  unplaced: string[];
  /** The comment on the whole report, if any. */
  general?: ReviewerComment;
}

export function planPulledCells(view: ReportView, opts: { values: boolean }): PulledPlan {
  const values = view.head?.values ?? {};
  const comments = latestReviewerComments(view);
  const cells: PulledCell[] = [];
  const unplaced: string[] = [];
  const codes = new Set([...Object.keys(values), ...Object.keys(comments)]);
  codes.delete("*");
  for (const code of codes) {
    const v = values[code];
    const c = comments[code];
    if (!v?.sheet || !v.cell) {
      if (c || opts.values) unplaced.push(code);
      continue;
    }
    if (!opts.values && !c) continue;
    cells.push({ code, sheet: v.sheet, cell: v.cell, ...(opts.values ? { value: v } : {}), ...(c ? { note: reviewerNoteText(c) } : {}) });
  }
  return { cells, unplaced, ...(comments["*"] ? { general: comments["*"] } : {}) };
}
