/**
 * What every API route needs: the store, the error responses it may answer with, and helpers that
 * resolve a unit within the caller's scope. A helper that cannot resolve throws an `HttpRefusal`
 * (httpRefusal.ts) for the app's error handler to send, so a handler never checks "was it sent?".
 */
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { errorBodySchema } from "../../domain/sync/protocol";
import { unitLifetimeAt } from "../../domain/sync/reportPeriod";
import { principalOf } from "../auth/requestAuth";
import { domainSet } from "../evaluation/judgingSet";
import { httpMessages } from "../httpMessages";
import type { OrgUnitRow } from "../store/orgTree";
import type { StoredCriteriaSet, Store } from "../store/store";
import { denied, refuse } from "./httpRefusal";

export { domainSet };

export interface RouteContext {
  store: Store;
}

/** The refusals any authenticated route may answer with. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  429: errorBodySchema,
};

/** `?under=CODE` of the listing routes: a unit of the caller's scope, the scope itself by default. */
export const underQuery = z
  .string()
  .min(1)
  .max(40)
  .optional()
  .describe("Mã đơn vị; mặc định là phạm vi của bạn / unit code, default: your scope");

/** The unit `code` names at `date`, if it lies in the caller's scope; otherwise throws 404/403/422. */
export async function unitInScope(
  ctx: RouteContext,
  req: FastifyRequest,
  code: string,
  date?: string,
): Promise<OrgUnitRow> {
  const tree = await ctx.store.tree();
  const unit = tree.resolve(code, date);
  if (!unit) throw refuse(404, httpMessages.unknownOrgUnit(code));
  if (!tree.isWithin(principalOf(req).scopeId, unit.id)) throw denied(403, httpMessages.forbiddenScope(code));
  // A code that no longer (or not yet) named a unit on the period's first day is refused, with its successor.
  const lifetime = date ? unitLifetimeAt(unit, date) : undefined;
  if (lifetime) {
    const successor = unit.successor_id ? tree.get(unit.successor_id) : undefined;
    throw refuse(422, httpMessages.unitNotAtPeriod(unit, lifetime, successor));
  }
  return unit;
}

/** `?under=`'s unit (checked as unitInScope does), or the caller's own scope unit when absent. */
export async function unitUnder(
  ctx: RouteContext,
  req: FastifyRequest,
  code: string | undefined,
  date?: string,
): Promise<OrgUnitRow> {
  if (code) return unitInScope(ctx, req, code, date);
  const scopeId = principalOf(req).scopeId;
  const scope = (await ctx.store.tree()).get(scopeId);
  if (!scope) throw refuse(404, httpMessages.unknownOrgUnit(scopeId));
  return scope;
}

/**
 * The stored set a report is judged by: the one it was created with when it exists (`known`),
 * the newest stored definition of `setId` otherwise; 404 when there is none.
 */
export async function storedSetFor(
  ctx: RouteContext,
  setId: string,
  known: { setId: string; setHash: string } | undefined,
): Promise<StoredCriteriaSet> {
  const stored = known
    ? await ctx.store.getCriteriaSet(known.setId, known.setHash)
    : await ctx.store.latestCriteriaSet(setId);
  if (!stored) throw refuse(404, httpMessages.unknownSet(setId));
  return stored;
}

export async function provinceCodeOf(ctx: RouteContext, unit: OrgUnitRow): Promise<string | undefined> {
  const tree = await ctx.store.tree();
  return tree.ancestorsOrSelf(unit.id).find((u) => u.level === "province")?.code;
}
