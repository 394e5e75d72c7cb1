/**
 * Group commit: concurrent pushes share commits, yet a push is answered only after the commit
 * that holds it, a failing write spoils none of its batch-mates, and a failed commit answers no
 * one with success (nothing of it is stored). On PostgreSQL each write keeps its own transaction.
 */
import { type Transaction, sql } from "kysely";
import { seedStore } from "../src/server/seed/seedStore";
import type { Database } from "../src/server/store/schema";
import type { PushInput, Principal, Store } from "../src/server/store/store";

/** The store's write queue, reached past `private` to put writes of our own into a batch. */
type WriteQueue = { run<T>(unit: (trx: Transaction<Database>) => Promise<T>): Promise<T> };
const writeQueueOf = (store: Store) => (store as unknown as { writes: WriteQueue }).writes;
import { pushWithoutEvaluation } from "./revisionFixtures";
import { testEngines } from "./storeEngines";

const SET = "vn-xa-ntm-2021-2025";

describe.each(testEngines.map((e) => [e.name, e] as const))("group commit on %s", (name, engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let author: Principal;
  let units: string[];
  let setHash: string;

  beforeAll(async () => {
    const opened = await engine.open();
    store = opened.store;
    cleanup = opened.cleanup;
    await seedStore(store, { demoUsers: false });
    const tree = await store.tree();
    units = ["18139", "18142", "18145", "18148"].map((c) => tree.resolve(c)!.id);
    setHash = (await store.latestCriteriaSet(SET))!.hash;
    const { userId } = await store.createUser({
      name: "clerk-gc",
      role: "admin",
      scopeId: tree.resolve("42")!.id,
    });
    author = { userId, name: "clerk-gc", role: "admin", scopeId: tree.resolve("42")!.id };
  });
  afterAll(async () => cleanup());

  const push = (
    unit: number,
    period: string,
    opId: string,
    baseRevision: number,
    values: PushInput["values"] = { "17.1": { value: baseRevision } },
  ) =>
    pushWithoutEvaluation(
      store,
      { unitId: units[unit], setId: SET, setHash, author },
      { period, opId, baseRevision, values },
    );

  const committedRevisions = async (unit: number, period: string) => {
    const report = await store.findReport(units[unit], SET, period);
    return report ? (await store.revisionsSince(report.id, 0)).map((r) => r.number) : [];
  };

  it("answers 200 concurrent pushes to four reports with gap-free numbers, sharing commits on SQLite", async () => {
    const before = { ...store.writeStats };
    const chains = units.map(async (_, u) => {
      for (let i = 0; i < 50; i++)
        expect(await push(u, "2024", `gc-${u}-${i}`, i)).toMatchObject({
          kind: "created",
          revision: { number: i + 1 },
        });
    });
    await Promise.all(chains);
    for (let u = 0; u < units.length; u++)
      expect(await committedRevisions(u, "2024")).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const batches = store.writeStats.batches - before.batches;
    const writes = store.writeStats.units - before.units;
    if (name === "sqlite") {
      expect(writes).toBe(200);
      expect(batches).toBeLessThan(writes / 2); // four clients at a time: commits are shared
    } else {
      expect(batches).toBe(0); // PostgreSQL: one transaction per write, no batching here
    }
  });

  it("a write that fails rolls back alone; its batch-mates commit", async () => {
    const [a, bad, b] = await Promise.allSettled([
      push(0, "2025", "gc-iso-a", 0),
      // The same opId for another report: refused (inside its savepoint, on SQLite).
      push(1, "2025", "gc-iso-a", 0, {}),
      push(2, "2025", "gc-iso-b", 0),
    ]);
    // The same opId on two reports at once: one wins (on PostgreSQL either may), the other is refused.
    const kinds = [a, bad].map((r) => (r.status === "fulfilled" ? r.value.kind : "rejected"));
    expect([...kinds].sort()).toEqual(["created", "op-reused"]);
    const winner = kinds[0] === "created" ? 0 : 1;
    expect(await committedRevisions(winner, "2025")).toEqual([1]);
    expect(await committedRevisions(1 - winner, "2025")).toEqual([]);
    expect(b).toMatchObject({ status: "fulfilled", value: { kind: "created" } });
    expect(await committedRevisions(2, "2025")).toEqual([1]);
    // A write that throws (a constraint the database enforces) takes only itself down.
    const writes = writeQueueOf(store);
    const [ok1, boom, ok2] = await Promise.allSettled([
      push(3, "2025", "gc-iso-c", 0),
      writes.run((trx) =>
        trx
          .insertInto("users")
          .values({
            id: author.userId,
            name: "dup",
            role: "clerk",
            scope_org_id: units[0],
            created_at: "x",
            disabled_at: null,
          })
          .execute(),
      ),
      push(3, "2025-Q1", "gc-iso-d", 0),
    ]);
    expect(ok1).toMatchObject({ status: "fulfilled", value: { kind: "created", revision: { number: 1 } } });
    expect(boom.status).toBe("rejected");
    expect(ok2).toMatchObject({ status: "fulfilled", value: { kind: "created", revision: { number: 1 } } });
    expect(await committedRevisions(3, "2025")).toEqual([1]);
    expect(await committedRevisions(3, "2025-Q1")).toEqual([1]);
  });

  if (name === "sqlite") {
    it("when the commit itself fails, no write of the batch is answered with success and none is stored", async () => {
      const writes = writeQueueOf(store);
      // A deferred foreign-key violation passes every statement and fails only at COMMIT.
      const spoiler = writes.run(async (trx) => {
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await trx
          .insertInto("review_events")
          .values({
            report_id: "no-such-report",
            revision: 1,
            kind: "submitted",
            author_id: "x",
            author_name: "x",
            created_at: "x",
            comments_json: "{}",
          })
          .execute();
      });
      const results = await Promise.allSettled([
        push(0, "2026", "gc-fail-1", 0),
        spoiler,
        push(1, "2026", "gc-fail-2", 0),
      ]);
      expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
      expect(await committedRevisions(0, "2026")).toEqual([]);
      expect(await committedRevisions(1, "2026")).toEqual([]);
      // The store goes on: the same pushes succeed on retry.
      expect(await push(0, "2026", "gc-fail-1", 0)).toMatchObject({
        kind: "created",
        revision: { number: 1 },
      });
      expect(await committedRevisions(0, "2026")).toEqual([1]);
    });
  }
});
