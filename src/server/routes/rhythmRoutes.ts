/** The weekly rhythm: GET /api/completeness (who registered and reported, on time, late, missing). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { completenessSchema } from "../../domain/rhythm/rhythmWire";
import { errorBodySchema, periodSchema } from "../../domain/sync/protocol";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { storedCompleteness } from "../rhythm/storedCompleteness";
import { type RouteContext, requireRole, unitInScope } from "./routeContext";

export function rhythmRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/completeness",
      {
        schema: {
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
          response: {
            200: completenessSchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
            422: errorBodySchema,
            429: errorBodySchema,
          },
        },
      },
      async (req, reply) => {
        if (!(await requireRole(ctx, req, reply, "read"))) return reply;
        const under = await unitInScope(ctx, req, reply, req.query.under, periodStartDate(req.query.period));
        if (!under) return reply;
        return storedCompleteness(
          ctx.store,
          await ctx.store.tree(),
          under,
          req.query.kind,
          req.query.period,
          ctx.store.now(),
        );
      },
    );
  };
}
