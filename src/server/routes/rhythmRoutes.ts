/** The weekly rhythm: GET /api/completeness (who registered and reported, on time, late, missing). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { completenessSchema } from "../../domain/rhythm/rhythmWire";
import { errorBodySchema, periodSchema } from "../../domain/sync/protocol";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { completenessNow } from "../rhythm/storedCompleteness";
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
  };
}
