/**
 * The communes × criteria matrix of one criteria set, with the counts offices report: how many
 * communes meet k criteria, and per criterion how many communes meet it.
 * Invariants: a row's criteriaMet is the number of its "met" cells (what COUNTIF recounts in the
 * workbook); sum over k of distribution[k] = number of communes; per criterion met + unmet + unknown
 * = number of communes.
 */
import type { CriteriaSet } from "../criteria/schema";
import type { CriterionStatus, FileValidation } from "./fileValidation";
import type { CommuneIdentity } from "./communeCodeMap";
import type { CommuneRow, CriteriaMatrix } from "./summaryModel";
import { compareVietnamese } from "./compareVietnamese";

export interface MatrixInput {
  path: string;
  validation: FileValidation;
  commune: CommuneIdentity;
}

export function buildCriteriaMatrix(
  setId: string,
  set: CriteriaSet | undefined,
  inputs: readonly MatrixInput[],
): CriteriaMatrix {
  const criteria = matrixColumns(set, inputs);
  const communes = inputs.map((i) => communeRow(i, criteria));
  communes.sort(byMetThenPlace);
  const maxK = Math.max(criteria.length, ...communes.map((c) => c.criteriaMet));
  const distribution = Array.from({ length: maxK + 1 }, (_, k) => ({
    criteriaMet: k,
    communes: communes.filter((c) => c.criteriaMet === k).length,
  }));
  const perCriterion = criteria.map(({ code, name }) => {
    const counts = { met: 0, unmet: 0, unknown: 0 };
    for (const c of communes) counts[c.criteria[code]]++;
    return { code, name, ...counts };
  });
  const version = inputs.find((i) => i.validation.set?.version)?.validation.set?.version ?? null;
  return {
    set: { id: setId, version, title: set?.title.vi },
    criteria,
    communes,
    distribution,
    perCriterion,
    totals: {
      communes: communes.length,
      criteriaMet: communes.reduce((s, c) => s + c.criteriaMet, 0),
      criteriaTotal: communes.reduce((s, c) => s + c.criteriaTotal, 0),
      allMet: communes.filter((c) => c.criteriaTotal > 0 && c.criteriaMet >= c.criteriaTotal).length,
    },
  };
}

/** The set's criteria in its order, then any code a file reports that the set lacks. */
function matrixColumns(
  set: CriteriaSet | undefined,
  inputs: readonly MatrixInput[],
): { code: string; name: string }[] {
  const cols = (set?.criteria ?? []).map((c) => ({ code: c.code, name: c.name.vi }));
  const known = new Set(cols.map((c) => c.code));
  const extra = new Set<string>();
  for (const i of inputs)
    for (const c of i.validation.criteria ?? []) if (!known.has(c.code)) extra.add(c.code);
  for (const code of [...extra].sort(naturalCompare)) cols.push({ code, name: code });
  return cols;
}

function communeRow(input: MatrixInput, columns: { code: string }[]): CommuneRow {
  const v = input.validation;
  const status: Record<string, CriterionStatus> = {};
  for (const { code } of columns) status[code] = "unknown";
  for (const c of v.criteria ?? []) status[c.code] = c.status;
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of v.findings ?? []) findings[f.severity]++;
  return {
    file: input.path,
    commune: input.commune,
    set: { id: v.set?.id ?? "", version: v.set?.version ?? null },
    period: v.period ?? null,
    criteriaMet: Object.values(status).filter((s) => s === "met").length,
    criteriaTotal: v.summary?.criteriaTotal ?? v.criteria?.length ?? columns.length,
    criteria: status,
    findings,
  };
}

function byMetThenPlace(a: CommuneRow, b: CommuneRow): number {
  return (
    b.criteriaMet - a.criteriaMet ||
    compareVietnamese(a.commune.districtName ?? "\uffff", b.commune.districtName ?? "\uffff") ||
    compareVietnamese(a.commune.name, b.commune.name) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}

/** "2" < "10" < "10.1" < "a". */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
