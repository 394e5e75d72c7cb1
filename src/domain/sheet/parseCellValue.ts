/**
 * One cell read the Vietnamese way: a number (percent cells as numbers of percent: 0.855 formatted
 * "0.0%" and the text "85,5%" both give 85.5), a range, a yes/no word, a date, prose or nothing.
 * Invariant: the reading depends only on the cell (value, number format), never on its neighbours;
 * the reader decides later what a reading means for an indicator.
 */
import type { Cell } from "./grid";
import { parseAssessmentWord } from "./parseAssessment";
import { excelSerialToIsoDate, isDateFormat, parseVietnameseDate } from "./parseVietnameseDate";
import { parseVietnameseNumber } from "./parseVietnameseNumber";

export type CellReading =
  | { kind: "empty" }
  | { kind: "number"; value: number; percent: boolean; unit?: string; ambiguous?: string }
  | { kind: "range"; low: number; high: number; percent: boolean; unit?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; iso: string }
  | { kind: "text"; text: string }
  | { kind: "error"; text: string };

const EMPTY: CellReading = { kind: "empty" };

/** Percent arithmetic in binary floating point leaves 91.44999999999999; keep 10 significant digits. */
export function cleanFloat(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(12));
}

function isPercentFormat(z: string | undefined): boolean {
  return z !== undefined && z.replace(/"[^"]*"/g, "").includes("%");
}

export function readCell(cell: Cell | undefined): CellReading {
  if (!cell) return EMPTY;
  const v = cell.v;
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "error", text: String(v) };
    if (isPercentFormat(cell.z)) return { kind: "number", value: cleanFloat(v * 100), percent: true };
    if (isDateFormat(cell.z)) {
      const iso = excelSerialToIsoDate(v);
      if (iso) return { kind: "date", iso };
    }
    return { kind: "number", value: v, percent: false };
  }
  return readText(v);
}

// Workbooks repeat the same short texts ("Đạt", "x", "100%", "Chưa đạt"): remember their reading.
// Readings are shared, so callers treat them as read-only (all of them do).
const readings = new Map<string, CellReading>();
const READING_MEMO_LIMIT = 20000;
const READING_MEMO_MAX_LENGTH = 120;

export function readText(raw: string): CellReading {
  if (raw.length > READING_MEMO_MAX_LENGTH) return readTextUncached(raw);
  let r = readings.get(raw);
  if (r === undefined) {
    r = readTextUncached(raw);
    if (readings.size >= READING_MEMO_LIMIT) readings.clear();
    readings.set(raw, r);
  }
  return r;
}

function readTextUncached(raw: string): CellReading {
  const text = raw.trim();
  if (text === "") return EMPTY;
  if (text.length <= 12 && text[0] === "#" && /^#[A-Z/0!?]+[!?]?$/.test(text)) return { kind: "error", text };
  const n = parseVietnameseNumber(text);
  if (n) return n;
  const word = parseAssessmentWord(text);
  if (word !== undefined) return { kind: "boolean", value: word };
  const iso = parseVietnameseDate(text);
  if (iso) return { kind: "date", iso };
  return { kind: "text", text };
}
