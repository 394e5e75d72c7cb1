/**
 * The head line of a check — what a person reads first — from the per-file result alone, so the
 * CLI's text report, the pane and the ribbon command say the same thing: criteria met for an
 * indicator report or a one-village checklist, how many villages meet every criterion for a matrix
 * of villages (its commune-level criteria are not what it reports), the number of work items for a
 * work-volume report, and
 * "could not read" rather than "0/19" for a file where nothing was recognised.
 */
import type { FileValidation } from "../consolidate/fileValidation";
import { WORK_VOLUME_SET_ID } from "../sheet/readReport";

export type CheckHeadline =
  | { kind: "criteria"; met: number; total: number }
  | { kind: "work-items"; count: number }
  | { kind: "villages"; complete: number; count: number }
  | { kind: "unread"; code: string };

export function checkHeadline(v: FileValidation): CheckHeadline {
  if (v.error) return { kind: "unread", code: v.error.code };
  if (v.set?.id === WORK_VOLUME_SET_ID) return { kind: "work-items", count: v.workItems?.length ?? 0 };
  const units = v.units ?? [];
  if (units.length > 1 && !v.indicators?.length) {
    const complete = units.filter((u) => u.criteriaTotal > 0 && u.criteriaMet === u.criteriaTotal).length;
    return { kind: "villages", complete, count: units.length };
  }
  return { kind: "criteria", met: v.summary?.criteriaMet ?? 0, total: v.summary?.criteriaTotal ?? 0 };
}

/** One line, Vietnamese then English. */
export function headlineText(h: CheckHeadline): string {
  switch (h.kind) {
    case "criteria":
      return `Tiêu chí đạt / criteria met: ${h.met}/${h.total}`;
    case "work-items":
      return `Khối lượng / work items: ${h.count}`;
    case "villages":
      return `Thôn đạt đủ tiêu chí / villages meeting every criterion: ${h.complete}/${h.count}`;
    default:
      return `Không đọc được tệp / file not read (${h.code})`;
  }
}
