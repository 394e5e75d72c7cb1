/**
 * Sync-server throughput: 50 concurrent clients each pushing revisions (over loopback HTTP, with
 * auth, validation and server-side evaluation) on SQLite and, when DATABASE_URL is set, on
 * PostgreSQL — beside the floor of the same pushes made directly through the store (no HTTP, no
 * evaluation, the same group commit), and the ratio.
 *
 * The HTTP clients run in a worker thread, each with its own keep-alive connection (one clerk, one
 * connection): clients in the server's own thread compete with it for the event loop, and a shared
 * fetch pool queued the first requests behind connections still being opened, which measured the
 * client, not the server. The in-thread figure is printed too, for comparison with older runs.
 * Each worker client first makes one push that is not counted (the first wave meets a cold server:
 * with 50 clients that wave alone is 3% of the samples, so it would *be* the p99); its slowest
 * time is printed on its own.
 * Reported beside each: how busy the server's event loop was (ELU), CPU per push for the whole
 * process, how many pushes shared a commit, and the machine's load (2 cores are shared here).
 */
import * as os from "node:os";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { buildApp } from "../src/server/app";
import { seedStore } from "../src/server/seed/seedStore";
import type { Principal, Store } from "../src/server/store/store";
import { pushWithoutEvaluation } from "../test/revisionFixtures";
import { type TestEngine, testEngines } from "../test/storeEngines";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PUSHES_PER_CLIENT = Number(process.env.BENCH_PUSHES ?? 30);
const SET = "vn-xa-ntm-2021-2025";

/** The pushed values (13 indicators with cells); also compiled into the client worker. */
function values(i: number) {
  const v: Record<string, { value: number | boolean; sheet: string; cell: string }> = {};
  for (let k = 1; k <= 12; k++)
    v[`17.${k}`] = { value: (i * 7 + k) % 100, sheet: "Tự đánh giá", cell: `E${40 + k}` };
  v["2.1"] = { value: i % 2 === 0, sheet: "Tự đánh giá", cell: "E12" };
  return v;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Share of the run the server thread's event loop was busy (0..1). */
  elu: number;
  /** CPU of the whole process (server and clients) per push, ms. */
  cpuPerPush: number;
  /** Pushes per commit (SQLite group commit); undefined when not batched. */
  perCommit?: number;
}

function figures(
  latencies: number[],
  seconds: number,
  elu: number,
  cpu: NodeJS.CpuUsage,
  perCommit?: number,
): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    elu,
    cpuPerPush: (cpu.user + cpu.system) / 1000 / latencies.length,
    perCommit,
  };
}

/** Runs `one` for every (client, push) with `clients` concurrent loops, measuring around it. */
async function measure(
  store: Store,
  run: () => Promise<{ latencies: number[]; seconds: number }>,
): Promise<Figures> {
  const before = { ...store.writeStats };
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const { latencies, seconds } = await run();
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0).utilization;
  const batches = store.writeStats.batches - before.batches;
  return figures(
    latencies,
    seconds,
    elu,
    cpu,
    batches ? (store.writeStats.units - before.units) / batches : undefined,
  );
}

async function inThisThread(
  one: (client: number, i: number) => Promise<void>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < PUSHES_PER_CLIENT; i++) {
        const t = performance.now();
        await one(c, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - start) / 1000 };
}

/** Plain JavaScript for the client worker: node:http, one keep-alive connection per client. */
const CLIENT_WORKER = `
const http = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const { port, token, urls, warmupUrls, pushes, opPrefix } = workerData;
const values = ${values.toString()};
function post(agent, url, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: url, method: "POST", agent,
      headers: { authorization: "Bearer " + token, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on("data", (d) => chunks.push(d));
      res.on("end", () => res.statusCode === 201 ? resolve() : reject(new Error("HTTP " + res.statusCode + ": " + Buffer.concat(chunks))));
    });
    req.on("error", reject);
    req.end(body);
  });
}
(async () => {
  let coldMax = 0;
  await Promise.all(warmupUrls.map(async (url, c) => {
    const t = performance.now();
    await post(undefined, url, JSON.stringify({ opId: opPrefix + "-warm-" + c, baseRevision: 0, values: values(0) }));
    coldMax = Math.max(coldMax, performance.now() - t);
  }));
  const latencies = [];
  const start = performance.now();
  await Promise.all(urls.map(async (url, c) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < pushes; i++) {
      const body = JSON.stringify({ opId: opPrefix + "-" + c + "-" + i, baseRevision: i, values: values(i) });
      const t = performance.now();
      await post(agent, url, body);
      latencies.push(performance.now() - t);
    }
    agent.destroy();
  }));
  parentPort.postMessage({ latencies, seconds: (performance.now() - start) / 1000, coldMax });
})().catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
`;

