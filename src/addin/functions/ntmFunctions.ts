/**
 * The NTM custom functions as pure code: Excel values in, Excel values or errors out, no host, no
 * network, no clock. functions.ts only wraps these for Excel.
 *
 * Invariants: every function takes a single value or a range (a matrix) and answers with a matrix
 * of the same shape (a 1×1 matrix for a single cell), one answer per cell, so one bad cell never
 * hides the others; a blank value gives a blank answer; a target that no stored source confirms is
 * never presented as confirmed (TARGET marks it, STATUS says which target judged).
 */
import { keptSetsInUse } from "../criteria/keptSets";
import { DEFAULT_SET_ID } from "../../domain/criteria/registry";
import type { Indicator } from "../../domain/criteria/schema";
import { compareValue } from "../../domain/evaluate/compareValue";
import { computeGap } from "../../domain/evaluate/computeGap";
import type { AppliedTarget } from "../../domain/evaluate/types";
import { COMPARISON_SYMBOL } from "../../domain/i18n/comparisonSymbol";
import { formatQuantity } from "../../domain/i18n/formatNumber";
import type { ReportScalar } from "../../domain/report";
import { parseAssessmentWord } from "../../domain/sheet/parseAssessment";
import { readText } from "../../domain/sheet/parseCellValue";
import {
  appliedTarget,
  knownSetIds,
  parseAxis,
  setIndex,
  type SetIndex,
  type TargetAxis,
} from "./criteriaIndex";
import { functionError, type FunctionError } from "./functionError";

export type Answer = string | number | FunctionError;
export type Matrix<T> = T[][];

export const MET = "Đạt";
export const UNMET = "Chưa đạt";

