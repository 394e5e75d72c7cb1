/**
 * Refusals as thrown values: a route or a helper throws `refuse(…)` (or `deny(…)` for 401/403,
 * which the audit log must record) and the app's error handler sends it, so no helper both sends a
 * reply and makes its caller check whether it did. Bodies are the bilingual ones of httpMessages.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { deny } from "../auth/requestAuth";
import type { Store } from "../store/store";

export interface RefusalBody {
  error: string;
  message: string;
  [extra: string]: unknown;
}

export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: RefusalBody,
    /** Recorded in the audit log as a denied request (authorization refusals). */
    readonly audited: boolean,
  ) {
    super(body.error);
  }
}

/** A refusal of the request as sent (404, 409, 422, 423 …). */
export function refuse(status: number, body: RefusalBody): HttpRefusal {
  return new HttpRefusal(status, body, false);
}

/** A refusal of who is asking (403): audited like the authentication refusals. */
export function denied(status: number, body: RefusalBody): HttpRefusal {
  return new HttpRefusal(status, body, true);
}

export async function sendRefusal(
  store: Store,
  refusal: HttpRefusal,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  if (refusal.audited) return deny(store, req, reply, refusal.status, refusal.body);
  return reply.code(refusal.status).send(refusal.body);
}
