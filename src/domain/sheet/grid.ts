/**
 * Grid: what one sheet holds, host-neutral. Made by src/io/xlsx (files) and src/addin/excel (Excel).
 * Invariant: `cells[r][c]` is the cell at 0-based row r, column c; a merged range keeps its content
 * in its top-left cell only (as Excel and SheetJS do); addresses shown to people are A1 strings.
 */
export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The value as stored (a number stays a number; text stays text). */
  v: CellValue;
  /** Formula without the leading "=", when the cell has one. */
  f?: string;
  /** Number format code, e.g. "0%" or "#,##0". */
  z?: string;
  /** The text Excel displays, when the host knows it. */
  w?: string;
}

export interface Range {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface Grid {
  /** Sheet name; "" for a CSV, which has none. */
  sheet: string;
  rowCount: number;
  colCount: number;
  /** Dense rows; a missing or undefined entry is an empty cell. */
  cells: (Cell | undefined)[][];
  merges: Range[];
  hiddenRows?: number[];
  hiddenCols?: number[];
}

export interface WorkbookGrids {
  sheets: Grid[];
  /** Workbook-level properties a host found (custom properties, hidden settings sheet). */
  properties?: Record<string, string>;
}

/** 0-based column index to letters: 0 → A, 27 → AB. */
export function columnLetters(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Letters of columns A…ZZ, made once: toA1 runs for every cell the reader reports, several times
// per row. Wider columns are spelt out each time.
const LETTERS: string[] = Array.from({ length: 702 }, (_, c) => columnLetters(c));

/** 0-based row and column to an A1 address. */
export function toA1(r: number, c: number): string {
  return (c >= 0 && c < LETTERS.length ? LETTERS[c] : columnLetters(c)) + String(r + 1);
}

/** A1 address to 0-based row and column; undefined when it is not an address. */
export function fromA1(a1: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/.exec(a1.trim().toUpperCase());
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** The cell at (r, c); no column (a role the table lacks) is no cell. */
export function cellAt(grid: Grid, r: number, c: number | undefined): Cell | undefined {
  if (c === undefined) return undefined;
  return grid.cells[r]?.[c];
}
