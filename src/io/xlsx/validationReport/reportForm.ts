/**
 * One sheet of the validation report as a house-style form, from a list of columns: the official
 * header, the title and note, the table (header, (1) (2) (3) row, one row per item, totals under
 * it), the signatures when asked, and the print/freeze/filter setup every report sheet shares.
 *
 * Invariant: the table starts at FIRST_ROW on every sheet (formulas and conditional formats are
 * written for that row); a column's width fits its texts within its bounds and its header in two
 * lines; a formula cell carries the value it computes.
 */
import * as XLSX from "xlsx";
import { FormSheet, type Value } from "../formSheet";
import { REVIEW_SIGNATURES, fitWidth, type HouseStyleName } from "../houseStyle";
import type { PackageSheet } from "../ooxml/writeXlsxPackage";

/** 0-based row of every sheet's first table row: header block, title, note, header, (1) (2) row. */
export const FIRST_ROW = 6;

/** A cell of the table: a value, or a formula with the value it computes. */
export type Cell = Value | { f: string; v: number | string; z?: string };

/** One column: its header, width bounds, style, and the cell of item `i` (0-based). */
export interface Column<T> {
  head: string;
  min: number;
  max: number;
  style?: HouseStyleName;
  cell: (item: T, i: number) => Cell;
}

/** The issuing body of a report whose office the tool does not know: a line to fill in by hand. */
const ISSUER_BLANK = "ĐƠN VỊ: ……………………………";

export interface ReportSheet {
  sheet: PackageSheet;
  firstRow: number;
  lastRow: number;
}

const cellText = (v: Cell) =>
  v !== null && typeof v === "object" ? String(v.v) : typeof v === "boolean" ? String(v) : v;

export function reportSheet<T>(spec: {
  name: string;
  title: string;
  note: string;
  columns: Column<T>[];
  items: T[];
  landscape: boolean;
  /** Writes the totals row under the table (first and last table rows given); returns its row. */
  totals?: (first: number, last: number, d: FormSheet) => number;
  sign?: boolean;
}): ReportSheet {
  const { columns, items } = spec;
  const body = items.map((x, i) => columns.map((c) => c.cell(x, i)));
  const last = columns.length - 1;
  const d = new FormSheet();
  d.widths(
    columns.map((col, c) =>
      Math.max(
        fitWidth(
          body.map((row) => cellText(row[c])),
          col.min,
          col.max,
        ),
        // A header wraps on two lines at most.
        Math.min(col.max, Math.ceil(col.head.length / 2) + 2),
      ),
    ),
  );
  let r = d.officialHeader(0, ISSUER_BLANK, last);
  d.banner(r++, spec.title, last, "title");
  d.banner(r++, spec.note, last, "note");
  const headerRow = r;
  r = d.tableHeader(
    headerRow,
    columns.map((c) => c.head),
  );
  r++;
  const firstRow = r;
  if (firstRow !== FIRST_ROW) throw new Error("report layout: the table must start at FIRST_ROW");
  for (const row of body) {
    row.forEach((v, c) => {
      const style = columns[c].style ?? "cell";
      if (v !== null && typeof v === "object") d.formula(r, c, v.f, v.v, style, v.z);
      else d.set(r, c, v, style);
    });
    r++;
  }
  const lastRow = Math.max(firstRow, r - 1);
  if (!body.length) d.grid(firstRow, 0, firstRow, last);
  const end = spec.totals ? spec.totals(firstRow, lastRow, d) : lastRow;
  if (spec.sign) d.signatures(end + 2, REVIEW_SIGNATURES, last, undefined);
  return {
    sheet: d.toPackageSheet(spec.name, {
      print: { landscape: spec.landscape, titleRows: [headerRow, headerRow + 1] },
      freeze: { rows: firstRow, cols: 1 },
      // The filter buttons sit on the column-number row, so sorting never moves the header.
      autofilter: body.length ? `A${headerRow + 2}:${XLSX.utils.encode_col(last)}${lastRow + 1}` : undefined,
    }),
    firstRow,
    lastRow,
  };
}
