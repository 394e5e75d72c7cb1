/**
 * Durability: the server runs as a child process on a SQLite file, clients push under load, the
 * process is killed with SIGKILL at a random moment, restarted, and every push that was
 * acknowledged (201) must be there with its opId and number. Repeated a few times on one file.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { seedStore } from "../src/server/seed/seedStore";
import { Store } from "../src/server/store/store";
import { SET, bearer, call } from "./serverFixture";

const ROOT = path.join(__dirname, "..");

function startServer(db: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ["--require", "tsx/cjs", "src/cli/main.ts", "serve", "--http", "--port", "0", "--host", "127.0.0.1", "--db", db, "--static", "none"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: "" },
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

describe("durability under SIGKILL", () => {
  jest.setTimeout(120000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-durable-"));
  const db = path.join(dir, "ntm.sqlite");
  let token = "";
  const communes = ["18139", "18142", "18145", "18148", "18157", "18160", "18163", "18172"];

  beforeAll(async () => {
    const store = await Store.open({ location: db });
    await seedStore(store, { demoUsers: false });
    token = (await store.createUser({ name: "admin", role: "admin", scopeId: (await store.tree()).resolve("42")!.id })).token;
    await store.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps every acknowledged push across three kills", async () => {
    const acked = new Map<string, { org: string; number: number }>();
    const heads = new Map<string, number>(communes.map((c) => [c, 0]));
    for (let round = 0; round < 3; round++) {
      const { child, base } = await startServer(db);
      // Heads may have moved past what we saw acknowledged (a push applied just before the kill).
      for (const org of communes) {
        const view = (await call(base, { url: `/api/reports/${org}/${SET}/2023`, headers: bearer(token) })).json();
        heads.set(org, view.head?.number ?? 0);
      }
      let stop = false;
      const clients = communes.map(async (org) => {
        let i = 0;
        while (!stop) {
          const opId = `dur-${round}-${org}-${i++}`;
          try {
            const r = await call(base, { method: "POST", url: `/api/reports/${org}/${SET}/2023/revisions`, headers: bearer(token), payload: { opId, baseRevision: heads.get(org)!, values: { "17.1": { value: i } } } });
            if (r.statusCode === 201) {
              const n = r.json().revision.number;
              acked.set(opId, { org, number: n });
              heads.set(org, n);
            }
          } catch {
            return; // the server is gone
          }
        }
      });
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 900));
      const exited = new Promise((r) => child.once("exit", r)); // listen before the kill: exit may come at once
      child.kill("SIGKILL");
      stop = true;
      await Promise.all(clients);
      await exited;
    }
    expect(acked.size).toBeGreaterThan(20);
    const { child, base } = await startServer(db);
    try {
      for (const org of communes) {
        const list = (await call(base, { url: `/api/reports/${org}/${SET}/2023/revisions?since=0`, headers: bearer(token) })).json().revisions as { number: number; opId: string }[];
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
