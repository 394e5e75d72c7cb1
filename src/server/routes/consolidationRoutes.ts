/** GET /api/consolidation as JSON, or as a workbook with Accept: …spreadsheetml… or ?format=xlsx. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { consolidationSchema, errorBodySchema, periodSchema } from "../../domain/sync/protocol";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { consolidationWorkbook } from "../consolidation/consolidationWorkbook";
import { rollUpStoredEvaluations } from "../consolidation/rollUpStoredEvaluations";
import { httpMessages } from "../httpMessages";
import { type RouteContext, domainSet, requireRole, unitInScope } from "./routeContext";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function consolidationRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/consolidation",
      {
        schema: {
          summary: "Tổng hợp theo xã và thôn / Consolidation per commune and village",
          description: "JSON (see the Consolidation schema in domain/sync/protocol.ts), or an .xlsx workbook with `Accept: " + XLSX_MIME + "` or `?format=xlsx`.",
          querystring: z.object({
            set: z.string().min(1).max(80),
            period: periodSchema,
            under: z.string().min(1).max(40),
            format: z.enum(["json", "xlsx"]).optional(),
          }),
          response: { 200: consolidationSchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema },
        },
      },
      async (req, reply) => {
        if (!(await requireRole(ctx, req, reply, "consolidate"))) return reply;
        const under = await unitInScope(ctx, req, reply, req.query.under, periodStartDate(req.query.period));
        if (!under) return reply;
        const stored = await ctx.store.latestCriteriaSet(req.query.set);
        if (!stored) return reply.code(404).send(httpMessages.unknownSet(req.query.set));
        const result = await rollUpStoredEvaluations(ctx.store, await ctx.store.tree(), domainSet(stored), req.query.period, under);
        const wantsXlsx = req.query.format === "xlsx" || (req.query.format !== "json" && (req.headers.accept ?? "").includes("spreadsheetml"));
        if (!wantsXlsx) return reply.type("application/json").send(result);
        return reply
          .type(XLSX_MIME)
          .header("Content-Disposition", `attachment; filename="tong-hop-${req.query.set}-${req.query.period}-${under.code}.xlsx"`)
          .send(consolidationWorkbook(result) as never);
      },
    );
  };
}
