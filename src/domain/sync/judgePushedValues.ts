/**
 * Values as they travel (wire format: Report values keyed by code) back into a Report, and that
 * Report judged by the domain's one check step (check/judgeReport). The server judges a push with
 * it and a reviewer's pane re-judges a stored revision with it, so both see the same evaluation for
 * the same values, unit, period and region; neither host assembles a Report of its own.
 */
import { judgeReport, type Judgement } from "../check/judgeReport";
import type { CriteriaSet, Region } from "../criteria/schema";
import type { Report } from "../report";
import type { IndicatorValues } from "./protocol";

export interface PushedValuesContext {
  period?: string;
  orgUnit?: { name: string; code?: string };
  /** The region that picks regional targets (the server knows it from the province). */
  region?: Region;
}

export function reportFromValues(
  setId: string,
  values: IndicatorValues,
  ctx: PushedValuesContext = {},
): Report {
  return {
    setId,
    ...(ctx.orgUnit ? { orgUnit: ctx.orgUnit } : {}),
    ...(ctx.period ? { period: ctx.period } : {}),
    ...(ctx.region ? { region: ctx.region } : {}),
    values: Object.entries(values).map(([code, v]) => ({ ...v, code })),
  };
}

export function judgePushedValues(
  set: CriteriaSet,
  values: IndicatorValues,
  ctx: PushedValuesContext = {},
): Judgement {
  return judgeReport(set, reportFromValues(set.id, values, ctx));
}
