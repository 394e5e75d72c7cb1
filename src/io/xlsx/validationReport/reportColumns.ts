/**
 * The columns of the three validation-report sheets — Tổng hợp (one row per file), Phát hiện (one
 * row per finding, a read error as a finding of its file), Chỉ tiêu (one row per indicator read) —
 * and the totals under Tổng hợp. Headers are Vietnamese first, English after the slash.
 *
 * Invariant: one summary row per input object in input order; one findings row per finding; every
 * total is written with the value its formula computes.
 */
import type {
  FileValidation,
  ValidatedFinding,
  ValidatedIndicator,
} from "../../../domain/consolidate/fileValidation";
import type { FormSheet } from "../formSheet";
import { NUMBER_FORMATS } from "../houseStyle";
import { FIRST_ROW, type Cell, type Column } from "./reportForm";

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

const count = (x: FileValidation, severity: string) =>
  (x.findings ?? []).filter((f) => f.severity === severity).length;

export const SUMMARY_COLUMNS: Column<FileValidation>[] = [
  { head: "Tệp / File", min: 14, max: 36, cell: (r) => r.file },
  { head: "Bộ tiêu chí / Set", min: 12, max: 22, cell: (r) => r.set?.id ?? null },
  { head: "Phiên bản / Version", min: 10, max: 20, cell: (r) => r.set?.version ?? null },
  { head: "Đơn vị / Org unit", min: 12, max: 22, cell: (r) => r.orgUnit?.name ?? null },
  { head: "Kỳ / Period", min: 7, max: 10, style: "cellCenter", cell: (r) => r.period ?? null },
  { head: "Tiêu chí đạt / Criteria met", min: 8, max: 10, cell: (r) => r.summary?.criteriaMet ?? null },
  { head: "Tổng tiêu chí / Criteria", min: 8, max: 10, cell: (r) => r.summary?.criteriaTotal ?? null },
  {
    head: "Tỷ lệ / Share",
    min: 7,
    max: 8,
    cell: (r, i) => {
      if (!r.summary) return null;
      const n = FIRST_ROW + i + 1;
      const { criteriaMet, criteriaTotal } = r.summary;
      return {
        f: `IF(G${n}>0,F${n}/G${n},"")`,
        v: criteriaTotal ? criteriaMet / criteriaTotal : "",
        z: NUMBER_FORMATS.percent,
      };
    },
  },
  { head: "Lỗi / Errors", min: 6, max: 8, cell: (r) => count(r, "error") },
  { head: "Cảnh báo / Warnings", min: 8, max: 10, cell: (r) => count(r, "warning") },
  {
    head: "Kết quả / Result",
    min: 12,
    max: 18,
    cell: (r) =>
      r.error ? "Không đọc được / unreadable" : r.ok ? "Đạt yêu cầu / OK" : "Có lỗi / has errors",
  },
  {
    head: "Lý do không đọc được / Why unreadable",
    min: 14,
    max: 40,
    cell: (r) => (r.error ? `${r.error.code}: ${r.error.message}` : null),
  },
];

/** The totals row under the summary table, each formula with the value it computes. */
export function summaryTotals(results: FileValidation[], first: number, last: number, d: FormSheet): number {
  const r = last + 1;
  const span = (c: string) => `${c}${first + 1}:${c}${last + 1}`;
  const sum = (pick: (x: FileValidation) => number) => results.reduce((n, x) => n + pick(x), 0);
  d.formula(r, 0, `COUNTA(${span("A")})&" tệp / files"`, `${results.length} tệp / files`, "total");
  d.row(r, [null, null, null, "Cộng / Total"], 1, "total");
  const sums: [number, string, (x: FileValidation) => number][] = [
    [5, "F", (x) => x.summary?.criteriaMet ?? 0],
    [6, "G", (x) => x.summary?.criteriaTotal ?? 0],
    [8, "I", (x) => count(x, "error")],
    [9, "J", (x) => count(x, "warning")],
  ];
  for (const [c, letter, pick] of sums) d.formula(r, c, `SUM(${span(letter)})`, sum(pick), "total");
  d.set(r, 7, null, "total");
  d.formula(r, 10, `COUNTIF(${span("K")},"Không đọc được*")`, results.filter((x) => x.error).length, "total");
  d.set(r, 11, null, "total");
  return r;
}

