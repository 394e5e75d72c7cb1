/**
 * Judges one indicator of one report: applies the chosen target, computes the gap, checks the value
 * is possible, compares with the self-assessment, and emits the findings.
 *
 * Invariants: never throws; an impossible value (a percent over 100, a negative length) is never
 * counted as met or unmet (status unknown, reason out-of-range, one error finding); a mismatch is
 * only raised when the value itself decides the status.
 */
import type { Indicator } from "../criteria/schema";
import type { Finding, FindingParam } from "../review/finding";
import type { ReportScalar, ReportValue } from "../report";
import { chooseTarget, fromWorkbook } from "./chooseTarget";
import { compareValue } from "./compareValue";
import { computeGap } from "./computeGap";
import { convertUnit } from "./convertUnit";
import type { AppliedTarget, IndicatorResult, Status } from "./types";

export interface IndicatorInput {
  indicator?: Indicator;
  criterion?: string;
  value?: ReportValue;
  /** The catalog's target for this commune (already resolved by region/group/year/derivation). */
  catalog?: AppliedTarget;
  /** A value supplied by a derivation (kiểu mẫu: "already nâng cao") when the report has none. */
  derivedValue?: ReportScalar;
}

function isPercent(indicator: Indicator | undefined, unit: string | undefined): boolean {
  return indicator ? indicator.kind === "percent" : unit?.trim() === "%";
}

function outOfRange(indicator: Indicator | undefined, value: ReportScalar, unit: string | undefined): boolean {
  const nums = typeof value === "number" ? [value] : value && typeof value === "object" ? [value.min, value.max] : [];
  if (nums.length === 0) return false;
  const nonNegative = indicator
    ? ["percent", "count", "amount", "length", "area"].includes(indicator.kind)
    : isPercent(undefined, unit);
  if (nonNegative && nums.some((n) => n < 0)) return true;
  return isPercent(indicator, unit) && nums.some((n) => n > 100);
}

function targetParams(t: AppliedTarget | undefined): Record<string, FindingParam> {
  if (!t) return { source: "none" };
  return {
    op: t.op,
    target: t.value,
    targetUnit: t.unit ?? null,
    source: t.source,
    decision: t.decision ?? null,
    article: t.article ?? null,
    targetText: t.text ?? null,
  };
}

function valueParam(v: ReportScalar): FindingParam {
  if (v && typeof v === "object") return `${v.min}–${v.max}`;
  return v ?? null;
}

/** A workbook target is weaker when it asks for less than a known catalog number. */
function weakerThan(wb: AppliedTarget, official: AppliedTarget): boolean {
  if (typeof wb.value !== "number" || typeof official.value !== "number") return false;
  if (wb.op !== official.op && !(wb.op === "=" && official.op !== "yes")) return false;
  const w = convertUnit(wb.value, wb.unit, official.unit);
  if (w === undefined) return false;
  if (official.op === ">=") return w < official.value - 1e-9;
  if (official.op === "<=") return w > official.value + 1e-9;
  return false;
}

export function evaluateIndicator(input: IndicatorInput): { result: IndicatorResult; findings: Finding[] } {
  const { indicator, value: rv, catalog } = input;
  const code = indicator?.code ?? rv?.code ?? "?";
  const findings: Finding[] = [];
  const value: ReportScalar = rv && rv.value !== null ? rv.value : input.derivedValue ?? rv?.value ?? null;
  const unit = rv?.unit ?? indicator?.unit;
  const target = chooseTarget(catalog, rv);
  const where = { ...(rv?.sheet ? { sheet: rv.sheet } : {}), ...(rv?.cell ? { cell: rv.cell } : {}) };
  const base = { indicator: code };

  let status: Status = "unknown";
  let reason: IndicatorResult["unknownReason"];
  let gap: IndicatorResult["gap"];
  if (value === null) reason = "no-value";
  else if (outOfRange(indicator, value, unit)) {
    reason = "out-of-range";
    findings.push({
      type: "value/out-of-range",
      severity: "error",
      ...where,
      ...base,
      params: { value: valueParam(value), unit: unit ?? null, kind: indicator?.kind ?? null },
    });
  } else if (!target) {
    reason = "no-target";
    findings.push({ type: "indicator/unknown-target", severity: "warning", ...where, ...base, params: { value: valueParam(value), unit: unit ?? null } });
  } else {
    const c = compareValue(value, unit, target.op, target.value, target.unit);
    status = c.status;
    reason = c.reason;
    if (status === "unmet") gap = computeGap(value, unit, target.op, target.value, target.unit, indicator?.unit);
  }

  if (status === "unmet")
    findings.push({
      type: "indicator/unmet",
      severity: "info",
      ...where,
      ...base,
      params: {
        value: valueParam(value),
        unit: unit ?? null,
        ...targetParams(target),
        gap: gap?.amount ?? null,
        gapUnit: gap?.unit ?? null,
        gapDirection: gap?.direction ?? null,
      },
    });

  // Whichever target judged the value, a workbook target weaker than a known catalog number is
  // something a reviewer must see (the commune may be working towards too low a bar).
  const own = fromWorkbook(rv?.workbookTarget, rv?.unit);
  if (catalog && own && weakerThan(own, catalog))
    findings.push({
      type: "target/weaker-than-official",
      severity: "warning",
      ...(rv?.sheet ? { sheet: rv.sheet } : {}),
      ...(rv?.targetCell ? { cell: rv.targetCell } : rv?.cell ? { cell: rv.cell } : {}),
      ...base,
      params: {
        workbookOp: own.op,
        workbookTarget: own.value,
        workbookText: own.text ?? null,
        ...targetParams(catalog),
      },
    });

  const sa = rv?.selfAssessment ?? null;
  if (sa && status !== "unknown" && sa !== status)
    findings.push({
      type: "self-assessment/mismatch",
      severity: "error",
      ...(rv?.sheet ? { sheet: rv.sheet } : {}),
      ...(rv?.selfAssessmentCell ? { cell: rv.selfAssessmentCell } : rv?.cell ? { cell: rv.cell } : {}),
      ...base,
      params: {
        selfAssessment: sa,
        met: status === "met",
        value: valueParam(value),
        unit: unit ?? null,
        valueCell: rv?.cell ?? null,
        ...targetParams(target),
      },
    });

  const effective: Status = status !== "unknown" ? status : sa ?? "unknown";
  const result: IndicatorResult = {
    code,
    ...(input.criterion ? { criterion: input.criterion } : {}),
    ...(indicator ? { kind: indicator.kind } : {}),
    value,
    ...(unit ? { unit } : {}),
    status,
    ...(reason ? { unknownReason: reason } : {}),
    effective,
    effectiveBasis: status !== "unknown" ? "value" : sa ? "self-assessment" : "none",
    ...(target ? { target } : {}),
    targetSource: target?.source ?? "none",
    ...(gap ? { gap } : {}),
    ...(rv?.selfAssessment !== undefined ? { selfAssessment: rv.selfAssessment } : {}),
    inCatalog: indicator !== undefined,
    ...where,
  };
  return { result, findings };
}
