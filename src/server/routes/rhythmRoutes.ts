/**
 * The weekly rhythm: GET /api/completeness (who registered and reported, on time, late, missing)
 * and GET /api/village-progress (each village's model-area progress and the commune's roll-up).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { completenessSchema, villageProgressBodySchema } from "../../domain/rhythm/rhythmWire";
import { errorBodySchema, periodSchema } from "../../domain/sync/protocol";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { completenessNow } from "../rhythm/storedCompleteness";
import { storedVillageProgress } from "../rhythm/storedVillageProgress";
import { roleMayDo } from "../auth/roleGuard";
import { type RouteContext, errorResponses, unitInScope } from "./routeContext";

export function rhythmRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/completeness",
      {
        preHandler: roleMayDo("read"),
        schema: {
          operationId: "getCompleteness",
          tags: ["consolidation"],
          summary: "Tiến độ nộp: đúng hạn, trễ hạn, chưa nộp / Completeness: on time, late, missing",
          description:
            "For every commune within `under` that existed in the period: its submission of the report (`kind`: work-volume, village-progress or a criteria set id) for each deadline of the province's reporting calendar " +
            "(work volumes: weekly registration due Thursday 17:00 before the week, results due Monday 10:00 after it; Asia/Ho_Chi_Minh), with the time of the first revision that counted. " +
            "A deadline not yet passed gives `pending`, never `missing`.",
          querystring: z.object({
            under: z.string().min(1).max(40),
            kind: z.string().min(1).max(80),
            period: periodSchema,
          }),
          response: { 200: completenessSchema, 422: errorBodySchema, ...errorResponses },
        },
      },
      async (req) => {
        const under = await unitInScope(ctx, req, req.query.under, periodStartDate(req.query.period));
        return completenessNow(ctx.store, under, req.query.kind, req.query.period);
      },
    );

    app.get(
      "/village-progress",
      {
        preHandler: roleMayDo("read"),
        schema: {
          operationId: "getVillageProgress",
          tags: ["consolidation"],
          summary: "Tiến độ KDC kiểu mẫu theo thôn / Model-village progress per village",
          description:
            "For every commune within `under`: each village's share of the model residential area criteria met (from the village's own village-progress report, or the commune's for a village the org tree does not list), " +
            'and the roll-up against the villages the org tree lists ("3/12 thôn đạt ≥ 80 %"; a village that did not report counts as not there yet).',
          querystring: z.object({ under: z.string().min(1).max(40), period: periodSchema }),
          response: { 200: villageProgressBodySchema, 422: errorBodySchema, ...errorResponses },
        },
      },
      async (req) => {
        const under = await unitInScope(ctx, req, req.query.under, periodStartDate(req.query.period));
        return storedVillageProgress(ctx.store, await ctx.store.tree(), under, req.query.period);
      },
    );
  };
}
