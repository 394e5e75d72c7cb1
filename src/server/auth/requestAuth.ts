/**
 * Bearer-token authentication for API routes, with per-address limiting of failed attempts and an
 * audit entry for every refusal. A route calls `principalOf(request)` after this hook ran.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Principal, Store } from "../store/store";
import { httpMessages } from "../httpMessages";
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
    if (limiter.isBlocked(address)) {
      await deny(store, request, reply, 429, httpMessages.tooManyFailures, null);
      return;
    }
    const header = request.headers.authorization ?? "";
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = m ? await store.authenticate(m[1]) : undefined;
    if (!principal) {
      limiter.recordFailure(address);
      await deny(store, request, reply, 401, httpMessages.unauthenticated, null);
      return;
    }
    request.principal = principal;
  };
}

/** Refuse a request and record the refusal in the audit log. */
export async function deny(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: { error: string; message: string },
  userId: string | null | undefined = request.principal?.userId,
): Promise<FastifyReply> {
  await store.audit({
    userId: userId ?? null,
    address: request.ip,
    action: `denied ${request.method} ${request.routeOptions.url ?? request.url}`,
    status,
    target: request.url,
    detail: body.error,
  });
  if (status === 401) reply.header("WWW-Authenticate", 'Bearer realm="ntm"');
  return reply.code(status).send(body);
}
