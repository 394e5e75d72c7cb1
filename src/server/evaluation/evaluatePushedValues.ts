/**
 * The server's own judgement of pushed values, by the domain's entry point for values on the wire
 * (domain/sync/judgePushedValues), with the region this server knows from the unit's province.
 * The store keeps this evaluation, never anything the client claimed about met/unmet.
 */
import type { CriteriaSet } from "../../domain/criteria/schema";
import type { Evaluation } from "../../domain/evaluate/types";
import { judgePushedValues } from "../../domain/sync/judgePushedValues";
import type { EvaluationSummary, IndicatorValues } from "../../domain/sync/protocol";
import { knownIndicatorCodes } from "../../domain/sync/syncValues";
import type { StoredCriteriaSet } from "../store/criteriaSetStore";
import { domainSet, judgedBy } from "./judgingSet";
import { regionOfProvince } from "../../domain/criteria/provinceRegions";

export interface EvaluationContext {
  orgCode: string;
  orgName: string;
  provinceCode: string | undefined;
  period: string;
}

/** The keys of `values` (pushed values, review comments) that are not indicator codes of the set. */
export function unknownIndicatorCodes(set: CriteriaSet, values: Record<string, unknown>): string[] {
  const known = knownIndicatorCodes(set);
  return Object.keys(values).filter((code) => !known.has(code));
}

export function evaluatePushedValues(
  set: CriteriaSet,
  values: IndicatorValues,
  ctx: EvaluationContext,
): EvaluationSummary {
  const { evaluation } = judgePushedValues(set, values, {
    orgUnit: { name: ctx.orgName, code: ctx.orgCode },
    period: ctx.period,
    region: regionOfProvince(ctx.provinceCode),
  });
  return summarise(evaluation);
}

/** The evaluation by a stored version, stamped with that version (id, hash, label). */
export function evaluateWithVersion(
  stored: StoredCriteriaSet,
  values: IndicatorValues,
  ctx: EvaluationContext,
): EvaluationSummary {
  return { ...evaluatePushedValues(domainSet(stored), values, ctx), judgedBy: judgedBy(stored) };
}

function summarise(e: Evaluation): EvaluationSummary {
  const indicators: EvaluationSummary["indicators"] = {};
  for (const i of e.indicators) {
    indicators[i.code] = {
      status: i.status,
      effective: i.effective,
      targetSource: i.targetSource,
      gap: i.gap ? i.gap.amount : null,
    };
  }
  return {
    criteriaMet: e.set.met,
    criteriaTotal: e.set.total,
    progress: e.set.share,
    criteria: e.criteria.map((c) => ({ code: c.code, status: c.effective })),
    indicators,
    findings: e.findings.map((f) => ({
      type: f.type,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      indicator: f.indicator,
      params: f.params,
    })),
  };
}
