/**
 * The progress summary written into the commune's workbook, as a form in the house style (the same
 * FormSheet the file writers use, painted through Office.js by paintFormSheet.ts): the official
 * header, title, per criterion the indicators met over the total with a formula for the share, the
 * criteria met as a COUNTIF over the result column, the villages' model-area progress, and the
 * signatures — so the workbook shows and prints the counts without the add-in.
 *
 * Invariant: every formula is written with the value it computes from the cells written (the same
 * form written as a file shows it before any recalculation); formulas go through `range.formulas`,
 * which takes en-US function names and commas in every Excel language. The criteria table starts
 * on sheet row 7 and its totals follow it on rows n+1 and n+2.
 */
import { FormSheet } from "../../io/xlsx/formSheet";
import {
  COMMUNE_SIGNATURES,
  NUMBER_FORMATS,
  communeIssuer,
  fitWidth,
  placeOf,
} from "../../io/xlsx/houseStyle";
import type { WorkbookSnapshot } from "./readWorkbookSnapshot";
import { queueFreshSheet } from "./writeFlags";
import { SUMMARY_SHEET } from "./ntmSheets";
import { queuePaintForm, type FormView } from "./paintFormSheet";

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

const CRITERIA_HEADERS = [
  "Mã tiêu chí",
  "Tên tiêu chí",
  "Số chỉ tiêu đạt",
  "Tổng số chỉ tiêu",
  "Tỷ lệ đạt",
  "Kết quả",
];
const VILLAGE_HEADERS = [
  "Thôn",
  "Khu dân cư NTM kiểu mẫu",
  "Số tiêu chí đạt",
  "Tổng số tiêu chí",
  "Tiến độ",
  "Mục tiêu",
];
const LAST_COL = CRITERIA_HEADERS.length - 1;
const share = (met: number, total: number) => (total > 0 ? met / total : 0);

/** The summary as a house-style form, with how it is viewed and printed. */
export function summaryForm(s: ProgressSummary): { form: FormSheet; view: FormView } {
  const d = new FormSheet();
  d.widths([
    8,
    fitWidth(
      s.criteria.map((c) => c.name),
      24,
      44,
    ),
    12,
    12,
    10,
    12,
  ]);
  let r = d.officialHeader(0, communeIssuer(s.orgUnit), LAST_COL);
  d.banner(r++, `TỔNG HỢP TIẾN ĐỘ THỰC HIỆN ${s.setName.toUpperCase()}`, LAST_COL, "title");
  const about = [s.orgUnit && `Đơn vị: ${s.orgUnit}`, s.period && `Kỳ báo cáo: ${s.period}`];
  d.banner(r++, about.filter(Boolean).join(" — ") || "Tự đánh giá của xã", LAST_COL, "note");
  const header = r;
  d.tableHeader(header, CRITERIA_HEADERS);
  const first = header + 2;
  s.criteria.forEach((c, i) => {
    const row = first + i;
    const n = row + 1;
    d.row(row, [c.code], 0, "cellCenter");
    d.row(row, [c.name, c.indicatorsMet, c.indicatorsTotal], 1);
    d.formula(
      row,
      4,
      `IF(D${n}>0,C${n}/D${n},0)`,
      share(c.indicatorsMet, c.indicatorsTotal),
      "cell",
      NUMBER_FORMATS.percent,
    );
    d.set(row, 5, STATUS_TEXT[c.status], "cellCenter");
  });
  const last = first + Math.max(s.criteria.length, 1) - 1;
  if (!s.criteria.length) d.grid(first, 0, first, LAST_COL);
  const [f1, fN] = [first + 1, last + 1];
  const indicatorsRow = last + 1;
  const criteriaRow = last + 2;
  d.grid(indicatorsRow, 0, criteriaRow, LAST_COL, "total");
  d.set(indicatorsRow, 1, "Cộng số chỉ tiêu", "total");
  d.set(criteriaRow, 1, "Số tiêu chí đạt", "total");
  const sum = (pick: (c: ProgressSummary["criteria"][number]) => number) =>
    s.criteria.reduce((n, c) => n + pick(c), 0);
  const [metIndicators, allIndicators] = [sum((c) => c.indicatorsMet), sum((c) => c.indicatorsTotal)];
  const metCriteria = s.criteria.filter((c) => c.status === "met").length;
  const shareOf = (row: number) => `IF(D${row + 1}>0,C${row + 1}/D${row + 1},0)`;
  if (s.criteria.length) {
    d.formula(indicatorsRow, 2, `SUM(C${f1}:C${fN})`, metIndicators, "total");
    d.formula(indicatorsRow, 3, `SUM(D${f1}:D${fN})`, allIndicators, "total");
    d.formula(criteriaRow, 2, `COUNTIF(F${f1}:F${fN},"Đạt")`, metCriteria, "total");
    d.formula(criteriaRow, 3, `ROWS(F${f1}:F${fN})`, s.criteria.length, "total");
  } else {
    d.row(indicatorsRow, [0, 0], 2, "total");
    d.row(criteriaRow, [0, 0], 2, "total");
  }
  d.formula(
    indicatorsRow,
    4,
    shareOf(indicatorsRow),
    share(metIndicators, allIndicators),
    "total",
    NUMBER_FORMATS.percent,
  );
  d.formula(
    criteriaRow,
    4,
    shareOf(criteriaRow),
    share(metCriteria, s.criteria.length),
    "total",
    NUMBER_FORMATS.percent,
  );
  let end = criteriaRow;
  if (s.villages?.length) {
    const vHeader = criteriaRow + 1;
    d.tableHeader(vHeader, VILLAGE_HEADERS);
    s.villages.forEach((v, i) => {
      const row = vHeader + 2 + i;
      const n = row + 1;
      d.row(row, [v.name]);
      d.formula(
        row,
        1,
        `IF(AND(D${n}>0,C${n}>=D${n}),"Đạt","Chưa đạt")`,
        v.total > 0 && v.met >= v.total ? "Đạt" : "Chưa đạt",
        "cellCenter",
      );
      d.row(row, [v.met, v.total], 2);
      d.formula(row, 4, shareOf(row), share(v.met, v.total), "cell", NUMBER_FORMATS.percent);
      d.set(row, 5, v.goal === undefined ? null : v.goal / 100, "cell", NUMBER_FORMATS.percent);
      end = row;
    });
  }
  d.signatures(end + 2, COMMUNE_SIGNATURES, LAST_COL, s.orgUnit ? placeOf(s.orgUnit) : undefined);
  return {
    form: d,
    view: { print: { landscape: false, titleRows: [header, header + 1] }, freeze: { rows: first, cols: 2 } },
  };
}

export function queueSummarySheet(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  s: ProgressSummary,
): void {
  const ws = queueFreshSheet(context, snapshot, SUMMARY_SHEET);
  const { form, view } = summaryForm(s);
  queuePaintForm(ws, form, view);
}
