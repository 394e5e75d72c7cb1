/**
 * Reports: read the head, push a revision, list revisions, review. Each route declares its role
 * check (preHandler) and refuses by throwing (httpRefusal.ts); a handler returns only successes.
 */
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  conflictBodySchema,
  errorBodySchema,
  type IndicatorValues,
  periodSchema,
  pushRequestSchema,
  pushResultSchema,
  refusalBodySchema,
  reviewConflictBodySchema,
  reportViewSchema,
  reviewEventSchema,
  reviewRequestSchema,
  reviewStateSchema,
  revisionListSchema,
} from "../../domain/sync/protocol";
import {
  isRhythmKind,
  rhythmSetHash,
  rhythmValueProblems,
  type RhythmKind,
} from "../../domain/rhythm/rhythmReportKinds";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { principalOf } from "../auth/requestAuth";
import { roleMayDo } from "../auth/roleGuard";
import { evaluateWithVersion, unknownIndicatorCodes } from "../evaluation/evaluatePushedValues";
import { httpMessages } from "../httpMessages";
import { judgeRhythmValues } from "../rhythm/judgeRhythmPush";
import { refuse } from "./httpRefusal";
import { pushExample, reportKeyExample, reviewExample } from "./openApiExamples";
import {
  type RouteContext,
  domainSet,
  errorResponses,
  provinceCodeOf,
  storedSetFor,
  unitInScope,
} from "./routeContext";

const keyParams = z.object({
  org: z
    .string()
    .min(1)
    .max(40)
    .describe("Mã đơn vị (GSO) / org unit code")
    .meta({ examples: [reportKeyExample.org] }),
  set: z
    .string()
    .min(1)
    .max(80)
    .describe("Mã bộ tiêu chí / criteria set id")
    .meta({ examples: [reportKeyExample.set] }),
  period: periodSchema.meta({ examples: [reportKeyExample.period] }),
});
type KeyParams = z.infer<typeof keyParams>;

