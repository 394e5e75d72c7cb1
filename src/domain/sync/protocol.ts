/**
 * The sync wire format, one definition for the add-in's client, the CLI and the server
 * (DESIGN.md "Sync"). Every body that crosses the network is parsed with these schemas on both ends.
 */
import { z } from "zod";
import { ReportValueSchema, SelfAssessmentSchema, WorkbookTargetSchema } from "../report";
import { isValidPeriod, periodProblem } from "./reportPeriod";

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

const PERIOD_SHAPE = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\d|5[0-3]))?$/;

/** ISO-like periods the programme reports in: year, quarter, month, ISO week — that exist (reportPeriod). */
export const periodSchema = z
  .string()
  .regex(PERIOD_SHAPE, "period: YYYY, YYYY-Qn, YYYY-MM or YYYY-Www")
  .refine((p) => !PERIOD_SHAPE.test(p) || isValidPeriod(p), {
    error: (issue) => periodProblem(String(issue.input)) ?? "invalid period",
  });

export const pushRequestSchema = z.object({
  /** Client-made operation id: the same id again returns the first result (a retry is harmless). */
  opId: z.string().min(8).max(80),
  /** The head revision the client edited from; 0 for a report the client has never seen. */
  baseRevision: z.number().int().min(0),
  values: indicatorValuesSchema,
  /** sha256 of the workbook file the values were read from, when there is one. */
  workbookHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const indicatorStatusSchema = z.enum(["met", "unmet", "unknown"]);
/** An indicator's own status adds "not-applicable" (the workbook states it does not apply). */
const indicatorResultStatusSchema = z.enum([...indicatorStatusSchema.options, "not-applicable"]);

/** What the server's evaluation said about one indicator. */
export const indicatorEvaluationSchema = z.object({
  /** Judged from the value against the applied target. */
  status: indicatorResultStatusSchema,
  /** What the roll-up counted: the status, or the self-assessment where the status is unknown. */
  effective: indicatorResultStatusSchema,
  /** official-verified | official-unverified | workbook | none. */
  targetSource: z.string(),
  /** How far from the target, in the indicator's unit (null when met or unknown). */
  gap: z.number().nullable(),
});

export const criterionEvaluationSchema = z.object({
  code: z.string(),
  status: indicatorStatusSchema,
});

export const findingSummarySchema = z.object({
  type: z.string(),
  severity: z.string(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  indicator: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const evaluationSchema = z.object({
  criteriaMet: z.number().int(),
  criteriaTotal: z.number().int(),
  /** Share of criteria met, 0–1. */
  progress: z.number(),
  criteria: z.array(criterionEvaluationSchema),
  indicators: z.record(z.string(), indicatorEvaluationSchema),
  findings: z.array(findingSummarySchema),
});
export type EvaluationSummary = z.infer<typeof evaluationSchema>;

export const revisionSchema = z.object({
  number: z.number().int().min(1),
  baseRevision: z.number().int().min(0),
  opId: z.string(),
  author: z.string(),
  createdAt: z.string(),
  contentHash: z.string(),
  workbookHash: z.string().nullable(),
  values: indicatorValuesSchema,
  evaluation: evaluationSchema,
});
export type Revision = z.infer<typeof revisionSchema>;

export const reviewActionSchema = z.enum(["approve", "return", "reopen"]);
export type ReviewAction = z.infer<typeof reviewActionSchema>;
export const reviewStateSchema = z.enum(["none", "submitted", "returned", "approved", "reopened"]);
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** Reviewer comments: indicator code (or "*" for the whole report) → text. */
export const reviewCommentsSchema = z.record(z.string().min(1).max(INDICATOR_CODE_MAX), z.string().max(4000));

export const reviewRequestSchema = z.object({
  action: reviewActionSchema,
  /**
   * The revision the reviewer read and judged. Required: the server applies the action only while
   * this is still the head, so a push between reading and clicking is never approved unseen.
   */
  revision: z.number().int().min(1),
  comments: reviewCommentsSchema
    .refine((c) => Object.keys(c).length <= 1000, "at most 1000 comments")
    .optional(),
});
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

export const reviewEventSchema = z.object({
  kind: z.enum(["submitted", "returned", "approved", "reopened"]),
  revision: z.number().int(),
  author: z.string(),
  createdAt: z.string(),
  comments: reviewCommentsSchema,
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;

export const reportKeySchema = z.object({ org: z.string(), set: z.string(), period: periodSchema });
export type ReportKey = z.infer<typeof reportKeySchema>;

export const reportViewSchema = z.object({
  org: z.string(),
  orgName: z.string(),
  set: z.string(),
  period: z.string(),
  reviewState: reviewStateSchema,
  locked: z.boolean(),
  head: revisionSchema.nullable(),
  reviews: z.array(reviewEventSchema),
});
export type ReportView = z.infer<typeof reportViewSchema>;

/** One indicator that differs between two revisions (absent on a side = null). */
export const indicatorChangeSchema = z.object({
  code: z.string(),
  before: indicatorValueSchema.nullable(),
  after: indicatorValueSchema.nullable(),
});
export type IndicatorChange = z.infer<typeof indicatorChangeSchema>;

/** Error bodies: Vietnamese first, English second, saying what to do. */
export const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  /** Validation refusals: each problem, in the language the request asked for (Accept-Language). */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const conflictBodySchema = errorBodySchema.extend({
  head: revisionSchema,
  changes: z.array(indicatorChangeSchema),
});
export type ConflictBody = z.infer<typeof conflictBodySchema>;

/** 201 to a push: the revision made, or the one answered again (same opId) or unchanged (same values). */
export const pushResultSchema = z.object({
  revision: revisionSchema,
  /** The same opId again: the first answer. */
  replayed: z.boolean(),
  /** The values equal the head's: no revision was made, `revision` is the head. Absent from older servers. */
  unchanged: z.boolean().optional(),
});
export type PushResultBody = z.infer<typeof pushResultSchema>;

/**
 * 422 bodies. An unknown-indicators refusal lists at most `UNKNOWN_CODES_LISTED` codes (in `codes`
 * and in the message) and the total in `count`, so 100,000 bad codes make a short answer.
 */
export const UNKNOWN_CODES_LISTED = 20;
export const refusalBodySchema = errorBodySchema.extend({
  codes: z.array(z.string()).optional(),
  count: z.number().int().optional(),
});

/**
 * 409 to a review: the head moved past the revision the reviewer judged. `changes` are the
 * indicators that differ from the judged revision to the head (before = judged, after = head).
 */
export const reviewConflictBodySchema = errorBodySchema.extend({
  judgedRevision: z.number().int(),
  headRevision: z.number().int(),
  changes: z.array(indicatorChangeSchema),
});
export type ReviewConflictBody = z.infer<typeof reviewConflictBodySchema>;

export const revisionListSchema = z.object({ revisions: z.array(revisionSchema) });

export const roleSchema = z.enum(["clerk", "reviewer", "office", "admin"]);
export type Role = z.infer<typeof roleSchema>;

export const meSchema = z.object({
  name: z.string(),
  role: roleSchema,
  scope: z.object({ code: z.string(), name: z.string(), level: z.string() }),
});

export const orgUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(["province", "district", "commune", "village"]),
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  successorCode: z.string().nullable(),
});
export type OrgUnitDto = z.infer<typeof orgUnitSchema>;

export const criteriaSetSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  indicatorCount: z.number().int(),
});

export const consolidationRowSchema = z.object({
  org: z.string(),
  name: z.string(),
  level: z.string(),
  revision: z.number().int().nullable(),
  reviewState: reviewStateSchema,
  criteriaMet: z.number().int().nullable(),
  criteriaTotal: z.number().int(),
  criteria: z.record(z.string(), indicatorStatusSchema),
  /** Share of criteria met, 0–1 (villages report progress this way). */
  progress: z.number().nullable(),
  /** Findings of the head revision by severity (absent for a unit that has not reported). */
  findings: z
    .object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() })
    .optional(),
  /** When the report last changed (push or review), ISO time; absent for a unit that has not reported. */
  updatedAt: z.string().optional(),
});
export type ConsolidationRow = z.infer<typeof consolidationRowSchema>;

export const consolidationSchema = z.object({
  set: z.string(),
  period: z.string(),
  under: z.string(),
  criteria: z.array(z.object({ code: z.string(), name: z.string() })),
  communes: z.array(consolidationRowSchema),
  villages: z.array(consolidationRowSchema),
  /**
   * The counts of the consolidation core (src/domain/consolidate, the same as `ntm consolidate`)
   * over the communes that reported: per criterion how many meet it, communes by criteria met.
   */
  perCriterion: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        met: z.number().int(),
        unmet: z.number().int(),
        unknown: z.number().int(),
      }),
    )
    .optional(),
  distribution: z.array(z.object({ criteriaMet: z.number().int(), communes: z.number().int() })).optional(),
  totals: z
    .object({
      communes: z.number().int(),
      reported: z.number().int(),
      criteriaMet: z.number().int(),
      criteriaTotal: z.number().int(),
      allMet: z.number().int(),
    })
    .optional(),
});
export type Consolidation = z.infer<typeof consolidationSchema>;

/** `GET /api/reports`: the reports within a unit of the caller's scope, sorted by org code, set, period. */
export const reportListItemSchema = z.object({
  org: z.string(),
  orgName: z.string(),
  level: z.string(),
  set: z.string(),
  period: z.string(),
  /** Head revision number (0 when nothing was pushed yet). */
  revision: z.number().int(),
  reviewState: reviewStateSchema,
  locked: z.boolean(),
  /** When the report last changed (push or review), ISO time. */
  updatedAt: z.string(),
  /** From the head revision's stored evaluation; null without a head. */
  criteriaMet: z.number().int().nullable(),
  criteriaTotal: z.number().int().nullable(),
});
export type ReportListItem = z.infer<typeof reportListItemSchema>;
/** One page of the list: `total` counts every report matching the filter, `offset` where this page starts. */
export const reportListSchema = z.object({
  under: z.string(),
  total: z.number().int(),
  offset: z.number().int(),
  reports: z.array(reportListItemSchema),
});
export type ReportList = z.infer<typeof reportListSchema>;
