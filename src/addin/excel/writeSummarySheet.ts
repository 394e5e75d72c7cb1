/**
 * The progress summary as native formulas, so the workbook shows the counts without the add-in:
 * per criterion the indicators met over the total (a formula for the share), the criteria met as a
 * COUNTIF over the result column, and the villages' model-area progress as formulas too.
 * Formulas are written through `range.formulas`, which takes en-US function names and commas in
 * every Excel language.
 */
import type { WorkbookSnapshot } from "./readWorkbookSnapshot";
import { queueFreshSheet } from "./writeFlags";
import { SUMMARY_SHEET } from "./ntmSheets";
import { hostCapabilities } from "./hostCapabilities";

export type ProgressStatus = "met" | "unmet" | "unknown";

export interface ProgressSummary {
  setName: string;
  orgUnit?: string;
  period?: string;
  criteria: {
    code: string;
    name: string;
    status: ProgressStatus;
    indicatorsMet: number;
    indicatorsTotal: number;
  }[];
  villages?: { name: string; met: number; total: number; goal?: number }[];
}

export const STATUS_TEXT: Record<ProgressStatus, string> = {
  met: "Đạt",
  unmet: "Chưa đạt",
  unknown: "Chưa rõ",
};

/** Rows of values and formulas (1-based sheet rows are computed here, so tests can read them). */
export function summaryRows(s: ProgressSummary): (string | number)[][] {
  const rows: (string | number)[][] = [
    ["Tổng hợp tiến độ / Progress summary", "", "", "", "", ""],
    ["Bộ tiêu chí / Criteria set", s.setName, "", "", "", ""],
    ["Đơn vị / Org unit", s.orgUnit ?? "", "", "", "", ""],
    ["Kỳ / Period", s.period ?? "", "", "", "", ""],
    ["", "", "", "", "", ""],
    [
      "Mã / Code",
      "Tiêu chí / Criterion",
      "Chỉ tiêu đạt / Met",
      "Tổng / Total",
      "Tỷ lệ / Share",
      "Kết quả / Result",
    ],
  ];
  const first = rows.length + 1;
  s.criteria.forEach((c, i) => {
    const r = first + i;
    rows.push([
      c.code,
      c.name,
      c.indicatorsMet,
      c.indicatorsTotal,
      `=IF(D${r}>0,C${r}/D${r},0)`,
      STATUS_TEXT[c.status],
    ]);
  });
  const last = first + s.criteria.length - 1;
  const total = last + 2;
  rows.push(["", "", "", "", "", ""]);
  rows.push([
    "Số tiêu chí đạt / Criteria met",
    "",
    `=COUNTIF(F${first}:F${last},"Đạt")`,
    `=ROWS(F${first}:F${last})`,
    `=IF(D${total}>0,C${total}/D${total},0)`,
    "",
  ]);
  if (s.villages?.length) {
    rows.push(["", "", "", "", "", ""]);
    rows.push([
      "Thôn / Village",
      "",
      "Tiêu chí đạt / Met",
      "Tổng / Total",
      "Tiến độ / Progress",
      "Mục tiêu / Goal",
    ]);
    for (const v of s.villages) {
      const r = rows.length + 1;
      rows.push([
        v.name,
        "",
        v.met,
        v.total,
        `=IF(D${r}>0,C${r}/D${r},0)`,
        v.goal === undefined ? "" : v.goal / 100,
      ]);
    }
  }
  return rows;
}

export function queueSummarySheet(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  s: ProgressSummary,
): void {
  const ws = queueFreshSheet(context, snapshot, SUMMARY_SHEET);
  const rows = summaryRows(s);
  ws.getRange(`A1:F${rows.length}`).formulas = rows;
  ws.getRange("A1").format.font.bold = true;
  ws.getRange("A6:F6").format.font.bold = true;
  ws.getRange(`E7:E${rows.length}`).numberFormat = rows.slice(6).map(() => ["0%"]);
  ws.getRange(`F7:F${rows.length}`).numberFormat = rows
    .slice(6)
    .map((r) => [typeof r[5] === "number" ? "0%" : "@"]);
  if (hostCapabilities().layout) ws.getRange("A:F").format.autofitColumns();
}
