/**
 * The consolidation summary as a workbook an office can keep editing without the add-in and print
 * to send up: Tổng hợp (communes × criteria, one sheet per set), Thống kê (counts, two charts per
 * set), Khu dân cư, Khối lượng, Phát hiện, Tệp lỗi — each sheet a module under summary/, in the
 * house style (houseStyle.ts). This file holds the sheet order and the two writers.
 *
 * Invariant: every total is a native formula over the cells above or on the Tổng hợp sheet, written
 * with its cached value computed by the domain, so the file shows the right numbers before any
 * recalculation and keeps right ones after an office edits a cell.
 */
import * as XLSX from "xlsx";
import type { ConsolidationSummary } from "../../domain/consolidate/summaryModel";
import { xlsxPackageParts } from "./ooxml/writeXlsxPackage";
import { patchXlsxParts } from "./ooxml/patchXlsx";
import { FormSheet } from "./formSheet";
import { matrixSheetName, writeMatrix, type MatrixLayout } from "./summary/matrixSheet";
import { writeStats, type StatsBlock } from "./summary/statsSheet";
import { writeVillages } from "./summary/villagesSheet";
import { writeVolumes } from "./summary/volumesSheet";
import { writeCompleteness } from "./summary/completenessSheet";
import { writeFailed, writeFindings } from "./summary/fileListSheets";
import { SUMMARY_SHEETS, type SummarySheet } from "./summary/summarySheet";

export { STATUS_TEXT, SUMMARY_SHEETS } from "./summary/summarySheet";

/** Where things landed, so tests (and callers) can find the tables. */
export interface SummaryLayout {
  matrices: MatrixLayout[];
  /** The first set's tables on Thống kê. */
  stats: StatsBlock | undefined;
}

/**
 * The sheets after Tổng hợp and Thống kê, in order: a new sheet is a module returning a
 * SummarySheet (its patch included) and one entry here.
 */
const LIST_SHEETS: ((summary: ConsolidationSummary) => SummarySheet | undefined)[] = [
  writeVillages,
  writeVolumes,
  (summary) => (summary.completeness?.length ? writeCompleteness(summary.completeness) : undefined),
  writeFindings,
  writeFailed,
];

/** The summary's sheets in order, with where the tables landed. */
function buildSummarySheets(summary: ConsolidationSummary): {
  sheets: SummarySheet[];
  layout: SummaryLayout;
} {
  const used = new Set<string>(Object.values(SUMMARY_SHEETS));
  const matrices = summary.matrices.map((m, i) => writeMatrix(m, matrixSheetName(m, i, used), summary));
  const sheets: SummarySheet[] = [];
  if (!matrices.length) {
    const empty = new FormSheet();
    empty.widths([60]);
    empty.set(0, 0, "Không có báo cáo tiêu chí cấp xã nào.", "plain");
    sheets.push({ name: SUMMARY_SHEETS.matrix, form: empty, print: { landscape: false } });
  }
  for (const m of matrices) sheets.push(m.sheet);
  const layouts = matrices.map((m) => m.layout);
  const stats = writeStats(summary, layouts);
  sheets.push(stats.sheet, ...LIST_SHEETS.flatMap((write) => write(summary) ?? []));
  return { sheets, layout: { matrices: layouts, stats: stats.blocks[0] } };
}

/** The summary workbook as SheetJS objects (cells by address), with where the tables landed. */
export function buildSummaryWorkbook(summary: ConsolidationSummary): {
  wb: XLSX.WorkBook;
  layout: SummaryLayout;
} {
  const built = buildSummarySheets(summary);
  const wb = XLSX.utils.book_new();
  for (const s of built.sheets) {
    const sheet = s.form.toPackageSheet(s.name, { print: s.print });
    const ws: XLSX.WorkSheet = {};
    let lastCol = 0;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        lastCol = Math.max(lastCol, c);
        if (cell && cell.t !== "z") ws[XLSX.utils.encode_cell({ r, c })] = cell;
      }),
    );
    const lastRow = Math.max(0, sheet.rows.length - 1);
    ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } });
    ws["!cols"] = sheet.cols;
    ws["!merges"] = sheet.merges;
    if (s.autofilter) ws["!autofilter"] = { ref: s.autofilter };
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return { wb, layout: built.layout };
}

/**
 * The summary workbook as .xlsx bytes: writeXlsxPackage writes the styled cells (≈10× faster than
 * `XLSX.write` on 200,000 cells; ExcelJS took 4.3 s for as many styled cells, and writes only
 * asynchronously), the OOXML patcher each sheet's conditional colours and charts.
 */
export function writeSummaryWorkbook(summary: ConsolidationSummary): Buffer {
  const { sheets } = buildSummarySheets(summary);
  const parts = xlsxPackageParts(
    sheets.map((s) =>
      s.form.toPackageSheet(s.name, { print: s.print, freeze: s.freeze, autofilter: s.autofilter }),
    ),
    { title: "Tổng hợp kết quả thực hiện tiêu chí nông thôn mới", author: "NTM Tracker" },
  );
  const patches = sheets.flatMap((s) => (s.patch ? [{ sheet: s.name, ...s.patch }] : []));
  // Parts patched before they are zipped, then packed once at deflate level 1: a 2,000-commune
  // summary is ≈9 MB of XML; level 6 takes ≈3× as long for a file ≈20 % smaller.
  return patchXlsxParts(parts, patches, { compressionLevel: 1 });
}
