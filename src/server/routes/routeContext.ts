/** What every API route needs: the store, plus helpers that resolve a unit and check role and scope. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CriteriaSet } from "../../domain/criteria/schema";
import { parseCriteriaSet } from "../../domain/criteria/schema";
import { type Action, roleMay } from "../auth/permissions";
import { deny, principalOf } from "../auth/requestAuth";
import { unitLifetimeAt } from "../../domain/sync/reportPeriod";
import { httpMessages } from "../httpMessages";
import type { OrgUnitRow } from "../store/orgTree";
import type { StoredCriteriaSet, Store } from "../store/store";

export interface RouteContext {
  store: Store;
}

/** Role check; sends 403 and returns false when the role may not. */
export async function requireRole(
  ctx: RouteContext,
  req: FastifyRequest,
  reply: FastifyReply,
  action: Action,
): Promise<boolean> {
  const p = principalOf(req);
  if (roleMay(p.role, action)) return true;
  await deny(ctx.store, req, reply, 403, httpMessages.forbiddenRole(p.role, action));
  return false;
}

/** The unit `code` names at `date`, if it lies in the caller's scope; otherwise 404/403 is sent. */
export async function unitInScope(
  ctx: RouteContext,
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
  date?: string,
): Promise<OrgUnitRow | undefined> {
  const tree = await ctx.store.tree();
  const unit = tree.resolve(code, date);
  if (!unit) {
    await reply.code(404).send(httpMessages.unknownOrgUnit(code));
    return undefined;
  }
  if (!tree.isWithin(principalOf(req).scopeId, unit.id)) {
    await deny(ctx.store, req, reply, 403, httpMessages.forbiddenScope(code));
    return undefined;
  }
  // A code that no longer (or not yet) named a unit on the period's first day is refused, with its successor.
  const lifetime = date ? unitLifetimeAt(unit, date) : undefined;
  if (lifetime) {
    const successor = unit.successor_id ? tree.get(unit.successor_id) : undefined;
    await reply.code(422).send(httpMessages.unitNotAtPeriod(unit, lifetime, successor));
    return undefined;
  }
  return unit;
}

const parsedSets = new Map<string, CriteriaSet>();

/** The domain form of a stored set (parsed once per content hash; stored rows never change). */
export function domainSet(stored: StoredCriteriaSet): CriteriaSet {
  const key = `${stored.id}@${stored.hash}`;
  let set = parsedSets.get(key);
  if (!set) {
    set = parseCriteriaSet(stored.definition, `store:${key}`);
    parsedSets.set(key, set);
  }
  return set;
}

export async function provinceCodeOf(ctx: RouteContext, unit: OrgUnitRow): Promise<string | undefined> {
  const tree = await ctx.store.tree();
  return tree.ancestorsOrSelf(unit.id).find((u) => u.level === "province")?.code;
}