function asMatrix(x: unknown): unknown[][] {
  if (Array.isArray(x)) return (x.length && Array.isArray(x[0]) ? x : [x]) as unknown[][];
  return [[x]];
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Applies `fn` cell by cell over `values`, pairing each with the indicator at the same place (or the single one). */
function mapPaired(
  values: unknown,
  indicators: unknown,
  fn: (v: unknown, code: unknown) => Answer,
): Matrix<Answer> {
  const vs = asMatrix(values);
  const is = asMatrix(indicators);
  const single = is.length === 1 && is[0].length === 1;
  if (!single && (is.length !== vs.length || is[0].length !== vs[0].length)) {
    return [
      [
        functionError(
          "#VALUE!",
          `Vùng chỉ tiêu (${is.length}×${is[0].length}) phải là một ô hoặc cùng cỡ vùng giá trị (${vs.length}×${vs[0].length}) / the indicator range must be one cell or the same size as the values`,
        ),
      ],
    ];
  }
  return vs.map((row, r) => row.map((v, c) => fn(v, single ? is[0][0] : is[r][c])));
}

interface Lookup {
  idx: SetIndex;
  indicator: Indicator;
  axis: TargetAxis;
}

function lookupSet(setId: unknown): SetIndex | FunctionError {
  const id = isBlank(setId) ? DEFAULT_SET_ID : String(setId).trim();
  return (
    setIndex(id) ??
    functionError(
      "#VALUE!",
      `Không có bộ tiêu chí "${id}"; dùng một trong: ${knownSetIds().join(", ")} / unknown criteria set "${id}"`,
    )
  );
}

function codeOf(x: unknown): string {
  return typeof x === "number"
    ? String(x)
    : String(x ?? "")
        .trim()
        .replace(/^(chỉ tiêu|chi tieu|tiêu chí|tieu chi)\s+/i, "");
}

function lookup(code: unknown, axisText: unknown, setId: unknown): Lookup | FunctionError {
  const idx = lookupSet(setId);
  if (!("set" in idx)) return idx;
  // No region or group given: the signed-in scope's region kept with the sets (as the pane and the
  // server judge this commune), else the general target.
  const given = axisText !== undefined && axisText !== null && axisText !== "";
  const axis = parseAxis(given ? axisText : (keptSetsInUse().kept?.region ?? ""));
  if (!axis)
    return functionError(
      "#VALUE!",
      `"${String(axisText)}" không phải vùng (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL) hay nhóm xã (1, 2, 3) / not a region or commune group`,
    );
  const c = codeOf(code);
  const hit = idx.indicators.get(c);
  if (!hit)
    return functionError(
      "#N/A",
      `Không có chỉ tiêu "${c}" trong bộ ${idx.set.id}; nhập mã như 17.6 (dạng chữ cho 17.10) / no indicator "${c}" in ${idx.set.id}`,
    );
  return { idx, indicator: hit.indicator, axis };
}

/** A read number's unit: its own "%" or unit, else the indicator's, else none. */
function unitOf(r: { percent: boolean; unit?: string }, indicator: Indicator): { unit?: string } {
  const unit = r.percent ? "%" : r.unit || indicator.unit;
  return unit ? { unit } : {};
}

/** An Excel value as the domain reads it; a percent indicator takes 0.855 (a % cell) as 85.5 %. */
export function scalarOf(v: unknown, indicator: Indicator): { value: ReportScalar; unit?: string } {
  if (typeof v === "boolean") return { value: v };
  if (typeof v === "number") {
    if (indicator.kind === "percent" && v >= 0 && v <= 1)
      return { value: Math.round(v * 1e10) / 1e8, unit: "%" };
    return { value: v, ...(indicator.unit ? { unit: indicator.unit } : {}) };
  }
  const r = readText(String(v));
  switch (r.kind) {
    case "number":
      return { value: r.value, ...unitOf(r, indicator) };
    case "range":
      return { value: { min: r.low, max: r.high }, ...unitOf(r, indicator) };
    case "boolean":
      return { value: r.value };
    case "text":
      return { value: r.text };
    default:
      return { value: null };
  }
}

/** "≥ 80 %", "Đạt", "Không"; with "(chưa xác minh)" when no decision text confirms it. */
export function targetText(t: AppliedTarget): string {
  let body: string;
  if (t.op === "yes") body = MET;
  else if (typeof t.value === "boolean") body = t.value ? "Có" : "Không";
  else if (typeof t.value === "number")
    body = `${COMPARISON_SYMBOL[t.op] ?? t.op} ${formatQuantity(t.value, t.unit, "vi")}`;
  else body = t.value;
  return t.source === "official-verified" ? body : `${body} (chưa xác minh / unverified)`;
}

function noTarget(l: Lookup): FunctionError {
  return functionError(
    "#N/A",
    `Chưa có mức chỉ tiêu ${l.indicator.code} đã có nguồn trong bộ ${l.idx.set.id}; đối chiếu với cột chỉ tiêu của bảng / no target with a source for ${l.indicator.code}; compare with the workbook's target column`,
  );
}

type Judged =
  { status: "met" | "unmet"; target: AppliedTarget; value: ReportScalar; unit?: string } | FunctionError | "";

function judge(v: unknown, code: unknown, axis: unknown, setId: unknown): Judged {
  if (isBlank(v)) return "";
  const l = lookup(code, axis, setId);
  if (!("idx" in l)) return l;
  const t = appliedTarget(l.idx, l.indicator, l.axis);
  if (!t) return noTarget(l);
  const s = scalarOf(v, l.indicator);
  const c = compareValue(s.value, s.unit, t.op, t.value, t.unit);
  if (c.status === "unknown") {
    const shown = String(v);
    if (c.reason === "range-straddles")
      return functionError(
        "#N/A",
        `Khoảng "${shown}" vừa đạt vừa chưa đạt mức ${targetText(t)}; ghi một số / the range straddles the target; enter one number`,
      );
    return functionError(
      "#VALUE!",
      `Giá trị "${shown}" không so được với chỉ tiêu ${l.indicator.code} (${targetText(t)}); nhập ${l.indicator.kind === "yesno" ? "Đạt/Chưa đạt" : `một số${l.indicator.unit ? ` (${l.indicator.unit})` : ""}`} / the value cannot be compared with the target`,
    );
  }
  return { status: c.status, target: t, value: s.value, ...(s.unit ? { unit: s.unit } : {}) };
}

/** What NTM.STATUS and NTM.GAP take: values beside their indicator codes, the axis, the set. */
type PairedArgs = [values: unknown, indicators: unknown, regionOrGroup?: unknown, setId?: unknown];

/** Each value judged against its indicator; a blank or an error answers as itself. */
function eachJudged(
  [values, indicators, regionOrGroup, setId]: PairedArgs,
  answer: (j: Exclude<Judged, FunctionError | "">, code: unknown) => Answer,
): Matrix<Answer> {
  return mapPaired(values, indicators, (v, code) => {
    const j = judge(v, code, regionOrGroup, setId);
    return typeof j === "string" || !("status" in j) ? j : answer(j, code);
  });
}

/** NTM.STATUS: "Đạt" / "Chưa đạt" per value. */
export function status(...args: PairedArgs): Matrix<Answer> {
  return eachJudged(args, (j) => (j.status === "met" ? MET : UNMET));
}

/** NTM.GAP: what is still missing, in the indicator's unit (0 when met). */
export function gap(...args: PairedArgs): Matrix<Answer> {
  const [, , regionOrGroup, setId] = args;
  return eachJudged(args, (j, code) => {
    if (j.status === "met") return 0;
    const l = lookup(code, regionOrGroup, setId) as Lookup;
    const g = computeGap(j.value, j.unit, j.target.op, j.target.value, j.target.unit, l.indicator.unit);
    if (!g)
      return functionError(
        "#N/A",
        `Chỉ tiêu ${l.indicator.code} là có/không: chưa đạt, không có lượng còn thiếu / a yes/no indicator has no amount missing`,
      );
    return g.amount;
  });
}

/** NTM.TARGET: the target text for each indicator. */
export function target(indicators: unknown, regionOrGroup?: unknown, setId?: unknown): Matrix<Answer> {
  return asMatrix(indicators).map((row) =>
    row.map((code) => {
      if (isBlank(code)) return "";
      const l = lookup(code, regionOrGroup, setId);
      if (!("idx" in l)) return l;
      const t = appliedTarget(l.idx, l.indicator, l.axis);
      return t ? targetText(t) : noTarget(l);
    }),
  );
}

/** NTM.NAME: the Vietnamese name of an indicator or a criterion. */
export function name(codes: unknown, setId?: unknown): Matrix<Answer> {
  return asMatrix(codes).map((row) =>
    row.map((code) => {
      if (isBlank(code)) return "";
      const idx = lookupSet(setId);
      if (!("set" in idx)) return idx;
      const c = codeOf(code);
      const hit = idx.indicators.get(c)?.indicator ?? idx.criteria.get(c);
      return hit
        ? hit.name.vi
        : functionError(
            "#N/A",
            `Không có chỉ tiêu hay tiêu chí "${c}" trong bộ ${idx.set.id} / no indicator or criterion "${c}"`,
          );
    }),
  );
}

/** Counts Đạt / Chưa đạt in a range; text that is neither is an error naming it. */
function countStatuses(statuses: unknown): { met: number; total: number } | FunctionError {
  let met = 0;
  let total = 0;
  for (const row of asMatrix(statuses)) {
    for (const v of row) {
      if (isBlank(v) || (typeof v === "object" && v !== null)) continue;
      const yes = typeof v === "boolean" ? v : parseAssessmentWord(String(v));
      if (yes === undefined)
        return functionError(
          "#VALUE!",
          `"${String(v)}" không phải Đạt hay Chưa đạt; chọn vùng chỉ gồm kết quả đánh giá / not Đạt or Chưa đạt`,
        );
      total++;
      if (yes) met++;
    }
  }
  return { met, total };
}

/** NTM.PROGRESS: share met, 0–1 (format the cell as %). */
export function progress(statuses: unknown): Answer {
  const c = countStatuses(statuses);
  if (!("met" in c)) return c;
  if (c.total === 0)
    return functionError("#N/A", "Vùng không có ô Đạt/Chưa đạt nào / the range holds no Đạt or Chưa đạt");
  return c.met / c.total;
}

/** NTM.COUNTMET: how many are met. */
export function countMet(statuses: unknown): Answer {
  const c = countStatuses(statuses);
  return "met" in c ? c.met : c;
}
