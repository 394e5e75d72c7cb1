/**
 * Judges one indicator of one report: applies the chosen target, computes the gap, checks the value
 * is possible, compares with the self-assessment, and emits the findings.
 *
 * Invariants: never throws; an impossible value (a percent over 100, a negative length) is never
 * counted as met or unmet (status unknown, reason out-of-range, one error finding); a mismatch is
 * only raised when the value itself decides the status.
 */
import type { Indicator } from "../criteria/schema";
import type {
  Finding,
  FindingOf,
  FindingParam,
  FindingParams,
  FindingType,
  Severity,
  TargetParams,
} from "../review/finding";
import type { ReportScalar, ReportValue } from "../report";
import { chooseTarget, fromWorkbook } from "./chooseTarget";
import { compareValue } from "./compareValue";
import { computeGap } from "./computeGap";
import { convertUnit } from "./convertUnit";
import { clipFindingText } from "../sheet/clipFindingText";
import type { AppliedTarget, IndicatorResult, IndicatorStatus } from "./types";

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

function outOfRange(
  indicator: Indicator | undefined,
  value: ReportScalar,
  unit: string | undefined,
): boolean {
  const nums =
    typeof value === "number" ? [value] : value && typeof value === "object" ? [value.min, value.max] : [];
  if (nums.length === 0) return false;
  const nonNegative = indicator
    ? ["percent", "count", "amount", "length", "area"].includes(indicator.kind)
    : isPercent(undefined, unit);
  if (nonNegative && nums.some((n) => n < 0)) return true;
  return isPercent(indicator, unit) && nums.some((n) => n > 100);
}

/** A finding built by assignment (this runs for most indicators of most reports). */
function finding<T extends FindingType>(
  type: T,
  severity: Severity,
  indicator: string,
  sheet: string | undefined,
  cell: string | undefined,
  params: FindingParams<T>,
): FindingOf<T> {
  const f: FindingOf<T> = { type, severity, indicator, params };
  if (sheet) f.sheet = sheet;
  if (cell) f.cell = cell;
  return f;
}

function targetParams(t: AppliedTarget | undefined): TargetParams {
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
  const value: ReportScalar = rv && rv.value !== null ? rv.value : (input.derivedValue ?? rv?.value ?? null);
  const unit = rv?.unit ?? indicator?.unit;
  const target = chooseTarget(catalog, rv);
  const sheet = rv?.sheet;

  let status: IndicatorStatus = "unknown";
  let reason: IndicatorResult["unknownReason"];
  let gap: IndicatorResult["gap"];
  if (value === null && rv?.notApplicable) {
    status = "not-applicable";
    findings.push(
      finding("indicator/not-applicable", "info", code, sheet, rv.cell, {
        raw: typeof rv.raw === "string" ? clipFindingText(rv.raw) : null,
      }),
    );
  } else if (value === null) reason = "no-value";
  else if (outOfRange(indicator, value, unit)) {
    reason = "out-of-range";
    findings.push(
      finding("value/out-of-range", "error", code, sheet, rv?.cell, {
        value: valueParam(value),
        unit: unit ?? null,
        kind: indicator?.kind ?? null,
      }),
    );
  } else if (!target) {
    reason = "no-target";
    findings.push(
      finding("indicator/unknown-target", "warning", code, sheet, rv?.cell, {
        value: valueParam(value),
        unit: unit ?? null,
      }),
    );
  } else {
    const c = compareValue(value, unit, target.op, target.value, target.unit);
    status = c.status;
    reason = c.reason;
    if (status === "unmet")
      gap = computeGap(value, unit, target.op, target.value, target.unit, indicator?.unit);
  }

  if (status === "unmet")
    findings.push(
      finding("indicator/unmet", "info", code, sheet, rv?.cell, {
        value: valueParam(value),
        unit: unit ?? null,
        ...targetParams(target),
        gap: gap?.amount ?? null,
        gapUnit: gap?.unit ?? null,
        gapDirection: gap?.direction ?? null,
      }),
    );

  // Whichever target judged the value, a workbook target weaker than a known catalog number is
  // something a reviewer must see (the commune may be working towards too low a bar).
  const own = fromWorkbook(rv?.workbookTarget, rv?.unit);
  if (catalog && own && weakerThan(own, catalog))
    findings.push(
      finding("target/weaker-than-official", "warning", code, sheet, rv?.targetCell ?? rv?.cell, {
        workbookOp: own.op,
        workbookTarget: own.value,
        workbookText: own.text ?? null,
        ...targetParams(catalog),
      }),
    );

  const sa = rv?.selfAssessment ?? null;
  if (sa && (status === "met" || status === "unmet") && sa !== status)
    findings.push(
      finding("self-assessment/mismatch", "error", code, sheet, rv?.selfAssessmentCell ?? rv?.cell, {
        selfAssessment: sa,
        met: status === "met",
        value: valueParam(value),
        unit: unit ?? null,
        valueCell: rv?.cell ?? null,
        ...targetParams(target),
      }),
    );

  const effective: IndicatorStatus = status !== "unknown" ? status : (sa ?? "unknown");
  // Built by assignment, not spreads: this runs once per indicator per report (the hot path).
  const result: IndicatorResult = {
    code,
    value,
    status,
    effective,
    effectiveBasis: status !== "unknown" ? "value" : sa ? "self-assessment" : "none",
    targetSource: target?.source ?? "none",
    inCatalog: indicator !== undefined,
  };
  if (input.criterion) result.criterion = input.criterion;
  if (indicator) result.kind = indicator.kind;
  if (unit) result.unit = unit;
  if (reason) result.unknownReason = reason;
  if (target) result.target = target;
  if (gap) result.gap = gap;
  if (rv?.selfAssessment !== undefined) result.selfAssessment = rv.selfAssessment;
  if (rv?.sheet) result.sheet = rv.sheet;
  if (rv?.cell) result.cell = rv.cell;
  return { result, findings };
}
