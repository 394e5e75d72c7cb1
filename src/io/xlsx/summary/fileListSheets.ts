/**
 * Phát hiện and Tệp lỗi: the lists a reviewer works through — every finding with its file, sheet
 * and cell; every file left out of the summary (unreadable, duplicate, not in the selection) with
 * why and what to do. Both are one list layout: title, counts in row 2, the table from row 3.
 *
 * Invariant: one row per finding / left-out file, in the domain's order; each count in row 2 is a
 * formula over the list written with the domain's count.
 */
import type { ConsolidationSummary } from "../../../domain/consolidate/summaryModel";
import { FormSheet, type Value } from "../formSheet";
import type { SheetPatch } from "../ooxml/patchXlsx";
import {
  BAD,
  SEVERITY_TEXT,
  SUMMARY_SHEETS,
  WARN,
  a1,
  colSpan,
  equals,
  type SummarySheet,
} from "./summarySheet";

const HEADER_ROW = 2;
const FIRST_ROW = HEADER_ROW + 1;

/** A list sheet: `counts` are label + formula over the rows' range (given as A1) + cached value. */
function listSheet(spec: {
  name: string;
  title: string;
  widths: number[];
  headers: string[];
  rows: Value[][];
  counts: (span: (c: number) => string) => { label: string; formula: string; cached: number }[];
  patch?: (first: number, last: number) => Omit<SheetPatch, "sheet">;
}): SummarySheet {
  const d = new FormSheet();
  const lastCol = spec.headers.length - 1;
  d.widths(spec.widths);
  d.banner(0, spec.title, lastCol, "title");
  d.row(HEADER_ROW, spec.headers, 0, "header");
  spec.rows.forEach((row, i) => d.row(FIRST_ROW + i, row));
  const last = FIRST_ROW + Math.max(spec.rows.length, 1) - 1;
  spec
    .counts((c) => colSpan(FIRST_ROW, last, c))
    .forEach((k, i) => {
      d.set(1, i * 2, k.label, "plainBold");
      d.formula(1, i * 2 + 1, k.formula, k.cached, "plainBold");
    });
  const any = spec.rows.length > 0;
  return {
    name: spec.name,
    form: d,
    print: { landscape: true, titleRows: [HEADER_ROW, HEADER_ROW] },
    freeze: { rows: FIRST_ROW, cols: 2 },
    autofilter: any ? `${a1(HEADER_ROW, 0)}:${a1(last, lastCol)}` : undefined,
    patch: any ? spec.patch?.(FIRST_ROW, last) : undefined,
  };
}

export function writeFindings(summary: ConsolidationSummary): SummarySheet {
  const errors = summary.findings.filter((f) => f.severity === "error").length;
  return listSheet({
    name: SUMMARY_SHEETS.findings,
    title: "CÁC PHÁT HIỆN KHI KIỂM TRA TỪNG TỆP (trang, ô cần xem lại)",
    widths: [6, 30, 20, 14, 7, 9, 10, 22, 60],
    headers: ["TT", "Tệp", "Xã", "Trang", "Ô", "Chỉ tiêu", "Mức độ", "Loại", "Nội dung"],
    rows: summary.findings.map((f, i) => [
      i + 1,
      f.file,
      f.commune,
      f.sheet ?? "",
      f.cell ?? "",
      f.indicator ?? "",
      SEVERITY_TEXT[f.severity],
      f.type,
      f.message,
    ]),
    counts: (span) => [
      { label: "Tổng số", formula: `COUNTA(${span(8)})`, cached: summary.findings.length },
      { label: "Lỗi", formula: `COUNTIF(${span(6)},"Lỗi")`, cached: errors },
    ],
    patch: (first, last) => ({
      conditionalFormats: [
        {
          sqref: colSpan(first, last, 6),
          rules: [equals(SEVERITY_TEXT.error, BAD), equals(SEVERITY_TEXT.warning, WARN)],
        },
      ],
    }),
  });
}

const FAILED_KIND = {
  failed: "Không đọc được",
  duplicate: "Trùng lặp",
  skipped: "Không thuộc lựa chọn",
} as const;

export function writeFailed(summary: ConsolidationSummary): SummarySheet {
  const rows: Value[][] = [
    ...summary.failedFiles.map((f) => [f.file, FAILED_KIND.failed, f.code, f.message, ""]),
    ...summary.duplicates.map((f) => [f.file, FAILED_KIND.duplicate, "duplicate", f.message, f.keptFile]),
    ...summary.skipped.map((f) => [f.file, FAILED_KIND.skipped, `not-${f.reason}`, f.message, ""]),
  ];
  const cached = [summary.failedFiles.length, summary.duplicates.length, summary.skipped.length];
  return listSheet({
    name: SUMMARY_SHEETS.failed,
    title: "TỆP KHÔNG ĐƯA VÀO TỔNG HỢP: không đọc được, trùng lặp hoặc không thuộc bộ/kỳ đã chọn",
    widths: [6, 30, 16, 16, 60, 30],
    headers: ["TT", "Tệp", "Loại", "Mã lỗi", "Lý do và cách xử lý", "Tệp được dùng thay"],
    rows: rows.map((row, i) => [i + 1, ...row]),
    counts: (span) =>
      [FAILED_KIND.failed, FAILED_KIND.duplicate, FAILED_KIND.skipped].map((k, i) => ({
        label: k,
        formula: `COUNTIF(${span(2)},"${k}")`,
        cached: cached[i],
      })),
  });
}
