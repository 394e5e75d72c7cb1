/** The store on every engine: revisions, retries, stale bases, locks, scope, tokens, backup. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { seedStore } from "../src/server/seed/seedStore";
import { type PushInput, type Principal, Store } from "../src/server/store/store";
import { pushWithoutEvaluation } from "./revisionFixtures";
import { testEngines } from "./storeEngines";

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
    pushWithoutEvaluation(
      store,
      { unitId, setId: "vn-xa-ntm-2021-2025", setHash, author },
      { period, opId, baseRevision, values },
    );

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

  it("leaves no empty report behind when it refuses a first push", async () => {
    expect(await push("2022-Q1", "op-empty-1", 2, { "17.1": { value: 1 } })).toMatchObject({
      kind: "unknown-base",
    });
    // An opId already used for another report: refused, and the new report is not created either.
    expect(await push("2022-Q2", "op-ahead-2", 0, { "17.1": { value: 1 } })).toEqual({ kind: "op-reused" });
    expect(await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2022-Q1")).toBeUndefined();
    expect(await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2022-Q2")).toBeUndefined();
    const list = await store.listReports([unitId], { setId: "vn-xa-ntm-2021-2025" });
    expect(list.filter((r) => r.head_revision === 0)).toEqual([]);
    // The same key pushed properly afterwards is an ordinary first revision.
    expect(await push("2022-Q1", "op-empty-2", 0, { "17.1": { value: 1 } })).toMatchObject({
      kind: "created",
      revision: { number: 1 },
    });
  });

  it("answers identical content with the head: no revision, no event, no audit row; the opId still replays", async () => {
    const values = { "17.1": { value: 70, sheet: "Tự đánh giá", cell: "E40" }, "5": { value: true } };
    const first = await push("2022-Q3", "op-same-1", 0, values);
    expect(first).toMatchObject({ kind: "created", revision: { number: 1 } });
    const report = (await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2022-Q3"))!;
    const auditBefore = (await store.auditLog(100_000)).length;
    // Same content from the head, and from an older base (nothing to merge: not a conflict).
    const same = await push("2022-Q3", "op-same-2", 1, { "5": { value: true }, "17.1": values["17.1"] });
    expect(same).toEqual({ kind: "unchanged", revision: (first as { revision: unknown }).revision });
    const changed = await push("2022-Q3", "op-same-3", 1, { ...values, "5": { value: false } });
    expect(changed).toMatchObject({ kind: "created", revision: { number: 2 } });
    const sameAsHead = await push("2022-Q3", "op-same-4", 1, { ...values, "5": { value: false } });
    expect(sameAsHead).toMatchObject({ kind: "unchanged", revision: { number: 2 } });
    // A retry of op-same-2 after the head moved replays its first answer (revision 1), not a conflict.
    expect(await push("2022-Q3", "op-same-2", 1, values)).toMatchObject({
      kind: "unchanged",
      revision: { number: 1 },
    });
    // …and is not taken for another report.
    expect(await push("2022-Q4", "op-same-2", 0, values)).toEqual({ kind: "op-reused" });
    expect((await store.revisionsSince(report.id, 0)).map((r) => r.number)).toEqual([1, 2]);
    expect((await store.reviewEvents(report.id)).map((e) => [e.kind, e.revision])).toEqual([
      ["submitted", 1],
      ["submitted", 2],
    ]);
    // One audit row: the push that made revision 2.
    expect((await store.auditLog(100_000)).length).toBe(auditBefore + 1);
  });

  it("applies a review only to the head it judged: a moved head answers what changed", async () => {
    await push("2022-11", "op-rev-1", 0, { "17.1": { value: 80 }, "5": { value: true } });
    const report = (await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2022-11"))!;
    // The commune pushes while the reviewer reads revision 1.
    await push("2022-11", "op-rev-2", 1, { "17.1": { value: 60 }, "5": { value: true } });
    expect(await store.review(report.id, "approve", 1, {}, author)).toEqual({
      kind: "stale",
      head: 2,
      judged: 1,
      changes: [{ code: "17.1", before: { value: 80 }, after: { value: 60 } }],
    });
    expect(await store.review(report.id, "return", 1, {}, author)).toMatchObject({ kind: "stale" });
    expect(await store.review(report.id, "approve", 3, {}, author)).toEqual({
      kind: "unknown-revision",
      head: 2,
      judged: 3,
    });
    // Nothing was approved or locked by the refusals.
    expect(await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2022-11")).toMatchObject({
      review_state: "submitted",
      locked: 0,
    });
    expect(await store.review(report.id, "approve", 2, {}, author)).toMatchObject({
      kind: "ok",
      state: "approved",
      event: { revision: 2 },
    });
    expect((await store.reviewEvents(report.id)).map((e) => e.kind)).toEqual([
      "submitted",
      "submitted",
      "approved",
    ]);
  });

  it("locks an approved report until it is reopened", async () => {
    await push("2023-Q1", "op-lock-1", 0, { "5": { value: true } });
    const report = (await store.findReport(unitId, "vn-xa-ntm-2021-2025", "2023-Q1"))!;
    expect(await store.review(report.id, "approve", 1, { "*": "Tốt" }, author)).toMatchObject({
      kind: "ok",
      state: "approved",
    });
    expect(await push("2023-Q1", "op-lock-2", 1, { "5": { value: false } })).toMatchObject({
      kind: "locked",
    });
    expect(await store.review(report.id, "return", 1, {}, author)).toEqual({ kind: "locked" });
    expect(await store.review(report.id, "reopen", 1, {}, author)).toMatchObject({
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

describe("migration 0002 on a store made before it", () => {
  it("removes the empty report rows refused first pushes left, and keeps every report with a revision", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-migrate-"));
    const location = path.join(dir, "ntm.sqlite");
    let store = await Store.open({ location });
    await seedStore(store, { demoUsers: false });
    const unit = (await store.tree()).resolve("18139")!;
    const setHash = (await store.latestCriteriaSet("vn-xa-ntm-2021-2025"))!.hash;
    const { userId } = await store.createUser({ name: "c", role: "clerk", scopeId: unit.id });
    const author = { userId, name: "c", role: "clerk" as const, scopeId: unit.id };
    const pushed = await pushWithoutEvaluation(
      store,
      { unitId: unit.id, setId: "vn-xa-ntm-2021-2025", setHash, author },
      { period: "2023", opId: "op-migrate-1", baseRevision: 0, values: { "5": { value: true } } },
    );
    expect(pushed.kind).toBe("created");
    await store.close();
    // Back to the schema before 0002, with the row an old server left after a refused first push.
    const raw = new BetterSqlite3(location);
    // (A store that old has no later migration either: 0003's tables and 0004's columns go too.)
    raw.exec(
      "drop table unchanged_pushes; delete from kysely_migration where name = '0002_unchanged_pushes'; " +
        "drop table period_targets; drop table reporting_calendars; " +
        "delete from kysely_migration where name = '0003_rhythm_targets_calendars'; " +
        // … nor 0004's installed versions.
        "drop trigger criteria_sets_no_update; drop trigger criteria_sets_no_delete; " +
        "drop table criteria_reevaluations; alter table criteria_sets drop column install_seq; " +
        "alter table criteria_sets drop column in_force_from; alter table criteria_sets drop column installed_by; " +
        "delete from kysely_migration where name = '0004_installed_criteria_sets'",
    );
    raw
      .prepare(
        "insert into reports values ('empty-1', ?, 'vn-xa-ntm-2021-2025', ?, '2024', 0, 'none', 0, 'x', 'x')",
      )
      .run(unit.id, setHash);
    raw.close();
    store = await Store.open({ location });
    expect(await store.findReport(unit.id, "vn-xa-ntm-2021-2025", "2024")).toBeUndefined();
    expect(await store.findReport(unit.id, "vn-xa-ntm-2021-2025", "2023")).toMatchObject({
      head_revision: 1,
    });
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
