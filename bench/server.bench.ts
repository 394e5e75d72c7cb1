/**
 * Sync-server throughput: 50 concurrent clients each pushing revisions (over loopback HTTP, with
 * auth, validation and server-side evaluation) on SQLite and, when DATABASE_URL is set, on
 * PostgreSQL — beside the floor of the same inserts made directly through the store (no HTTP, no
 * evaluation), and the ratio. Clients and server share this process, as the floor does.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Pool } from "pg";
import { buildApp } from "../src/server/app";
import { seedStore } from "../src/server/seed/seedStore";
import { type Principal, Store } from "../src/server/store/store";

const CLIENTS = 50;
const PUSHES_PER_CLIENT = Number(process.env.BENCH_PUSHES ?? 30);
const SET = "vn-xa-ntm-2021-2025";

function values(i: number) {
  const v: Record<string, { value: number | boolean; sheet: string; cell: string }> = {};
  for (let k = 1; k <= 12; k++) v[`17.${k}`] = { value: (i * 7 + k) % 100, sheet: "Tự đánh giá", cell: `E${40 + k}` };
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
}

async function timed(clients: number, pushes: number, one: (client: number, i: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < pushes; i++) {
        const t = performance.now();
        await one(c, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: (clients * pushes) / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function openEngine(name: "sqlite" | "postgres"): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (name === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-bench-"));
    const store = await Store.open({ location: path.join(dir, "bench.sqlite") });
    return { store, cleanup: async () => (await store.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.DATABASE_URL!;
  const schema = `ntm_bench_${randomBytes(4).toString("hex")}`;
  const store = await Store.open({ location: url, schema, poolSize: 20 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      const pool = new Pool({ connectionString: url, max: 1 });
      await pool.query(`drop schema ${schema} cascade`);
      await pool.end();
    },
  };
}

async function benchEngine(name: "sqlite" | "postgres"): Promise<void> {
  const { store, cleanup } = await openEngine(name);
  try {
    await seedStore(store, { demoUsers: false });
    const tree = await store.tree();
    const province = tree.resolve("42")!;
    const communes = tree.within(province.id).filter((u) => u.level === "commune" && !u.valid_from).slice(0, CLIENTS);
    const { userId, token } = await store.createUser({ name: "bench-admin", role: "admin", scopeId: province.id });
    const author: Principal = { userId, name: "bench-admin", role: "admin", scopeId: province.id };
    const setHash = (await store.latestCriteriaSet(SET))!.hash;
    const evaluation = { criteriaMet: 0, criteriaTotal: 19, progress: 0, criteria: [], indicators: {}, findings: [] };

    // Floor: the same revisions through the store directly (period 2022), no HTTP, no evaluation.
    const floor = await timed(CLIENTS, PUSHES_PER_CLIENT, async (c, i) => {
      const r = await store.pushRevision({ unitId: communes[c].id, setId: SET, setHash, period: "2022", opId: `floor-${c}-${i}`, baseRevision: i, values: values(i), evaluation, workbookHash: null, author });
      if (r.kind !== "created") throw new Error(`floor push ${r.kind}`);
    });

    const app = await buildApp({ store });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const http = await timed(CLIENTS, PUSHES_PER_CLIENT, async (c, i) => {
      const res = await fetch(`${base}/api/reports/${communes[c].code}/${SET}/2023/revisions`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ opId: `http-${c}-${i}`, baseRevision: i, values: values(i) }),
      });
      if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    });
    await app.close();

    const f = (x: number) => x.toFixed(1);
    console.log(`${name}: ${CLIENTS} clients × ${PUSHES_PER_CLIENT} pushes`);
    console.log(`  HTTP push : ${f(http.perSecond)} pushes/s, p50 ${f(http.p50)} ms, p99 ${f(http.p99)} ms`);
    console.log(`  store floor: ${f(floor.perSecond)} pushes/s, p50 ${f(floor.p50)} ms, p99 ${f(floor.p99)} ms`);
    console.log(`  ratio floor/HTTP throughput: ${(floor.perSecond / http.perSecond).toFixed(2)}×`);
  } finally {
    await cleanup();
  }
}

export default async function run(): Promise<void> {
  await benchEngine("sqlite");
  if (process.env.DATABASE_URL) await benchEngine("postgres");
  else console.log("postgres: skipped (DATABASE_URL not set)");
}
