/**
 * `GET /api/criteria-sets` and `GET /api/criteria-sets/{id}` (issue 13): the installed versions a
 * client judges by — the CLI's `--server`, the pane when signed in — each with its content hash,
 * the day it is in force from and a label to show ("vn-xa-ntm-2021-2025 @ 3f2a9c1 (từ 01/01/2024)").
 * Invariant: a version's definition is served exactly as stored (immutable), so a client may keep it
 * by its hash for good.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type CriteriaSetSummaryDto,
  criteriaSetSummarySchema,
  criteriaSetVersionSchema,
} from "../../domain/sync/protocol";
import { httpMessages } from "../httpMessages";
import type { StoredCriteriaSet } from "../store/store";
import { refuse } from "./httpRefusal";
import { criteriaSetIdExample, criteriaSetVersionExample } from "./openApiExamples";
import { type RouteContext, domainSet, errorResponses } from "./routeContext";

function summaryOf(s: StoredCriteriaSet): CriteriaSetSummaryDto {
  return {
    id: s.id,
    version: s.version,
    name: s.name,
    indicatorCount: domainSet(s).criteria.reduce((n, c) => n + c.indicators.length, 0),
    hash: s.hash,
    label: s.label,
    inForceFrom: s.inForceFrom,
    installedBy: s.installedBy,
    installedAt: s.installedAt,
  };
}

export function criteriaSetRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/criteria-sets",
      {
        schema: {
          operationId: "listCriteriaSets",
          tags: ["directory"],
          summary: "Các bộ tiêu chí đã cài / Installed criteria sets",
          description:
            "`sets`: the newest installed version of each set. `versions`: every installed version, oldest first within a set, with its hash and the day it is in force from, " +
            "so a client picks the version in force for a report's period (the newest whose inForceFrom is on or before the period's first day; null = from the beginning).",
          response: {
            200: z.object({
              sets: z.array(criteriaSetSummarySchema),
              versions: z.array(criteriaSetSummarySchema).optional(),
            }),
            ...errorResponses,
          },
        },
      },
      async () => {
        const versions = (await ctx.store.criteriaSetVersions()).map(summaryOf);
        const newest = new Map(versions.map((v) => [v.id, v]));
        return { sets: [...newest.values()], versions };
      },
    );

    app.get(
      "/criteria-sets/:id",
      {
        schema: {
          operationId: "getCriteriaSet",
          tags: ["directory"],
          summary: "Một phiên bản bộ tiêu chí / One criteria set version",
          description:
            "The newest installed version of the set, or the one `version` names (its content hash, or the first 7 or more characters of it), with its definition (a criteria set: domain/criteria/schema.ts). " +
            "404 unknown-criteria-set when there is no such set or version.",
          params: z.object({
            id: z
              .string()
              .min(1)
              .max(80)
              .describe("Mã bộ tiêu chí / criteria set id")
              .meta({ examples: [criteriaSetIdExample] }),
          }),
          querystring: z.object({
            version: z
              .string()
              .regex(/^[0-9a-f]{7,64}$/i)
              .optional()
              .describe("Mã băm phiên bản (≥ 7 ký tự) / version hash (≥ 7 characters)"),
          }),
          response: {
            200: criteriaSetVersionSchema.meta({ examples: [criteriaSetVersionExample] }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { id } = req.params;
        const stored = req.query.version
          ? await ctx.store.findCriteriaSetVersion(id, req.query.version)
          : await ctx.store.latestCriteriaSet(id);
        if (!stored) throw refuse(404, httpMessages.unknownSet(id));
        return {
          ...summaryOf(stored),
          hash: stored.hash,
          label: stored.label,
          definition: stored.definition,
        };
      },
    );
  };
}
