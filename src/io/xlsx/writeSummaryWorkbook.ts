/**
 * The consolidation summary as a workbook an office can keep editing without the add-in:
 * Tổng hợp (communes × criteria, sorted, filterable, coloured), Thống kê (counts with a chart),
 * Khu dân cư, Khối lượng (plan/done/share up the org tree), Phát hiện, Tệp lỗi.
 *
 * Invariant: every total is a native formula (COUNTIF/SUM/COUNTA/…) over the cells above or on the
 * Tổng hợp sheet, written with its cached value computed by the domain, so the file shows the right
 * numbers before any recalculation and keeps right ones after an office edits a cell.
 */
import * as XLSX from "xlsx";
import type { CommuneIdentity } from "../../domain/consolidate/communeCodeMap";
import type { CriterionStatus } from "../../domain/consolidate/fileValidation";
import type {
  ConsolidationSummary,
  CriteriaMatrix,
  VolumeAmounts,
} from "../../domain/consolidate/summaryModel";
import { xlsxPackageParts, type PackageSheet } from "./ooxml/writeXlsxPackage";
import {
  patchXlsxParts,
  sheetRange,
  type ConditionalRule,
  type DifferentialStyle,
  type SheetPatch,
} from "./ooxml/patchXlsx";

export const STATUS_TEXT: Record<CriterionStatus, string> = {
  met: "Đạt",
  unmet: "Chưa đạt",
  unknown: "Chưa rõ",
};
const SEVERITY_TEXT = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as const;

export const SUMMARY_SHEETS = {
  matrix: "Tổng hợp",
  stats: "Thống kê",
  villages: "Khu dân cư",
  volumes: "Khối lượng",
  findings: "Phát hiện",
  failed: "Tệp lỗi",
} as const;

/** Where things landed, so the OOXML pass (formatting, chart) and tests can find them. */
export interface SummaryLayout {
  matrices: {
    sheet: string;
    headerRow: number;
    firstRow: number;
    lastRow: number;
    firstCriterionCol: number;
    lastCriterionCol: number;
    metCol: number;
    shareCol: number;
    totalsRow: number;
  }[];
  stats:
    | {
        distributionFirstRow: number;
        distributionLastRow: number;
        perCriterionFirstRow: number;
        perCriterionLastRow: number;
      }
    | undefined;
}

type Value = string | number | boolean | null;

/**
 * A sheet under construction: cells by 0-based row and column (row-major arrays, which the package
 * writer walks directly); formulas carry their cached value. `finish()` gives a SheetJS sheet with
 * its range and extras only; `cells()` adds the cells by address (for callers who want SheetJS
 * objects).
 */
class SheetDraft {
  readonly ws: XLSX.WorkSheet = {};
  readonly rows: XLSX.CellObject[][] = [];
  private maxR = 0;
  private maxC = 0;

  set(r: number, c: number, v: Value, z?: string): void {
    if (v === null || v === undefined) return;
    const cell: XLSX.CellObject =
      typeof v === "number"
        ? { t: "n", v }
        : typeof v === "boolean"
          ? { t: "b", v }
          : { t: "s", v: sanitizeText(v) };
    if (z) cell.z = z;
    this.put(r, c, cell);
  }

  formula(r: number, c: number, f: string, cached: Value, z?: string): void {
    const cell: XLSX.CellObject =
      typeof cached === "number"
        ? { t: "n", v: cached, f }
        : typeof cached === "boolean"
          ? { t: "b", v: cached, f }
          : { t: "s", v: cached ?? "", f };
    if (z) cell.z = z;
    this.put(r, c, cell);
  }

  row(r: number, values: Value[], c0 = 0): void {
    values.forEach((v, i) => this.set(r, c0 + i, v));
  }

  widths(wch: number[]): void {
    this.ws["!cols"] = wch.map((w) => ({ wch: w }));
  }

  finish(): XLSX.WorkSheet {
    this.ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: this.maxR, c: this.maxC } });
    drafts.set(this.ws, this);
    return this.ws;
  }

  /** The sheet with its cells by address, as SheetJS holds them. */
  cells(): XLSX.WorkSheet {
    this.rows.forEach((row, r) =>
      row?.forEach((cell, c) => cell && (this.ws[XLSX.utils.encode_cell({ r, c })] = cell)),
    );
    return this.ws;
  }

  private put(r: number, c: number, cell: XLSX.CellObject): void {
    (this.rows[r] ??= [])[c] = cell;
    if (r > this.maxR) this.maxR = r;
    if (c > this.maxC) this.maxC = c;
  }
}

