/**
 * What the server tells its administrator, through Fastify's own logger (pino, JSON lines): one
 * line per request when it is answered — method, route pattern, path, status, response time in
 * ms, user id — and every 500 with its error and the chain of causes behind it.
 *
 * Invariant: no line holds a token or a query string: Fastify's per-request "incoming/completed"
 * lines are off (LogController disableRequestLogging), the request line is built here from the path alone, and
 * authorization/cookie headers are redacted should anything log a request object.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
export const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export interface RequestLogOptions {
  level?: LogLevel;
  /** Append to this file; stdout when neither it nor `stream` is given. */
  file?: string;
  stream?: NodeJS.WritableStream;
}

/** Fastify's `logger` option for these choices (false: log nothing, as tests default to). */
export function fastifyLoggerOptions(
  log: boolean | RequestLogOptions | undefined,
): FastifyServerOptions["logger"] {
  if (!log) return false;
  const o = log === true ? {} : log;
  return {
    level: o.level ?? "info",
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization"],
      remove: true,
    },
    ...(o.stream ? { stream: o.stream } : o.file ? { file: o.file } : {}),
  } as FastifyServerOptions["logger"];
}

export function pathOf(url: string): string {
  const q = url.indexOf("?");
  const p = q >= 0 ? url.slice(0, q) : url;
  return p.length > 200 ? p.slice(0, 200) + "…" : p;
}

/** The request line, written once the answer has gone out. */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", async (req: FastifyRequest, reply: FastifyReply) => {
    const line = {
      method: req.method,
      route: req.routeOptions?.url ?? null,
      path: pathOf(req.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      user: req.principal?.userId ?? null,
      ip: req.ip,
    };
    if (reply.statusCode >= 500) req.log.error(line, "request failed");
    else req.log.info(line, "request");
  });
}

/** An error and its causes, as plain data (pino prints `err` well, but not always `cause`). */
export function errorWithCauses(err: unknown): Record<string, unknown> {
  const causes: { type: string; message: string; code?: string }[] = [];
  let c = (err as { cause?: unknown } | undefined)?.cause;
  for (let depth = 0; c !== undefined && c !== null && depth < 5; depth++) {
    const e = c as { name?: string; message?: string; code?: string; cause?: unknown };
    causes.push({
      type: e.name ?? typeof c,
      message: e.message ?? String(c),
      ...(e.code ? { code: e.code } : {}),
    });
    c = e.cause;
  }
  return { err, ...(causes.length ? { causes } : {}) };
}
