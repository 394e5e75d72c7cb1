/**
 * Reviewer comments as a pulled report carries them, for the places that write them back into a
 * workbook (`ntm pull` into a file, the add-in into the open workbook).
 *
 * Invariant: an indicator's comment is the one of the latest review decision (returned, approved,
 * reopened) that mentions it; "submitted" events carry no reviewer words. A note the add-in writes
 * starts with REVIEWER_NOTE_PREFIX, so it can be recognised, replaced or removed later without
 * touching anybody else's note.
 */
import type { IndicatorValue, ReportView, ReviewEvent } from "./protocol";
import { REVIEW_STATE_TEXT } from "../i18n/reviewStateText";

/** Marks a cell note as the reviewer's words, written by NTM (not by the person at the keyboard). */
export const REVIEWER_NOTE_PREFIX = "[NTM – Ý kiến thẩm định]";

export interface ReviewerComment {
  text: string;
  author: string;
  kind: ReviewEvent["kind"];
  /** ISO time of the review decision. */
  createdAt: string;
  revision: number;
}

/** Latest reviewer comment per indicator code ("*" = the whole report), with who and when. */
export function latestReviewerComments(view: ReportView): Record<string, ReviewerComment> {
  const out: Record<string, ReviewerComment> = {};
  for (const e of view.reviews) {
    if (e.kind === "submitted") continue;
    for (const [code, text] of Object.entries(e.comments)) {
      if (text.trim())
        out[code] = { text, author: e.author, kind: e.kind, createdAt: e.createdAt, revision: e.revision };
    }
  }
  return out;
}

/**
 * The texts of latestReviewerComments alone, for a listing with no room for who and when: the
 * same rule (a blank comment does not hide an earlier one), never a second reading of the events.
 */
export function latestComments(view: ReportView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, c] of Object.entries(latestReviewerComments(view))) out[code] = c.text;
  return out;
}

/** The text of the note put on an indicator's cell: marker, decision, reviewer, date, then the words. */
export function reviewerNoteText(c: ReviewerComment): string {
  return `${REVIEWER_NOTE_PREFIX} ${REVIEW_STATE_TEXT.vi[c.kind]} – ${c.author}, ${c.createdAt.slice(0, 10)}, phiên bản ${c.revision}:\n${c.text}`;
}

/** True for a note the add-in wrote with a reviewer's words. */
export function isReviewerNote(text: string): boolean {
  return text.startsWith(REVIEWER_NOTE_PREFIX);
}

/**
 * A value the way a workbook cell holds it without formatting knowledge: a range becomes its
 * text ("30–35"), everything else as is. (What `ntm pull` writes into a file.)
 */
export function pulledCellValue(v: IndicatorValue): string | number | boolean | null {
  const x = v.value;
  if (x !== null && typeof x === "object") return `${x.min}–${x.max}`;
  return x;
}
