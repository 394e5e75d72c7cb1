/**
 * The kind of report a set judges — commune, village, household, district level, or work volumes —
 * so `ntm validate --set` can warn when the chosen set is of another kind than the file.
 */
import { getCriteriaSet } from "../../domain/criteria/registry";
import { WORK_VOLUME_SET_ID } from "../../domain/sheet/readReport";

export function setKindOf(setId: string): string | undefined {
  if (setId === WORK_VOLUME_SET_ID) return "work-volume";
  return getCriteriaSet(setId)?.level;
}
