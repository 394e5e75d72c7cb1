/**
 * What to put in a workbook cell so that it holds a pulled indicator value, written the way the
 * cell already writes it.
 *
 * Invariant: the content chosen reads back (through the reader's own readCell, with the cell's
 * number format) as the pulled value, so a check right after a pull sees the server's head. The
 * clerk's own form (`raw`, "96,4%") is kept whenever it still means the value, and a cell that writes
 * its number as text keeps writing it as text in the same form (decimal comma, percent sign); a cell
 * that already means the value is left alone; a formula is never overwritten (the workbook computes
 * it); a cell holding prose (text that means no value) is never overwritten or emptied; a cell
 * that no longer holds what the pull was planned from (`expect`) is not overwritten either — the
 * clerk typed something since, and it is handed back as a conflict.
 */
import type { CellValue } from "../sheet/grid";
import { cleanFloat, readCell } from "../sheet/parseCellValue";
import type { ReportScalar } from "../report";
import type { IndicatorValue } from "./protocol";
import { formatDecimal } from "../i18n/formatNumber";

/** The cell as the workbook holds it now. */
export interface CurrentCell {
  v: CellValue;
  /** Formula without "=", when there is one. */
  f?: string;
  /** Number format, e.g. "0%". */
  z?: string;
}

export type CellDecision =
  | { kind: "write"; content: CellValue }
  | { kind: "unchanged" }
  /** The cell computes its value; the pulled value differs and is left for the person to see. */
  | { kind: "formula" }
  /** The cell holds prose the value would replace: left as it is, for the person to see. */
  | { kind: "prose" }
  /** The cell no longer holds the value the pull was planned from: left as it is, what it means now. */
  | { kind: "changed"; now: ReportScalar };

/** What the pull was planned from: the value the cell held (as read), and its content when read. */
export interface ExpectedCell {
  value: ReportScalar;
  raw?: CellValue;
}

/** What a cell means, as the reader's readCell reads it (prose and errors mean no value). */
export function cellMeaning(content: CellValue, z: string | undefined): ReportScalar {
  const r = readCell({ v: content, ...(z ? { z } : {}) });
  switch (r.kind) {
    case "number":
      return r.value;
    case "range":
      return { min: r.low, max: r.high };
    case "boolean":
      return r.value;
    case "date":
      return r.iso;
    default:
      return null;
  }
}

function sameNumber(a: number, b: number): boolean {
  return cleanFloat(a) === cleanFloat(b);
}

/** Does this content, in a cell of this format, read as the value? */
export function readsAs(content: CellValue, z: string | undefined, value: ReportScalar): boolean {
  const r = readCell({ v: content, ...(z ? { z } : {}) });
  switch (r.kind) {
    case "empty":
    case "text":
    case "error":
      return value === null;
    case "number":
      return typeof value === "number" && sameNumber(r.value, value);
    case "range":
      return (
        typeof value === "object" &&
        value !== null &&
        sameNumber(r.low, value.min) &&
        sameNumber(r.high, value.max)
      );
    case "boolean":
      return value === r.value;
    case "date":
      return value === r.iso;
  }
}

function decimal(n: number): string {
  return formatDecimal(cleanFloat(n));
}

/** Plain forms of the value, most natural first; the first that reads back is written. */
function candidates(v: IndicatorValue, z: string | undefined): CellValue[] {
  const x = v.value;
  if (x === null) return [""];
  if (typeof x === "boolean") return [x ? "Đạt" : "Không đạt", x];
  if (typeof x === "string") return [x];
  if (typeof x === "object") {
    const unit = v.unit === "%" ? "%" : "";
    return [`${decimal(x.min)}–${decimal(x.max)}${unit}`, `${decimal(x.min)}–${decimal(x.max)}`];
  }
  const percentCell = z !== undefined && z.replace(/"[^"]*"/g, "").includes("%");
  return percentCell ? [cleanFloat(x / 100), x] : [x, `${decimal(x)}%`];
}

/**
 * The number written the way this text cell writes its number: the same words around it ("48
 * triệu" → "52 triệu", "96,4%" → "97,5%") and the same decimal mark. Checked by readsAs after.
 */
function sameTextForm(now: string, v: IndicatorValue): string | undefined {
  const x = v.value;
  if (typeof x !== "number") return undefined;
  const token = /-?\d+(?:[.,]\d+)*/.exec(now);
  if (!token) return undefined;
  const comma = token[0].includes(",") || !token[0].includes(".");
  const body = formatDecimal(cleanFloat(x), comma ? "vi" : "en");
  return now.slice(0, token.index) + body + now.slice(token.index + token[0].length);
}

/**
 * Decides what a cell gets. `current` is undefined for an empty cell. A pulled empty value empties
 * a cell holding a number; prose, which also reads as no value, stays.
 */
export function decideCellContent(
  v: IndicatorValue,
  current: CurrentCell | undefined,
  expect?: ExpectedCell,
): CellDecision {
  const z = current?.z && current.z !== "General" ? current.z : undefined;
  const now: CellValue = current?.v ?? null;
  if (readsAs(now, z, v.value)) return { kind: "unchanged" };
  if (current?.f) return { kind: "formula" };
  const prose = typeof now === "string" && now.trim() !== "" && cellMeaning(now, z) === null;
  if (prose && v.value !== null) return { kind: "prose" };
  if (expect && !readsAs(now, z, expect.value) && !(expect.raw !== undefined && (expect.raw ?? null) === now))
    return { kind: "changed", now: cellMeaning(now, z) };
  // The receiving cell's own way first: text stays text in its form, a number stays a number, a
  // yes/no stays TRUE/FALSE; only an empty cell takes the sender's form (`raw`).
  const plain = candidates(v, z);
  const ofKind = (kind: string) => plain.filter((c) => typeof c === kind);
  const textForm = typeof now === "string" ? sameTextForm(now, v) : undefined;
  const forms: CellValue[] =
    typeof now === "string"
      ? [...(textForm !== undefined ? [textForm] : []), ...ofKind("string"), ...plain]
      : typeof now === "number" || typeof now === "boolean"
        ? [...ofKind(typeof now), ...plain]
        : [...(v.raw !== undefined && v.raw !== null ? [v.raw] : []), ...plain];
  for (const c of forms) if (readsAs(c, z, v.value)) return { kind: "write", content: c };
  // No form reads back (a unit the reader would not see): the plain value, as `ntm pull` writes it.
  const x = v.value;
  return { kind: "write", content: x !== null && typeof x === "object" ? `${x.min}–${x.max}` : x };
}
