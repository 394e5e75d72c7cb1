/**
 * Tổng hợp: communes × criteria of one set, sorted by criteria met, filterable, coloured — the
 * first set's sheet is "Tổng hợp" (formulas and links name it), another set's is named for its set.
 * In the house style with the official header and signatures, A4 landscape fitted to one page wide,
 * the header rows repeated and the file-path column left off the print.
 *
 * Invariant: every count and share is a native formula over the row or column above it, written
 * with its cached value from the domain, so a viewer that does not recalculate shows the same.
 */
import type { ConsolidationSummary, CriteriaMatrix } from "../../../domain/consolidate/summaryModel";
import { FormSheet } from "../formSheet";
import { NUMBER_FORMATS, OFFICE_SIGNATURES, dateText, fitWidth } from "../houseStyle";
import {
  GOOD,
  BAD,
  UNKNOWN,
  ISSUER_BLANK,
  STATUS_TEXT,
  SUMMARY_SHEETS,
  a1,
  col,
  colSpan,
  communeCells,
  equals,
  type SummarySheet,
} from "./summarySheet";

/** Where one matrix landed, for Thống kê's formulas and the tests. */
export interface MatrixLayout {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  firstCriterionCol: number;
  lastCriterionCol: number;
  metCol: number;
  shareCol: number;
  totalsRow: number;
}

/**
 * The first set's matrix is "Tổng hợp"; another set's sheet is named for its set ("Tổng hợp NTM
 * nâng cao"), unique and within Excel's 31 characters and charset.
 */
