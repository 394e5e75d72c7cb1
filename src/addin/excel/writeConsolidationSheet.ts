/**
 * A consolidation pulled from the store, written as a new sheet in the office's workbook: one row
 * per commune (criteria met, share as a formula, review state, a column per criterion), the totals
 * under it, the signatures, and a column chart of criteria met — in the house style (the FormSheet
 * the file writers use, painted by paintFormSheet.ts), so the sheet reads and prints as the
 * summary `ntm consolidate` writes. One sync to learn the sheet names, one to write.
 *
 * Invariant: every total is a formula over the rows above written with the value it computes.
 */
import type { Consolidation } from "../../domain/sync/protocol";
import { columnLetters } from "../../domain/sheet/grid";
import { FormSheet } from "../../io/xlsx/formSheet";
import { NUMBER_FORMATS, OFFICE_SIGNATURES, fitWidth } from "../../io/xlsx/houseStyle";
import { CONSOLIDATION_SHEET_PREFIX } from "./ntmSheets";
import { queuePaintForm, type FormView } from "./paintFormSheet";
import { REVIEW_STATE_TEXT } from "../../domain/i18n/reviewStateText";

const STATUS_TEXT: Record<string, string> = { met: "Đạt", unmet: "Chưa đạt", unknown: "Chưa rõ" };

/** Sheet names are at most 31 characters and may not hold : \ / ? * [ ]. */
export function consolidationSheetName(period: string, taken: string[]): string {
  const base = `${CONSOLIDATION_SHEET_PREFIX} ${period}`.replace(/[:\\/?*[\]]/g, "-").slice(0, 28);
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base} ${i}`;
  return name;
}

const LEAD = ["TT", "Mã đơn vị", "Đơn vị", "Số tiêu chí đạt", "Tổng số tiêu chí", "Tỷ lệ đạt", "Trạng thái"];
/** 0-based columns of the lead block. */
const [NAME, MET, TOTAL, SHARE] = [2, 3, 4, 5];
/** 0-based sheet row of the first commune. */
export const FIRST_COMMUNE_ROW = 6;

/** The consolidation as a house-style form, with how it is viewed and printed. */
export function consolidationForm(c: Consolidation): { form: FormSheet; view: FormView; lastRow: number } {
  const d = new FormSheet();
  const lastCol = LEAD.length + c.criteria.length - 1;
  d.widths([
    5,
    10,
    fitWidth(
      c.communes.map((u) => u.name),
      14,
      28,
    ),
    9,
    9,
    8,
    10,
    ...c.criteria.map(() => 9),
  ]);
  let r = d.officialHeader(0, `ĐƠN VỊ TỔNG HỢP: ${c.under}`, lastCol);
  d.banner(r++, `TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ ${c.set}`.toUpperCase(), lastCol, "title");
  d.banner(r++, `Kỳ báo cáo: ${c.period} — số liệu đã gửi lên hệ thống`, lastCol, "note");
  const header = r;
  d.tableHeader(header, [...LEAD, ...c.criteria.map((k) => `${k.code}. ${k.name}`)]);
  const first = FIRST_COMMUNE_ROW;
  const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
  c.communes.forEach((u, i) => {
    const row = first + i;
    d.set(row, 0, i + 1, "cellCenter");
    d.row(row, [u.org, u.name, u.criteriaMet, u.criteriaTotal], 1);
    const [m, t] = [a1(row, MET), a1(row, TOTAL)];
    d.formula(
      row,
      SHARE,
      `IF(AND(ISNUMBER(${m}),${t}>0),${m}/${t},"")`,
      u.criteriaMet !== null && u.criteriaTotal > 0 ? u.criteriaMet / u.criteriaTotal : "",
      "cell",
      NUMBER_FORMATS.percent,
    );
    d.set(row, SHARE + 1, REVIEW_STATE_TEXT.vi[u.reviewState] ?? u.reviewState, "cellCenter");
    c.criteria.forEach((k, j) =>
      d.set(row, LEAD.length + j, STATUS_TEXT[u.criteria[k.code] ?? "unknown"] ?? "Chưa rõ", "cellCenter"),
    );
  });
  const last = first + Math.max(c.communes.length, 1) - 1;
  if (!c.communes.length) d.grid(first, 0, first, lastCol);
  const totals = last + 1;
  const span = (col: number) => `${a1(first, col)}:${a1(last, col)}`;
  const sum = (pick: (u: Consolidation["communes"][number]) => number) =>
    c.communes.reduce((n, u) => n + pick(u), 0);
  const [met, total] = [sum((u) => u.criteriaMet ?? 0), sum((u) => u.criteriaTotal)];
  d.grid(totals, 0, totals, lastCol, "total");
  d.set(totals, 1, "Cộng", "total");
  d.formula(totals, NAME, `COUNTA(${span(NAME)})`, c.communes.length, "total");
  d.formula(totals, MET, `SUM(${span(MET)})`, met, "total");
  d.formula(totals, TOTAL, `SUM(${span(TOTAL)})`, total, "total");
  const [tm, tt] = [a1(totals, MET), a1(totals, TOTAL)];
  d.formula(
    totals,
    SHARE,
    `IF(${tt}>0,${tm}/${tt},"")`,
    total > 0 ? met / total : "",
    "total",
    NUMBER_FORMATS.percent,
  );
  c.criteria.forEach((k, j) =>
    d.formula(
      totals,
      LEAD.length + j,
      `COUNTIF(${span(LEAD.length + j)},"Đạt")`,
      c.communes.filter((u) => u.criteria[k.code] === "met").length,
      "total",
    ),
  );
  const end = d.signatures(totals + 2, OFFICE_SIGNATURES, lastCol, undefined);
  return {
    form: d,
    view: {
      print: { landscape: true, titleRows: [header, header + 1] },
      freeze: { rows: first, cols: NAME + 1 },
    },
    lastRow: end,
  };
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
  const { form, view, lastRow } = consolidationForm(c);
  queuePaintForm(ws, form, view);
  if (c.communes.length) {
    const first = FIRST_COMMUNE_ROW + 1;
    const last = FIRST_COMMUNE_ROW + c.communes.length;
    // Names and criteria met of the communes only (not the header block or totals).
    const chart = ws.charts.add("ColumnClustered", ws.getRange(`C${first}:D${last}`), "Columns");
    chart.title.text = "Số tiêu chí đạt của từng đơn vị";
    chart.setPosition(`A${lastRow + 3}`);
  }
  ws.activate();
  await context.sync();
  return name;
}
