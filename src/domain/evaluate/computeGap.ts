/**
 * The distance between an unmet numeric value and its target, in the indicator's unit (the
 * target's unit when the indicator has none): "còn thiếu 0,8 km", "vượt 1,2 %".
 * Invariant: only for unmet numeric comparisons; the amount is positive and rounded to 1e-6 so
 * float noise ("0.7999999") never reaches a person.
 */
import type { ReportScalar } from "../report";
import { convertUnit } from "./convertUnit";
import type { Gap, TargetOp } from "./types";

export function computeGap(
  value: ReportScalar,
  valueUnit: string | undefined,
  op: TargetOp,
  target: number | boolean | string,
  targetUnit: string | undefined,
  indicatorUnit: string | undefined,
): Gap | undefined {
  if (typeof target !== "number" || op === "yes") return undefined;
  const unit = indicatorUnit ?? targetUnit ?? valueUnit;
  let v: number | undefined;
  if (typeof value === "number") v = convertUnit(value, valueUnit, unit);
  else if (value && typeof value === "object") {
    // A range is judged by its least favourable end, so the gap is measured from there too.
    const end = op === "<=" || op === "<" ? Math.max(value.min, value.max) : Math.min(value.min, value.max);
    v = convertUnit(end, valueUnit, unit);
  }
  const t = convertUnit(target, targetUnit, unit);
  if (v === undefined || t === undefined) return undefined;
  const diff = Math.round((t - v) * 1e6) / 1e6;
  // A strict target (> t) is still told as the distance to t: "còn thiếu" is about the number.
  if ((op === ">=" || op === ">") && diff >= 0) return { amount: diff, unit, direction: "short" };
  if ((op === "<=" || op === "<") && diff <= 0) return { amount: -diff, unit, direction: "over" };
  if (op === "=" && diff !== 0)
    return { amount: Math.abs(diff), unit, direction: diff > 0 ? "short" : "off" };
  return undefined;
}
