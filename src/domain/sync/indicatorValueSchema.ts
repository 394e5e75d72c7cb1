/**
 * What a pushed indicator value may hold, bounded at the door (issue 11): part of the sync wire
 * format, re-exported by protocol.ts so every host imports the wire from one place.
 */
import { z } from "zod";
import { ReportValueSchema, SelfAssessmentSchema, WorkbookTargetSchema } from "../report";

/**
 * What a pushed value may say about where it lives and what it holds is bounded, because another
 * person's pull writes it into their workbook (issue 11): anything a real workbook cannot hold is
 * refused at the door rather than stored and replayed to everyone.
 *
 * - A sheet name follows Excel's own rules: 1–31 characters, none of `: \ / ? * [ ]`, no control
 *   characters, not starting or ending with an apostrophe, not Excel's reserved "History". Also
 *   refused: the project's own hidden sheets (`_ntm…`, which a pull must never write into) and the
 *   JavaScript prototype names (`__proto__`, `constructor`, `prototype`), which no workbook of the
 *   programme uses and which turn a plain object keyed by sheet into a prototype write.
 * - A cell is one A1 address without `$`, within Excel's grid (columns A–XFD, rows 1–1,048,576).
 * - Text taken from a cell (value, raw, note, label, target text) is at most 32,767 characters,
 *   Excel's own limit for a cell, so no real workbook is refused; a unit at most 64.
 */
export const SHEET_NAME_MAX = 31;
export const CELL_TEXT_MAX = 32_767;
export const UNIT_TEXT_MAX = 64;
export const INDICATOR_CODE_MAX = 32;
const EXCEL_MAX_COLUMN = 16_384;
const EXCEL_MAX_ROW = 1_048_576;
const PROTOTYPE_NAMES = new Set(["__proto__", "constructor", "prototype"]);

/** Why `name` cannot be a sheet name of a pushed value, or undefined when it can. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > SHEET_NAME_MAX)
    return `tên trang tính phải dài 1–${SHEET_NAME_MAX} ký tự / sheet name must be 1–${SHEET_NAME_MAX} characters`;
  if (/[:\\/?*[\]\u0000-\u001f\u007f]/.test(name))
    return "tên trang tính có ký tự không được dùng (:\\/?*[] hoặc ký tự điều khiển) / sheet name contains one of :\\/?*[] or a control character";
  if (name.startsWith("'") || name.endsWith("'"))
    return "tên trang tính không được bắt đầu hay kết thúc bằng dấu ' / sheet name starts or ends with an apostrophe";
  if (name.toLowerCase() === "history")
    return 'tên trang tính "History" do Excel giữ riêng / sheet name "History" is reserved by Excel';
  if (name.toLowerCase().startsWith("_ntm"))
    return "trang tính _ntm… là trang ẩn của NTM Tracker / sheet name _ntm… is the tracker's own hidden sheet";
  if (PROTOTYPE_NAMES.has(name))
    return `tên trang tính "${name}" không được chấp nhận / sheet name "${name}" is not accepted`;
  return undefined;
}

/** Whether `cell` is one A1 address inside Excel's grid ("E40"; not "$E$40", "!ref" or "E40:F41"). */
export function isA1Address(cell: string): boolean {
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(cell);
  if (!m) return false;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column <= EXCEL_MAX_COLUMN && Number(m[2]) <= EXCEL_MAX_ROW;
}

export const sheetNameSchema = z.string().superRefine((name, ctx) => {
  const problem = sheetNameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
export const cellAddressSchema = z
  .string()
  .max(10)
  .refine(
    isA1Address,
    "ô phải là một địa chỉ A1 trong bảng tính Excel (A1 … XFD1048576) / cell must be one A1 address within Excel's grid (A1 … XFD1048576)",
  );
const cellTextSchema = z.string().max(CELL_TEXT_MAX);

/** ReportScalarSchema (src/domain/report.ts) with its text bounded. */
const boundedScalarSchema = z.union([
  z.number().finite(),
  z.boolean(),
  z.object({ min: z.number().finite(), max: z.number().finite() }),
  cellTextSchema,
  z.null(),
]);

/**
 * One indicator's value as a workbook holds it, with where it came from: the Report's value
 * (src/domain/report.ts) without its code, which is the key of `IndicatorValues`, with the bounds
 * above on where it lives and how long its texts are.
 */
export const indicatorValueSchema = ReportValueSchema.omit({ code: true }).extend({
  value: boundedScalarSchema,
  unit: z.string().max(UNIT_TEXT_MAX).optional(),
  raw: z.union([cellTextSchema, z.number(), z.boolean(), z.null()]).optional(),
  workbookTarget: WorkbookTargetSchema.extend({
    text: cellTextSchema,
    value: z.union([z.number().finite(), z.boolean(), cellTextSchema]).nullable().optional(),
    unit: z.string().max(UNIT_TEXT_MAX).optional(),
  }).optional(),
  selfAssessment: SelfAssessmentSchema.optional(),
  note: cellTextSchema.optional(),
  label: cellTextSchema.optional(),
  sheet: sheetNameSchema.optional(),
  cell: cellAddressSchema.optional(),
  targetCell: cellAddressSchema.optional(),
  selfAssessmentCell: cellAddressSchema.optional(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/** Indicator code → value. */
export const indicatorValuesSchema = z.record(
  z.string().min(1).max(INDICATOR_CODE_MAX),
  indicatorValueSchema,
);
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;
