/**
 * The closing total of a check over many files (`ntm validate DIR`): how many files, how many of
 * them could not be read, how many communes they come from, criteria met of criteria judged, and
 * findings by severity.
 * Invariant: every total is a sum over the per-file results given (nothing re-read); a commune sent
 * in two files (a workbook and its CSV) is one commune — the same identity consolidation uses.
 */
import { identifyCommune, type CommuneCodeMap } from "./communeCodeMap";
import { fileFailed, type FileValidation, type FindingSeverity } from "./fileValidation";

export interface ValidationTotals {
  files: number;
  unreadable: number;
  communes: number;
  criteriaMet: number;
  criteriaTotal: number;
  findings: Record<FindingSeverity, number>;
}

export function validationTotals(
  results: readonly FileValidation[],
  communeCodes?: CommuneCodeMap,
): ValidationTotals {
  const communes = new Set<string>();
  const totals: ValidationTotals = {
    files: results.length,
    unreadable: 0,
    communes: 0,
    criteriaMet: 0,
    criteriaTotal: 0,
    findings: { error: 0, warning: 0, info: 0 },
  };
  for (const v of results) {
    if (fileFailed(v)) {
      totals.unreadable++;
      continue;
    }
    const commune = identifyCommune(v.orgUnit, v.period, communeCodes, v.file);
    // A file that names no commune is not a commune of its own.
    if (commune.matchedBy !== "none" || commune.writtenName) communes.add(commune.key);
    totals.criteriaMet += v.summary?.criteriaMet ?? 0;
    totals.criteriaTotal += v.summary?.criteriaTotal ?? 0;
    for (const f of v.findings ?? []) totals.findings[f.severity]++;
  }
  totals.communes = communes.size;
  return totals;
}
