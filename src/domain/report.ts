/**
 * Report: the normalized content of one workbook (or a store revision), what the reader produces and
 * evaluate() consumes. Host-neutral: cells are A1 strings, sheets are names.
 *
 * Conventions: percent values are numbers of percent (85 = 85 %); booleans are "the condition holds"
 * (Đạt, Có, x → true), except where the indicator's target is itself false (9.1 "Nhà tạm, dột nát":
 * target "Không", so false is good); a range written "30–35 %" is `{min: 30, max: 35}`; prose or a
 * blank cell is `null` (the raw text stays in `raw`).
 */
import { z } from "zod";
import { CommuneGroupSchema, RegionSchema, SpecialStatusSchema } from "./criteria/schema";

/** Where in the workbook an entry was read: the sheet's name and the A1 cell. */
const workbookPlaceShape = { sheet: z.string().optional(), cell: z.string().optional() };

export const ReportScalarSchema = z.union([
  z.number().finite(),
  z.boolean(),
  z.object({ min: z.number().finite(), max: z.number().finite() }),
  z.string(),
  z.null(),
]);
export type ReportScalar = z.infer<typeof ReportScalarSchema>;

/** The workbook's own target text, parsed by the reader ("≥ 90%" → op ">=", value 90, unit "%"). */
export const WorkbookTargetSchema = z.object({
  text: z.string(),
  /** ">" and "<" are kept for texts like "trên 80%"; "==" is read as "=". */
  op: z.enum([">=", "<=", "=", "==", ">", "<", "yes"]).optional(),
  value: z.union([z.number().finite(), z.boolean(), z.string()]).nullable().optional(),
  unit: z.string().optional(),
});
export type WorkbookTarget = z.infer<typeof WorkbookTargetSchema>;

export const SelfAssessmentSchema = z.enum(["met", "unmet"]).nullable();
export type SelfAssessment = z.infer<typeof SelfAssessmentSchema>;

export const ReportValueSchema = z.object({
  /** Indicator code in the report's set ("17.1", "5"), or the TT as written for provincial lists. */
  code: z.string(),
  value: ReportScalarSchema,
  unit: z.string().optional(),
  /** Cell content as stored. */
  raw: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  workbookTarget: WorkbookTargetSchema.optional(),
  selfAssessment: SelfAssessmentSchema.optional(),
  note: z.string().optional(),
  /** Name as the workbook writes it (provincial lists have no catalog name). */
  label: z.string().optional(),
  ...workbookPlaceShape,
  targetCell: z.string().optional(),
  selfAssessmentCell: z.string().optional(),
  /** The period this entry is for, when a table gives several periods side by side ("2022", "2023"). */
  period: z.string().optional(),
  /** The workbook states the indicator does not apply ("Không có làng nghề" on an "(nếu có)" one). */
  notApplicable: z.literal(true).optional(),
});
export type ReportValue = z.infer<typeof ReportValueSchema>;

/** A criterion-level assessment where the workbook has no indicators (e.g. an "x" under Đạt). */
export const CriterionAssessmentSchema = z.object({
  code: z.string(),
  selfAssessment: SelfAssessmentSchema,
  ...workbookPlaceShape,
});
export type CriterionAssessment = z.infer<typeof CriterionAssessmentSchema>;

export const ReportUnitSchema = z.object({
  /** Village name ("Thôn 2"). */
  name: z.string(),
  code: z.string().optional(),
  values: z.array(ReportValueSchema),
  /** What the sheet states as the share met, in percent ("Tỷ lệ tiêu chí đạt: 33%"). */
  statedProgress: z.number().finite().nullable().optional(),
  statedProgressSheet: z.string().optional(),
  statedProgressCell: z.string().optional(),
  /** The goal the village has set itself, in percent ("phấn đấu ít nhất 80 %"). */
  goal: z.number().finite().optional(),
});
export type ReportUnit = z.infer<typeof ReportUnitSchema>;

export const WorkItemSchema = z.object({
  name: z.string(),
  unit: z.string().optional(),
  plan: z.number().finite().nullable().optional(),
  done: z.number().finite().nullable().optional(),
  cumulative: z.number().finite().nullable().optional(),
  /** As stated in the workbook, percent number. */
  ratio: z.number().finite().nullable().optional(),
  group: z.string().optional(),
  ...workbookPlaceShape,
  byUnit: z
    .array(
      z.object({
        name: z.string(),
        /** The village's done figure. */
        value: z.number().finite().nullable(),
        /** The village's plan (registered), where the sheet has one per village. */
        plan: z.number().finite().nullable().optional(),
        ...workbookPlaceShape,
      }),
    )
    .optional(),
});
export type WorkItem = z.infer<typeof WorkItemSchema>;

export const ReportSchema = z.object({
  setId: z.string(),
  setVersion: z.string().nullable().optional(),
  orgUnit: z.object({ name: z.string(), code: z.string().optional() }).optional(),
  /** "2023", "2023-Q1", "2022-11", "2023-W14". */
  period: z.string().optional(),
  region: RegionSchema.optional(),
  group: CommuneGroupSchema.optional(),
  specialStatus: z.array(SpecialStatusSchema).optional(),
  values: z.array(ReportValueSchema),
  criteria: z.array(CriterionAssessmentSchema).optional(),
  units: z.array(ReportUnitSchema).optional(),
  workItems: z.array(WorkItemSchema).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/** The calendar year a period string starts in ("2023-W14" → 2023); undefined when unreadable. */
export function periodYear(period: string | undefined): number | undefined {
  const m = /^(\d{4})/.exec(period ?? "");
  return m ? Number(m[1]) : undefined;
}
