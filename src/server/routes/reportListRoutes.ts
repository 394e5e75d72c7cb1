/**
 * GET /api/reports: the reports within a unit of the caller's scope — what a reviewer has to look at
 * (`?state=submitted`), with each head's criteria met from the evaluation the server stored.
 * Invariant: only units within `under`, itself within the caller's scope, are read or listed.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  errorBodySchema,
  periodSchema,
  reportListSchema,
  reviewStateSchema,
  type ReportListItem,
} from "../../domain/sync/protocol";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { roleMayDo } from "../auth/roleGuard";
import { type RouteContext, errorResponses, underQuery, unitUnder } from "./routeContext";

// A province's communes for one set and period fit in one default page; a whole scope over every
// period may not, so the list is paged rather than sent whole.
const DEFAULT_PAGE = 500;
const MAX_PAGE = 2000;

export function reportListRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/reports",
      {
        preHandler: roleMayDo("read"),
        schema: {
          operationId: "listReports",
          tags: ["reports"],
          summary: "Các báo cáo trong phạm vi / Reports within a unit of your scope",
          description:
            "Sorted by org unit code, set, period, one page at a time (`limit`, `offset`; `total` counts them all). Every role may list the reports of its own scope.",
          querystring: z.object({
            under: underQuery,
            set: z.string().min(1).max(80).optional().describe("Mã bộ tiêu chí / criteria set id"),
            period: periodSchema.optional(),
            state: reviewStateSchema
              .exclude(["none"])
              .optional()
              .describe("Trạng thái duyệt / review state: submitted, returned, approved, reopened"),
            limit: z.coerce
              .number()
              .int()
              .min(1)
              .max(MAX_PAGE)
              .default(DEFAULT_PAGE)
              .describe(`Số báo cáo mỗi trang / reports per page (≤ ${MAX_PAGE})`),
            offset: z.coerce
              .number()
              .int()
              .min(0)
              .default(0)
              .describe("Bỏ qua bao nhiêu báo cáo đầu / reports to skip"),
          }),
          response: { 200: reportListSchema, 422: errorBodySchema, ...errorResponses },
        },
      },
      async (req) => {
        const tree = await ctx.store.tree();
        const { under: code, set, period, state, limit, offset } = req.query;
        const under = await unitUnder(ctx, req, code, period ? periodStartDate(period) : undefined);
        const units = tree.within(under.id);
        const byId = new Map(units.map((u) => [u.id, u]));
        const rows = await ctx.store.listReports(
          units.map((u) => u.id),
          {
            ...(set ? { setId: set } : {}),
            ...(period ? { period } : {}),
            ...(state ? { states: [state] } : {}),
          },
        );
        // Sorted before paging, so pages are stable; only the page's head evaluations are read.
        const byCode = (r: (typeof rows)[number]) => byId.get(r.org_unit_id)!.code;
        rows.sort(
          (a, b) =>
            byCode(a).localeCompare(byCode(b)) ||
            a.set_id.localeCompare(b.set_id) ||
            a.period.localeCompare(b.period),
        );
        const page = rows.slice(offset, offset + limit);
        const heads = await ctx.store.headEvaluations(page);
        const reports: ReportListItem[] = page.map((r) => {
          const u = byId.get(r.org_unit_id)!;
          const head = heads.get(r.id);
          return {
            org: u.code,
            orgName: u.name,
            level: u.level,
            set: r.set_id,
            period: r.period,
            revision: r.head_revision,
            reviewState: r.review_state,
            locked: Boolean(r.locked),
            updatedAt: r.updated_at,
            criteriaMet: head ? head.evaluation.criteriaMet : null,
            criteriaTotal: head ? head.evaluation.criteriaTotal : null,
          };
        });
        return { under: under.code, total: rows.length, offset, reports };
      },
    );
  };
}
