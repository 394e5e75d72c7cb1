/**
 * A consolidation pulled from the store, written as a new sheet: one row per commune (criteria met,
 * share as a formula, review state, a column per criterion) and a column chart of criteria met, so
 * the office's workbook keeps the picture without the add-in. One sync.
 */
import type { Consolidation } from "../../domain/sync/protocol";
import { columnLetters } from "../../domain/sheet/grid";
import { CONSOLIDATION_SHEET_PREFIX } from "./ntmSheets";
import { hostCapabilities } from "./hostCapabilities";

const STATE_TEXT: Record<string, string> = {
  none: "Chưa gửi",
  submitted: "Đã gửi",
  returned: "Trả lại",
  approved: "Đã duyệt",
  reopened: "Mở lại",
};
const STATUS_TEXT: Record<string, string> = { met: "Đạt", unmet: "Chưa đạt", unknown: "?" };

/** Sheet names are at most 31 characters and may not hold : \ / ? * [ ]. */
export function consolidationSheetName(period: string, taken: string[]): string {
  const base = `${CONSOLIDATION_SHEET_PREFIX} ${period}`.replace(/[:\\/?*[\]]/g, "-").slice(0, 28);
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base} ${i}`;
  return name;
}

export function consolidationRows(c: Consolidation): (string | number)[][] {
  const header = [
    "Mã / Code",
    "Đơn vị / Unit",
    "Tiêu chí đạt / Met",
    "Tổng / Total",
    "Tỷ lệ / Share",
    "Trạng thái / State",
    ...c.criteria.map((k) => `TC ${k.code}`),
  ];
  const rows: (string | number)[][] = [header];
  c.communes.forEach((u, i) => {
    const r = i + 4; // data starts on sheet row 4 (title, blank, header)
    rows.push([
      u.org,
      u.name,
      u.criteriaMet ?? "",
      u.criteriaTotal,
      `=IF(AND(ISNUMBER(C${r}),D${r}>0),C${r}/D${r},"")`,
      STATE_TEXT[u.reviewState] ?? u.reviewState,
      ...c.criteria.map((k) => STATUS_TEXT[u.criteria[k.code] ?? "unknown"] ?? "?"),
    ]);
  });
  return rows;
}

export async function writeConsolidationSheet(
  context: Excel.RequestContext,
  c: Consolidation,
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = consolidationSheetName(
    c.period,
    sheets.items.map((s) => s.name),
  );
  const ws = sheets.add(name);
  const rows = consolidationRows(c);
  const width = rows[0].length;
  const last = columnLetters(width - 1);
  ws.getRange("A1").values = [[`Tổng hợp ${c.set}, kỳ ${c.period}, đơn vị ${c.under} / Consolidation`]];
  ws.getRange("A1").format.font.bold = true;
  ws.getRange(`A3:${last}${rows.length + 2}`).formulas = rows;
  ws.getRange(`A3:${last}3`).format.font.bold = true;
  if (c.communes.length) {
    ws.getRange(`E4:E${rows.length + 2}`).numberFormat = c.communes.map(() => ["0%"]);
    const chart = ws.charts.add("ColumnClustered", ws.getRange(`B3:C${rows.length + 2}`), "Columns");
    chart.title.text = "Số tiêu chí đạt / Criteria met";
    chart.setPosition(`A${rows.length + 5}`);
  }
  if (hostCapabilities().layout) ws.getRange(`A:${last}`).format.autofitColumns();
  ws.activate();
  await context.sync();
  return name;
}
