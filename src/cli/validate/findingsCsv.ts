/**
 * `ntm validate --out findings.csv`: one row per finding (and one per file that could not be read),
 * as Excel in Vietnam opens a CSV — UTF-8 with a byte-order mark, ";" between fields (the decimal
 * comma takes ","), CRLF, fields quoted when they hold a quote, a separator or a line break.
 * Invariant: parsing the text back (io/xlsx parseCsvText) gives exactly the rows written.
 */
import type { FileValidation } from "../../domain/consolidate/fileValidation";

export const FINDINGS_CSV_HEADER = [
  "Tệp / file",
  "Đơn vị / org unit",
  "Kỳ / period",
  "Mức / severity",
  "Loại / type",
  "Trang / sheet",
  "Ô / cell",
  "Chỉ tiêu / indicator",
  "Nội dung / message",
];

function field(s: string): string {
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function findingsCsvRows(results: readonly FileValidation[]): string[][] {
  const rows: string[][] = [FINDINGS_CSV_HEADER];
  for (const v of results) {
    const head = [v.file, v.orgUnit?.name ?? "", v.period ?? ""];
    if (v.error) rows.push([...head, "error", v.error.code, "", "", "", v.error.message]);
    for (const f of v.findings ?? [])
      rows.push([...head, f.severity, f.type, f.sheet ?? "", f.cell ?? "", f.indicator ?? "", f.message]);
  }
  return rows;
}

export function findingsCsv(results: readonly FileValidation[]): string {
  return (
    "\ufeff" +
    findingsCsvRows(results)
      .map((r) => r.map(field).join(";") + "\r\n")
      .join("")
  );
}
