/**
 * Durability: the server runs as a child process on a SQLite file, clients push under load, the
 * process is killed with SIGKILL at a random moment, restarted, and every push that was
 * acknowledged (201) must be there with its opId and number. Repeated a few times on one file.
 *
 * Bounded under a loaded machine (the whole suite in parallel on 2 cores): a round kills the server
 * a random 0–500 ms after it has acknowledged a few pushes in that round — not after a fixed time,
 * which on a slow start could come before any push — and every wait has its own limit with a
 * message saying which one ran out. The test's timeout is the sum of those limits.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { seedStore } from "../src/server/seed/seedStore";
import { Store } from "../src/server/store/store";
import { SET, bearer, call } from "./serverFixture";

const ROOT = path.join(__dirname, "..");
const ROUNDS = 3;
/** Acknowledged pushes a round waits for before the random kill. */
const ACKS_BEFORE_KILL = 8;
/** Limits: a server start (tsx compiles the CLI), the acknowledgements of a round, one request. */
const START_LIMIT_MS = 60_000;
const ROUND_LIMIT_MS = 30_000;
const REQUEST_LIMIT_MS = 15_000;
const TEST_LIMIT_MS = (ROUNDS + 1) * START_LIMIT_MS + ROUNDS * ROUND_LIMIT_MS + 8 * REQUEST_LIMIT_MS * 2;

function startServer(db: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      "--require",
      "tsx/cjs",
      "src/cli/main.ts",
      "serve",
      "--http",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--db",
      db,
      "--static",
      "none",
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: "" },
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within ${START_LIMIT_MS} ms: ${out}`));
    }, START_LIMIT_MS);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
}

/** Resolves once `count()` reaches `target`, or rejects after `limitMs`. */
async function waitFor(count: () => number, target: number, limitMs: number, what: string): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (count() < target) {
    if (Date.now() > deadline) throw new Error(`${what}: ${count()} of ${target} within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("durability under SIGKILL", () => {
  jest.setTimeout(TEST_LIMIT_MS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-durable-"));
  const db = path.join(dir, "ntm.sqlite");
  let token = "";
  const communes = ["18139", "18142", "18145", "18148", "18157", "18160", "18163", "18172"];

  beforeAll(async () => {
    const store = await Store.open({ location: db });
    await seedStore(store, { demoUsers: false });
    token = (
      await store.createUser({
        name: "admin",
        role: "admin",
        scopeId: (await store.tree()).resolve("42")!.id,
      })
    ).token;
    await store.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`keeps every acknowledged push across ${ROUNDS} kills`, async () => {
    const acked = new Map<string, { org: string; number: number }>();
    const heads = new Map<string, number>(communes.map((c) => [c, 0]));
    for (let round = 0; round < ROUNDS; round++) {
      const { child, base } = await startServer(db);
      // Listen before the kill (exit may come at once); a child that already died has exited.
      const exited =
        child.exitCode !== null || child.signalCode !== null
          ? Promise.resolve()
          : new Promise((r) => child.once("exit", r));
      let ackedThisRound = 0;
      let stop = false;
      let clients: Promise<void>[] = [];
      try {
        // Heads may have moved past what we saw acknowledged (a push applied just before the kill).
        for (const org of communes) {
          const view = (
            await call(base, {
              url: `/api/reports/${org}/${SET}/2023`,
              headers: bearer(token),
              timeoutMs: REQUEST_LIMIT_MS,
            })
          ).json();
          heads.set(org, view.head?.number ?? 0);
        }
        clients = communes.map(async (org) => {
          let i = 0;
          while (!stop) {
            const opId = `dur-${round}-${org}-${i++}`;
            try {
              const r = await call(base, {
                method: "POST",
                url: `/api/reports/${org}/${SET}/2023/revisions`,
                headers: bearer(token),
                // A value of its own per push: identical content makes no revision (it answers the head).
                payload: {
                  opId,
                  baseRevision: heads.get(org)!,
                  values: { "17.1": { value: round * 1_000_000 + i } },
                },
                timeoutMs: REQUEST_LIMIT_MS,
              });
              if (r.statusCode === 201) {
                const n = r.json().revision.number;
                acked.set(opId, { org, number: n });
                heads.set(org, n);
                ackedThisRound += 1;
              }
            } catch {
              return; // the server is gone
            }
          }
        });
        await waitFor(
          () => ackedThisRound,
          ACKS_BEFORE_KILL,
          ROUND_LIMIT_MS,
          `round ${round}: acknowledged pushes`,
        );
        await new Promise((r) => setTimeout(r, Math.random() * 500)); // a random moment under load
      } finally {
        child.kill("SIGKILL");
        stop = true;
        await Promise.all(clients);
        await exited;
      }
    }
    expect(acked.size).toBeGreaterThanOrEqual(ROUNDS * ACKS_BEFORE_KILL);
    const { child, base } = await startServer(db);
    try {
      for (const org of communes) {
        const list = (
          await call(base, {
            url: `/api/reports/${org}/${SET}/2023/revisions?since=0`,
            headers: bearer(token),
            timeoutMs: REQUEST_LIMIT_MS,
          })
        ).json().revisions as { number: number; opId: string }[];
        // Numbers are 1..n with no gap or repeat.
        expect(list.map((r) => r.number)).toEqual(list.map((_, i) => i + 1));
        const byOp = new Map(list.map((r) => [r.opId, r.number]));
        for (const [opId, a] of acked) if (a.org === org) expect(byOp.get(opId)).toBe(a.number);
      }
    } finally {
      child.kill("SIGKILL");
    }
  });
});
