/**
 * The `ntm validate --out report.xlsx` workbook: what `--json` prints, as sheets a reviewer can
 * file, sort and filter. "Tổng hợp": one row per file (set, org unit, period, criteria met, counts
 * of findings, the read error) with native totals; "Phát hiện": every finding with file, sheet!cell
 * and the Vietnamese / English message; "Chỉ tiêu": every indicator read, with its cell.
 * Each sheet is a form in the house style (houseStyle.ts): official header, title, the table with
 * its (1) (2) (3) row from row 7, and on "Tổng hợp" the totals and the signatures.
 * Invariant: one summary row per input object in input order; one findings row per finding; every
 * total is written with the value its formula computes.
 */
import * as fs from "node:fs";
import * as XLSX from "xlsx";
import "./sheetJsZlib";
import type { FileValidation } from "../../domain/consolidate/fileValidation";
import { patchXlsxParts } from "./ooxml/patchXlsx";
import { xlsxPackageParts, type PackageSheet } from "./ooxml/writeXlsxPackage";
import { FormSheet } from "./formSheet";
import { REVIEW_SIGNATURES, fitWidth, type HouseStyleName } from "./houseStyle";

export const REPORT_SHEETS = { summary: "Tổng hợp", findings: "Phát hiện", indicators: "Chỉ tiêu" } as const;

type Cell = XLSX.CellObject | string | number | boolean | null;

/** 0-based row of every sheet's first table row: header block, title, note, header, (1) (2) row. */
const FIRST_ROW = 6;

const SEVERITY_VI: Record<string, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" };
const STATUS_VI: Record<string, string> = { met: "Đạt", unmet: "Chưa đạt", unknown: "Chưa rõ" };

function where(sheet?: string | null, cell?: string | null): string {
  if (!cell) return sheet ?? "";
  return sheet ? `${sheet}!${cell}` : cell;
}

function valueText(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "Đạt/Có" : "Chưa đạt/Không";
  return JSON.stringify(v);
}

function summaryRows(results: FileValidation[]): Cell[][] {
  const rows: Cell[][] = [
    [
      "Tệp / File",
      "Bộ tiêu chí / Set",
      "Phiên bản / Version",
      "Đơn vị / Org unit",
      "Kỳ / Period",
      "Tiêu chí đạt / Criteria met",
      "Tổng tiêu chí / Criteria",
      "Tỷ lệ / Share",
      "Lỗi / Errors",
      "Cảnh báo / Warnings",
      "Kết quả / Result",
      "Lý do không đọc được / Why unreadable",
    ],
  ];
  results.forEach((r, i) => {
    const n = FIRST_ROW + i + 1;
    const findings = r.findings ?? [];
    const result = r.error
      ? "Không đọc được / unreadable"
      : r.ok
        ? "Đạt yêu cầu / OK"
        : "Có lỗi / has errors";
    rows.push([
      r.file,
      r.set?.id ?? null,
      r.set?.version ?? null,
      r.orgUnit?.name ?? null,
      r.period ?? null,
      r.summary?.criteriaMet ?? null,
      r.summary?.criteriaTotal ?? null,
      r.summary
        ? {
            t: "n",
            v: r.summary.criteriaTotal ? r.summary.criteriaMet / r.summary.criteriaTotal : "",
            f: `IF(G${n}>0,F${n}/G${n},"")`,
            z: "0%",
          }
        : null,
      findings.filter((f) => f.severity === "error").length,
      findings.filter((f) => f.severity === "warning").length,
      result,
      r.error ? `${r.error.code}: ${r.error.message}` : null,
    ]);
  });
  return rows;
}

/** The totals row under the summary table, each formula with the value it computes. */
function summaryTotals(results: FileValidation[], first: number, last: number, d: FormSheet): number {
  const r = last + 1;
  const span = (c: string) => `${c}${first + 1}:${c}${last + 1}`;
  const sum = (pick: (x: FileValidation) => number) => results.reduce((n, x) => n + pick(x), 0);
  const findings = (x: FileValidation, sev: string) =>
    (x.findings ?? []).filter((f) => f.severity === sev).length;
  d.formula(r, 0, `COUNTA(${span("A")})&" tệp / files"`, `${results.length} tệp / files`, "total");
  d.row(r, [null, null, null, "Cộng / Total"], 1, "total");
  d.formula(
    r,
    5,
    `SUM(${span("F")})`,
    sum((x) => x.summary?.criteriaMet ?? 0),
    "total",
  );
  d.formula(
    r,
    6,
    `SUM(${span("G")})`,
    sum((x) => x.summary?.criteriaTotal ?? 0),
    "total",
  );
  d.set(r, 7, null, "total");
  d.formula(
    r,
    8,
    `SUM(${span("I")})`,
    sum((x) => findings(x, "error")),
    "total",
  );
  d.formula(
    r,
    9,
    `SUM(${span("J")})`,
    sum((x) => findings(x, "warning")),
    "total",
  );
  d.formula(r, 10, `COUNTIF(${span("K")},"Không đọc được*")`, results.filter((x) => x.error).length, "total");
  d.set(r, 11, null, "total");
  return r;
}