/** The draft behind each finished sheet, so the writer reads the row arrays, not 200,000 addresses. */
const drafts = new WeakMap<XLSX.WorkSheet, SheetDraft>();

/**
 * Text from communes' files lands in cells: a leading "=", "+", "-" or "@" must stay text (it is
 * written as a string cell, never a formula), and control characters Excel rejects are dropped.
 */
function sanitizeText(s: string): string {
  const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
  return clean.length > 32767 ? clean.slice(0, 32767) : clean;
}

const col = (c: number) => XLSX.utils.encode_col(c);
const a1 = (r: number, c: number) => XLSX.utils.encode_cell({ r, c });
const abs = (r: number, c: number) => `$${col(c)}$${r + 1}`;
const ref = (sheet: string, range: string) => `'${sheet.replace(/'/g, "''")}'!${range}`;

function communeCells(c: CommuneIdentity): Value[] {
  return [c.code ?? "", c.name, c.districtName ?? "", c.currentCode ?? "", c.currentName ?? ""];
}

function matrixSheetName(i: number): string {
  return i === 0 ? SUMMARY_SHEETS.matrix : `${SUMMARY_SHEETS.matrix} ${i + 1}`;
}

const MATRIX_LEAD = ["TT", "Mã xã (tại kỳ báo cáo)", "Xã", "Huyện", "Mã xã hiện nay", "Xã hiện nay", "Kỳ"];

