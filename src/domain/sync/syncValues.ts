/**
 * What a report sends to the store: its indicator values keyed by code (the first row of a code
 * wins), and, where the workbook marks a whole criterion (an "x" under Đạt / Chưa đạt) and the set
 * assesses that criterion by a single yes/no indicator, the mark as that indicator's value. Without
 * the second part a workbook that only marks criteria (the nâng cao sample) had nothing to send.
 *
 * A mark's value carries the sheet and the mark's cell as `selfAssessmentCell`, never as `cell`:
 * a pull writes values back to `cell`, and TRUE written over an "x" would break the commune's
 * layout; without `cell` the pull lists it for the person instead (nothing placed by guess).
 * Codes the set does not know are left out and named, so the sender can say so (the store refuses
 * them); so are marks on a criterion measured by a number (income): a mark is not that number.
 */
import type { CriteriaSet } from "../criteria/schema";
import type { Report } from "../report";
import type { IndicatorValues } from "./protocol";

export interface SyncValues {
  values: IndicatorValues;
  /** Codes of rows the set does not have, in reading order. */
  skipped: string[];
  /** Criteria marked in the workbook whose mark cannot be sent (no single yes/no indicator, or unknown). */
  marksNotSent: string[];
}

/** Every indicator code of a set: what may be sent, and what the store accepts. */
export function knownIndicatorCodes(set: CriteriaSet): Set<string> {
  return new Set(set.criteria.flatMap((c) => c.indicators.map((i) => i.code)));
}

export function syncValuesOf(report: Report, set: CriteriaSet | undefined): SyncValues {
  const known = set ? knownIndicatorCodes(set) : undefined;
  const values: IndicatorValues = {};
  const skipped: string[] = [];
  const marksNotSent: string[] = [];
  for (const { code, ...rest } of report.values) {
    if (known && !known.has(code)) skipped.push(code);
    else if (!values[code]) values[code] = rest;
  }
  for (const mark of report.criteria ?? []) {
    if (mark.selfAssessment === null) continue;
    const only = set?.criteria.find((c) => c.code === mark.code)?.indicators;
    if (!only || only.length !== 1 || only[0].kind !== "yesno") {
      marksNotSent.push(mark.code);
      continue;
    }
    if (values[only[0].code]) continue; // a value read from the indicator's own row counts first
    values[only[0].code] = {
      value: mark.selfAssessment === "met",
      selfAssessment: mark.selfAssessment,
      ...(mark.sheet ? { sheet: mark.sheet } : {}),
      ...(mark.cell ? { selfAssessmentCell: mark.cell } : {}),
    };
  }
  return { values, skipped, marksNotSent };
}
