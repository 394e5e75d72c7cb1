/**
 * Excel custom functions (namespace NTM, shared runtime). Pure and local: no network. Each takes a
 * single cell or a range and returns an array of the same shape; bad input gives #VALUE! or #N/A
 * with a message. The JSDoc tags below generate functions.json; Vietnamese names live in
 * locales/vi-VN/functions.json. The implementations are src/addin/functions/ntmFunctions.ts,
 * shipped in the pane's bundle (see functionRegistry.ts).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes and takes untyped cell values */
import { functionImpl, functionImplReady, type NtmFunctionImpl } from "./functionRegistry";

/** Runs `fn` on the implementation now, or once the pane's bundle has registered it. */
function call<T>(fn: (impl: NtmFunctionImpl) => T): any {
  const impl = functionImpl();
  return impl ? fn(impl) : functionImplReady().then(fn);
}

/**
 * Đạt / Chưa đạt: judges values against an indicator's target.
 * @customfunction STATUS
 * @param value Value or range of values
 * @param indicator Indicator code (e.g. "17.6"), or a range of codes the size of the values
 * @param [region_or_group] Region (BTB, TDMNPB, …) or commune group (1, 2, 3)
 * @param [set] Criteria set id (default vn-xa-ntm-2021-2025)
 * @returns Đạt or Chưa đạt for each value
 */
export function status(value: any[][], indicator: any[][], region_or_group?: string, set?: string): any[][] {
  return call((ntm) => ntm.status(value, indicator, region_or_group, set));
}

/**
 * The target of an indicator, marked "(chưa xác minh)" when no decision text confirms it.
 * @customfunction TARGET
 * @param indicator Indicator code or range of codes
 * @param [region_or_group] Region (BTB, …) or commune group (1, 2, 3)
 * @param [set] Criteria set id
 * @returns The target
 */
export function target(indicator: any[][], region_or_group?: string, set?: string): any[][] {
  return call((ntm) => ntm.target(indicator, region_or_group, set));
}

/**
 * What is still missing to meet the target, in the indicator's unit (0 when met).
 * @customfunction GAP
 * @param value Value or range of values
 * @param indicator Indicator code, or a range of codes the size of the values
 * @param [region_or_group] Region (BTB, …) or commune group (1, 2, 3)
 * @param [set] Criteria set id
 * @returns The amount missing
 */
export function gap(value: any[][], indicator: any[][], region_or_group?: string, set?: string): any[][] {
  return call((ntm) => ntm.gap(value, indicator, region_or_group, set));
}

/**
 * Share of statuses that are Đạt, 0–1.
 * @customfunction PROGRESS
 * @param statuses Cells holding Đạt / Chưa đạt
 * @returns The share met
 */
export function progress(statuses: any[][]): any {
  return call((ntm) => ntm.progress(statuses));
}

/**
 * Number of statuses that are Đạt.
 * @customfunction COUNTMET
 * @param statuses Cells holding Đạt / Chưa đạt
 * @returns The number met
 */
export function countmet(statuses: any[][]): any {
  return call((ntm) => ntm.countMet(statuses));
}

/**
 * The Vietnamese name of an indicator or criterion.
 * @customfunction NAME
 * @param indicator Indicator or criterion code, or a range of codes
 * @param [set] Criteria set id
 * @returns The name
 */
export function name(indicator: any[][], set?: string): any[][] {
  return call((ntm) => ntm.name(indicator, set));
}

if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("STATUS", status);
  CustomFunctions.associate("TARGET", target);
  CustomFunctions.associate("GAP", gap);
  CustomFunctions.associate("PROGRESS", progress);
  CustomFunctions.associate("COUNTMET", countmet);
  CustomFunctions.associate("NAME", name);
}
