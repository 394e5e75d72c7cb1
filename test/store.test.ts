/** The store on every engine: revisions, retries, stale bases, locks, scope, tokens, backup. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { seedStore } from "../src/server/seed/seedStore";
import type { PushInput, Principal, Store } from "../src/server/store/store";
import { testEngines } from "./storeEngines";

const evaluation = {
  criteriaMet: 0,
  criteriaTotal: 19,
  progress: 0,
  criteria: [],
  indicators: {},
  findings: [],
};

describe.each(testEngines.map((e) => [e.name, e] as const))("store on %s", (_name, engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let now = new Date("2026-01-10T08:00:00Z");
  let author: Principal;
  let unitId: string;
  let setHash: string;

  beforeAll(async () => {
    const opened = await engine.open({ clock: () => now });
    store = opened.store;
    cleanup = opened.cleanup;
    await seedStore(store, { demoUsers: false });
    const tree = await store.tree();
    unitId = tree.resolve("18139")!.id;
    setHash = (await store.latestCriteriaSet("vn-xa-ntm-2021-2025"))!.hash;
    const { userId } = await store.createUser({ name: "clerk-a", role: "clerk", scopeId: unitId });
    author = { userId, name: "clerk-a", role: "clerk", scopeId: unitId };
  });
  afterAll(async () => cleanup());

  const push = (period: string, opId: string, baseRevision: number, values: PushInput["values"]) =>
    store.pushRevision({
      unitId,
      setId: "vn-xa-ntm-2021-2025",
      setHash,
      period,
      opId,
      baseRevision,
      values,
      evaluation,
      workbookHash: null,
      author,
    });

  it("appends revisions, replays a retried opId, and answers a stale base with the changes since it", async () => {
    const r1 = await push("2023", "op-store-1", 0, { "17.1": { value: 80 }, "2.1": { value: true } });
    expect(r1).toMatchObject({ kind: "created", revision: { number: 1, baseRevision: 0 } });
    const again = await push("2023", "op-store-1", 0, { "17.1": { value: 80 }, "2.1": { value: true } });
    expect(again).toEqual({ kind: "replayed", revision: (r1 as { revision: unknown }).revision });
    const r2 = await push("2023", "op-store-2", 1, { "17.1": { value: 90 }, "2.1": { value: true } });
    expect(r2).toMatchObject({ kind: "created", revision: { number: 2 } });
    const stale = await push("2023", "op-store-3", 1, { "17.1": { value: 85 }, "2.1": { value: true } });
    expect(stale.kind).toBe("conflict");
    if (stale.kind === "conflict") {
      expect(stale.head.number).toBe(2);
      expect(stale.changes).toEqual([{ code: "17.1", before: { value: 80 }, after: { value: 90 } }]);
    }
    const report = (await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2023"))!;
    expect((await store.revisionsSince(report.id, 0)).map((r) => r.number)).toEqual([1, 2]);
    expect((await store.revisionsSince(report.id, 1)).map((r) => r.opId)).toEqual(["op-store-2"]);
  });

  it("refuses a base newer than the head (a revision the server never had) without storing anything", async () => {
    expect(await push("2023-Q2", "op-ahead-1", 3, { "17.1": { value: 1 } })).toEqual({
      kind: "unknown-base",
      head: 0,
    });
    expect(await push("2023-Q2", "op-ahead-2", 0, { "17.1": { value: 1 } })).toMatchObject({
      kind: "created",
      revision: { number: 1 },
    });
    expect(await push("2023-Q2", "op-ahead-3", 2, { "17.1": { value: 2 } })).toEqual({
      kind: "unknown-base",
      head: 1,
    });
    const report = (await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2023-Q2"))!;
    expect((await store.revisionsSince(report.id, 0)).map((r) => r.opId)).toEqual(["op-ahead-2"]);
  });

  it("locks an approved report until it is reopened", async () => {
    await push("2023-Q1", "op-lock-1", 0, { "5": { value: true } });
    const report = (await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2023-Q1"))!;
    expect(await store.review(report.id, "approve", { "*": "Tốt" }, author)).toMatchObject({
      kind: "ok",
      state: "approved",
    });
    expect(await push("2023-Q1", "op-lock-2", 1, { "5": { value: false } })).toMatchObject({
      kind: "locked",
    });
    expect(await store.review(report.id, "return", {}, author)).toEqual({ kind: "locked" });
    expect(await store.review(report.id, "reopen", {}, author)).toMatchObject({
      kind: "ok",
      state: "reopened",
    });
    expect(await push("2023-Q1", "op-lock-3", 1, { "5": { value: false } })).toMatchObject({
      kind: "created",
      revision: { number: 2 },
    });
    const kinds = (await store.reviewEvents(report.id)).map((e) => e.kind);
    expect(kinds).toEqual(["submitted", "approved", "reopened", "submitted"]);
  });

  it("20 clients pushing from the same base: exactly one wins per round, numbers have no gaps or repeats", async () => {
    const acked: { opId: string; number: number }[] = [];
    let head = 0;
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          push("2023-W10", `op-conc-${round}-${i}`, head, { "17.1": { value: round * 100 + i } }),
        ),
      );
      const won = results.filter((r) => r.kind === "created");
      expect(won).toHaveLength(1);
      expect(results.filter((r) => r.kind === "conflict")).toHaveLength(19);
      for (const r of won)
        if (r.kind === "created") acked.push({ opId: r.revision.opId, number: r.revision.number });
      head += 1;
    }
    const report = (await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2023-W10"))!;
    const all = await store.revisionsSince(report.id, 0);
    expect(all.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(all.map((r) => ({ opId: r.opId, number: r.number }))).toEqual(acked);
  });

  it("reads a code at the report's date: 18160 is Xã Sơn Lĩnh in 2023 and Xã Sơn Hồng after the 2025 reform", async () => {
    const tree = await store.tree();
    expect(tree.resolve("18160", "2023-01-01")!.name).toBe("Xã Sơn Lĩnh");
    expect(tree.resolve("18160", "2026-01-01")!.name).toBe("Xã Sơn Hồng");
    const newSonHong = tree.resolve("18160", "2026-01-01")!;
    // The 2025 commune's clerk may work on the reports of the communes merged into it.
    expect(tree.isWithin(newSonHong.id, tree.resolve("18139", "2023-01-01")!.id)).toBe(true);
    expect(tree.isWithin(newSonHong.id, tree.resolve("18160", "2023-01-01")!.id)).toBe(true);
    expect(tree.isWithin(newSonHong.id, tree.resolve("18502", "2023-01-01")!.id)).toBe(false);
    // A village lies within its commune and district.
    expect(tree.isWithin(tree.resolve("439")!.id, tree.resolve("18139-T01")!.id)).toBe(true);
  });

  it("refuses revoked and expired tokens", async () => {
    const { token } = await store.createUser({
      name: "short-lived",
      role: "office",
      scopeId: unitId,
      tokenDays: 1,
    });
    expect(await store.authenticate(token)).toMatchObject({ name: "short-lived" });
    now = new Date(now.getTime() + 2 * 86400000);
    expect(await store.authenticate(token)).toBeUndefined();
    const fresh = await store.createUser({ name: "to-revoke", role: "office", scopeId: unitId });
    expect(await store.authenticate(fresh.token)).toBeDefined();
    await store.revokeUser("to-revoke");
    expect(await store.authenticate(fresh.token)).toBeUndefined();
    // Only hashes are stored.
    const rows = await store.db.selectFrom("tokens").select("token_hash").execute();
    expect(rows.some((r) => r.token_hash === fresh.token)).toBe(false);
  });

  it("makes a consistent backup while in use", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-backup-"));
    const file = path.join(dir, store.engine === "sqlite" ? "copy.sqlite" : "copy.jsonl");
    await store.backup(file);
    if (store.engine === "sqlite") {
      const copy = new BetterSqlite3(file, { readonly: true });
      expect(
        (copy.prepare("select count(*) as n from revisions").get() as { n: number }).n,
      ).toBeGreaterThanOrEqual(9);
      copy.close();
    } else {
      const lines = fs
        .readFileSync(file, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.filter((l) => l.table === "revisions").length).toBeGreaterThanOrEqual(9);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("logs writes in the audit log", async () => {
    const actions = (await store.auditLog()).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["revision.push", "review.approve", "review.reopen", "user.add", "user.revoke"]),
    );
  });
});
