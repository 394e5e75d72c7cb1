/** Who am I, which org units I may see (the criteria sets: criteriaSetRoutes.ts). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBodySchema, meSchema, orgUnitSchema } from "../../domain/sync/protocol";
import { actionsOf } from "../auth/permissions";
import { principalOf } from "../auth/requestAuth";
import type { OrgTree, OrgUnitRow } from "../store/orgTree";
import { meExample } from "./openApiExamples";
import { type RouteContext, errorResponses, provinceCodeOf, underQuery, unitUnder } from "./routeContext";
import { regionOfProvince } from "../../domain/criteria/provinceRegions";

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
        schema: {
          operationId: "getMe",
          tags: ["directory"],
          summary: "Người dùng hiện tại / The current user",
          description:
            "Who the token stands for: role, the unit of their scope (code, name, level) and the actions the role may take (read, push, review, consolidate), so a client shows each person only what they may do.",
          response: { 200: meSchema.meta({ examples: [meExample] }), ...errorResponses },
        },
      },
      async (req) => {
        const p = principalOf(req);
        const scope = (await ctx.store.tree()).get(p.scopeId);
        // The region pushes from this scope are judged by (evaluatePushedValues), so a client agrees.
        const region = scope ? regionOfProvince(await provinceCodeOf(ctx, scope)) : undefined;
        return {
          name: p.name,
          role: p.role,
          scope: { code: scope?.code ?? p.scopeId, name: scope?.name ?? "", level: scope?.level ?? "" },
          actions: actionsOf(p.role),
          ...(region ? { region } : {}),
        };
      },
    );

    app.get(
      "/org-units",
      {
        schema: {
          operationId: "listOrgUnits",
          tags: ["directory"],
          summary: "Đơn vị trong phạm vi / Org units within a unit of your scope",
          querystring: z.object({
            under: underQuery,
            at: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/)
              .optional()
              .describe("Ngày để hiểu mã / date at which the code is read"),
          }),
          response: {
            200: z.object({ units: z.array(orgUnitSchema) }),
            422: errorBodySchema,
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const tree = await ctx.store.tree();
        const under = await unitUnder(ctx, req, req.query.under, req.query.at);
        return { units: tree.within(under.id).map((u) => orgUnitDto(tree, u)) };
      },
    );
  };
}
