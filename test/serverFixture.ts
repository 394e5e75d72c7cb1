/** A seeded store with one user per role and scope, and the app over it, for server tests. */
import type { FastifyInstance } from "fastify";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { SyncClient } from "../src/client/syncClient";
import type { ReportKey, ReviewAction } from "../src/domain/sync";
import { buildApp } from "../src/server/app";
import { seedStore } from "../src/server/seed/seedStore";
import type { Store } from "../src/server/store/store";
import { type TestEngine, testEngines } from "./storeEngines";

export const SET = "vn-xa-ntm-2021-2025";
/** Xã Sơn Hồng (2023 code), Hương Sơn district 439. */
export const IN_COMMUNE = "18139";
/** Xã Hà Linh, Hương Khê district 444: outside every test user's scope but the province admin's. */
export const OUT_COMMUNE = "18502";
export const OUT_COMMUNE_NAME = "Xã Hà Linh";

export interface CallResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  rawPayload: Buffer;
  json(): any;
}

export interface CallOptions {
  method?: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  payload?: object;
  /** Abort the request after this long (a test must not wait forever on a server that hangs). */
  timeoutMs?: number;
}

/**
 * A request over real loopback HTTP (Fastify's in-process `inject` needs an ESM-only cookie module
 * that jest's loader cannot require on Node 20).
 */
export async function call(base: string, opts: CallOptions): Promise<CallResult> {
  const res = await fetch(base + opts.url, {
    method: opts.method ?? "GET",
    headers: { ...(opts.payload ? { "content-type": "application/json" } : {}), ...(opts.headers ?? {}) },
    body: opts.payload ? JSON.stringify(opts.payload) : undefined,
    ...(opts.timeoutMs ? { signal: AbortSignal.timeout(opts.timeoutMs) } : {}),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const body = raw.toString("utf8");
  return {
    statusCode: res.status,
    headers: Object.fromEntries(res.headers.entries()),
    body,
    rawPayload: raw,
    json: () => JSON.parse(body),
  };
}

export interface Fixture {
  store: Store;
  app: FastifyInstance;
  base: string;
  call(opts: CallOptions): Promise<CallResult>;
  tokens: Record<"clerk" | "reviewer" | "office" | "admin" | "revoked" | "provinceAdmin", string>;
  cleanup(): Promise<void>;
}

/** `clock`: the store's clock (revision times), for tests that judge deadlines. */
export async function openFixture(engine: TestEngine, opts: { clock?: () => Date } = {}): Promise<Fixture> {
  const opened = await engine.open(opts);
  const { store } = opened;
  await seedStore(store, { demoUsers: false });
  const tree = await store.tree();
  const id = (code: string) => tree.resolve(code)!.id;
  const make = async (name: string, role: "clerk" | "reviewer" | "office" | "admin", scope: string) =>
    (await store.createUser({ name, role, scopeId: id(scope) })).token;
  const tokens = {
    clerk: await make("clerk-son-hong", "clerk", IN_COMMUNE),
    reviewer: await make("reviewer-huong-son", "reviewer", "439"),
    office: await make("office-huong-son", "office", "439"),
    admin: await make("admin-huong-son", "admin", "439"),
    revoked: await make("clerk-revoked", "clerk", IN_COMMUNE),
    provinceAdmin: await make("admin-ha-tinh", "admin", "42"),
  };
  await store.revokeUser("clerk-revoked");
  const app = await buildApp({ store, maxFailedAuthPerMinute: 1_000_000 });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return {
    store,
    app,
    base,
    call: (opts) => call(base, opts),
    tokens,
    async cleanup() {
      await app.close();
      await opened.cleanup();
    },
  };
}

/**
 * A fixture (on SQLite unless `engine` says) with a scratch folder (`dir`, named from `prefix`) for
 * the workbooks a CLI suite writes; its `cleanup` removes the folder too.
 */
export async function openFixtureWithFolder(
  prefix: string,
  engine: TestEngine = testEngines[0],
  opts: { clock?: () => Date } = {},
): Promise<Fixture & { dir: string }> {
  const fx = await openFixture(engine, opts);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    ...fx,
    dir,
    async cleanup() {
      await fx.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Within a `describe`: a fixture with a scratch folder, filled before the suite's first test and
 * closed (the folder removed) after its last.
 */
export function fixtureWithFolder(
  prefix: string,
  engine?: TestEngine,
  opts?: { clock?: () => Date },
): Fixture & { dir: string } {
  const fx = {} as Fixture & { dir: string };
  beforeAll(async () => {
    Object.assign(fx, await openFixtureWithFolder(prefix, engine, opts));
  });
  afterAll(async () => fx.cleanup());
  return fx;
}

/**
 * Of a completeness answer: each of `codes`' status under each of `deadlines`, one row per unit
 * ([registration, results]); the other units of the district are left out.
 */
export function statusTable(
  deadlines: { units: { code: string; status: string }[] }[],
  codes: readonly string[],
): Record<string, (string | undefined)[]> {
  const statusOf = (code: string) => deadlines.map((d) => d.units.find((u) => u.code === code)?.status);
  return Object.fromEntries(codes.map((code) => [code, statusOf(code)]));
}

/** A reviewer acts on the revision they see: the head at the moment of the click. */
export async function reviewHead(reviewer: SyncClient, key: ReportKey, action: ReviewAction): Promise<void> {
  const { head } = await reviewer.getReport(key);
  await reviewer.review(key, action, head?.number ?? 0);
}

export function bearer(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

export function reportUrl(org: string, period: string, suffix = ""): string {
  return `/api/reports/${org}/${SET}/${period}${suffix}`;
}

let counter = 0;
export function newOpId(): string {
  counter += 1;
  return `op-${process.pid}-${Date.now()}-${counter}`;
}

/**
 * `describe` once per engine around a fresh fixture: `fx` is filled before the first test and
 * closed after the last, so a suite states only its tests.
 */
export function describeOnEachEngine(title: string, body: (fx: Fixture, engine: TestEngine) => void): void {
  describe.each(testEngines.map((e) => [e.name, e] as const))(title, (_name, engine) => {
    const fx = {} as Fixture;
    beforeAll(async () => {
      Object.assign(fx, await openFixture(engine));
    });
    afterAll(async () => fx.cleanup());
    body(fx, engine);
  });
}
