/**
 * The server under the abuse of issue 16, as an administrator and an office behind one NAT meet
 * it: a stale client's bad tokens do not lock out valid colleagues, refusals do not grow the audit
 * log without bound, and what is logged holds neither tokens nor query strings.
 */
import type { FastifyRequest } from "fastify";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Writable } from "node:stream";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { buildApp } from "../src/server/app";
import { DeniedRequestAudit } from "../src/server/auth/deniedRequestAudit";
import { FailedAuthLimiter } from "../src/server/auth/failedAuthLimiter";
import type { AuditEntry } from "../src/server/store/store";
import { testEngines } from "./storeEngines";
import { type Fixture, IN_COMMUNE, bearer, call, newOpId, openFixture, reportUrl } from "./serverFixture";

/** A log destination that keeps pino's JSON lines for the test to read. */
function logLines(): { stream: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return {
    stream,
    text: () => text,
    lines: () =>
      text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe.each(testEngines.map((e) => [e.name, e] as const))("failed-auth limiter on %s", (_n, engine) => {
  let fx: Fixture;
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    fx = await openFixture(engine);
    // The shipped limit (20 failures a minute), not the fixture's relaxed one.
    const app = await buildApp({ store: fx.store });
    await app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    close = () => app.close();
  });
  afterAll(async () => {
    await close();
    await fx.cleanup();
  });

  it("after 300 bad tokens from one address a valid token from it still gets 200; the log grows by a few rows", async () => {
    const before = (await fx.store.auditLog(100_000)).length;
    const junk = "x".repeat(15_000);
    const codes = new Map<number, number>();
    let retryAfter: string | undefined;
    for (let i = 0; i < 300; i++) {
      const r = await call(base, { url: `/api/me?junk=${junk}&i=${i}`, headers: bearer(`ntm_stale_${i}`) });
      codes.set(r.statusCode, (codes.get(r.statusCode) ?? 0) + 1);
      if (r.statusCode === 429) retryAfter = r.headers["retry-after"];
    }
    expect(codes.get(401)).toBe(20);
    expect(codes.get(429)).toBe(280);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);

    const ok = await call(base, { url: "/api/me", headers: bearer(fx.tokens.clerk) });
    expect(ok.statusCode).toBe(200);
    // A request without a valid token from the blocked address is still told to wait.
    expect((await call(base, { url: "/api/me" })).statusCode).toBe(429);

    const rows = (await fx.store.auditLog(100_000)).slice(
      0,
      (await fx.store.auditLog(100_000)).length - before,
    );
    expect(rows.length).toBeLessThanOrEqual(4);
    const text = JSON.stringify(rows);
    expect(text.length).toBeLessThan(4_000);
    expect(text).not.toContain("junk");
    expect(text).not.toContain("ntm_stale");
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining([401, 429]));
  });

  it("the repeats held back reach the log, counted, when the server closes", async () => {
    const app = await buildApp({ store: fx.store });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const b = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    for (let i = 0; i < 5; i++) await call(b, { url: "/api/reports?x=1", headers: bearer("ntm_bad") });
    await app.close();
    const rows = await fx.store.auditLog(20);
    expect(rows.some((r) => /×\d+/.test(r.detail ?? "") && r.action.startsWith("denied GET"))).toBe(true);
  });
});

describe("FailedAuthLimiter", () => {
  it("blocks an address after max failures in the window and says when to retry", () => {
    const l = new FailedAuthLimiter(3, 60_000);
    for (const t of [0, 1000, 2000]) l.recordFailure("10.0.0.1", t);
    expect(l.retryAfterSeconds("10.0.0.1", 2000)).toBe(58);
    expect(l.retryAfterSeconds("10.0.0.2", 2000)).toBe(0);
    expect(l.retryAfterSeconds("10.0.0.1", 60_000)).toBe(0);
  });

  it("forgets the least recently failing address first, never all at once", () => {
    const l = new FailedAuthLimiter(1, 60_000, 3);
    for (const [i, a] of ["a", "b", "c", "d"].entries()) l.recordFailure(a, i);
    expect(l.size).toBe(3);
    expect(l.retryAfterSeconds("a", 10)).toBe(0);
    for (const a of ["b", "c", "d"]) expect(l.retryAfterSeconds(a, 10)).toBeGreaterThan(0);
    l.recordFailure("b", 11); // b is now the most recent: c goes next
    l.recordFailure("e", 12);
    expect(l.retryAfterSeconds("c", 13)).toBe(0);
    expect(l.retryAfterSeconds("b", 13)).toBeGreaterThan(0);
  });
});

