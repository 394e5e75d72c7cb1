/**
 * The words a person reads for a report's review state, in each language: one table for the CLI,
 * the store's consolidation, the add-in's consolidation sheet and the reviewer's note on a cell.
 */
import type { ReviewState } from "../sync/protocol";
import type { Lang } from "./formatNumber";

export const REVIEW_STATE_TEXT: Record<Lang, Record<ReviewState, string>> = {
  vi: {
    none: "Chưa gửi",
    submitted: "Đã gửi",
    returned: "Trả lại",
    approved: "Đã duyệt",
    reopened: "Mở lại",
  },
  en: {
    none: "Not sent",
    submitted: "Submitted",
    returned: "Returned",
    approved: "Approved",
    reopened: "Reopened",
  },
};
