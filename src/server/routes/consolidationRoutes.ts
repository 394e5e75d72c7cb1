/** GET /api/consolidation as JSON, or as a workbook with Accept: …spreadsheetml… or ?format=xlsx. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { consolidationSchema, errorBodySchema, periodSchema } from "../../domain/sync/protocol";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { writeSummaryWorkbook } from "../../io/xlsx/writeSummaryWorkbook";
import { workVolumeConsolidationSchema } from "../../domain/rhythm/rhythmWire";
import { consolidateStoredReports } from "../consolidation/consolidateStoredReports";
import { httpMessages } from "../httpMessages";
import { consolidateStoredWorkVolumes } from "../rhythm/consolidateStoredWorkVolumes";
import { completenessNow } from "../rhythm/storedCompleteness";
import { refuse } from "./httpRefusal";
import { roleMayDo } from "../auth/roleGuard";
import { type RouteContext, domainSet, errorResponses, unitInScope } from "./routeContext";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function consolidationRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/consolidation",
      {
        preHandler: roleMayDo("consolidate"),
        schema: {
          operationId: "getConsolidation",
          tags: ["consolidation"],
          summary: "Tổng hợp theo xã và thôn / Consolidation per commune and village",
          description:
            "Counted by the same consolidation core as `ntm consolidate`, over the head revision of every report within `under`, with each report's review state. " +
            "JSON (see the Consolidation schema in domain/sync/protocol.ts), or the summary workbook `ntm consolidate -o` writes (Tổng hợp, Thống kê, Khu dân cư, Khối lượng, Phát hiện, Tệp lỗi) " +
            "with `Accept: " +
            XLSX_MIME +
            "` or `?format=xlsx`. " +
            "With `kind=work-volume` (no `set`): the work items of every work-volume report within `under` summed up the org tree per unit, plan vs done, this period vs cumulative, and the communes (and villages) that did not report.",
          querystring: z.object({
            /** Work volumes (kind=work-volume) need no set; criteria consolidations do. */
            kind: z.enum(["criteria", "work-volume"]).default("criteria"),
            set: z.string().min(1).max(80).optional(),
            period: periodSchema,
            under: z.string().min(1).max(40),
            format: z.enum(["json", "xlsx"]).optional(),
          }),
          response: {
            200: z.union([consolidationSchema, workVolumeConsolidationSchema]),
            422: errorBodySchema,
            ...errorResponses,
          },
        },
      },
      async (req, reply) => {
        const under = await unitInScope(ctx, req, req.query.under, periodStartDate(req.query.period));
        if (req.query.kind === "work-volume")
          return consolidateStoredWorkVolumes(ctx.store, await ctx.store.tree(), under, req.query.period);
        if (!req.query.set) throw refuse(400, httpMessages.setRequired);
        // The version in force for the period heads the table; each row says the version that judged it.
        const stored = await ctx.store.setInForce(req.query.set, req.query.period);
        if (!stored) throw refuse(404, httpMessages.unknownSet(req.query.set));
        const result = await consolidateStoredReports(
          ctx.store,
          await ctx.store.tree(),
          domainSet(stored),
          req.query.period,
          under,
          stored.label,
        );
        const wantsXlsx =
          req.query.format === "xlsx" ||
          (req.query.format !== "json" && (req.headers.accept ?? "").includes("spreadsheetml"));
        if (!wantsXlsx) return reply.type("application/json").send(result.json);
        return reply
          .type(XLSX_MIME)
          .header(
            "Content-Disposition",
            `attachment; filename="tong-hop-${req.query.set}-${req.query.period}-${under.code}.xlsx"`,
          )
          .send(
            writeSummaryWorkbook({
              ...result.summary,
              // The workbook an office prints carries who sent the report, on time or not.
              completeness: [await completenessNow(ctx.store, under, req.query.set, req.query.period)],
            }) as never,
          );
      },
    );
  };
}
