/**
 * The Fastify app: the API under /api (zod-validated, documented at /api/openapi.json) and the
 * built add-in (task pane, functions, manifest) from dist/. Listening is the caller's job, so tests
 * use `app.inject` and `ntm serve` binds HTTPS or HTTP.
 */
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyServerOptions,
} from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import * as fs from "node:fs";
import { z } from "zod";
import { FailedAuthLimiter } from "./auth/failedAuthLimiter";
import { deniedAuditOf, makeAuthenticate } from "./auth/requestAuth";
import {
  clientErrorHandler,
  frameworkErrorBody,
  otherClientErrorBody,
  preferredLang,
  replyFrameworkError,
  validationErrorBody,
} from "./errorReplies";
import { httpMessages } from "./httpMessages";
import {
  errorWithCauses,
  fastifyLoggerOptions,
  registerRequestLog,
  type RequestLogOptions,
} from "./requestLog";
import { consolidationRoutes } from "./routes/consolidationRoutes";
import { rhythmRoutes } from "./routes/rhythmRoutes";
import { criteriaSetRoutes } from "./routes/criteriaSetRoutes";
import { rhythmSettingsRoutes } from "./routes/rhythmSettingsRoutes";
import { directoryRoutes } from "./routes/directoryRoutes";
import { reportListRoutes } from "./routes/reportListRoutes";
import { HttpRefusal, sendRefusal } from "./routes/httpRefusal";
import { reportRoutes } from "./routes/reportRoutes";
import type { Store } from "./store/store";

export interface AppOptions {
  store: Store;
  /** The built add-in (webpack output); not served when absent. */
  staticDir?: string;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: string[];
  /** Failed authentications per address per minute before 429. */
  maxFailedAuthPerMinute?: number;
  https?: { key: Buffer; cert: Buffer };
  /** Fastify's logger (pino): true for info on stdout, or a level and a file/stream; off by default. */
  logger?: boolean | RequestLogOptions;
  version?: string;
}

/** The groups of /api/docs, in the order a reader meets them. */
const API_TAGS = [
  { name: "server", description: "Tình trạng máy chủ / Server status" },
  {
    name: "directory",
    description: "Người dùng, bộ tiêu chí, đơn vị / Who you are, criteria sets, org units",
  },
  { name: "reports", description: "Báo cáo và phiên bản (đồng bộ) / Reports and revisions (sync)" },
  { name: "review", description: "Thẩm định / Review" },
  { name: "consolidation", description: "Tổng hợp / Consolidation" },
  {
    name: "settings",
    description: "Chỉ tiêu kỳ và lịch nộp báo cáo / Period targets and reporting calendars",
  },
];

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: fastifyLoggerOptions(opts.logger),
    // One line per request, written by requestLog without the query string, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    ...(opts.https ? { https: opts.https } : {}),
    bodyLimit: 5 * 1024 * 1024,
    // Refusals made before a route runs answer in the app's bilingual shape too (errorReplies).
    frameworkErrors: replyFrameworkError,
    clientErrorHandler,
    // Behind a proxy `--http` is used; trusting loopback only keeps request.ip honest either way.
    trustProxy: "127.0.0.1",
  } as FastifyServerOptions).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  registerRequestLog(app);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    // The task pane runs inside Excel (desktop webviews and Excel on the web, which frames it).
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    // Plain HTTP (behind a TLS proxy, or tests) must not tell browsers to upgrade or pin HTTPS here.
    hsts: Boolean(opts.https),
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "https://appsforoffice.microsoft.com"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: [
          "'self'",
          "https://*.office.com",
          "https://*.officeapps.live.com",
          "https://*.sharepoint.com",
          "https://*.microsoft.com",
        ],
        upgradeInsecureRequests: opts.https ? [] : null,
      },
    },
  });
  await app.register(cors, {
    origin: opts.corsOrigins && opts.corsOrigins.length ? opts.corsOrigins : false,
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "NTM Tracker API",
        description: "Kho dữ liệu Nông thôn mới / New Rural Development data store",
        version: opts.version ?? "0.1.0",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
      tags: API_TAGS,
    },
    transform: jsonSchemaTransform,
  });
  // The rendered API page; its own assets only, under the app's CSP (no inline script needed).
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { docExpansion: "list", deepLinking: true },
    theme: { title: "NTM Tracker API" },
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof HttpRefusal) return sendRefusal(opts.store, err, req, reply);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const lang = preferredLang(req.headers["accept-language"]);
      return reply.code(400).send(validationErrorBody(err.validation, err.validationContext, lang));
    }
    const framework = frameworkErrorBody(err as FastifyError);
    if (framework) return reply.code(framework.status).send(framework.body);
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return reply.code(status).send(otherClientErrorBody(status, err as Error));
    req.log.error(errorWithCauses(err), "unexpected error");
    return reply.code(500).send(httpMessages.internal);
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(httpMessages.notFound));

  const ctx = { store: opts.store };
  const limiter = new FailedAuthLimiter(opts.maxFailedAuthPerMinute ?? 20, 60_000);
  // Repeated refusals still counted in memory reach the log when the server stops.
  app.addHook("onClose", async () => deniedAuditOf(opts.store).flush());

  await app.register(
    async (api) => {
      api.get(
        "/health",
        {
          schema: {
            operationId: "getHealth",
            tags: ["server"],
            summary: "Tình trạng máy chủ / Server health",
            security: [],
            response: { 200: z.object({ ok: z.boolean(), engine: z.string(), version: z.string() }) },
          },
        },
        async () => ({ ok: true, engine: opts.store.engine, version: opts.version ?? "0.1.0" }),
      );
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      await api.register(async (authed) => {
        authed.addHook("onRequest", makeAuthenticate(opts.store, limiter));
        await authed.register(directoryRoutes(ctx));
        await authed.register(criteriaSetRoutes(ctx));
        await authed.register(reportRoutes(ctx));
        await authed.register(reportListRoutes(ctx));
        await authed.register(consolidationRoutes(ctx));
        await authed.register(rhythmRoutes(ctx));
        await authed.register(rhythmSettingsRoutes(ctx));
      });
    },
    { prefix: "/api" },
  );

  if (opts.staticDir && fs.existsSync(opts.staticDir)) {
    // Loaded only when serving files: @fastify/static reaches an ESM-only dependency (content-disposition 3)
    // that Node 20 requires natively but jest's module loader cannot, so API tests run without it.

    const fastifyStatic = require("@fastify/static") as typeof import("@fastify/static");
    await app.register(fastifyStatic.default ?? fastifyStatic, {
      root: opts.staticDir,
      prefix: "/",
      index: ["taskpane.html", "index.html"],
    });
  }
  return app;
}
