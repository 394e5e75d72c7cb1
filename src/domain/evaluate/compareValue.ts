/**
 * Judges one value against one target. Pure and total: any value, any target → met, unmet or
 * unknown with a reason; never throws.
 *
 * Invariants: a number is compared with a number (after unit conversion), a boolean with a boolean,
 * text with text (case- and space-insensitive); anything else is "not-comparable". A range
 * {min,max} is met only when the whole range meets the target, unmet when none of it does, and
 * unknown ("range-straddles") otherwise. Equality of numbers allows for float rounding (1e-9).
 */
import type { ReportScalar } from "../report";
import { convertUnit } from "./convertUnit";
import type { Status, TargetOp, UnknownReason } from "./types";

const EPS = 1e-9;

export interface Comparison1 {
  status: Status;
  reason?: UnknownReason;
}

function compareNumbers(v: number, op: TargetOp, t: number): boolean {
  switch (op) {
    case ">=":
      return v >= t - EPS;
    case "<=":
      return v <= t + EPS;
    case ">":
      return v > t + EPS;
    case "<":
      return v < t - EPS;
    default:
      return Math.abs(v - t) <= EPS * Math.max(1, Math.abs(t));
  }
}

function norm(s: string): string {
  return s.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
}

export function compareValue(
  value: ReportScalar,
  valueUnit: string | undefined,
  op: TargetOp,
  target: number | boolean | string,
  targetUnit: string | undefined,
): Comparison1 {
  if (value === null || value === undefined) return { status: "unknown", reason: "no-value" };
  if (op === "yes") target = true;
  if (typeof target === "boolean") {
    if (typeof value !== "boolean") return { status: "unknown", reason: "not-comparable" };
    return { status: value === target ? "met" : "unmet" };
  }
  if (typeof target === "string") {
    if (typeof value !== "string") return { status: "unknown", reason: "not-comparable" };
    return { status: norm(value) === norm(target) ? "met" : "unmet" };
  }
  if (typeof value === "number") {
    const v = convertUnit(value, valueUnit, targetUnit);
    if (v === undefined) return { status: "unknown", reason: "not-comparable" };
    return { status: compareNumbers(v, op, target) ? "met" : "unmet" };
  }
  if (typeof value === "object") {
    const lo = convertUnit(value.min, valueUnit, targetUnit);
    const hi = convertUnit(value.max, valueUnit, targetUnit);
    if (lo === undefined || hi === undefined) return { status: "unknown", reason: "not-comparable" };
    const a = compareNumbers(Math.min(lo, hi), op, target);
    const b = compareNumbers(Math.max(lo, hi), op, target);
    if (a && b) return { status: "met" };
    if (!a && !b) return { status: "unmet" };
    return { status: "unknown", reason: "range-straddles" };
  }
  return { status: "unknown", reason: "not-comparable" };
}