describe("DeniedRequestAudit", () => {
  const request = (ip: string, url = "/api/me?token=ntm_secret") =>
    ({ ip, method: "GET", url, routeOptions: { url: "/api/me" } }) as unknown as FastifyRequest;

  it("writes the first refusal at once and the repeats of the window as one counted row", async () => {
    let now = 0;
    const rows: AuditEntry[] = [];
    const audit = new DeniedRequestAudit(async (e) => void rows.push(e), { now: () => now });
    for (let i = 0; i < 1000; i++) await audit.record(request("1.2.3.4"), 401, "unauthenticated", null);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "denied GET /api/me", target: "/api/me", status: 401 });
    now = 61_000;
    await audit.record(request("1.2.3.4"), 401, "unauthenticated", null);
    expect(rows.map((r) => r.detail)).toEqual([
      "unauthenticated",
      "unauthenticated ×999 (repeats within 60 s)",
      "unauthenticated",
    ]);
    expect(JSON.stringify(rows)).not.toContain("ntm_secret");
  });

  it("bounds a spray of addresses by a row budget per window", async () => {
    let now = 0;
    const rows: AuditEntry[] = [];
    const audit = new DeniedRequestAudit(async (e) => void rows.push(e), {
      now: () => now,
      rowsPerWindow: 50,
    });
    for (let i = 0; i < 5000; i++) await audit.record(request(`10.0.${i >> 8}.${i & 255}`), 401, "u", null);
    expect(rows).toHaveLength(50);
    now = 60_000;
    await audit.flush();
    expect(rows.at(-1)!.detail).toBe("×4950 refusals not written one by one");
  });
});

describe.each(testEngines.map((e) => [e.name, e] as const))("the server's log on %s", (_n, engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture(engine);
  });
  afterAll(async () => fx.cleanup());

  it("writes one JSON line per request — method, route, status, time, user — and never the token", async () => {
    const log = logLines();
    const app = await buildApp({ store: fx.store, logger: { level: "info", stream: log.stream } });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const b = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    await call(b, { url: "/api/me", headers: bearer(fx.tokens.clerk) });
    await call(b, { url: "/api/me?token=ntm_in_the_query", headers: bearer("ntm_not_a_token") });
    await app.close();
    const requests = log.lines().filter((l) => l.msg === "request");
    expect(requests).toHaveLength(2);
    const me = (await fx.store.findUserByName("clerk-son-hong"))!;
    expect(requests[0]).toMatchObject({
      method: "GET",
      route: "/api/me",
      path: "/api/me",
      status: 200,
      user: me.id,
    });
    expect(typeof requests[0].ms).toBe("number");
    expect(requests[1]).toMatchObject({ status: 401, user: null, path: "/api/me" });
    expect(log.text()).not.toContain(fx.tokens.clerk);
    expect(log.text()).not.toContain("ntm_not_a_token");
    expect(log.text()).not.toContain("ntm_in_the_query");
  });

  it("a 500 leaves the error, its cause and the request line; the client gets the bilingual message", async () => {
    const log = logLines();
    const app = await buildApp({ store: fx.store, logger: { level: "warn", stream: log.stream } });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const b = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    const spy = jest
      .spyOn(fx.store, "authenticate")
      .mockRejectedValueOnce(new Error("reading the token failed", { cause: busy }));
    const r = await call(b, { url: "/api/me", headers: bearer(fx.tokens.clerk) });
    spy.mockRestore();
    await app.close();
    expect(r.statusCode).toBe(500);
    expect(r.json()).toMatchObject({
      error: "internal",
      message: expect.stringMatching(/^Lỗi máy chủ.* \/ Server error/),
    });
    const lines = log.lines();
    const failure = lines.find((l) => l.msg === "unexpected error")!;
    expect(failure.level).toBe(50);
    expect(JSON.stringify(failure)).toContain("reading the token failed");
    expect(failure.causes).toEqual([
      expect.objectContaining({ message: "database is locked", code: "SQLITE_BUSY" }),
    ]);
    expect(lines.find((l) => l.msg === "request failed")).toMatchObject({ status: 500, route: "/api/me" });
    // At level warn the ordinary request lines are not written.
    expect(lines.some((l) => l.msg === "request")).toBe(false);
  });

  it("appends the same lines to a file (`ntm serve --log FILE`); an unknown --log-level is refused", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-log-"));
    const file = path.join(dir, "server.log");
    const app = await buildApp({ store: fx.store, logger: { level: "info", file } });
    await app.listen({ host: "127.0.0.1", port: 0 });
    await call(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`, {
      url: "/api/me",
      headers: bearer(fx.tokens.clerk),
    });
    await app.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.msg === "request")).toEqual([expect.objectContaining({ status: 200 })]);
    fs.rmSync(dir, { recursive: true, force: true });

    const io = captureIo();
    expect(await main(["node", "ntm", "serve", "--http", "--log-level", "loud"], io)).toBe(2);
    expect(io.stderr).toMatch(/mức nhật ký "loud".* \/ unknown log level "loud"/);
  });

  if (engine.name === "sqlite")
    it("a push waits for another process's write lock (busy timeout) instead of failing at once", async () => {
      const file = fx.store.opened.sqlite!.name;
      const holder = spawn(
        process.execPath,
        [
          "-e",
          `const D=require("better-sqlite3");const d=new D(${JSON.stringify(file)});d.pragma("busy_timeout=5000");` +
            `d.exec("begin immediate");d.prepare("insert into audit_log(at,action,status) values('x','external lock',0)").run();` +
            `console.log("locked");setTimeout(()=>{d.exec("commit");console.log("released")},1500)`,
        ],
        { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
      );
      await new Promise<void>((resolve) => holder.stdout!.once("data", () => resolve()));
      const r = await fx.call({
        method: "POST",
        url: reportUrl(IN_COMMUNE, "2024-Q3", "/revisions"),
        headers: bearer(fx.tokens.clerk),
        payload: { opId: newOpId(), baseRevision: 0, values: { "2.1": { value: true } } },
      });
      await new Promise((resolve) => holder.once("close", resolve));
      expect(r.statusCode).toBe(201);
    });
});
