/**
 * The role check of a route, declared with the route (`preHandler: roleMayDo("push")`) rather
 * than called inside its handler, so a route without one is visible in its options. It runs after
 * authentication and validation, before the handler; scope is checked per unit by the handler.
 */
import type { FastifyRequest } from "fastify";
import { httpMessages } from "../httpMessages";
import { denied } from "../routes/httpRefusal";
import { type Action, roleMay } from "./permissions";
import { principalOf } from "./requestAuth";

export function roleMayDo(action: Action) {
  return async function roleCheck(req: FastifyRequest): Promise<void> {
    const p = principalOf(req);
    if (!roleMay(p.role, action)) throw denied(403, httpMessages.forbiddenRole(p.role, action));
  };
}