function inWorker(data: {
  port: number;
  token: string;
  urls: string[];
  warmupUrls: string[];
  pushes: number;
  opPrefix: string;
}): Promise<{ latencies: number[]; seconds: number; coldMax: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT_WORKER, { eval: true, workerData: data });
    worker.once(
      "message",
      (m: { latencies: number[]; seconds: number; coldMax: number } | { error: string }) => {
        void worker.terminate();
        if ("error" in m) reject(new Error(m.error));
        else resolve(m);
      },
    );
    worker.once("error", reject);
  });
}

function line(label: string, f: Figures): string {
  const x = (n: number) => n.toFixed(1);
  const commit = f.perCommit ? `, ${x(f.perCommit)} pushes/commit` : "";
  return `  ${label.padEnd(30)} ${x(f.perSecond).padStart(6)} pushes/s, p50 ${x(f.p50)} ms, p99 ${x(f.p99)} ms, max ${x(f.max)} ms (server loop busy ${(f.elu * 100).toFixed(0)}%, process CPU ${f.cpuPerPush.toFixed(2)} ms/push${commit})`;
}

async function benchEngine(engine: TestEngine): Promise<void> {
  const { name } = engine;
  // PostgreSQL: the store's default pool (10) unless BENCH_PG_POOL says otherwise, as first measured.
  const { store, cleanup } = await engine.open({ poolSize: Number(process.env.BENCH_PG_POOL ?? 10) });
  try {
    await seedStore(store, { demoUsers: false });
    const tree = await store.tree();
    const province = tree.resolve("42")!;
    const communes = tree
      .within(province.id)
      .filter((u) => u.level === "commune" && !u.valid_from)
      .slice(0, CLIENTS);
    const { userId, token } = await store.createUser({
      name: "bench-admin",
      role: "admin",
      scopeId: province.id,
    });
    const author: Principal = { userId, name: "bench-admin", role: "admin", scopeId: province.id };
    const setHash = (await store.latestCriteriaSet(SET))!.hash;

    // Floor: the same revisions through the store directly (period 2022), no HTTP, no evaluation.
    const floor = await measure(store, () =>
      inThisThread(async (c, i) => {
        const r = await pushWithoutEvaluation(
          store,
          { unitId: communes[c].id, setId: SET, setHash, author },
          { period: "2022", opId: `floor-${c}-${i}`, baseRevision: i, values: values(i) },
        );
        if (r.kind !== "created") throw new Error(`floor push ${r.kind}`);
      }),
    );

    const app = await buildApp({ store });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const port = (app.server.address() as { port: number }).port;
    const urls = (period: string) => communes.map((u) => `/api/reports/${u.code}/${SET}/${period}/revisions`);
    let coldMax = 0;
    const http = await measure(store, async () => {
      const r = await inWorker({
        port,
        token,
        urls: urls("2023"),
        // Before the 2025 merger: these 2023 communes ended on 2025-01-01, so a 2025 push is refused.
        warmupUrls: urls("2021"),
        pushes: PUSHES_PER_CLIENT,
        opPrefix: "http",
      });
      coldMax = r.coldMax;
      return r;
    });
    // As first measured: fetch() clients in the server's thread (period 2024).
    const base = `http://127.0.0.1:${port}`;
    const shared = await measure(store, () =>
      inThisThread(async (c, i) => {
        const res = await fetch(base + urls("2024")[c], {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ opId: `shared-${c}-${i}`, baseRevision: i, values: values(i) }),
        });
        if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }),
    );
    await app.close();

    console.log(
      `${name}: ${CLIENTS} clients × ${PUSHES_PER_CLIENT} pushes (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`,
    );
    console.log(line("HTTP push (client worker)", http));
    console.log(
      `  ${"  first wave, cold server".padEnd(30)} slowest of ${CLIENTS} first pushes: ${coldMax.toFixed(1)} ms (not counted above)`,
    );
    console.log(line("HTTP push (fetch, same thread)", shared));
    console.log(line("store floor", floor));
    console.log(`  ratio floor/HTTP throughput: ${(floor.perSecond / http.perSecond).toFixed(2)}×`);
  } finally {
    await cleanup();
  }
}

/** BENCH_ENGINES=sqlite or =postgres runs one engine only (both by default). */
export default async function run(): Promise<void> {
  const only = process.env.BENCH_ENGINES;
  for (const engine of testEngines) if (!only || only.includes(engine.name)) await benchEngine(engine);
  if (!process.env.DATABASE_URL && (!only || only.includes("postgres")))
    console.log("postgres: skipped (DATABASE_URL not set)");
}