function writeMatrix(
  m: CriteriaMatrix,
  sheet: string,
  summary: ConsolidationSummary,
): { ws: XLSX.WorkSheet; layout: SummaryLayout["matrices"][number] } {
  const d = new SheetDraft();
  const periodText = summary.options.period ?? "báo cáo mới nhất của mỗi xã / each commune's latest report";
  d.set(
    0,
    0,
    `TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ — ${m.set.title ?? m.set.id} (${m.set.id}${m.set.version ? `, ${m.set.version}` : ""})`,
  );
  d.set(
    1,
    0,
    `Kỳ: ${periodText}. Sắp xếp theo số tiêu chí đạt; dùng bộ lọc ở hàng tiêu đề để lọc theo huyện, tiêu chí…`,
  );
  const header = 2;
  const first = header + 1;
  const lead = MATRIX_LEAD.length;
  const c0 = lead;
  const cN = lead + m.criteria.length - 1;
  const metCol = cN + 1;
  const totalCol = cN + 2;
  const shareCol = cN + 3;
  d.row(header, [
    ...MATRIX_LEAD,
    ...m.criteria.map((c) => `${c.code}. ${c.name}`),
    "Số tiêu chí đạt",
    "Tổng số tiêu chí",
    "Tỷ lệ đạt",
    "Lỗi",
    "Cảnh báo",
    "Tệp",
  ]);
  m.communes.forEach((row, i) => {
    const r = first + i;
    d.row(r, [i + 1, ...communeCells(row.commune), row.period ?? ""]);
    m.criteria.forEach((c, j) => d.set(r, c0 + j, STATUS_TEXT[row.criteria[c.code]]));
    const span = `${a1(r, c0)}:${a1(r, cN)}`;
    d.formula(r, metCol, m.criteria.length ? `COUNTIF(${span},"Đạt")` : "0", row.criteriaMet);
    d.set(r, totalCol, row.criteriaTotal);
    d.formula(
      r,
      shareCol,
      `IF(${a1(r, totalCol)}>0,${a1(r, metCol)}/${a1(r, totalCol)},"")`,
      row.criteriaTotal > 0 ? row.criteriaMet / row.criteriaTotal : "",
      "0%",
    );
    d.row(r, [row.findings.error, row.findings.warning, row.file], shareCol + 1);
  });
  const last = first + Math.max(m.communes.length, 1) - 1;
  const totalsRow = last + 2;
  d.set(totalsRow, 0, "Cộng");
  d.formula(totalsRow, 2, `COUNTA(${a1(first, 2)}:${a1(last, 2)})`, m.communes.length);
  m.perCriterion.forEach((p, j) =>
    d.formula(totalsRow, c0 + j, `COUNTIF(${a1(first, c0 + j)}:${a1(last, c0 + j)},"Đạt")`, p.met),
  );
  d.formula(totalsRow, metCol, `SUM(${a1(first, metCol)}:${a1(last, metCol)})`, m.totals.criteriaMet);
  d.formula(totalsRow, totalCol, `SUM(${a1(first, totalCol)}:${a1(last, totalCol)})`, m.totals.criteriaTotal);
  d.formula(
    totalsRow,
    shareCol,
    `IF(${a1(totalsRow, totalCol)}>0,${a1(totalsRow, metCol)}/${a1(totalsRow, totalCol)},"")`,
    m.totals.criteriaTotal > 0 ? m.totals.criteriaMet / m.totals.criteriaTotal : "",
    "0%",
  );
  d.widths([5, 10, 22, 18, 10, 18, 9, ...m.criteria.map(() => 11), 10, 10, 9, 6, 8, 40]);
  const ws = d.finish();
  ws["!autofilter"] = { ref: `${a1(header, 0)}:${a1(last, shareCol + 3)}` };
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: Math.min(shareCol, 12) } }];
  return {
    ws,
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

function writeStats(
  summary: ConsolidationSummary,
  layouts: SummaryLayout["matrices"],
): { ws: XLSX.WorkSheet; layout: SummaryLayout["stats"] } {
  const d = new SheetDraft();
  d.set(0, 0, "THỐNG KÊ KẾT QUẢ TỔNG HỢP");
  const c = summary.counts;
  d.row(1, [
    "Số tệp",
    c.files,
    "Đã tổng hợp",
    c.consolidated,
    "Không đọc được",
    c.failed,
    "Trùng lặp",
    c.duplicates,
    "Không thuộc lựa chọn",
    c.skipped,
  ]);
  let r = 3;
  let layout: SummaryLayout["stats"];
  summary.matrices.forEach((m, i) => {
    const L = layouts[i];
    const sheet = L.sheet;
    const metRange = ref(sheet, `${abs(L.firstRow, L.metCol)}:${abs(L.lastRow, L.metCol)}`);
    d.set(r, 0, `Số xã theo số tiêu chí đạt — ${m.set.title ?? m.set.id}`);
    d.row(r + 1, ["Số tiêu chí đạt", "Số xã"]);
    const distFirst = r + 2;
    m.distribution.forEach((k, j) => {
      d.set(distFirst + j, 0, k.criteriaMet);
      d.formula(distFirst + j, 1, `COUNTIF(${metRange},${a1(distFirst + j, 0)})`, k.communes);
    });
    const distLast = distFirst + m.distribution.length - 1;
    d.set(distLast + 1, 0, "Cộng");
    d.formula(distLast + 1, 1, `SUM(${a1(distFirst, 1)}:${a1(distLast, 1)})`, m.communes.length);
    r = distLast + 3;
    d.set(r, 0, `Số xã đạt theo từng tiêu chí — ${m.set.title ?? m.set.id}`);
    d.row(r + 1, ["Tiêu chí", "Tên tiêu chí", "Số xã đạt", "Chưa đạt", "Chưa rõ", "Tỷ lệ xã đạt"]);
    const pcFirst = r + 2;
    m.perCriterion.forEach((p, j) => {
      const rr = pcFirst + j;
      const colRange = ref(
        sheet,
        `${abs(L.firstRow, L.firstCriterionCol + j)}:${abs(L.lastRow, L.firstCriterionCol + j)}`,
      );
      d.row(rr, [p.code, p.name]);
      d.formula(rr, 2, `COUNTIF(${colRange},"Đạt")`, p.met);
      d.formula(rr, 3, `COUNTIF(${colRange},"Chưa đạt")`, p.unmet);
      d.formula(rr, 4, `COUNTIF(${colRange},"Chưa rõ")`, p.unknown);
      const n = p.met + p.unmet + p.unknown;
      d.formula(
        rr,
        5,
        `IF(SUM(${a1(rr, 2)}:${a1(rr, 4)})>0,${a1(rr, 2)}/SUM(${a1(rr, 2)}:${a1(rr, 4)}),"")`,
        n > 0 ? p.met / n : "",
        "0%",
      );
    });
    const pcLast = pcFirst + Math.max(m.perCriterion.length, 1) - 1;
    if (i === 0)
      layout = {
        distributionFirstRow: distFirst,
        distributionLastRow: distLast,
        perCriterionFirstRow: pcFirst,
        perCriterionLastRow: pcLast,
      };
    r = pcLast + 3;
  });
  if (!summary.matrices.length)
    d.set(r, 0, "Không có báo cáo tiêu chí cấp xã nào để thống kê. / No commune criteria reports to count.");
  d.widths([16, 40, 11, 11, 11, 12, 10, 10, 18, 10]);
  return { ws: d.finish(), layout };
}

function writeVillages(summary: ConsolidationSummary): XLSX.WorkSheet {
  const d = new SheetDraft();
  d.set(0, 0, "TIẾN ĐỘ XÂY DỰNG KHU DÂN CƯ NTM KIỂU MẪU");
  const header = 2;
  const first = header + 1;
  d.row(header, [
    "TT",
    "Mã xã",
    "Xã",
    "Huyện",
    "Thôn",
    "Bộ tiêu chí",
    "Kỳ",
    "Số tiêu chí đạt",
    "Tổng số tiêu chí",
    "Tỷ lệ đạt",
    "Tệp",
  ]);
  summary.villages.forEach((v, i) => {
    const r = first + i;
    d.row(r, [
      i + 1,
      v.commune.code ?? "",
      v.commune.name,
      v.commune.districtName ?? "",
      v.village,
      v.set.id,
      v.period ?? "",
      v.criteriaMet,
      v.criteriaTotal,
    ]);
    d.formula(r, 9, `IF(${a1(r, 8)}>0,${a1(r, 7)}/${a1(r, 8)},"")`, v.progress ?? "", "0%");
    d.set(r, 10, v.file);
  });
  const last = first + Math.max(summary.villages.length, 1) - 1;
  const t = summary.villageTotals;
  const tr = last + 2;
  const span = (c: number) => `${a1(first, c)}:${a1(last, c)}`;
  d.set(tr, 0, "Cộng");
  d.formula(tr, 4, `COUNTA(${span(4)})`, t.villages);
  d.formula(tr, 7, `SUM(${span(7)})`, t.criteriaMet);
  d.formula(tr, 8, `SUM(${span(8)})`, t.criteriaTotal);
  d.formula(tr, 9, `IF(COUNT(${span(9)})>0,AVERAGE(${span(9)}),"")`, t.averageProgress ?? "", "0%");
  d.set(tr + 1, 0, "Số thôn đạt đủ tiêu chí");
  d.formula(tr + 1, 4, `SUMPRODUCT((${span(8)}>0)*(${span(7)}>=${span(8)}))`, t.fullyMet);
  d.widths([5, 9, 22, 18, 16, 20, 9, 10, 10, 9, 40]);
  const ws = d.finish();
  if (summary.villages.length) ws["!autofilter"] = { ref: `${a1(header, 0)}:${a1(last, 10)}` };
  return ws;
}

/**
 * Amount cells of one row; `children` are the rows summed (null for a commune row): a contiguous
 * block becomes one range (a district may hold hundreds of communes; Excel allows 255 arguments).
 */
function writeAmounts(d: SheetDraft, r: number, a: VolumeAmounts, children: number[] | null): void {
  const cols = [5, 6, 7];
  const vals = [a.plan, a.done, a.cumulative];
  cols.forEach((c, j) => {
    if (!children) return d.set(r, c, vals[j]);
    const contiguous = children.every((cr, k) => k === 0 || cr === children[k - 1] + 1);
    const list = contiguous
      ? `${a1(children[0], c)}:${a1(children[children.length - 1], c)}`
      : children.map((cr) => a1(cr, c)).join(",");
    d.formula(r, c, `IF(COUNT(${list})=0,"",SUM(${list}))`, vals[j] ?? "", "#,##0.##");
  });
  const [P, D, C] = cols.map((c) => a1(r, c));
  d.formula(
    r,
    8,
    `IF(AND(ISNUMBER(${P}),${P}<>0),IF(ISNUMBER(${C}),${C}/${P}*100,IF(ISNUMBER(${D}),${D}/${P}*100,"")),"")`,
    a.share ?? "",
    "0.0",
  );
}

function writeVolumes(summary: ConsolidationSummary): XLSX.WorkSheet {
  const d = new SheetDraft();
  d.set(0, 0, "KHỐI LƯỢNG THỰC HIỆN: KẾ HOẠCH, THỰC HIỆN, TỶ LỆ (cộng dồn xã → huyện → toàn bộ)");
  const header = 2;
  d.row(header, [
    "Hạng mục",
    "ĐVT",
    "Cấp",
    "Huyện",
    "Xã",
    "Kế hoạch",
    "Thực hiện kỳ",
    "Lũy kế",
    "Tỷ lệ (%)",
    "Kỳ",
    "Tệp",
  ]);
  let r = header + 1;
  for (const item of summary.volumes) {
    const itemRow = r++;
    d.row(itemRow, [item.name, item.unit ?? "", "Tổng cộng"]);
    const districtRows: number[] = [];
    for (const dist of item.districts) {
      const distRow = r++;
      districtRows.push(distRow);
      d.row(distRow, [item.name, item.unit ?? "", "Huyện", dist.name]);
      const communeRows: number[] = [];
      for (const cm of dist.communes) {
        const cr = r++;
        communeRows.push(cr);
        d.row(cr, [item.name, item.unit ?? "", "Xã", dist.name, cm.commune.name]);
        writeAmounts(d, cr, cm.amounts, null);
        d.row(cr, [cm.period ?? "", cm.file], 9);
      }
      writeAmounts(d, distRow, dist.amounts, communeRows);
    }
    writeAmounts(d, itemRow, item.amounts, districtRows);
    r++;
  }
  if (!summary.volumes.length) d.set(r, 0, "Không có báo cáo khối lượng nào. / No work-volume reports.");
  d.widths([40, 8, 10, 18, 22, 12, 12, 12, 10, 9, 40]);
  return d.finish();
}

function writeFindings(summary: ConsolidationSummary): XLSX.WorkSheet {
  const d = new SheetDraft();
  d.set(0, 0, "CÁC PHÁT HIỆN KHI KIỂM TRA TỪNG TỆP (trang, ô cần xem lại)");
  const header = 2;
  const first = header + 1;
  d.row(header, ["TT", "Tệp", "Xã", "Trang", "Ô", "Chỉ tiêu", "Mức độ", "Loại", "Nội dung"]);
  summary.findings.forEach((f, i) => {
    d.row(first + i, [
      i + 1,
      f.file,
      f.commune,
      f.sheet ?? "",
      f.cell ?? "",
      f.indicator ?? "",
      SEVERITY_TEXT[f.severity],
      f.type,
      f.message,
    ]);
  });
  const last = first + Math.max(summary.findings.length, 1) - 1;
  const errors = summary.findings.filter((f) => f.severity === "error").length;
  d.row(1, ["Tổng số"]);
  d.formula(1, 1, `COUNTA(${a1(first, 8)}:${a1(last, 8)})`, summary.findings.length);
  d.set(1, 2, "Lỗi");
  d.formula(1, 3, `COUNTIF(${a1(first, 6)}:${a1(last, 6)},"Lỗi")`, errors);
  d.widths([6, 36, 20, 16, 7, 9, 10, 26, 90]);
  const ws = d.finish();
  if (summary.findings.length) ws["!autofilter"] = { ref: `${a1(header, 0)}:${a1(last, 8)}` };
  return ws;
}

const FAILED_KIND = {
  failed: "Không đọc được",
  duplicate: "Trùng lặp",
  skipped: "Không thuộc lựa chọn",
} as const;

function writeFailed(summary: ConsolidationSummary): XLSX.WorkSheet {
  const d = new SheetDraft();
  d.set(0, 0, "TỆP KHÔNG ĐƯA VÀO TỔNG HỢP: không đọc được, trùng lặp hoặc không thuộc bộ/kỳ đã chọn");
  const header = 2;
  const first = header + 1;
  d.row(header, ["TT", "Tệp", "Loại", "Mã lỗi", "Lý do và cách xử lý", "Tệp được dùng thay"]);
  const rows: Value[][] = [
    ...summary.failedFiles.map((f) => [f.file, FAILED_KIND.failed, f.code, f.message, ""]),
    ...summary.duplicates.map((f) => [f.file, FAILED_KIND.duplicate, "duplicate", f.message, f.keptFile]),
    ...summary.skipped.map((f) => [f.file, FAILED_KIND.skipped, `not-${f.reason}`, f.message, ""]),
  ];
  rows.forEach((row, i) => d.row(first + i, [i + 1, ...row]));
  const last = first + Math.max(rows.length, 1) - 1;
  const kinds = [FAILED_KIND.failed, FAILED_KIND.duplicate, FAILED_KIND.skipped];
  const cached = [summary.failedFiles.length, summary.duplicates.length, summary.skipped.length];
  kinds.forEach((k, i) => {
    d.set(1, i * 2, k);
    d.formula(1, i * 2 + 1, `COUNTIF(${a1(first, 2)}:${a1(last, 2)},"${k}")`, cached[i]);
  });
  d.widths([6, 40, 18, 16, 110, 40]);
  const ws = d.finish();
  if (rows.length) ws["!autofilter"] = { ref: `${a1(header, 0)}:${a1(last, 5)}` };
  return ws;
}

/** The summary workbook as SheetJS objects (cells by address), with where the tables landed. */
export function buildSummaryWorkbook(summary: ConsolidationSummary): {
  wb: XLSX.WorkBook;
  layout: SummaryLayout;
} {
  const built = buildSummarySheets(summary);
  for (const name of built.wb.SheetNames) drafts.get(built.wb.Sheets[name])?.cells();
  return built;
}

/** The summary's sheets with their ranges and extras; the cells stay in each sheet's draft. */
function buildSummarySheets(summary: ConsolidationSummary): { wb: XLSX.WorkBook; layout: SummaryLayout } {
  const wb = XLSX.utils.book_new();
  const matrices = summary.matrices.map((m, i) => writeMatrix(m, matrixSheetName(i), summary));
  if (!matrices.length) {
    const empty = new SheetDraft();
    empty.set(0, 0, "Không có báo cáo tiêu chí cấp xã nào. / No commune criteria reports.");
    XLSX.utils.book_append_sheet(wb, empty.finish(), SUMMARY_SHEETS.matrix);
  }
  for (const m of matrices) XLSX.utils.book_append_sheet(wb, m.ws, m.layout.sheet);
  const stats = writeStats(
    summary,
    matrices.map((m) => m.layout),
  );
  XLSX.utils.book_append_sheet(wb, stats.ws, SUMMARY_SHEETS.stats);
  XLSX.utils.book_append_sheet(wb, writeVillages(summary), SUMMARY_SHEETS.villages);
  XLSX.utils.book_append_sheet(wb, writeVolumes(summary), SUMMARY_SHEETS.volumes);
  XLSX.utils.book_append_sheet(wb, writeFindings(summary), SUMMARY_SHEETS.findings);
  XLSX.utils.book_append_sheet(wb, writeFailed(summary), SUMMARY_SHEETS.failed);
  return { wb, layout: { matrices: matrices.map((m) => m.layout), stats: stats.layout } };
}

const GOOD: DifferentialStyle = { fill: "C6EFCE", font: "006100" };
const BAD: DifferentialStyle = { fill: "FFC7CE", font: "9C0006" };
const UNKNOWN: DifferentialStyle = { fill: "EDEDED", font: "595959" };
const WARN: DifferentialStyle = { fill: "FFEB9C", font: "9C5700" };

const equals = (text: string, style: DifferentialStyle): ConditionalRule => ({
  type: "cellIs",
  operator: "equal",
  formulas: [`"${text}"`],
  style,
});

/**
 * What SheetJS cannot write, added by the OOXML patcher: colours on Đạt/Chưa đạt/Chưa rõ, on
 * communes and villages that meet everything, on error findings and on subtotal rows; the charts of
 * Thống kê (communes by number of criteria met; communes meeting each criterion).
 */
function summaryPatches(summary: ConsolidationSummary, layout: SummaryLayout): SheetPatch[] {
  const patches: SheetPatch[] = layout.matrices.map((L) => {
    const range = `${a1(L.firstRow, L.firstCriterionCol)}:${a1(L.lastRow, L.lastCriterionCol)}`;
    // Relative row, absolute columns: the rule is written for the first row and applies to each.
    const met = `$${col(L.metCol)}${L.firstRow + 1}`;
    const total = `$${col(L.metCol + 1)}${L.firstRow + 1}`;
    return {
      sheet: L.sheet,
      conditionalFormats: [
        {
          sqref: range,
          rules: [
            equals(STATUS_TEXT.met, GOOD),
            equals(STATUS_TEXT.unmet, BAD),
            equals(STATUS_TEXT.unknown, UNKNOWN),
          ],
        },
        {
          sqref: `${a1(L.firstRow, 0)}:${a1(L.lastRow, L.firstCriterionCol - 1)} ${a1(L.firstRow, L.metCol)}:${a1(L.lastRow, L.shareCol)}`,
          rules: [
            {
              type: "expression",
              formula: `AND(${total}>0,${met}>=${total})`,
              style: { ...GOOD, bold: true },
            },
          ],
        },
      ],
    };
  });
  const S = layout.stats;
  if (S && summary.matrices.length) {
    const m = summary.matrices[0];
    patches.push({
      sheet: SUMMARY_SHEETS.stats,
      charts: [
        {
          title: "Số xã theo số tiêu chí đạt",
          direction: "col",
          categories: sheetRange(SUMMARY_SHEETS.stats, S.distributionFirstRow, 0, S.distributionLastRow, 0),
          series: [
            {
              name: "Số xã",
              values: sheetRange(SUMMARY_SHEETS.stats, S.distributionFirstRow, 1, S.distributionLastRow, 1),
            },
          ],
          from: { col: 7, row: 3 },
          to: { col: 17, row: 21 },
        },
        {
          title: "Số xã đạt từng tiêu chí",
          direction: "bar",
          categories: sheetRange(SUMMARY_SHEETS.stats, S.perCriterionFirstRow, 0, S.perCriterionLastRow, 0),
          series: [
            {
              name: "Số xã đạt",
              values: sheetRange(SUMMARY_SHEETS.stats, S.perCriterionFirstRow, 2, S.perCriterionLastRow, 2),
            },
          ],
          from: { col: 7, row: 23 },
          to: { col: 17, row: 24 + Math.max(12, m.perCriterion.length) },
        },
      ],
    });
  }
  if (summary.villages.length) {
    const last = 3 + summary.villages.length - 1;
    patches.push({
      sheet: SUMMARY_SHEETS.villages,
      conditionalFormats: [
        {
          sqref: `A4:K${last + 1}`,
          rules: [{ type: "expression", formula: "AND($I4>0,$H4>=$I4)", style: GOOD }],
        },
      ],
    });
  }
  if (summary.volumes.length) {
    patches.push({
      sheet: SUMMARY_SHEETS.volumes,
      conditionalFormats: [
        {
          sqref: "A4:K100000",
          rules: [
            {
              type: "expression",
              formula: '$C4="Tổng cộng"',
              style: { fill: "D9E1F2", bold: true },
              stopIfTrue: true,
            },
            { type: "expression", formula: '$C4="Huyện"', style: { fill: "F2F2F2", bold: true } },
          ],
        },
      ],
    });
  }
  if (summary.findings.length) {
    const last = 3 + summary.findings.length - 1;
    patches.push({
      sheet: SUMMARY_SHEETS.findings,
      conditionalFormats: [
        {
          sqref: `G4:G${last + 1}`,
          rules: [equals(SEVERITY_TEXT.error, BAD), equals(SEVERITY_TEXT.warning, WARN)],
        },
      ],
    });
  }
  return patches;
}

/**
 * The summary workbook as .xlsx bytes: writeXlsxPackage writes the cells (≈10× faster than
 * `XLSX.write` on 200,000 cells), the OOXML patcher the rest.
 */
export function writeSummaryWorkbook(summary: ConsolidationSummary): Buffer {
  const { wb, layout } = buildSummarySheets(summary);
  const sheets: PackageSheet[] = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    return {
      name,
      rows: drafts.get(ws)!.rows,
      cols: ws["!cols"],
      merges: ws["!merges"],
      autofilter: ws["!autofilter"]?.ref,
    };
  });
  // Parts patched before they are zipped, then packed once at deflate level 1: a 2,000-commune
  // summary is ≈9 MB of XML; level 6 takes ≈3× as long for a file ≈20 % smaller.
  return patchXlsxParts(xlsxPackageParts(sheets), summaryPatches(summary, layout), { compressionLevel: 1 });
}