export function reportRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  const { store } = ctx;

  /** The unit of a report key, in the caller's scope and existing in the period (else throws). */
  const unitOfKey = (req: FastifyRequest, params: KeyParams) =>
    unitInScope(ctx, req, params.org, periodStartDate(params.period));

  /** Unit, report row (may not exist yet) and the set it is judged by. */
  async function resolveKey(req: FastifyRequest, params: KeyParams) {
    const unit = await unitOfKey(req, params);
    const report = await store.findReport(unit.id, params.set, params.period);
    // Work volumes and village progress are reports of a kind (domain/rhythm), not of a stored set.
    if (isRhythmKind(params.set)) return { unit, report, stored: undefined };
    const known = report ? { setId: report.set_id, setHash: report.set_hash } : undefined;
    return { unit, report, stored: await storedSetFor(ctx, params.set, known) };
  }

  /**
   * The unit, the set (or rhythm kind) and the server's own evaluation of pushed values (else
   * throws). Work volumes and village progress are judged by their kind, other reports by their set.
   */
  async function judgePush(req: FastifyRequest, params: KeyParams, values: IndicatorValues) {
    const unit = await unitOfKey(req, params);
    if (isRhythmKind(params.set)) {
      const judged = await judgeRhythmValues(store, unit, params.set, params.period, values);
      if (!judged.evaluation) throw refuse(422, httpMessages.unknownIndicators(judged.unknown));
      return { unit, setId: params.set, setHash: rhythmSetHash(params.set), evaluation: judged.evaluation };
    }
    // The version in force for the report's period (issue 13): a version installed for 2024 judges
    // a 2024 push even when the report was created under an older one. The push's transaction reads
    // (and locks) the report row itself.
    const stored = await store.setInForce(params.set, params.period);
    if (!stored) throw refuse(404, httpMessages.unknownSet(params.set));
    const unknown = unknownIndicatorCodes(domainSet(stored), values);
    if (unknown.length) throw refuse(422, httpMessages.unknownIndicators(unknown));
    const evaluation = evaluateWithVersion(stored, values, {
      orgCode: unit.code,
      orgName: unit.name,
      provinceCode: await provinceCodeOf(ctx, unit),
      period: params.period,
    });
    return { unit, setId: stored.id, setHash: stored.hash, evaluation };
  }

  return async (app) => {
    app.get(
      "/reports/:org/:set/:period",
      {
        preHandler: roleMayDo("read"),
        schema: {
          operationId: "getReport",
          tags: ["reports"],
          summary:
            "Phiên bản mới nhất, trạng thái duyệt, kết quả đánh giá / Head revision, review state, evaluation",
          params: keyParams,
          response: { 200: reportViewSchema, ...errorResponses },
        },
      },
      async (req) => {
        const k = await resolveKey(req, req.params);
        const head =
          k.report && k.report.head_revision > 0
            ? await store.revision(k.report.id, k.report.head_revision)
            : undefined;
        return {
          org: k.unit.code,
          orgName: k.unit.name,
          set: req.params.set,
          period: req.params.period,
          reviewState: k.report?.review_state ?? "none",
          locked: Boolean(k.report?.locked),
          head: head ?? null,
          reviews: k.report ? await store.reviewEvents(k.report.id) : [],
        };
      },
    );

    app.post(
      "/reports/:org/:set/:period/revisions",
      {
        preHandler: roleMayDo("push"),
        schema: {
          operationId: "pushRevision",
          tags: ["reports"],
          summary: "Gửi một phiên bản / Push a revision",
          description:
            "201: the new revision (the same opId again returns the same revision; values equal to the head's make no revision and return the head with unchanged: true). " +
            "Refusals carry a machine-readable `error`: 401 unauthenticated, 403 forbidden, 404 unknown-org-unit | unknown-criteria-set, " +
            "409 stale-base (baseRevision is older than the head; the body holds the head and the per-indicator changes since the base), " +
            "422 unknown-indicators (the first codes in `codes`, how many in `count`) | unknown-base (newer than the head) | op-id-reused, 423 locked (approved).",
          params: keyParams,
          body: pushRequestSchema.meta({ examples: [pushExample] }),
          response: {
            201: pushResultSchema,
            409: conflictBodySchema,
            422: refusalBodySchema,
            423: errorBodySchema,
            ...errorResponses,
          },
        },
      },
      async (req, reply) => {
        const judged = await judgePush(req, req.params, req.body.values);
        const outcome = await store.pushRevision({
          unitId: judged.unit.id,
          setId: judged.setId,
          setHash: judged.setHash,
          period: req.params.period,
          opId: req.body.opId,
          baseRevision: req.body.baseRevision,
          values: req.body.values,
          evaluation: judged.evaluation,
          workbookHash: req.body.workbookHash ?? null,
          author: principalOf(req),
        });
        switch (outcome.kind) {
          case "created":
          case "replayed":
          case "unchanged":
            return reply.code(201).send({
              revision: outcome.revision,
              replayed: outcome.kind === "replayed",
              unchanged: outcome.kind === "unchanged",
            });
          case "conflict":
            throw refuse(409, {
              ...httpMessages.conflict(outcome.head.number, req.body.baseRevision),
              head: outcome.head,
              changes: outcome.changes,
            });
          case "locked":
            throw refuse(423, httpMessages.locked);
          case "unknown-base":
            throw refuse(422, httpMessages.unknownBase(req.body.baseRevision, outcome.head));
          case "op-reused":
            throw refuse(422, httpMessages.opReused);
        }
      },
    );

    app.get(
      "/reports/:org/:set/:period/revisions",
      {
        preHandler: roleMayDo("read"),
        schema: {
          operationId: "listRevisions",
          tags: ["reports"],
          summary: "Các phiên bản sau số since / Revisions after `since`",
          params: keyParams,
          querystring: z.object({ since: z.coerce.number().int().min(0).default(0) }),
          response: { 200: revisionListSchema, ...errorResponses },
        },
      },
      async (req) => {
        const k = await resolveKey(req, req.params);
        return { revisions: k.report ? await store.revisionsSince(k.report.id, req.query.since) : [] };
      },
    );

    app.post(
      "/reports/:org/:set/:period/review",
      {
        preHandler: roleMayDo("review"),
        schema: {
          operationId: "reviewReport",
          tags: ["review"],
          summary: "Duyệt, trả lại, mở lại / Approve, return, reopen",
          description:
            'Approval locks the report (pushes then get 423) until a reviewer reopens it. Comments: indicator code of the report\'s set (or "*" for the whole report) → text; ' +
            "a code the set does not have is 422 unknown-comment-indicators. " +
            "`revision` is the revision the reviewer judged: when the head has moved past it the answer is 409 stale-review with the head revision and the indicators that differ; a revision newer than the head is 422 unknown-revision.",
          params: keyParams,
          body: reviewRequestSchema.meta({ examples: [reviewExample] }),
          response: {
            200: z.object({ state: reviewStateSchema, event: reviewEventSchema }),
            409: z.union([reviewConflictBodySchema, errorBodySchema]),
            422: refusalBodySchema,
            423: errorBodySchema,
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const k = await resolveKey(req, req.params);
        if (!k.report) throw refuse(404, httpMessages.noReport);
        const comments = req.body.comments ?? {};
        const unknown = (
          k.stored
            ? unknownIndicatorCodes(domainSet(k.stored), comments)
            : rhythmValueProblems(req.params.set as RhythmKind, Object.keys(comments))
        ).filter((c) => c !== "*");
        if (unknown.length) throw refuse(422, httpMessages.unknownCommentIndicators(unknown));
        const outcome = await store.review(
          k.report.id,
          req.body.action,
          req.body.revision,
          comments,
          principalOf(req),
        );
        switch (outcome.kind) {
          case "ok":
            return { state: outcome.state, event: outcome.event };
          case "locked":
            throw refuse(423, httpMessages.locked);
          case "no-revision":
            throw refuse(409, httpMessages.nothingToReview);
          case "not-approved":
            throw refuse(409, httpMessages.notApproved);
          case "stale":
            throw refuse(409, {
              ...httpMessages.staleReview(
                outcome.judged,
                outcome.head,
                outcome.changes.map((c) => c.code),
              ),
              judgedRevision: outcome.judged,
              headRevision: outcome.head,
              changes: outcome.changes,
            });
          case "unknown-revision":
            throw refuse(422, httpMessages.unknownRevision(outcome.judged, outcome.head));
        }
      },
    );
  };
}