function findingRows(results: FileValidation[]): Cell[][] {
  const rows: Cell[][] = [
    [
      "Tệp / File",
      "Đơn vị / Org unit",
      "Kỳ / Period",
      "Vị trí / Where",
      "Trang / Sheet",
      "Ô / Cell",
      "Chỉ tiêu / Indicator",
      "Mức / Severity",
      "Loại / Type",
      "Nội dung / Message",
    ],
  ];
  for (const r of results) {
    if (r.error) {
      rows.push([
        r.file,
        r.orgUnit?.name ?? null,
        r.period ?? null,
        null,
        null,
        null,
        null,
        "Lỗi",
        `file/${r.error.code}`,
        r.error.message,
      ]);
    }
    for (const f of r.findings ?? []) {
      rows.push([
        r.file,
        r.orgUnit?.name ?? null,
        r.period ?? null,
        where(f.sheet, f.cell),
        f.sheet ?? null,
        f.cell ?? null,
        f.indicator ?? null,
        SEVERITY_VI[f.severity] ?? f.severity,
        f.type,
        f.message,
      ]);
    }
  }
  return rows;
}

function indicatorRows(results: FileValidation[]): Cell[][] {
  const rows: Cell[][] = [
    [
      "Tệp / File",
      "Mã / Code",
      "Giá trị / Value",
      "Đơn vị tính / Unit",
      "Chỉ tiêu / Target",
      "Nguồn chỉ tiêu / Target source",
      "Tự đánh giá / Self-assessment",
      "Kết quả / Status",
      "Vị trí / Where",
    ],
  ];
  for (const r of results) {
    for (const i of r.indicators ?? []) {
      rows.push([
        r.file,
        i.code,
        valueText(i.value),
        i.unit ?? null,
        valueText(i.target),
        i.targetSource ?? null,
        i.selfAssessment ? STATUS_VI[i.selfAssessment] : null,
        STATUS_VI[i.status] ?? i.status,
        where(i.sheet, i.cell),
      ]);
    }
  }
  return rows;
}

/** The issuing body of a report whose office the tool does not know: a line to fill in by hand. */
const ISSUER_BLANK = "ĐƠN VỊ: ……………………………";

interface ReportSheet {
  sheet: PackageSheet;
  headerRow: number;
  firstRow: number;
  lastRow: number;
}

/**
 * One report sheet as a form: the official header, the title, the table (header, column numbers,
 * one row per item, `totals` under it), and the signatures when `sign`.
 */
function formOf(
  name: string,
  title: string,
  rows: Cell[][],
  opts: {
    widths: { min: number; max: number }[];
    styles?: HouseStyleName[];
    totals?: (first: number, last: number, d: FormSheet) => number;
    sign?: boolean;
    landscape: boolean;
    note: string;
  },
): ReportSheet {
  const [header, ...body] = rows;
  const last = header.length - 1;
  const d = new FormSheet();
  d.widths(
    header.map((h, c) =>
      Math.max(
        fitWidth(
          body.map((r) => {
            const v = r[c];
            return v && typeof v === "object" ? String(v.v ?? "") : (v as string | number | null);
          }),
          opts.widths[c].min,
          opts.widths[c].max,
        ),
        // A header wraps on two lines at most.
        Math.min(opts.widths[c].max, Math.ceil(String(h).length / 2) + 2),
      ),
    ),
  );
  let r = d.officialHeader(0, ISSUER_BLANK, last);
  d.banner(r++, title, last, "title");
  d.banner(r++, opts.note, last, "note");
  const headerRow = r;
  r = d.tableHeader(headerRow, header as string[]) + 1;
  const firstRow = r;
  if (firstRow !== FIRST_ROW) throw new Error("report layout: the table must start at FIRST_ROW");
  for (const row of body) {
    row.forEach((v, c) => {
      const style = opts.styles?.[c] ?? "cell";
      if (v && typeof v === "object") d.formula(r, c, v.f!, v.v as number | string, style, v.z as string);
      else d.set(r, c, v as string | number | boolean | null, style);
    });
    r++;
  }
  const lastRow = Math.max(firstRow, r - 1);
  if (!body.length) d.grid(firstRow, 0, firstRow, last);
  let end = lastRow;
  if (opts.totals) end = opts.totals(firstRow, lastRow, d);
  if (opts.sign) d.signatures(end + 2, REVIEW_SIGNATURES, last, undefined);
  return {
    sheet: d.toPackageSheet(name, {
      print: { landscape: opts.landscape, titleRows: [headerRow, headerRow + 1] },
      freeze: { rows: firstRow, cols: 1 },
      // The filter buttons sit on the column-number row, so sorting never moves the header.
      autofilter: body.length ? `A${headerRow + 2}:${XLSX.utils.encode_col(last)}${lastRow + 1}` : undefined,
    }),
    headerRow,
    firstRow,
    lastRow,
  };
}

