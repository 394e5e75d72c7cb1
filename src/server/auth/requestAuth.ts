/**
 * Bearer-token authentication for API routes. A presented token is checked first and a valid one
 * always passes, whatever its address did before; only failures are limited per address (429 with
 * Retry-After). Every refusal is audited through DeniedRequestAudit (bounded rows, repeats
 * aggregated). A route calls `principalOf(request)` after this hook ran.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Principal, Store } from "../store/store";
import { httpMessages } from "../httpMessages";
import { DeniedRequestAudit } from "./deniedRequestAudit";
import { FailedAuthLimiter } from "./failedAuthLimiter";

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error("route registered without authentication");
  return request.principal;
}

export function makeAuthenticate(store: Store, limiter: FailedAuthLimiter) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const address = request.ip;
    const header = request.headers.authorization ?? "";
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // A blocked address is not worth a store lookup unless it presents a token of the right shape.
    const principal = m && m[1].length <= 512 ? await store.authenticate(m[1]) : undefined;
    if (principal) {
      request.principal = principal;
      return;
    }
    const wait = limiter.retryAfterSeconds(address);
    if (wait > 0) {
      reply.header("Retry-After", String(wait));
      await deny(store, request, reply, 429, httpMessages.tooManyFailures, null);
      return;
    }
    limiter.recordFailure(address);
    await deny(store, request, reply, 401, httpMessages.unauthenticated, null);
  };
}

const deniedAudits = new WeakMap<Store, DeniedRequestAudit>();

/** One aggregator per store, so every app over a store counts repeats against the same log. */
export function deniedAuditOf(store: Store): DeniedRequestAudit {
  let audit = deniedAudits.get(store);
  if (!audit) {
    audit = new DeniedRequestAudit((e) => store.audit(e));
    deniedAudits.set(store, audit);
  }
  return audit;
}

/** Refuse a request and record the refusal in the audit log (bounded, see DeniedRequestAudit). */
export async function deny(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: { error: string; message: string },
  userId: string | null | undefined = request.principal?.userId,
): Promise<FastifyReply> {
  await deniedAuditOf(store).record(request, status, body.error, userId ?? null);
  if (status === 401) reply.header("WWW-Authenticate", 'Bearer realm="ntm"');
  return reply.code(status).send(body);
}
