/**
 * Decides whose target judges an indicator.
 *
 * Invariant (the product's promise never to present a commune's number as an official one):
 *   1. a catalog target with a value and `verified: true` → "official-verified";
 *   2. otherwise the workbook's own target, when it has one → "workbook";
 *   3. otherwise a catalog target with a value but unverified → "official-unverified";
 *   4. otherwise → "none" (the indicator is unknown).
 * A yes/no "yes" comparison needs no number: its catalog target is structural (Đạt).
 */
import type { Indicator, Target } from "../criteria/schema";
import type { ReportValue, WorkbookTarget } from "../report";
import type { AppliedTarget } from "./types";

export function fromWorkbook(
  wt: WorkbookTarget | undefined,
  valueUnit: string | undefined,
): AppliedTarget | undefined {
  if (!wt) return undefined;
  if (wt.op === "yes")
    return { op: "yes", value: true, source: "workbook", decision: "workbook", text: wt.text };
  if (wt.value === null || wt.value === undefined) return undefined;
  // "100%" or "Đạt" written without a sign: a number is a floor, a yes/no or a category must equal.
  const op = wt.op === "==" ? "=" : (wt.op ?? (typeof wt.value === "number" ? ">=" : "="));
  const unit = wt.unit ?? (typeof wt.value === "number" ? valueUnit : undefined);
  const t: AppliedTarget = { op, value: wt.value, source: "workbook", decision: "workbook", text: wt.text };
  if (unit) t.unit = unit;
  return t;
}

export function fromCatalog(
  indicator: Indicator,
  target: Target | undefined,
  axis: string,
): AppliedTarget | undefined {
  if (!target) return undefined;
  const value = indicator.op === "yes" ? true : target.value;
  if (value === null) return undefined;
  return {
    op: indicator.op,
    value,
    ...(indicator.unit ? { unit: indicator.unit } : {}),
    source: target.provenance.verified ? "official-verified" : "official-unverified",
    decision: target.provenance.decision,
    ...(target.provenance.article ? { article: target.provenance.article } : {}),
    axis,
  };
}

export function chooseTarget(
  catalog: AppliedTarget | undefined,
  rv: ReportValue | undefined,
): AppliedTarget | undefined {
  if (catalog?.source === "official-verified") return catalog;
  return fromWorkbook(rv?.workbookTarget, rv?.unit) ?? catalog;
}