const w = (min: number, max: number) => ({ min, max });

/** The report workbook as .xlsx bytes. */
export function writeValidationReport(results: FileValidation[]): Buffer {
  const summary = formOf(
    REPORT_SHEETS.summary,
    "BÁO CÁO KẾT QUẢ KIỂM TRA CÁC TỆP BÁO CÁO",
    summaryRows(results),
    {
      widths: [
        w(14, 36),
        w(12, 22),
        w(10, 20),
        w(12, 22),
        w(7, 10),
        w(8, 10),
        w(8, 10),
        w(7, 8),
        w(6, 8),
        w(8, 10),
        w(12, 18),
        w(14, 40),
      ],
      styles: ["cell", "cell", "cell", "cell", "cellCenter"],
      totals: (first, last, d) => summaryTotals(results, first, last, d),
      sign: true,
      landscape: true,
      note: `Số tệp: ${results.length}; đạt yêu cầu: ${results.filter((r) => r.ok).length}; không đọc được: ${results.filter((r) => r.error).length}`,
    },
  );
  const findings = formOf(
    REPORT_SHEETS.findings,
    "CÁC PHÁT HIỆN KHI KIỂM TRA TỪNG TỆP",
    findingRows(results),
    {
      widths: [
        w(14, 30),
        w(12, 20),
        w(7, 10),
        w(10, 16),
        w(8, 14),
        w(6, 8),
        w(8, 10),
        w(8, 10),
        w(12, 24),
        w(30, 60),
      ],
      styles: ["cell", "cell", "cellCenter", "cell", "cell", "cellCenter", "cellCenter", "cellCenter"],
      landscape: true,
      note: "Mỗi dòng một phát hiện: tệp, trang!ô cần xem lại và nội dung",
    },
  );
  const indicators = formOf(
    REPORT_SHEETS.indicators,
    "CÁC CHỈ TIÊU ĐÃ ĐỌC TỪ TỪNG TỆP",
    indicatorRows(results),
    {
      widths: [w(14, 30), w(7, 9), w(10, 16), w(8, 10), w(10, 18), w(10, 14), w(10, 14), w(9, 10), w(10, 18)],
      styles: ["cell", "cellCenter", "cell", "cellCenter", "cellCenter", "cell", "cellCenter", "cellCenter"],
      landscape: false,
      note: "Mỗi dòng một chỉ tiêu đã đọc: giá trị, chỉ tiêu so sánh và ô chứa giá trị",
    },
  );
  const parts = xlsxPackageParts([summary.sheet, findings.sheet, indicators.sheet], {
    title: "Báo cáo kết quả kiểm tra",
    author: "NTM Tracker",
  });
  const range = (s: ReportSheet, lastCol: string) =>
    `A${s.firstRow + 1}:${lastCol}${Math.max(s.firstRow, s.lastRow) + 1}`;
  const r1 = (s: ReportSheet) => s.firstRow + 1;
  return patchXlsxParts(parts, [
    {
      sheet: REPORT_SHEETS.summary,
      conditionalFormats: [
        {
          sqref: range(summary, "L"),
          rules: [
            {
              type: "expression",
              formula: `LEFT($K${r1(summary)},5)="Không"`,
              style: { fill: "D9D9D9", font: "595959" },
            },
            { type: "expression", formula: `$I${r1(summary)}>0`, style: { fill: "FFC7CE", font: "9C0006" } },
          ],
        },
      ],
    },
    {
      sheet: REPORT_SHEETS.findings,
      conditionalFormats: [
        {
          sqref: range(findings, "J"),
          rules: [
            {
              type: "expression",
              formula: `$H${r1(findings)}="Lỗi"`,
              style: { fill: "FFC7CE", font: "9C0006" },
            },
          ],
        },
      ],
    },
    {
      sheet: REPORT_SHEETS.indicators,
      conditionalFormats: [
        {
          sqref: range(indicators, "I"),
          rules: [
            {
              type: "expression",
              formula: `$H${r1(indicators)}="Chưa đạt"`,
              style: { fill: "FFEB9C", font: "9C5700" },
            },
          ],
        },
      ],
    },
  ]);
}

/** Writes the report workbook (the signature `ntm validate --out` calls). */
export function writeValidationReportFile(file: string, results: FileValidation[]): void {
  fs.writeFileSync(file, writeValidationReport(results));
}
