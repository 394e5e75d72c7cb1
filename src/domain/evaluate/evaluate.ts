/**
 * evaluate(set, report, context): which indicators and criteria a report meets, by how much, and
 * what a reviewer should look at.
 *
 * Invariants:
 * - every indicator of the set appears once in `indicators`, in set order, whether or not the
 *   report has a value for it; report values whose code is not in the set go to `extraValues`;
 * - an indicator's `effective` status is its value's judgement, or its self-assessment where the
 *   value cannot decide (the samples' summary rule); criteria and the set roll up `effective`;
 * - a criterion-level assessment in the report (an "x" under Đạt) only decides a criterion whose
 *   indicators cannot;
 * - context (region, group, year, special status) overrides what the report says about itself;
 * - never throws on a report ReportSchema accepts.
 */
import type { CriteriaSet, Indicator, Region } from "../criteria/schema";
import { type Finding, withPlacedParams } from "../review/finding";
import { periodYear, type Report, type ReportScalar, type ReportValue } from "../report";
import { fromCatalog } from "./chooseTarget";
import { evaluateIndicator } from "./evaluateIndicator";
import { resolveCatalogTarget, targetRegion, type TargetContext } from "./resolveCatalogTarget";
import { rollup } from "./rollup";
import type { AppliedTarget, CriterionResult, Evaluation, IndicatorResult, Status } from "./types";
import { evaluateUnits } from "./unitProgress";

export interface EvaluateContext extends TargetContext {
  /** Evaluations of the sets this one builds on, by set id (kiểu mẫu builds on nâng cao). */
  bases?: Record<string, Evaluation>;
  /** A goal for village progress, in percent, when the report states none (e.g. 80). */
  unitGoal?: number;
}

function derivedCatalog(ind: Indicator, ctx: EvaluateContext): AppliedTarget | undefined {
  const d = ind.derivedFrom;
  if (d?.type !== "above-basis-target") return undefined;
  const basisTarget = ctx.bases?.[d.setId]?.indicators.find((i) => i.code === d.indicator)?.target;
  if (!basisTarget || typeof basisTarget.value !== "number") return undefined;
  const rule = ind.targets.general?.provenance;
  const value = Math.round(basisTarget.value * (1 + d.percentAbove / 100) * 1e6) / 1e6;
  // The derived number is only as trustworthy as the less trusted of the rule and its basis.
  const source =
    basisTarget.source === "official-verified" && rule?.verified
      ? "official-verified"
      : basisTarget.source === "workbook"
        ? "workbook"
        : "official-unverified";
  return {
    op: ind.op,
    value,
    ...(ind.unit ? { unit: ind.unit } : {}),
    source,
    decision: `${rule?.decision ?? d.setId} (+${d.percentAbove} % / ${basisTarget.decision ?? d.setId})`,
    axis: `derived:${d.setId}:${d.indicator}`,
  };
}

function derivedValue(ind: Indicator, ctx: EvaluateContext): ReportScalar | undefined {
  const d = ind.derivedFrom;
  if (d?.type !== "set-met") return undefined;
  const s = ctx.bases?.[d.setId]?.set.status;
  return s === "met" ? true : s === "unmet" ? false : undefined;
}

// The catalog target of each indicator depends only on (set, region, group, year): resolved once
// per combination and copied per use (results must not share objects between evaluations).
const catalogTargetCache = new WeakMap<CriteriaSet, Map<string, Map<Indicator, AppliedTarget | undefined>>>();
const CATALOG_TARGET_KEYS_LIMIT = 256;

function catalogTargetsOf(
  set: CriteriaSet,
  region: Region | undefined,
  ctx: EvaluateContext,
): Map<Indicator, AppliedTarget | undefined> {
  let bySet = catalogTargetCache.get(set);
  if (!bySet) catalogTargetCache.set(set, (bySet = new Map()));
  const key = `${region ?? ""}|${ctx.group ?? ""}|${ctx.year ?? ""}`;
  let targets = bySet.get(key);
  if (!targets) {
    targets = new Map();
    for (const c of set.criteria) {
      for (const ind of c.indicators) {
        const resolved = resolveCatalogTarget(ind, region, ctx);
        targets.set(ind, resolved ? fromCatalog(ind, resolved.target, resolved.axis) : undefined);
      }
    }
    if (bySet.size >= CATALOG_TARGET_KEYS_LIMIT) bySet.clear();
    bySet.set(key, targets);
  }
  return targets;
}

function copyTarget(t: AppliedTarget | undefined): AppliedTarget | undefined {
  return t ? { ...t } : undefined;
}

