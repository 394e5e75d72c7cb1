/** Who am I, which criteria sets exist, which org units I may see. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  criteriaSetSummarySchema,
  errorBodySchema,
  meSchema,
  orgUnitSchema,
} from "../../domain/sync/protocol";
import { principalOf } from "../auth/requestAuth";
import type { OrgTree, OrgUnitRow } from "../store/orgTree";
import { type RouteContext, domainSet, unitInScope } from "./routeContext";

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema };

export function orgUnitDto(tree: OrgTree, u: OrgUnitRow) {
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    parentCode: u.parent_id ? (tree.get(u.parent_id)?.code ?? null) : null,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    successorCode: u.successor_id ? (tree.get(u.successor_id)?.code ?? null) : null,
  };
}

export function directoryRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/me",
      {
        schema: { summary: "Người dùng hiện tại / The current user", response: { 200: meSchema, ...errors } },
      },
      async (req) => {
        const p = principalOf(req);
        const scope = (await ctx.store.tree()).get(p.scopeId);
        return {
          name: p.name,
          role: p.role,
          scope: { code: scope?.code ?? p.scopeId, name: scope?.name ?? "", level: scope?.level ?? "" },
        };
      },
    );

    app.get(
      "/criteria-sets",
      {
        schema: {
          summary: "Các bộ tiêu chí / Criteria sets",
          response: { 200: z.object({ sets: z.array(criteriaSetSummarySchema) }), ...errors },
        },
      },
      async () => {
        const sets = await ctx.store.listCriteriaSets();
        return {
          sets: sets.map((s) => ({
            id: s.id,
            version: s.version,
            name: s.name,
            indicatorCount: domainSet(s).criteria.reduce((n, c) => n + c.indicators.length, 0),
          })),
        };
      },
    );

    app.get(
      "/org-units",
      {
        schema: {
          summary: "Đơn vị trong phạm vi / Org units within a unit of your scope",
          querystring: z.object({
            under: z
              .string()
              .min(1)
              .max(40)
              .optional()
              .describe("Mã đơn vị; mặc định là phạm vi của bạn / unit code, default: your scope"),
            at: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/)
              .optional()
              .describe("Ngày để hiểu mã / date at which the code is read"),
          }),
          response: { 200: z.object({ units: z.array(orgUnitSchema) }), ...errors },
        },
      },
      async (req, reply) => {
        const tree = await ctx.store.tree();
        const p = principalOf(req);
        const scope = tree.get(p.scopeId)!;
        const under = req.query.under
          ? await unitInScope(ctx, req, reply, req.query.under, req.query.at)
          : scope;
        if (!under) return reply;
        return { units: tree.within(under.id).map((u) => orgUnitDto(tree, u)) };
      },
    );
  };
}
