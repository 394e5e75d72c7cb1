/**
 * What every sheet of the consolidation summary shares: the sheet names, the status words, the
 * shape a sheet module returns (its form, print setup, and the conditional colours or charts the
 * OOXML patcher adds to it), and the A1 helpers the formulas are written with.
 *
 * Invariant: a sheet module returns everything about its sheet — no other module patches it — so
 * adding a sheet is one module and one line in writeSummaryWorkbook.ts's list.
 */
import * as XLSX from "xlsx";
import type { CommuneIdentity } from "../../../domain/consolidate/communeCodeMap";
import type { CriterionStatus } from "../../../domain/consolidate/fileValidation";
import type { FormSheet, Value } from "../formSheet";
import type { PrintSetup } from "../houseStyle";
import type { ConditionalRule, DifferentialStyle, SheetPatch } from "../ooxml/patchXlsx";

export const STATUS_TEXT: Record<CriterionStatus, string> = {
  met: "Đạt",
  unmet: "Chưa đạt",
  unknown: "Chưa rõ",
};
export const SEVERITY_TEXT = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as const;

export const SUMMARY_SHEETS = {
  matrix: "Tổng hợp",
  stats: "Thống kê",
  villages: "Khu dân cư",
  volumes: "Khối lượng",
  findings: "Phát hiện",
  failed: "Tệp lỗi",
} as const;

/** A summary sheet: its form (cells, widths, merges), how it is viewed and printed, what is patched. */
export interface SummarySheet {
  name: string;
  form: FormSheet;
  print: PrintSetup;
  freeze?: { rows: number; cols: number };
  autofilter?: string;
  /** Conditional colours and charts the OOXML patcher adds to this sheet. */
  patch?: Omit<SheetPatch, "sheet">;
}

/**
 * A landscape table of rows below a header: printed to column `lastPrintedCol` with the header row
 * repeated on every page, and frozen below the header and right of the first column on screen.
 */
export function landscapeTable(
  name: string,
  form: FormSheet,
  header: number,
  lastPrintedCol: number,
): Pick<SummarySheet, "name" | "form" | "print" | "freeze"> {
  return {
    name,
    form,
    print: { landscape: true, titleRows: [header, header], lastPrintedCol },
    freeze: { rows: header + 1, cols: 1 },
  };
}

/** The issuing body of a summary: the tool does not know the office, so a line to fill in. */
export const ISSUER_BLANK = "ĐƠN VỊ TỔNG HỢP: ……………………";

export const col = (c: number) => XLSX.utils.encode_col(c);
export const a1 = (r: number, c: number) => XLSX.utils.encode_cell({ r, c });
export const abs = (r: number, c: number) => `$${col(c)}$${r + 1}`;
export const ref = (sheet: string, range: string) => `'${sheet.replace(/'/g, "''")}'!${range}`;
/** "C4:C20": one column of a table, first to last row (0-based). */
export const colSpan = (first: number, last: number, c: number) => `${a1(first, c)}:${a1(last, c)}`;

export function communeCells(c: CommuneIdentity): Value[] {
  return [c.code ?? "", c.name, c.districtName ?? "", c.currentCode ?? "", c.currentName ?? ""];
}

export const GOOD: DifferentialStyle = { fill: "C6EFCE", font: "006100" };
export const BAD: DifferentialStyle = { fill: "FFC7CE", font: "9C0006" };
export const UNKNOWN: DifferentialStyle = { fill: "EDEDED", font: "595959" };
export const WARN: DifferentialStyle = { fill: "FFEB9C", font: "9C5700" };

export const equals = (text: string, style: DifferentialStyle): ConditionalRule => ({
  type: "cellIs",
  operator: "equal",
  formulas: [`"${text}"`],
  style,
});