export function matrixSheetName(m: CriteriaMatrix, i: number, used: Set<string>): string {
  if (i === 0) return SUMMARY_SHEETS.matrix;
  const title = `${m.set.title ?? ""} ${m.set.id}`.toLowerCase();
  const kind = /kiểu mẫu|kieu-mau/.test(title)
    ? "NTM kiểu mẫu"
    : /nâng cao|nang-cao/.test(title)
      ? "NTM nâng cao"
      : m.set.id;
  const base = `${SUMMARY_SHEETS.matrix} ${kind}`
    .replace(/[[\]:*?/\\]/g, " ")
    .slice(0, 31)
    .trim();
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base.slice(0, 28)} ${k}`;
  used.add(name);
  return name;
}

const MATRIX_LEAD = ["TT", "Mã xã (tại kỳ báo cáo)", "Xã", "Huyện", "Mã xã hiện nay", "Xã hiện nay", "Kỳ"];

export function writeMatrix(
  m: CriteriaMatrix,
  sheet: string,
  summary: ConsolidationSummary,
): { sheet: SummarySheet; layout: MatrixLayout } {
  const d = new FormSheet();
  const periodText = summary.options.period ?? "báo cáo mới nhất của mỗi xã";
  const lead = MATRIX_LEAD.length;
  const c0 = lead;
  const cN = lead + m.criteria.length - 1;
  const metCol = cN + 1;
  const totalCol = cN + 2;
  const shareCol = cN + 3;
  const fileCol = shareCol + 3;
  const names = m.communes.map((row) => row.commune);
  d.widths([
    5,
    7,
    fitWidth(
      names.map((c) => c.name),
      12,
      22,
    ),
    fitWidth(
      names.map((c) => c.districtName),
      10,
      18,
    ),
    7,
    fitWidth(
      names.map((c) => c.currentName),
      8,
      18,
    ),
    fitWidth(
      m.communes.map((row) => row.period),
      7,
      10,
    ),
    ...m.criteria.map(() => 9),
    7,
    7,
    7,
    6,
    7,
    fitWidth(
      m.communes.map((row) => row.file),
      12,
      40,
    ),
  ]);
  // The header block and signatures span the printed columns (the file column stays on screen).
  const printedLast = fileCol - 1;
  let r = d.officialHeader(0, ISSUER_BLANK, printedLast);
  d.banner(
    r++,
    `TỔNG HỢP KẾT QUẢ THỰC HIỆN ${(m.set.title ?? m.set.id).toUpperCase()}`,
    printedLast,
    "title",
  );
  d.banner(
    r++,
    `Kỳ báo cáo: ${periodText}${m.set.version ? ` — Bộ tiêu chí: ${dateText(m.set.version)}` : ""} — sắp xếp theo số tiêu chí đạt`,
    printedLast,
    "note",
  );
  const header = r;
  d.tableHeader(header, [
    ...MATRIX_LEAD,
    ...m.criteria.map((c) => `${c.code}. ${c.name}`),
    "Số tiêu chí đạt",
    "Tổng số tiêu chí",
    "Tỷ lệ đạt",
    "Lỗi",
    "Cảnh báo",
    "Tệp",
  ]);
  const first = header + 2;
  m.communes.forEach((row, i) => {
    const r = first + i;
    d.set(r, 0, i + 1, "cellCenter");
    d.row(r, communeCells(row.commune), 1);
    d.set(r, 6, row.period ?? "", "cellCenter");
    m.criteria.forEach((c, j) => d.set(r, c0 + j, STATUS_TEXT[row.criteria[c.code]], "cellCenter"));
    const span = `${a1(r, c0)}:${a1(r, cN)}`;
    d.formula(r, metCol, m.criteria.length ? `COUNTIF(${span},"Đạt")` : "0", row.criteriaMet);
    d.set(r, totalCol, row.criteriaTotal);
    d.formula(
      r,
      shareCol,
      `IF(${a1(r, totalCol)}>0,${a1(r, metCol)}/${a1(r, totalCol)},"")`,
      row.criteriaTotal > 0 ? row.criteriaMet / row.criteriaTotal : "",
      "cell",
      NUMBER_FORMATS.percent,
    );
    d.row(r, [row.findings.error, row.findings.warning, row.file], shareCol + 1);
  });
  const last = first + Math.max(m.communes.length, 1) - 1;
  if (!m.communes.length) d.grid(first, 0, first, fileCol);
  const totalsRow = last + 1;
  d.grid(totalsRow, 0, totalsRow, fileCol, "total");
  d.set(totalsRow, 1, "Cộng", "total");
  d.formula(totalsRow, 2, `COUNTA(${colSpan(first, last, 2)})`, m.communes.length, "total");
  m.perCriterion.forEach((p, j) =>
    d.formula(totalsRow, c0 + j, `COUNTIF(${colSpan(first, last, c0 + j)},"Đạt")`, p.met, "total"),
  );
  d.formula(totalsRow, metCol, `SUM(${colSpan(first, last, metCol)})`, m.totals.criteriaMet, "total");
  d.formula(totalsRow, totalCol, `SUM(${colSpan(first, last, totalCol)})`, m.totals.criteriaTotal, "total");
  d.formula(
    totalsRow,
    shareCol,
    `IF(${a1(totalsRow, totalCol)}>0,${a1(totalsRow, metCol)}/${a1(totalsRow, totalCol)},"")`,
    m.totals.criteriaTotal > 0 ? m.totals.criteriaMet / m.totals.criteriaTotal : "",
    "total",
    NUMBER_FORMATS.percent,
  );
  d.signatures(totalsRow + 2, OFFICE_SIGNATURES, printedLast, undefined);
  // Relative row, absolute columns: the rule is written for the first row and applies to each.
  const metRef = `$${col(metCol)}${first + 1}`;
  const totalRef = `$${col(totalCol)}${first + 1}`;
  return {
    sheet: {
      name: sheet,
      form: d,
      print: { landscape: true, titleRows: [header, header + 1], lastPrintedCol: printedLast },
      freeze: { rows: first, cols: 3 },
      // The filter buttons sit on the column-number row, so sorting never moves the header.
      autofilter: `${a1(header + 1, 0)}:${a1(last, fileCol)}`,
      patch: {
        conditionalFormats: [
          {
            sqref: `${a1(first, c0)}:${a1(last, cN)}`,
            rules: [
              equals(STATUS_TEXT.met, GOOD),
              equals(STATUS_TEXT.unmet, BAD),
              equals(STATUS_TEXT.unknown, UNKNOWN),
            ],
          },
          {
            sqref: `${a1(first, 0)}:${a1(last, c0 - 1)} ${a1(first, metCol)}:${a1(last, shareCol)}`,
            rules: [
              {
                type: "expression",
                formula: `AND(${totalRef}>0,${metRef}>=${totalRef})`,
                style: { ...GOOD, bold: true },
              },
            ],
          },
        ],
      },
    },
    layout: {
      sheet,
      headerRow: header,
      firstRow: first,
      lastRow: last,
      firstCriterionCol: c0,
      lastCriterionCol: cN,
      metCol,
      shareCol,
      totalsRow,
    },
  };
}