/** A row of Phát hiện: a finding of a file, or the file's read error as one. */
export interface FindingItem {
  file: FileValidation;
  finding: ValidatedFinding;
  /** The file could not be read: the row says so and points at no cell. */
  readError?: true;
}

export function findingItems(results: FileValidation[]): FindingItem[] {
  return results.flatMap((file): FindingItem[] => [
    ...(file.error
      ? [
          {
            file,
            finding: {
              severity: "error" as const,
              type: `file/${file.error.code}`,
              message: file.error.message,
            },
            readError: true as const,
          },
        ]
      : []),
    ...(file.findings ?? []).map((finding) => ({ file, finding })),
  ]);
}

export const FINDING_COLUMNS: Column<FindingItem>[] = [
  { head: "Tệp / File", min: 14, max: 30, cell: (x) => x.file.file },
  { head: "Đơn vị / Org unit", min: 12, max: 20, cell: (x) => x.file.orgUnit?.name ?? null },
  { head: "Kỳ / Period", min: 7, max: 10, style: "cellCenter", cell: (x) => x.file.period ?? null },
  {
    head: "Vị trí / Where",
    min: 10,
    max: 16,
    cell: (x) => (x.readError ? null : where(x.finding.sheet, x.finding.cell)),
  },
  { head: "Trang / Sheet", min: 8, max: 14, cell: (x) => x.finding.sheet ?? null },
  { head: "Ô / Cell", min: 6, max: 8, style: "cellCenter", cell: (x) => x.finding.cell ?? null },
  {
    head: "Chỉ tiêu / Indicator",
    min: 8,
    max: 10,
    style: "cellCenter",
    cell: (x) => x.finding.indicator ?? null,
  },
  {
    head: "Mức / Severity",
    min: 8,
    max: 10,
    style: "cellCenter",
    cell: (x) => SEVERITY_VI[x.finding.severity] ?? x.finding.severity,
  },
  { head: "Loại / Type", min: 12, max: 24, cell: (x) => x.finding.type },
  { head: "Nội dung / Message", min: 30, max: 60, cell: (x) => x.finding.message },
];

/** A row of Chỉ tiêu: an indicator read from a file. */
export interface IndicatorItem {
  file: FileValidation;
  indicator: ValidatedIndicator;
}

export const indicatorItems = (results: FileValidation[]): IndicatorItem[] =>
  results.flatMap((file) => (file.indicators ?? []).map((indicator) => ({ file, indicator })));

export const INDICATOR_COLUMNS: Column<IndicatorItem>[] = [
  { head: "Tệp / File", min: 14, max: 30, cell: (x) => x.file.file },
  { head: "Mã / Code", min: 7, max: 9, style: "cellCenter", cell: (x) => x.indicator.code },
  { head: "Giá trị / Value", min: 10, max: 16, cell: (x) => valueText(x.indicator.value) },
  { head: "Đơn vị tính / Unit", min: 8, max: 10, style: "cellCenter", cell: (x) => x.indicator.unit ?? null },
  {
    head: "Chỉ tiêu / Target",
    min: 10,
    max: 18,
    style: "cellCenter",
    cell: (x) => valueText(x.indicator.target),
  },
  { head: "Nguồn chỉ tiêu / Target source", min: 10, max: 14, cell: (x) => x.indicator.targetSource ?? null },
  {
    head: "Tự đánh giá / Self-assessment",
    min: 10,
    max: 14,
    style: "cellCenter",
    cell: (x) => (x.indicator.selfAssessment ? STATUS_VI[x.indicator.selfAssessment] : null),
  },
  {
    head: "Kết quả / Status",
    min: 9,
    max: 10,
    style: "cellCenter",
    cell: (x) => STATUS_VI[x.indicator.status] ?? x.indicator.status,
  },
  { head: "Vị trí / Where", min: 10, max: 18, cell: (x) => where(x.indicator.sheet, x.indicator.cell) },
];
