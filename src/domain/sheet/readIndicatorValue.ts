/**
 * Turning the cells of one indicator row into Report fields: the value (normalised the Report's
 * way: percent as numbers of percent, yes/no as booleans, "30–35 %" as {min, max}, prose → null),
 * its unit, the workbook's own target, and the self-assessment.
 * Invariant: nothing unreadable is dropped silently — every non-empty value that does not become a
 * number, boolean or range comes back with a `problem` the reader turns into a finding.
 */
import type { ReportScalar, SelfAssessment, WorkbookTarget } from "../report";
import type { Cell } from "./grid";
import type { FindingOf } from "../review/finding";
import { clipFindingText } from "./clipFindingText";
import { cellText } from "./gridText";
import type { CatalogIndicator } from "./indicatorCatalog";
import { parseAssessmentWord } from "./parseAssessment";
import { cleanFloat, readCell } from "./parseCellValue";
import { parseTarget } from "./parseTarget";
import { allowsNotApplicable, isNotApplicableText } from "./readNotApplicable";

/** What was wrong with a value cell: a finding's type and params, placed by the caller. */
export type ValueProblem =
  | Pick<FindingOf<"value/unreadable">, "type" | "params">
  | Pick<FindingOf<"value/ambiguous">, "type" | "params">;

export interface IndicatorValue {
  value: ReportScalar;
  unit?: string;
  raw: string | number | boolean | null;
  problem?: ValueProblem;
  /** The cell states that the indicator does not apply here (readNotApplicable). */
  notApplicable?: true;
}

function rawOf(cell: Cell | undefined): string | number | boolean | null {
  if (!cell || cell.v === undefined) return null;
  return cell.v;
}

export function readIndicatorValue(
  cell: Cell | undefined,
  catalog: CatalogIndicator | undefined,
  target: WorkbookTarget | undefined,
  /** The column writes percents as numbers of percent (85, 92,5): a bare 0.8 there is 0.8 %. */
  wholePercents = false,
): IndicatorValue {
  const raw = rawOf(cell);
  const reading = readCell(cell);
  const expectUnit = catalog?.unit ?? (target?.unit || undefined);
  switch (reading.kind) {
    case "empty":
      return withUnit(expectUnit, { value: null, raw });
    case "boolean":
      return { value: reading.value, raw };
    case "date":
      return { value: reading.iso, raw };
    case "range":
      return withUnit(
        expectUnit,
        { value: { min: reading.low, max: reading.high }, raw },
        reading.percent ? "%" : reading.unit,
      );
    case "number": {
      let value = reading.value;
      let problem: ValueProblem | undefined;
      if (reading.ambiguous) {
        problem = {
          type: "value/ambiguous",
          params: { raw: String(raw), reading: value, reason: reading.ambiguous },
        };
      }
      // A bare 0.92 where a percent is expected (no % sign, no percent format) is most likely a share.
      const percentExpected = catalog?.kind === "percent" || target?.unit === "%";
      if (
        percentExpected &&
        !wholePercents &&
        !reading.percent &&
        typeof raw === "number" &&
        value > 0 &&
        value <= 1 &&
        !cell?.z
      ) {
        problem = {
          type: "value/ambiguous",
          params: { raw, reading: cleanFloat(value * 100), reason: "fraction-as-percent" },
        };
        value = cleanFloat(value * 100);
      }
      const out: IndicatorValue = { value, raw, ...(problem ? { problem } : {}) };
      return withUnit(expectUnit, out, reading.percent ? "%" : reading.unit);
    }
    case "error":
      return withUnit(expectUnit, {
        value: null,
        raw,
        problem: { type: "value/unreadable", params: { raw: reading.text, reason: "formula-error" } },
      });
    case "text":
      if (isNotApplicableText(reading.text)) {
        if (allowsNotApplicable(catalog)) return { value: null, raw, notApplicable: true };
        return withUnit(expectUnit, {
          value: null,
          raw,
          problem: {
            type: "value/unreadable",
            params: { raw: clipFindingText(reading.text), reason: "not-applicable" },
          },
        });
      }
      return withUnit(expectUnit, {
        value: null,
        raw,
        problem: { type: "value/unreadable", params: { raw: clipFindingText(reading.text), reason: "text" } },
      });
  }
}

/** The indicator's expected unit, else the unit read from the cell, set on v (v is fresh, so it is set in place). */
function withUnit(expectUnit: string | undefined, v: IndicatorValue, readUnit?: string): IndicatorValue {
  const unit = expectUnit ?? readUnit;
  if (unit) v.unit = unit;
  return v;
}

/** The workbook's target cell as a WorkbookTarget (ops mapped onto the Report's vocabulary). */
export function readWorkbookTarget(cell: Cell | undefined, catalogOp?: string): WorkbookTarget | undefined {
  if (!cell || cell.v === null || cell.v === "") return undefined;
  const text = cellText(cell);
  if (typeof cell.v === "number") {
    const r = readCell(cell);
    const op = catalogOp === "<=" || catalogOp === "=" ? catalogOp : ">=";
    if (r.kind === "number") return { text, op, value: r.value, ...(r.percent ? { unit: "%" } : {}) };
  }
  const t = parseTarget(text);
  if (!t) return { text, value: null };
  // "Đạt" / "Không": the condition must equal the word (9.1 "Nhà tạm, dột nát": "Không" is good).
  if (typeof t.value === "boolean") return { text, op: "=", value: t.value };
  let op: ">=" | "<=" | "=" = t.op === ">" ? ">=" : t.op === "<" ? "<=" : t.op === "==" ? "=" : t.op;
  // "5%" alone under a "≤" indicator (poverty rate) means at most 5 %: the indicator knows the direction.
  if (t.opImplied && (catalogOp === "<=" || catalogOp === "=")) op = catalogOp;
  return { text, op, value: t.value, ...(t.unit ? { unit: t.unit } : {}) };
}

/** A self-assessment cell: Đạt/Chưa đạt/Đ/CĐ/x … → "met" | "unmet"; anything else → null. */
export function readSelfAssessment(cell: Cell | undefined): { sa: SelfAssessment; unreadable?: string } {
  const text = cellText(cell);
  if (text === "") return { sa: null };
  const w = parseAssessmentWord(text);
  if (w === undefined) return { sa: null, unreadable: text };
  return { sa: w ? "met" : "unmet" };
}

/** Two mark columns ("Đạt" | "Chưa đạt" with an "x" in one). */
export function readMarks(
  met: Cell | undefined,
  unmet: Cell | undefined,
): { sa: SelfAssessment; both?: boolean; cellIs: "met" | "unmet" | null } {
  const m = isMark(met);
  const u = isMark(unmet);
  if (m && u) return { sa: null, both: true, cellIs: null };
  if (m) return { sa: "met", cellIs: "met" };
  if (u) return { sa: "unmet", cellIs: "unmet" };
  return { sa: null, cellIs: null };
}

function isMark(cell: Cell | undefined): boolean {
  const t = cellText(cell);
  if (t === "") return false;
  const w = parseAssessmentWord(t);
  return w !== false; // "x", "Đạt", "✓", or any other non-negative mark
}
