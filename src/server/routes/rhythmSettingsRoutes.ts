/**
 * The rhythm's settings: PUT/GET /api/targets (a district's period targets) and PUT/GET
 * /api/calendars/{province} (a province's reporting calendar). Setting needs the "configure" action
 * (administrators) and every unit named within the caller's scope; reading targets is scoped like
 * every read; a province's calendar is readable by anyone signed in (it says when their reports
 * are due). The content is checked by the domain; a refusal lists every problem and stores nothing.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkTargets } from "../../domain/rhythm/periodTargetsFile";
import { reportingCalendarSchema } from "../../domain/rhythm/reportingCalendar";
import {
  calendarAnswerSchema,
  targetsBodySchema,
  targetsListSchema,
  targetsSavedSchema,
} from "../../domain/rhythm/settingsWire";
import { errorBodySchema, periodSchema } from "../../domain/sync/protocol";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { principalOf } from "../auth/requestAuth";
import { roleMayDo } from "../auth/roleGuard";
import { httpMessages } from "../httpMessages";
import {
  calendarAnswer,
  calendarProblem,
  notProvinceProblem,
  resolveTargetUnits,
  saveTargets,
  targetsUnder,
} from "../rhythm/rhythmSettings";
import { refuse } from "./httpRefusal";
import { calendarExample, targetsExample } from "./openApiExamples";
import { type RouteContext, errorResponses, underQuery, unitInScope, unitUnder } from "./routeContext";

const provinceParams = z.object({
  province: z
    .string()
    .min(1)
    .max(40)
    .meta({ examples: ["42"] }),
});

export function rhythmSettingsRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      "/targets",
      {
        preHandler: roleMayDo("configure"),
        schema: {
          operationId: "setTargets",
          tags: ["settings"],
          summary: "Đặt chỉ tiêu kỳ / Set period targets",
          description:
            "Targets of units within your scope for a period (a quarter's apply to each of its weeks and months in `GET /api/consolidation?kind=work-volume`). " +
            "`item` is a work-item catalogue code or a name the catalogue knows; `unit` defaults to the catalogue's (km accepted for an item counted in m). " +
            "Setting a target again for the same unit, period and item replaces it. 422 invalid-settings lists every problem (row/column) and stores nothing.",
          body: targetsBodySchema.meta({ examples: [targetsExample] }),
          response: { 200: targetsSavedSchema, 422: errorBodySchema, ...errorResponses },
        },
      },
      async (req) => {
        const checked = checkTargets(req.body.targets);
        if (checked.problems.length) throw refuse(422, httpMessages.invalidSettings(checked.problems));
        const resolved = resolveTargetUnits(await ctx.store.tree(), checked.targets);
        if (resolved.problems.length) throw refuse(422, httpMessages.invalidSettings(resolved.problems));
        for (const t of checked.targets) await unitInScope(ctx, req, t.org, periodStartDate(t.period));
        const saved = await saveTargets(ctx.store, resolved, { userId: principalOf(req).userId });
        return { saved };
      },
    );

    app.get(
      "/targets",
      {
        preHandler: roleMayDo("read"),
        schema: {
          operationId: "listTargets",
          tags: ["settings"],
          summary: "Chỉ tiêu kỳ đã đặt / Period targets set",
          description:
            "The targets set on `under` and every unit within it; with `period`, only those whose period contains it (a quarter's for each of its weeks).",
          querystring: z.object({ under: underQuery, period: periodSchema.optional() }),
          response: { 200: targetsListSchema, ...errorResponses },
        },
      },
      async (req) => {
        const date = req.query.period ? periodStartDate(req.query.period) : undefined;
        const under = await unitUnder(ctx, req, req.query.under, date);
        return targetsUnder(ctx.store, await ctx.store.tree(), under, req.query.period);
      },
    );

    app.put(
      "/calendars/:province",
      {
        preHandler: roleMayDo("configure"),
        schema: {
          operationId: "setCalendar",
          tags: ["settings"],
          summary: "Đặt lịch nộp báo cáo của tỉnh / Set a province's reporting calendar",
          description:
            "Replaces the province's calendar: per report kind (work-volume, village-progress, a criteria set id, or `*` for every criteria set) its deadlines as `anchor` (the period's first day, or the day after it) + `offsetDays` at `time`, Vietnam time. " +
            "Mark a due day not confirmed from a decision with `unverified: true`: completeness then says so. The province must be within your scope.",
          params: provinceParams,
          body: reportingCalendarSchema.meta({ examples: [calendarExample] }),
          response: { 200: calendarAnswerSchema, 422: errorBodySchema, ...errorResponses },
        },
      },
      async (req) => {
        const unit = await unitInScope(ctx, req, req.params.province);
        const problem = calendarProblem(unit, req.body);
        if (problem) throw refuse(422, httpMessages.invalidSettings([problem]));
        await ctx.store.rhythmData.saveCalendar(req.body, { userId: principalOf(req).userId });
        return calendarAnswer(ctx.store, unit);
      },
    );

    app.get(
      "/calendars/:province",
      {
        preHandler: roleMayDo("read"),
        schema: {
          operationId: "getCalendar",
          tags: ["settings"],
          summary: "Lịch nộp báo cáo của tỉnh / A province's reporting calendar",
          description:
            "The calendar that judges the province's reports: its own when stored (`stored: true`), else Hà Tĩnh's. `unverified` lists the deadlines whose due day is a placeholder.",
          params: provinceParams,
          response: { 200: calendarAnswerSchema, 422: errorBodySchema, ...errorResponses },
        },
      },
      async (req) => {
        const unit = (await ctx.store.tree()).resolve(req.params.province);
        if (!unit) throw refuse(404, httpMessages.unknownOrgUnit(req.params.province));
        const notProvince = notProvinceProblem(unit);
        if (notProvince) throw refuse(422, httpMessages.invalidSettings([notProvince]));
        return calendarAnswer(ctx.store, unit);
      },
    );
  };
}