function findIndicator(set: CriteriaSet, code: string): Indicator | undefined {
  for (const c of set.criteria) for (const i of c.indicators) if (i.code === code) return i;
  return undefined;
}

export function evaluate(set: CriteriaSet, report: Report, context: EvaluateContext = {}): Evaluation {
  const ctx: EvaluateContext = {
    ...context,
    region: context.region ?? report.region,
    group: context.group ?? report.group,
    year: context.year ?? periodYear(report.period),
    specialStatus: context.specialStatus ?? report.specialStatus,
  };
  const region = targetRegion(set, ctx);
  const catalogTargets = catalogTargetsOf(set, region, ctx);
  const byCode = new Map<string, ReportValue>();
  // Entries of other periods side by side (a table with "Năm 2022 | Năm 2023") are judged below, each
  // by its own period, so an earlier year's over-claim is reported too.
  const otherPeriods: ReportValue[] = [];
  for (const v of report.values) {
    if (v.period !== undefined && report.period !== undefined && v.period !== report.period)
      otherPeriods.push(v);
    else if (!byCode.has(v.code)) byCode.set(v.code, v);
  }
  const criterionAssessments = new Map((report.criteria ?? []).map((c) => [c.code, c]));
  const known = new Set<string>();
  const findings: Finding[] = [];
  const indicators: IndicatorResult[] = [];
  const criteria: CriterionResult[] = [];

  for (const c of set.criteria) {
    const results: IndicatorResult[] = [];
    for (const ind of c.indicators) {
      known.add(ind.code);
      const catalog = derivedCatalog(ind, ctx) ?? copyTarget(catalogTargets.get(ind));
      const dv = derivedValue(ind, ctx);
      const r = evaluateIndicator({
        indicator: ind,
        criterion: c.code,
        value: byCode.get(ind.code),
        catalog,
        ...(dv !== undefined ? { derivedValue: dv } : {}),
      });
      results.push(r.result);
      findings.push(...r.findings);
    }
    indicators.push(...results);
    const roll = rollup(
      results.map((r) => r.effective),
      c.rollup,
    );
    const assessed = criterionAssessments.get(c.code);
    const sa = assessed?.selfAssessment ?? undefined;
    const fromValues = roll.status !== "unknown";
    const effective: Status = fromValues ? roll.status : (sa ?? "unknown");
    criteria.push({
      code: c.code,
      name: c.name.vi,
      indicators: results,
      ...roll,
      ...(assessed ? { selfAssessment: assessed.selfAssessment } : {}),
      effective,
      effectiveBasis: fromValues ? "value" : sa ? "self-assessment" : "none",
    });
  }

  const otherPeriodResults: Evaluation["otherPeriods"] = [];
  for (const v of otherPeriods) {
    const found = findIndicator(set, v.code);
    if (!found) continue;
    const periodCtx: EvaluateContext = { ...ctx, year: periodYear(v.period) ?? ctx.year };
    const catalog =
      derivedCatalog(found, periodCtx) ?? copyTarget(catalogTargetsOf(set, region, periodCtx).get(found));
    const r = evaluateIndicator({ indicator: found, criterion: found.code.split(".")[0], value: v, catalog });
    otherPeriodResults.push({ value: v, result: r.result });
    for (const f of r.findings) findings.push(withPlacedParams(f, { period: v.period ?? null }));
  }

  const extraValues: IndicatorResult[] = [];
  for (const v of report.values) {
    if (known.has(v.code) || otherPeriods.includes(v)) continue;
    const r = evaluateIndicator({ value: v });
    extraValues.push(r.result);
    findings.push(...r.findings);
  }

  const units = evaluateUnits(set, report.units ?? [], ctx.unitGoal, (ind, v) => {
    const resolved = ind ? resolveCatalogTarget(ind, region, ctx) : undefined;
    return evaluateIndicator({
      ...(ind ? { indicator: ind } : {}),
      value: v,
      ...(ind && resolved ? { catalog: fromCatalog(ind, resolved.target, resolved.axis) } : {}),
    });
  });
  for (const u of units) findings.push(...u.findings);

  const setRoll = rollup(
    criteria.map((c) => c.effective),
    set.rollup,
  );
  return {
    setId: set.id,
    ...(ctx.region ? { region: ctx.region } : {}),
    ...(region ? { targetRegion: region } : {}),
    ...(ctx.group ? { group: ctx.group } : {}),
    ...(ctx.year !== undefined ? { year: ctx.year } : {}),
    indicators,
    criteria,
    set: setRoll,
    criteriaNotMet: criteria.filter((c) => c.effective === "unmet").map((c) => c.code),
    extraValues,
    otherPeriods: otherPeriodResults,
    units: units.map((u) => u.progress),
    findings,
  };
}
