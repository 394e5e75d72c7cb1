/**
 * Builds a Report from a sample answer file, as the reader would (values, parsed workbook targets,
 * self-assessments, cells), so the evaluation can be checked against the answer's `met` fields.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Report, ReportValue, WorkbookTarget } from "../src/domain/report";
import { parseTarget } from "../src/domain/sheet/parseTarget";

export const SAMPLES = path.join(__dirname, "fixtures", "samples");

export function loadExpected(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES, `${name}.expected.json`), "utf8"));
}

export function workbookTarget(text: string | null | undefined): WorkbookTarget | undefined {
  if (!text) return undefined;
  const p = parseTarget(text);
  if (!p) return { text };
  return { text, op: p.op === "==" ? "=" : p.op, value: p.value, ...(p.unit ? { unit: p.unit } : {}) };
}

export function toReportValue(i: any): ReportValue {
  const wt = workbookTarget(i.target);
  return {
    code: String(i.code),
    value: i.value ?? null,
    ...(i.unit ? { unit: i.unit } : {}),
    ...(wt ? { workbookTarget: wt } : {}),
    selfAssessment: i.selfAssessment ?? null,
    ...(i.sheet ? { sheet: i.sheet } : {}),
    ...(i.cell ? { cell: i.cell } : {}),
    ...(i.targetCell ? { targetCell: i.targetCell } : {}),
    ...(i.selfAssessmentCell ? { selfAssessmentCell: i.selfAssessmentCell } : {}),
  };
}

export function reportFromExpected(e: any): Report {
  return {
    setId: e.set,
    ...(e.setVersion ? { setVersion: e.setVersion } : {}),
    orgUnit: { name: e.orgUnit, ...(e.gsoCode ? { code: e.gsoCode } : {}) },
    ...(e.period ? { period: e.period } : {}),
    ...(e.region ? { region: e.region } : {}),
    values: e.village ? [] : (e.indicators ?? []).map(toReportValue),
    ...(e.criteria
      ? {
          criteria: e.criteria.map((c: any) => ({
            code: c.code,
            selfAssessment: c.selfAssessment,
            sheet: c.sheet,
            cell: c.cell,
          })),
        }
      : {}),
    ...(e.units
      ? {
          units: e.units.map((u: any) => ({
            name: u.name,
            values: (e.indicators ?? []).map(toReportValue),
            statedProgress: u.statedProgress,
            statedProgressSheet: u.statedProgressSheet,
            statedProgressCell: u.statedProgressCell,
          })),
        }
      : {}),
    ...(e.workItems ? { workItems: e.workItems } : {}),
  };
}
