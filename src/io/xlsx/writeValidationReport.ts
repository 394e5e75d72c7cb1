/**
 * The `ntm validate --out report.xlsx` workbook: what `--json` prints, as sheets a reviewer can
 * file, sort and filter. "Tổng hợp": one row per file (set, org unit, period, criteria met, counts
 * of findings, the read error) with native totals; "Phát hiện": every finding with file, sheet!cell
 * and the Vietnamese / English message; "Chỉ tiêu": every indicator read, with its cell.
 * Invariant: one summary row per input object in input order; one findings row per finding.
 */
import * as fs from "node:fs";
import * as XLSX from "xlsx";
import "./sheetJsZlib";
import type { FileValidation } from "../../domain/consolidate/fileValidation";
import { patchXlsx } from "./ooxml/patchXlsx";

export const REPORT_SHEETS = { summary: "Tổng hợp", findings: "Phát hiện", indicators: "Chỉ tiêu" } as const;

type Cell = XLSX.CellObject | string | number | boolean | null;

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
    const n = i + 2;
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
            v: r.summary.criteriaTotal ? r.summary.criteriaMet / r.summary.criteriaTotal : 0,
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
  const last = results.length + 1;
  rows.push([]);
  rows.push([
    { t: "s", v: `${results.length} tệp`, f: `COUNTA(A2:A${last})&" tệp / files"` },
    null,
    null,
    null,
    "Cộng / Total",
    { t: "n", v: 0, f: `SUM(F2:F${last})` },
    { t: "n", v: 0, f: `SUM(G2:G${last})` },
    null,
    { t: "n", v: 0, f: `SUM(I2:I${last})` },
    { t: "n", v: 0, f: `SUM(J2:J${last})` },
    { t: "n", v: 0, f: `COUNTIF(K2:K${last},"Không đọc được*")` },
  ]);
  return rows;
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

function sheetOf(rows: Cell[][], widths: number[]): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws["!cols"] = widths.map((wch) => ({ wch }));
  if (rows.length > 1)
    ws["!autofilter"] = {
      ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: rows[0].length - 1 } }),
    };
  return ws;
}

/** The report workbook as .xlsx bytes. */
export function writeValidationReport(results: FileValidation[]): Buffer {
  const sRows = summaryRows(results);
  const fRows = findingRows(results);
  const iRows = indicatorRows(results);
  const wb = XLSX.utils.book_new();
  const summary = XLSX.utils.aoa_to_sheet(sRows);
  summary["!cols"] = [40, 24, 24, 24, 12, 12, 12, 9, 8, 10, 22, 60].map((wch) => ({ wch }));
  if (results.length) summary["!autofilter"] = { ref: `A1:L${results.length + 1}` };
  XLSX.utils.book_append_sheet(wb, summary, REPORT_SHEETS.summary);
  XLSX.utils.book_append_sheet(
    wb,
    sheetOf(fRows, [36, 22, 10, 18, 16, 8, 10, 10, 26, 100]),
    REPORT_SHEETS.findings,
  );
  XLSX.utils.book_append_sheet(
    wb,
    sheetOf(iRows, [36, 8, 14, 10, 20, 14, 14, 10, 18]),
    REPORT_SHEETS.indicators,
  );
  const raw = XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
  const n = results.length + 1;
  return patchXlsx(
    raw,
    [
      {
        sheet: REPORT_SHEETS.summary,
        conditionalFormats: [
          {
            sqref: `A2:L${Math.max(2, n)}`,
            rules: [
              {
                type: "expression",
                formula: `LEFT($K2,5)="Không"`,
                style: { fill: "D9D9D9", font: "595959" },
              },
              { type: "expression", formula: `$I2>0`, style: { fill: "FFC7CE", font: "9C0006" } },
            ],
          },
        ],
      },
      {
        sheet: REPORT_SHEETS.findings,
        conditionalFormats: [
          {
            sqref: `A2:J${Math.max(2, fRows.length)}`,
            rules: [{ type: "expression", formula: `$H2="Lỗi"`, style: { fill: "FFC7CE", font: "9C0006" } }],
          },
        ],
      },
      {
        sheet: REPORT_SHEETS.indicators,
        conditionalFormats: [
          {
            sqref: `A2:I${Math.max(2, iRows.length)}`,
            rules: [
              { type: "expression", formula: `$H2="Chưa đạt"`, style: { fill: "FFEB9C", font: "9C5700" } },
            ],
          },
        ],
      },
    ],
    { fullCalcOnLoad: true },
  );
}

/** Writes the report workbook (the signature `ntm validate --out` calls). */
export function writeValidationReportFile(file: string, results: FileValidation[]): void {
  fs.writeFileSync(file, writeValidationReport(results));
}
