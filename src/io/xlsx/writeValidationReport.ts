/**
 * The `ntm validate --out report.xlsx` workbook: what `--json` prints, as sheets a reviewer can
 * file, sort and filter. "Tổng hợp": one row per file (set, org unit, period, criteria met, counts
 * of findings, the read error) with native totals; "Phát hiện": every finding with file, sheet!cell
 * and the message; "Chỉ tiêu": every indicator read, with its cell. Each sheet is a form in the
 * house style (validationReport/reportForm.ts); its columns are in validationReport/reportColumns.ts.
 * Invariant: one summary row per input object in input order; one findings row per finding; every
 * total is written with the value its formula computes.
 */
import * as fs from "node:fs";
import "./sheetJsZlib";
import type { FileValidation } from "../../domain/consolidate/fileValidation";
import { patchXlsxParts, type DifferentialStyle } from "./ooxml/patchXlsx";
import { xlsxPackageParts } from "./ooxml/writeXlsxPackage";
import { reportSheet, type ReportSheet } from "./validationReport/reportForm";
import {
  FINDING_COLUMNS,
  INDICATOR_COLUMNS,
  SUMMARY_COLUMNS,
  findingItems,
  indicatorItems,
  summaryTotals,
} from "./validationReport/reportColumns";

export const REPORT_SHEETS = { summary: "Tổng hợp", findings: "Phát hiện", indicators: "Chỉ tiêu" } as const;

const GREY: DifferentialStyle = { fill: "D9D9D9", font: "595959" };
const RED: DifferentialStyle = { fill: "FFC7CE", font: "9C0006" };
const AMBER: DifferentialStyle = { fill: "FFEB9C", font: "9C5700" };

/** A row coloured by `rule` (written for the table's first row, `{r}` in it) over columns A..lastCol. */
function rowColours(s: ReportSheet, lastCol: string, rules: [string, DifferentialStyle][]) {
  const r1 = s.firstRow + 1;
  return {
    sqref: `A${r1}:${lastCol}${Math.max(s.firstRow, s.lastRow) + 1}`,
    rules: rules.map(([formula, style]) => ({
      type: "expression" as const,
      formula: formula.replace(/\{r\}/g, String(r1)),
      style,
    })),
  };
}

/** The report workbook as .xlsx bytes. */
export function writeValidationReport(results: FileValidation[]): Buffer {
  const summary = reportSheet({
    name: REPORT_SHEETS.summary,
    title: "BÁO CÁO KẾT QUẢ KIỂM TRA CÁC TỆP BÁO CÁO",
    note: `Số tệp: ${results.length}; đạt yêu cầu: ${results.filter((r) => r.ok).length}; không đọc được: ${results.filter((r) => r.error).length}`,
    columns: SUMMARY_COLUMNS,
    items: results,
    totals: (first, last, d) => summaryTotals(results, first, last, d),
    sign: true,
    landscape: true,
  });
  const findings = reportSheet({
    name: REPORT_SHEETS.findings,
    title: "CÁC PHÁT HIỆN KHI KIỂM TRA TỪNG TỆP",
    note: "Mỗi dòng một phát hiện: tệp, trang!ô cần xem lại và nội dung",
    columns: FINDING_COLUMNS,
    items: findingItems(results),
    landscape: true,
  });
  const indicators = reportSheet({
    name: REPORT_SHEETS.indicators,
    title: "CÁC CHỈ TIÊU ĐÃ ĐỌC TỪ TỪNG TỆP",
    note: "Mỗi dòng một chỉ tiêu đã đọc: giá trị, chỉ tiêu so sánh và ô chứa giá trị",
    columns: INDICATOR_COLUMNS,
    items: indicatorItems(results),
    landscape: false,
  });
  const parts = xlsxPackageParts([summary.sheet, findings.sheet, indicators.sheet], {
    title: "Báo cáo kết quả kiểm tra",
    author: "NTM Tracker",
  });
  return patchXlsxParts(parts, [
    {
      sheet: REPORT_SHEETS.summary,
      conditionalFormats: [
        rowColours(summary, "L", [
          [`LEFT($K{r},5)="Không"`, GREY],
          ["$I{r}>0", RED],
        ]),
      ],
    },
    {
      sheet: REPORT_SHEETS.findings,
      conditionalFormats: [rowColours(findings, "J", [[`$H{r}="Lỗi"`, RED]])],
    },
    {
      sheet: REPORT_SHEETS.indicators,
      conditionalFormats: [rowColours(indicators, "I", [[`$H{r}="Chưa đạt"`, AMBER]])],
    },
  ]);
}

/** Writes the report workbook (the signature `ntm validate --out` calls). */
export function writeValidationReportFile(file: string, results: FileValidation[]): void {
  fs.writeFileSync(file, writeValidationReport(results));
}
