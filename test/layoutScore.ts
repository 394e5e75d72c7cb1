/**
 * Scoring one read workbook against a generated layout's answer: an indicator is right when its
 * code, value, cell, sheet and self-assessment (and its period or village, where the answer has
 * one) all match; a planted finding is found when a finding of its type names its indicator, sheet
 * and cell.
 */
import type { WorkbookValidation } from "../src/domain/check/validateWorkbook";
import type { ReportValue } from "../src/domain/report";
import type { ExpectedEntry, LayoutAnswer } from "../scripts/layoutGenerator";

export interface LayoutScore {
  right: number;
  total: number;
  findingsPlanted: number;
  findingsFound: number;
  /** Entries whose applicable target cell (the commune's region or group column) was the one read. */
  targetsRight: number;
  targetsTotal: number;
  /** Villages whose met/total came out as the answer says. */
  unitsRight: number;
  unitsTotal: number;
  problems: string[];
}

type Got = ReportValue & { period?: string; village?: string };

function sameValue(got: unknown, want: unknown): boolean {
  if (typeof want === "number" && typeof got === "number") return Math.abs(got - want) < 1e-6;
  return JSON.stringify(got ?? null) === JSON.stringify(want ?? null);
}

const keyOf = (code: string, period?: string, village?: string) => `${code}|${period ?? ""}|${village ?? ""}`;

export function scoreLayout(answer: LayoutAnswer, result: WorkbookValidation): LayoutScore {
  const got = new Map<string, Got>();
  const multiPeriod = (answer.periods?.length ?? 0) > 1;
  for (const v of result.report.values as Got[]) {
    const k = keyOf(v.code, multiPeriod ? (v.period ?? result.report.period) : undefined);
    if (!got.has(k)) got.set(k, v);
  }
  for (const u of result.report.units ?? [])
    for (const v of u.values) {
      const k = keyOf(v.code, undefined, u.name);
      if (!got.has(k)) got.set(k, { ...v, village: u.name });
    }
  const problems: string[] = [];
  let right = 0;
  let targetsRight = 0;
  let targetsTotal = 0;
  for (const w of answer.indicators as ExpectedEntry[]) {
    const g = got.get(keyOf(w.code, w.period, w.village));
    if (w.targetCell) {
      targetsTotal++;
      if (g?.targetCell === w.targetCell) targetsRight++;
      else problems.push(`${w.code}: target cell want ${w.targetCell} got ${g?.targetCell ?? "nothing"}`);
    }
    const ok =
      g !== undefined &&
      sameValue(g.value, w.value) &&
      g.cell === w.cell &&
      (g.sheet || null) === w.sheet &&
      (g.selfAssessment ?? null) === w.selfAssessment;
    if (ok) right++;
    else
      problems.push(
        `${w.code}${w.period ? "@" + w.period : ""}${w.village ? "@" + w.village : ""}: want ${JSON.stringify([w.value, w.cell, w.selfAssessment])} got ${g ? JSON.stringify([g.value, g.cell, g.selfAssessment ?? null]) : "nothing"}`,
      );
  }
  let found = 0;
  for (const f of answer.expectedFindings) {
    const hit = result.findings.some(
      (g) =>
        g.type === f.type &&
        g.indicator === f.indicator &&
        g.cell === f.cell &&
        (g.sheet || null) === f.sheet,
    );
    if (hit) found++;
    else problems.push(`missed ${f.type} ${f.indicator} at ${f.cell}${f.period ? " " + f.period : ""}`);
  }
  let unitsRight = 0;
  for (const u of answer.units ?? []) {
    const g = result.validation.units?.find((x) => x.name === u.name);
    if (g && g.criteriaMet === u.criteriaMet && g.criteriaTotal === u.criteriaTotal) unitsRight++;
    else
      problems.push(
        `unit ${u.name}: want ${u.criteriaMet}/${u.criteriaTotal} got ${g ? `${g.criteriaMet}/${g.criteriaTotal}` : "nothing"}`,
      );
  }
  return {
    right,
    total: answer.indicators.length,
    findingsPlanted: answer.expectedFindings.length,
    findingsFound: found,
    targetsRight,
    targetsTotal,
    unitsRight,
    unitsTotal: answer.units?.length ?? 0,
    problems,
  };
}
