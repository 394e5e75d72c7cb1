/**
 * The sync wire format, one definition for the add-in's client, the CLI and the server
 * (DESIGN.md "Sync"). Every body that crosses the network is parsed with these schemas on both ends.
 */
import { z } from "zod";
import type { IndicatorStatus, Status } from "../evaluate/types";
import type { FindingType, Severity } from "../review/finding";
import { indicatorValueSchema, indicatorValuesSchema, INDICATOR_CODE_MAX } from "./indicatorValueSchema";
import { isValidPeriod, periodProblem } from "./reportPeriod";
import { RegionSchema } from "../criteria/schema";

export * from "./indicatorValueSchema";

/** A count on the wire (criteria met, communes reported, units on time, …): a whole number. */
export const countSchema = z.number().int();

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

/**
 * The domain's literal unions as enums on the wire. Each list is checked against its domain type
 * both ways at compile time (`SameMembers`), so the two cannot drift. Stored evaluations are
 * replayed through these schemas, so a member may be added but never removed or renamed.
 */
type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function exactly<T extends string>() {
  return <const L extends readonly [T, ...T[]]>(
    list: L & (SameMembers<L[number], T> extends true ? unknown : "lists a different set of members"),
  ) => z.enum(list);
}

export const indicatorStatusSchema = exactly<Status>()(["met", "unmet", "unknown"]);
export const severitySchema = exactly<Severity>()(["error", "warning", "info"]);
export const findingTypeSchema = exactly<FindingType>()([
  "indicator/unmet",
  "indicator/unknown-target",
  "target/weaker-than-official",
  "self-assessment/mismatch",
  "value/out-of-range",
  "value/unreadable",
  "value/ambiguous",
  "mapping/unmatched-row",
  "mapping/missing-indicator",
  "mapping/duplicate-indicator",
  "set/period-mismatch",
  "mapping/ambiguous-column",
  "indicator/not-applicable",
  "settings/invalid",
  "volume/cumulative-decreased",
  "volume/outlier",
  "volume/out-of-bounds",
  "volume/share-over-100",
  "volume/plan-below-last-done",
]);
/** An indicator's own status adds "not-applicable" (the workbook states it does not apply). */
const indicatorResultStatusSchema = exactly<IndicatorStatus>()(["met", "unmet", "unknown", "not-applicable"]);

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
  type: findingTypeSchema,
  severity: severitySchema,
  sheet: z.string().optional(),
  cell: z.string().optional(),
  indicator: z.string().optional(),
  // Each type's params are typed in review/finding.ts (FindingParamsByType); the wire keeps them a
  // record of primitives, so revisions stored by older versions still parse (sync/wireFinding.ts).
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/** The installed criteria-set version that judged an evaluation (issue 13): id, content hash, label. */
export const judgedBySchema = z.object({
  setId: z.string(),
  setHash: z.string(),
  /** "vn-xa-ntm-2021-2025 @ 3f2a9c1 (từ 01/01/2024)". */
  label: z.string(),
});
export type JudgedBy = z.infer<typeof judgedBySchema>;

export const evaluationSchema = z.object({
  criteriaMet: countSchema,
  criteriaTotal: countSchema,
  /** Share of criteria met, 0–1. */
  progress: z.number(),
  criteria: z.array(criterionEvaluationSchema),
  indicators: z.record(z.string(), indicatorEvaluationSchema),
  findings: z.array(findingSummarySchema),
  /** The set version the server judged with. Absent from older servers and stored revisions. */
  judgedBy: judgedBySchema.optional(),
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

/** Which report a view or a list row is: the unit (code and name), the criteria set, the period. */
const reportIdentityShape = { org: z.string(), orgName: z.string(), set: z.string(), period: z.string() };

export const reportViewSchema = z.object({
  ...reportIdentityShape,
  reviewState: reviewStateSchema,
  locked: z.boolean(),
  head: revisionSchema.nullable(),
  reviews: z.array(reviewEventSchema),
});
export type ReportView = z.infer<typeof reportViewSchema>;

/** One indicator that differs between two revisions (absent on a side = null). */
const changeSideSchema = indicatorValueSchema.nullable();
export const indicatorChangeSchema = z.object({
  code: z.string(),
  before: changeSideSchema,
  after: changeSideSchema,
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

/** What a role may do on the server; the server checks, a client only hides what would be refused. */
export const actionSchema = z.enum(["read", "push", "review", "consolidate", "configure"]);
export type Action = z.infer<typeof actionSchema>;

export const meSchema = z.object({
  name: z.string(),
  role: roleSchema,
  scope: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  /** The actions `role` may take. Absent from older servers: a client then shows everything. */
  actions: z.array(actionSchema).optional(),
  /**
   * The 2021–2025 region of the scope's province, when the scope lies in one province: what the
   * server judges a push's regional targets by, so a client checking by the same set agrees.
   */
  region: RegionSchema.optional(),
});
export type Me = z.infer<typeof meSchema>;

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
  /** The installed version (issue 13); absent from older servers. */
  hash: z.string().optional(),
  label: z.string().optional(),
  inForceFrom: z.string().nullable().optional(),
  installedBy: z.string().nullable().optional(),
  installedAt: z.string().optional(),
});
export type CriteriaSetSummaryDto = z.infer<typeof criteriaSetSummarySchema>;

/** `GET /api/criteria-sets/{id}`: one installed version with its definition (a CriteriaSet). */
export const criteriaSetVersionSchema = criteriaSetSummarySchema
  .required({ hash: true, label: true })
  .extend({
    definition: z.unknown(),
  });
export type CriteriaSetVersionDto = z.infer<typeof criteriaSetVersionSchema>;

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
  findings: z.object({ error: countSchema, warning: countSchema, info: countSchema }).optional(),
  /** When the report last changed (push or review), ISO time; absent for a unit that has not reported. */
  updatedAt: z.string().optional(),
  /** The set version that judged this row's evaluation (issue 13); absent when not known. */
  judgedBy: z.string().optional(),
});
export type ConsolidationRow = z.infer<typeof consolidationRowSchema>;

export const consolidationSchema = z.object({
  set: z.string(),
  /** The set version in force for the period, whose criteria head the table (issue 13). */
  setVersion: z.string().optional(),
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
        met: countSchema,
        unmet: countSchema,
        unknown: countSchema,
      }),
    )
    .optional(),
  distribution: z.array(z.object({ criteriaMet: countSchema, communes: countSchema })).optional(),
  totals: z
    .object({
      communes: countSchema,
      reported: countSchema,
      criteriaMet: countSchema,
      criteriaTotal: countSchema,
      allMet: countSchema,
    })
    .optional(),
});
export type Consolidation = z.infer<typeof consolidationSchema>;

/** `GET /api/reports`: the reports within a unit of the caller's scope, sorted by org code, set, period. */
export const reportListItemSchema = z.object({
  ...reportIdentityShape,
  level: z.string(),
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
