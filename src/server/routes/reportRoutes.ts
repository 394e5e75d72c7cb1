/** Reports: read the head, push a revision, list revisions, review. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  conflictBodySchema,
  type IndicatorValues,
  errorBodySchema,
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
import { isRhythmKind, rhythmSetHash } from "../../domain/rhythm/rhythmReportKinds";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { principalOf } from "../auth/requestAuth";
import { evaluatePushedValues, unknownIndicatorCodes } from "../evaluation/evaluatePushedValues";
import { httpMessages } from "../httpMessages";
import { judgeRhythmValues } from "../rhythm/judgeRhythmPush";
import { type RouteContext, domainSet, provinceCodeOf, requireRole, unitInScope } from "./routeContext";

const keyParams = z.object({
  org: z.string().min(1).max(40).describe("Mã đơn vị (GSO) / org unit code"),
  set: z.string().min(1).max(80).describe("Mã bộ tiêu chí / criteria set id"),
  period: periodSchema,
});

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  429: errorBodySchema,
};

export function reportRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  const { store } = ctx;
  return async (app) => {
    /** Resolve set and unit for a report key (sending 403/404 on the way); the report row may not exist. */
    async function resolveKey(req: FastifyRequest, reply: FastifyReply, params: z.infer<typeof keyParams>) {
      const unit = await unitInScope(ctx, req, reply, params.org, periodStartDate(params.period));
      if (!unit) return undefined;
      const report = await store.findReport(unit.id, params.set, params.period);
      // Work volumes and village progress are reports of a kind, not of a stored criteria set.
      if (isRhythmKind(params.set)) return { unit, report };
      const stored = report
        ? await store.getCriteriaSet(report.set_id, report.set_hash)
        : await store.latestCriteriaSet(params.set);
      if (!stored) {
        await reply.code(404).send(httpMessages.unknownSet(params.set));
        return undefined;
      }
      return { unit, report, stored };
    }

    /**
     * For a push: the unit and the set to evaluate with — the report's own set when it exists, the
     * newest otherwise. The report row itself is read (and locked) by the push's transaction.
     */
    async function resolvePushKey(
      req: FastifyRequest,
      reply: FastifyReply,
      params: z.infer<typeof keyParams>,
    ) {
      const unit = await unitInScope(ctx, req, reply, params.org, periodStartDate(params.period));
      if (!unit) return undefined;
      const known = await store.reportSetOf(unit.id, params.set, params.period);
      const stored = known
        ? await store.getCriteriaSet(known.setId, known.setHash)
        : await store.latestCriteriaSet(params.set);
      if (!stored) {
        await reply.code(404).send(httpMessages.unknownSet(params.set));
        return undefined;
      }
      return { unit, stored };
    }

    /**
     * The unit, the set (or rhythm kind) and the server's own evaluation of pushed values; 403/404/422
     * is sent on the way. Work volumes and village progress (domain/rhythm) are judged by their kind,
     * every other report by its criteria set.
     */
    async function judgePush(
      req: FastifyRequest,
      reply: FastifyReply,
      params: z.infer<typeof keyParams>,
      values: IndicatorValues,
    ) {
      if (isRhythmKind(params.set)) {
        const unit = await unitInScope(ctx, req, reply, params.org, periodStartDate(params.period));
        if (!unit) return undefined;
        const judged = await judgeRhythmValues(store, unit, params.set, params.period, values);
        if (!judged.evaluation) {
          await reply.code(422).send(httpMessages.unknownIndicators(judged.unknown));
          return undefined;
        }
        return { unit, setId: params.set, setHash: rhythmSetHash(params.set), evaluation: judged.evaluation };
      }
      const k = await resolvePushKey(req, reply, params);
      if (!k) return undefined;
      const set = domainSet(k.stored);
      const unknown = unknownIndicatorCodes(set, values);
      if (unknown.length) {
        await reply.code(422).send(httpMessages.unknownIndicators(unknown));
        return undefined;
      }
      const evaluation = evaluatePushedValues(set, values, {
        orgCode: k.unit.code,
        orgName: k.unit.name,
        provinceCode: await provinceCodeOf(ctx, k.unit),
        period: params.period,
      });
      return { unit: k.unit, setId: k.stored.id, setHash: k.stored.hash, evaluation };
    }

    app.get(
      "/reports/:org/:set/:period",
      {
        schema: {
          summary:
            "Phiên bản mới nhất, trạng thái duyệt, kết quả đánh giá / Head revision, review state, evaluation",
          params: keyParams,
          response: { 200: reportViewSchema, ...errors },
        },
      },
      async (req, reply) => {
        if (!(await requireRole(ctx, req, reply, "read"))) return reply;
        const k = await resolveKey(req, reply, req.params);
        if (!k) return reply;
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
        schema: {
          summary: "Gửi một phiên bản / Push a revision",
          description:
            "201: the new revision (the same opId again returns the same revision; values equal to the head's make no revision and return the head with unchanged: true). " +
            "Refusals carry a machine-readable `error`: 401 unauthenticated, 403 forbidden, 404 unknown-org-unit | unknown-criteria-set, " +
            "409 stale-base (baseRevision is older than the head; the body holds the head and the per-indicator changes since the base), " +
            "422 unknown-indicators (the first codes in `codes`, how many in `count`) | unknown-base (newer than the head) | op-id-reused, 423 locked (approved).",
          params: keyParams,
          body: pushRequestSchema,
          response: {
            201: pushResultSchema,
            409: conflictBodySchema,
            422: refusalBodySchema,
            423: errorBodySchema,
            ...errors,
          },
        },
      },
      async (req, reply) => {
        if (!(await requireRole(ctx, req, reply, "push"))) return reply;
        const judged = await judgePush(req, reply, req.params, req.body.values);
        if (!judged) return reply;
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
            return reply.code(409).send({
              ...httpMessages.conflict(outcome.head.number, req.body.baseRevision),
              head: outcome.head,
              changes: outcome.changes,
            });
          case "locked":
            return reply.code(423).send(httpMessages.locked);
          case "unknown-base":
            return reply.code(422).send(httpMessages.unknownBase(req.body.baseRevision, outcome.head));
          case "op-reused":
            return reply.code(422).send(httpMessages.opReused);
        }
      },
    );

    app.get(
      "/reports/:org/:set/:period/revisions",
      {
        schema: {
          summary: "Các phiên bản sau số since / Revisions after `since`",
          params: keyParams,
          querystring: z.object({ since: z.coerce.number().int().min(0).default(0) }),
          response: { 200: revisionListSchema, ...errors },
        },
      },
      async (req, reply) => {
        if (!(await requireRole(ctx, req, reply, "read"))) return reply;
        const k = await resolveKey(req, reply, req.params);
        if (!k) return reply;
        return { revisions: k.report ? await store.revisionsSince(k.report.id, req.query.since) : [] };
      },
    );

    app.post(
      "/reports/:org/:set/:period/review",
      {
        schema: {
          summary: "Duyệt, trả lại, mở lại / Approve, return, reopen",
          description:
            'Approval locks the report (pushes then get 423) until a reviewer reopens it. Comments: indicator code (or "*") → text. ' +
            "`revision` is the revision the reviewer judged: when the head has moved past it the answer is 409 stale-review with the head revision and the indicators that differ; a revision newer than the head is 422 unknown-revision.",
          params: keyParams,
          body: reviewRequestSchema,
          response: {
            200: z.object({ state: reviewStateSchema, event: reviewEventSchema }),
            409: z.union([reviewConflictBodySchema, errorBodySchema]),
            422: errorBodySchema,
            423: errorBodySchema,
            ...errors,
          },
        },
      },
      async (req, reply) => {
        if (!(await requireRole(ctx, req, reply, "review"))) return reply;
        const k = await resolveKey(req, reply, req.params);
        if (!k) return reply;
        if (!k.report) return reply.code(404).send(httpMessages.noReport);
        const outcome = await store.review(
          k.report.id,
          req.body.action,
          req.body.revision,
          req.body.comments ?? {},
          principalOf(req),
        );
        switch (outcome.kind) {
          case "ok":
            return { state: outcome.state, event: outcome.event };
          case "locked":
            return reply.code(423).send(httpMessages.locked);
          case "no-revision":
            return reply.code(409).send(httpMessages.nothingToReview);
          case "not-approved":
            return reply.code(409).send(httpMessages.notApproved);
          case "stale":
            return reply.code(409).send({
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
            return reply.code(422).send(httpMessages.unknownRevision(outcome.judged, outcome.head));
        }
      },
    );
  };
}
