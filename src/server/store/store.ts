/**
 * The data store: org units, users and tokens, criteria sets, reports with append-only revisions,
 * review events and the audit log, over Kysely (SQLite or PostgreSQL).
 *
 * Invariants:
 * - Revisions are only ever inserted. A report's revisions are numbered 1, 2, 3 … with no gap or
 *   repeat: a push locks its report row (PostgreSQL `FOR UPDATE`; SQLite serialises transactions),
 *   checks that its base is the head, inserts head+1 and moves the head in the same transaction.
 * - An operation id is stored with the revision it made, in the same transaction, so a retried push
 *   returns the first result and is never applied twice.
 * - A push is acknowledged only after its transaction committed durably (see openDatabase). Writes
 *   go through `GroupCommit`: on SQLite several pushes share one transaction and one fsync, each in
 *   its own savepoint, and none is answered before that commit returned.
 * - Plain reads use `reads` (SQLite's read-only connection), which sees only committed data.
 * - Criteria-set rows are immutable: a changed definition is a new row, and a report keeps the row
 *   it was created with.
 * - A push whose values equal the head's (same content hash) is answered with the head: no revision,
 *   no "submitted" event, no audit row; its opId is kept in `unchanged_pushes` so a retry replays.
 * - A refused push leaves nothing behind: the report row a first push created is rolled back with it.
 * - A review names the revision it judged; it is applied only while that revision is the head.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import { type Kysely, type Transaction, sql } from "kysely";
import { canonicalJson } from "../../domain/sync/canonicalJson";
import { diffIndicatorValues } from "../../domain/sync/mergeIndicatorValues";
import type {
  EvaluationSummary,
  IndicatorChange,
  IndicatorValues,
  Revision,
  ReviewAction,
  ReviewEvent,
  ReviewState,
  Role,
} from "../../domain/sync/protocol";
import { GroupCommit, type GroupCommitStats } from "./groupCommit";
import { type OpenOptions, type OpenedDatabase, openDatabase } from "./openDatabase";
import { OrgTree, type OrgUnitRow } from "./orgTree";
import type { Database, ReportTable, RevisionTable } from "./schema";

export interface Principal {
  userId: string;
  name: string;
  role: Role;
  scopeId: string;
}

export interface UserListing {
  id: string;
  name: string;
  role: Role;
  scopeCode: string;
  scopeName: string;
  createdAt: string;
  disabled: boolean;
  activeTokens: number;
}

export interface StoredCriteriaSet {
  id: string;
  hash: string;
  version: string;
  name: string;
  definition: unknown;
}

export type PushOutcome =
  | { kind: "created"; revision: Revision }
  | { kind: "replayed"; revision: Revision }
  /** The values equal the head's: nothing was stored, the head is the answer. */
  | { kind: "unchanged"; revision: Revision }
  | { kind: "conflict"; head: Revision; changes: IndicatorChange[] }
  | { kind: "locked"; head: Revision | null }
  /** The base is newer than the head: a revision this server never had (a client out of step). */
  | { kind: "unknown-base"; head: number }
  | { kind: "op-reused" };

export interface PushInput {
  unitId: string;
  setId: string;
  setHash: string;
  period: string;
  opId: string;
  baseRevision: number;
  values: IndicatorValues;
  evaluation: EvaluationSummary;
  workbookHash: string | null;
  author: Principal;
}

export type ReviewOutcome =
  | { kind: "ok"; state: ReviewState; event: ReviewEvent }
  | { kind: "locked" }
  | { kind: "no-revision" }
  | { kind: "not-approved" }
  /** The head moved past the judged revision: what differs between the two. */
  | { kind: "stale"; head: number; judged: number; changes: IndicatorChange[] }
  /** The judged revision was never stored (newer than the head). */
  | { kind: "unknown-revision"; head: number; judged: number };

/** Thrown inside a push's transaction to roll back the report row it created for a refused push. */
class RefusedPush extends Error {
  constructor(readonly outcome: PushOutcome) {
    super(outcome.kind);
  }
}

export type ReportRow = ReportTable;

export interface StoredHead {
  number: number;
  values: IndicatorValues;
  evaluation: EvaluationSummary;
}

export interface AuditEntry {
  userId?: string | null;
  address?: string | null;
  action: string;
  status: number;
  target?: string | null;
  detail?: string | null;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function contentHashOf(values: IndicatorValues): string {
  return createHash("sha256").update(canonicalJson(values)).digest("hex");
}

/** How long an org-tree snapshot is trusted before it is reloaded (another process may import). */
const ORG_TREE_TTL_MS = 2000;

export class Store {
  private orgTree?: { tree: OrgTree; loadedAt: number };
  private readonly setCache = new Map<string, StoredCriteriaSet>();
  /** report key → the criteria set it was created with (never changes once the report exists). */
  private readonly reportSets = new Map<string, { setId: string; setHash: string }>();
  private readonly writes: GroupCommit;

  private constructor(
    readonly opened: OpenedDatabase,
    private readonly clock: () => Date,
  ) {
    this.writes = new GroupCommit(opened.db, opened.engine === "sqlite");
  }

  static async open(opts: OpenOptions & { clock?: () => Date }): Promise<Store> {
    return new Store(await openDatabase(opts), opts.clock ?? (() => new Date()));
  }

  get db(): Kysely<Database> {
    return this.opened.db;
  }

  /** For reads outside a transaction (committed data only). */
  get reads(): Kysely<Database> {
    return this.opened.reader;
  }

  /** How the writes were grouped into commits (benchmarks report it). */
  get writeStats(): GroupCommitStats {
    return this.writes.stats;
  }

  get engine() {
    return this.opened.engine;
  }

  now(): string {
    return this.clock().toISOString();
  }

  async close(): Promise<void> {
    await this.writes.drain();
    if (this.opened.reader !== this.opened.db) await this.opened.reader.destroy();
    await this.opened.db.destroy();
  }

  // ── org units ────────────────────────────────────────────────────────────────────────────────

  async tree(): Promise<OrgTree> {
    const now = Date.now();
    if (!this.orgTree || now - this.orgTree.loadedAt > ORG_TREE_TTL_MS) {
      const rows = await this.reads.selectFrom("org_units").selectAll().execute();
      this.orgTree = { tree: new OrgTree(rows), loadedAt: now };
    }
    return this.orgTree.tree;
  }

  /** Insert or update units (parents before children); returns how many rows were written. */
  async upsertOrgUnits(units: OrgUnitRow[]): Promise<number> {
    const ordered = orderParentsFirst(units);
    await this.writes.run(async (trx) => {
      for (const u of ordered) {
        await trx
          .insertInto("org_units")
          .values(u)
          .onConflict((oc) =>
            oc.column("id").doUpdateSet({
              code: u.code,
              name: u.name,
              level: u.level,
              parent_id: u.parent_id,
              valid_from: u.valid_from,
              valid_to: u.valid_to,
              successor_id: u.successor_id,
              note: u.note,
            }),
          )
          .execute();
      }
    });
    this.orgTree = undefined;
    return ordered.length;
  }

  // ── users and tokens ────────────────────────────────────────────────────────────────────────

  async createUser(input: {
    name: string;
    role: Role;
    scopeId: string;
    tokenDays?: number;
  }): Promise<{ userId: string; token: string }> {
    const userId = randomUUID();
    const now = this.now();
    const token = await this.writes.run(async (trx) => {
      await trx
        .insertInto("users")
        .values({
          id: userId,
          name: input.name,
          role: input.role,
          scope_org_id: input.scopeId,
          created_at: now,
          disabled_at: null,
        })
        .execute();
      await this.audit(
        {
          userId: null,
          action: "user.add",
          status: 201,
          target: input.name,
          detail: `${input.role} ${input.scopeId}`,
        },
        trx,
      );
      return this.insertToken(trx, userId, input.tokenDays ?? 365);
    });
    return { userId, token };
  }

  /**
   * A further token for an existing user (`ntm admin user token`): the user's other tokens stay
   * valid until revoked, so a clerk's second machine or a lost token never locks anyone out.
   */
  async issueToken(userId: string, days: number): Promise<{ token: string; expiresAt: string }> {
    return this.writes.run(async (trx) => {
      const token = await this.insertToken(trx, userId, days);
      const row = await trx
        .selectFrom("tokens")
        .select("expires_at")
        .where("token_hash", "=", hashToken(token))
        .executeTakeFirstOrThrow();
      await this.audit({ userId: null, action: "user.token", status: 201, target: userId }, trx);
      return { token, expiresAt: row.expires_at };
    });
  }

  private async insertToken(trx: Kysely<Database>, userId: string, days: number): Promise<string> {
    const token = "ntm_" + randomBytes(32).toString("base64url");
    const created = this.clock();
    const expires = new Date(created.getTime() + days * 86400000);
    await trx
      .insertInto("tokens")
      .values({
        id: randomUUID(),
        user_id: userId,
        token_hash: hashToken(token),
        created_at: created.toISOString(),
        expires_at: expires.toISOString(),
        revoked_at: null,
      })
      .execute();
    return token;
  }

  /** The principal a bearer token stands for, or undefined when unknown, revoked or expired. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const row = await this.reads
      .selectFrom("tokens")
      .innerJoin("users", "users.id", "tokens.user_id")
      .select([
        "users.id as userId",
        "users.name",
        "users.role",
        "users.scope_org_id",
        "users.disabled_at",
        "tokens.expires_at",
        "tokens.revoked_at",
      ])
      .where("tokens.token_hash", "=", hashToken(token))
      .executeTakeFirst();
    if (!row || row.revoked_at || row.disabled_at || row.expires_at <= this.now()) return undefined;
    return { userId: row.userId, name: row.name, role: row.role, scopeId: row.scope_org_id };
  }

  async findUserByName(name: string) {
    return this.reads.selectFrom("users").selectAll().where("name", "=", name).executeTakeFirst();
  }

  async listUsers(): Promise<UserListing[]> {
    const tree = await this.tree();
    const now = this.now();
    const users = await this.reads.selectFrom("users").selectAll().orderBy("name").execute();
    const tokens = await this.reads
      .selectFrom("tokens")
      .select(["user_id", "expires_at", "revoked_at"])
      .execute();
    return users.map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      scopeCode: tree.get(u.scope_org_id)?.code ?? u.scope_org_id,
      scopeName: tree.get(u.scope_org_id)?.name ?? "",
      createdAt: u.created_at,
      disabled: Boolean(u.disabled_at),
      activeTokens: tokens.filter((t) => t.user_id === u.id && !t.revoked_at && t.expires_at > now).length,
    }));
  }

  /** Revoke every token of a user and disable the user; false when no such user. */
  async revokeUser(name: string): Promise<boolean> {
    const user = await this.findUserByName(name);
    if (!user) return false;
    const now = this.now();
    await this.writes.run(async (trx) => {
      await trx
        .updateTable("tokens")
        .set({ revoked_at: now })
        .where("user_id", "=", user.id)
        .where("revoked_at", "is", null)
        .execute();
      await trx.updateTable("users").set({ disabled_at: now }).where("id", "=", user.id).execute();
      await this.audit({ action: "user.revoke", status: 200, target: name }, trx);
    });
    return true;
  }

  // ── criteria sets ───────────────────────────────────────────────────────────────────────────

  /** Store a set definition unless this exact content is already stored; returns its hash. */
  async saveCriteriaSet(input: {
    id: string;
    version: string;
    name: string;
    definition: unknown;
  }): Promise<string> {
    const text = canonicalJson(input.definition);
    const hash = createHash("sha256").update(text).digest("hex");
    const now = this.now();
    await this.writes.run((trx) =>
      trx
        .insertInto("criteria_sets")
        .values({
          id: input.id,
          content_hash: hash,
          version: input.version,
          name: input.name,
          definition: text,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(["id", "content_hash"]).doNothing())
        .execute(),
    );
    return hash;
  }

  async getCriteriaSet(id: string, hash: string): Promise<StoredCriteriaSet | undefined> {
    const key = `${id}@${hash}`;
    const cached = this.setCache.get(key);
    if (cached) return cached;
    const row = await this.reads
      .selectFrom("criteria_sets")
      .selectAll()
      .where("id", "=", id)
      .where("content_hash", "=", hash)
      .executeTakeFirst();
    if (!row) return undefined;
    const set = {
      id: row.id,
      hash: row.content_hash,
      version: row.version,
      name: row.name,
      definition: JSON.parse(row.definition),
    };
    this.setCache.set(key, set);
    return set;
  }

  /** The newest stored definition of each set id. */
  async listCriteriaSets(): Promise<StoredCriteriaSet[]> {
    const rows = await this.reads
      .selectFrom("criteria_sets")
      .select(["id", "content_hash", "created_at"])
      .orderBy("created_at")
      .execute();
    const newest = new Map<string, string>();
    for (const r of rows) newest.set(r.id, r.content_hash);
    const out: StoredCriteriaSet[] = [];
    for (const [id, hash] of [...newest.entries()].sort()) {
      const s = await this.getCriteriaSet(id, hash);
      if (s) out.push(s);
    }
    return out;
  }

  async latestCriteriaSet(id: string): Promise<StoredCriteriaSet | undefined> {
    return (await this.listCriteriaSets()).find((s) => s.id === id);
  }

  // ── reports and revisions ───────────────────────────────────────────────────────────────────

  async findReport(unitId: string, setId: string, period: string): Promise<ReportRow | undefined> {
    return this.reads
      .selectFrom("reports")
      .selectAll()
      .where("org_unit_id", "=", unitId)
      .where("set_id", "=", setId)
      .where("period", "=", period)
      .executeTakeFirst();
  }

  /**
   * The criteria set (id, hash) a report was created with, or undefined when there is no report
   * yet. Remembered once seen: the set of a report never changes, so a push needs no read for it.
   */
  async reportSetOf(
    unitId: string,
    setId: string,
    period: string,
  ): Promise<{ setId: string; setHash: string } | undefined> {
    const key = `${unitId}\u0000${setId}\u0000${period}`;
    const known = this.reportSets.get(key);
    if (known) return known;
    const report = await this.findReport(unitId, setId, period);
    if (!report) return undefined;
    if (this.reportSets.size >= 100_000) this.reportSets.clear(); // bounded memory
    const found = { setId: report.set_id, setHash: report.set_hash };
    this.reportSets.set(key, found);
    return found;
  }

  async reportsFor(unitIds: string[], setId: string, period: string): Promise<ReportRow[]> {
    if (unitIds.length === 0) return [];
    const out: ReportRow[] = [];
    // Chunked: SQLite limits bound parameters per statement.
    for (let i = 0; i < unitIds.length; i += 500) {
      const chunk = unitIds.slice(i, i + 500);
      out.push(
        ...(await this.reads
          .selectFrom("reports")
          .selectAll()
          .where("org_unit_id", "in", chunk)
          .where("set_id", "=", setId)
          .where("period", "=", period)
          .execute()),
      );
    }
    return out;
  }

  async revision(reportId: string, number: number): Promise<Revision | undefined> {
    const row = await this.reads
      .selectFrom("revisions")
      .selectAll()
      .where("report_id", "=", reportId)
      .where("number", "=", number)
      .executeTakeFirst();
    return row && toRevision(row);
  }

  /**
   * The stored evaluation of each report's head revision, by report id: one query per 500
   * reports (a consolidation reads hundreds), and only the column it needs.
   */
  /** The head revision of each report (number, stored values, stored evaluation): one query per 500 reports. */
  async headEvaluations(reports: ReportRow[]): Promise<Map<string, StoredHead>> {
    const out = new Map<string, StoredHead>();
    const ids = reports.filter((r) => r.head_revision > 0).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.reads
        .selectFrom("revisions")
        .innerJoin("reports", (j) =>
          j
            .onRef("reports.id", "=", "revisions.report_id")
            .onRef("reports.head_revision", "=", "revisions.number"),
        )
        .select([
          "revisions.report_id",
          "revisions.number",
          "revisions.values_json",
          "revisions.evaluation_json",
        ])
        .where("reports.id", "in", ids.slice(i, i + 500))
        .execute();
      for (const r of rows)
        out.set(r.report_id, {
          number: Number(r.number),
          values: JSON.parse(r.values_json),
          evaluation: JSON.parse(r.evaluation_json),
        });
    }
    return out;
  }

  /**
   * The reports of the given units, optionally of one set, period and review states, sorted by
   * unit, set and period (the caller maps units to codes).
   */
  async listReports(
    unitIds: string[],
    filter: { setId?: string; period?: string; states?: ReportRow["review_state"][] } = {},
  ): Promise<ReportRow[]> {
    const out: ReportRow[] = [];
    // Chunked: SQLite limits bound parameters per statement.
    for (let i = 0; i < unitIds.length; i += 500) {
      let q = this.reads
        .selectFrom("reports")
        .selectAll()
        .where("org_unit_id", "in", unitIds.slice(i, i + 500));
      if (filter.setId) q = q.where("set_id", "=", filter.setId);
      if (filter.period) q = q.where("period", "=", filter.period);
      if (filter.states?.length) q = q.where("review_state", "in", filter.states);
      out.push(...(await q.execute()));
    }
    return out;
  }

  async revisionsSince(reportId: string, since: number): Promise<Revision[]> {
    const rows = await this.reads
      .selectFrom("revisions")
      .selectAll()
      .where("report_id", "=", reportId)
      .where("number", ">", since)
      .orderBy("number")
      .execute();
    return rows.map(toRevision);
  }

  async reviewEvents(reportId: string): Promise<ReviewEvent[]> {
    const rows = await this.reads
      .selectFrom("review_events")
      .selectAll()
      .where("report_id", "=", reportId)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      kind: r.kind,
      revision: r.revision,
      author: r.author_name,
      createdAt: r.created_at,
      comments: JSON.parse(r.comments_json),
    }));
  }

  async pushRevision(input: PushInput): Promise<PushOutcome> {
    try {
      return await this.pushOnce(input);
    } catch (error) {
      if (error instanceof RefusedPush) return error.outcome;
      // PostgreSQL: the same opId pushed at the same moment to another report passed the opId check
      // in both transactions and lost on the unique index. Once more, the check sees the winner.
      if (isUniqueViolation(error)) return this.pushOnce(input).catch(refusedOutcome);
      throw error;
    }
  }

  private async pushOnce(input: PushInput): Promise<PushOutcome> {
    // Built before the transaction: serialising and hashing need no lock.
    const valuesJson = canonicalJson(input.values);
    const evaluationJson = canonicalJson(input.evaluation);
    const contentHash = createHash("sha256").update(valuesJson).digest("hex");
    return this.writes.run(async (trx) => {
      const { report, created } = await this.lockReport(trx, input);
      // A refusal of a first push must not leave an empty report row behind: throwing rolls the
      // transaction (SQLite: this push's savepoint) back, and pushRevision returns the outcome.
      const refuse = (outcome: PushOutcome): PushOutcome => {
        if (created) throw new RefusedPush(outcome);
        return outcome;
      };
      const prior = await trx
        .selectFrom("revisions")
        .selectAll()
        .where("op_id", "=", input.opId)
        .executeTakeFirst();
      if (prior)
        return prior.report_id === report.id
          ? { kind: "replayed" as const, revision: toRevision(prior) }
          : refuse({ kind: "op-reused" as const });
      const priorUnchanged = await trx
        .selectFrom("unchanged_pushes")
        .select(["report_id", "revision"])
        .where("op_id", "=", input.opId)
        .executeTakeFirst();
      if (priorUnchanged) {
        if (priorUnchanged.report_id !== report.id) return refuse({ kind: "op-reused" as const });
        const answered = await trx
          .selectFrom("revisions")
          .selectAll()
          .where("report_id", "=", report.id)
          .where("number", "=", priorUnchanged.revision)
          .executeTakeFirstOrThrow();
        return { kind: "unchanged" as const, revision: toRevision(answered) };
      }
      // The head row is read only when the answer needs it (a lock or a conflict), not on every push.
      const readHead = async () => {
        const headRow =
          report.head_revision > 0
            ? await trx
                .selectFrom("revisions")
                .selectAll()
                .where("report_id", "=", report.id)
                .where("number", "=", report.head_revision)
                .executeTakeFirst()
            : undefined;
        return headRow ? toRevision(headRow) : null;
      };
      if (input.baseRevision > report.head_revision)
        return refuse({ kind: "unknown-base" as const, head: report.head_revision });
      if (report.head_revision > 0) {
        // Identical content is not a new revision, whatever the base and even on a locked report:
        // there is nothing to merge, lock or review.
        const headHash = await trx
          .selectFrom("revisions")
          .select("content_hash")
          .where("report_id", "=", report.id)
          .where("number", "=", report.head_revision)
          .executeTakeFirst();
        if (headHash?.content_hash === contentHash) {
          await trx
            .insertInto("unchanged_pushes")
            .values({
              op_id: input.opId,
              report_id: report.id,
              revision: report.head_revision,
              author_id: input.author.userId,
              created_at: this.now(),
            })
            .execute();
          return { kind: "unchanged" as const, revision: (await readHead())! };
        }
      }
      if (report.locked) return { kind: "locked" as const, head: await readHead() };
      if (input.baseRevision !== report.head_revision) {
        const head = await readHead();
        const baseRow =
          input.baseRevision > 0
            ? await trx
                .selectFrom("revisions")
                .select("values_json")
                .where("report_id", "=", report.id)
                .where("number", "=", input.baseRevision)
                .executeTakeFirst()
            : undefined;
        const baseValues: IndicatorValues = baseRow ? JSON.parse(baseRow.values_json) : {};
        return {
          kind: "conflict" as const,
          head: head!,
          changes: diffIndicatorValues(baseValues, head!.values),
        };
      }
      const now = this.now();
      const row: RevisionTable = {
        report_id: report.id,
        number: report.head_revision + 1,
        base_revision: input.baseRevision,
        op_id: input.opId,
        author_id: input.author.userId,
        author_name: input.author.name,
        created_at: now,
        content_hash: contentHash,
        workbook_hash: input.workbookHash,
        values_json: valuesJson,
        evaluation_json: evaluationJson,
      };
      const event = {
        report_id: report.id,
        revision: row.number,
        kind: "submitted" as const,
        author_id: input.author.userId,
        author_name: input.author.name,
        created_at: now,
        comments_json: "{}",
      };
      const audit = this.auditRow({
        userId: input.author.userId,
        action: "revision.push",
        status: 201,
        target: `${report.id}#${row.number}`,
        detail: input.opId,
      });
      if (this.engine === "postgres") {
        // One round trip instead of four: data-modifying CTEs all run, in one statement.
        await trx
          .with("rev", (db) => db.insertInto("revisions").values(row))
          .with("rep", (db) =>
            db
              .updateTable("reports")
              .set({ head_revision: row.number, review_state: "submitted", updated_at: now })
              .where("id", "=", report.id),
          )
          .with("evt", (db) => db.insertInto("review_events").values(event))
          .insertInto("audit_log")
          .values(audit)
          .execute();
      } else {
        // SQLite has no writes in CTEs; its statements are in-process calls, not round trips.
        await trx.insertInto("revisions").values(row).execute();
        await trx
          .updateTable("reports")
          .set({ head_revision: row.number, review_state: "submitted", updated_at: now })
          .where("id", "=", report.id)
          .execute();
        await trx.insertInto("review_events").values(event).execute();
        await trx.insertInto("audit_log").values(audit).execute();
      }
      // What was stored, exactly as a replay of this opId will return it.
      return { kind: "created" as const, revision: toRevision(row) };
    });
  }

  /**
   * Hold the report row for the rest of the transaction (PostgreSQL `FOR UPDATE`; SQLite's writer
   * is alone), creating it first when it does not exist yet. An existing report, the usual case,
   * costs one statement.
   */
  private async lockReport(
    trx: Transaction<Database>,
    input: { unitId: string; setId: string; setHash: string; period: string },
  ): Promise<{ report: ReportRow; created: boolean }> {
    const select = () => {
      const q = trx
        .selectFrom("reports")
        .selectAll()
        .where("org_unit_id", "=", input.unitId)
        .where("set_id", "=", input.setId)
        .where("period", "=", input.period);
      return this.engine === "postgres" ? q.forUpdate() : q;
    };
    const existing = await select().executeTakeFirst();
    if (existing) return { report: existing as ReportRow, created: false };
    const now = this.now();
    const id = randomUUID();
    await trx
      .insertInto("reports")
      .values({
        id,
        org_unit_id: input.unitId,
        set_id: input.setId,
        set_hash: input.setHash,
        period: input.period,
        head_revision: 0,
        review_state: "none",
        locked: 0,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(["org_unit_id", "set_id", "period"]).doNothing())
      .execute();
    // Another push may have created it first (PostgreSQL): then this one did not.
    const report = (await select().executeTakeFirstOrThrow()) as ReportRow;
    return { report, created: report.id === id };
  }

  /**
   * Approve, return or reopen `revision`, the one the reviewer judged. Applied only while it is the
   * head: a push that landed since answers "stale" with what differs, so nothing is approved unseen.
   */
  async review(
    reportId: string,
    action: ReviewAction,
    revision: number,
    comments: Record<string, string>,
    author: Principal,
  ): Promise<ReviewOutcome> {
    return this.writes.run(async (trx) => {
      let q = trx.selectFrom("reports").selectAll().where("id", "=", reportId);
      if (this.engine === "postgres") q = q.forUpdate();
      const report = await q.executeTakeFirstOrThrow();
      if (report.head_revision === 0) return { kind: "no-revision" as const };
      if (revision > report.head_revision)
        return { kind: "unknown-revision" as const, head: report.head_revision, judged: revision };
      if (revision !== report.head_revision) {
        const rows = await trx
          .selectFrom("revisions")
          .select(["number", "values_json"])
          .where("report_id", "=", reportId)
          .where("number", "in", [revision, report.head_revision])
          .execute();
        const valuesOf = (n: number): IndicatorValues =>
          JSON.parse(rows.find((r) => Number(r.number) === n)?.values_json ?? "{}");
        return {
          kind: "stale" as const,
          head: report.head_revision,
          judged: revision,
          changes: diffIndicatorValues(valuesOf(revision), valuesOf(report.head_revision)),
        };
      }
      if (action !== "reopen" && report.locked) return { kind: "locked" as const };
      if (action === "reopen" && !report.locked) return { kind: "not-approved" as const };
      const kind = action === "approve" ? "approved" : action === "return" ? "returned" : "reopened";
      const now = this.now();
      const event = {
        report_id: reportId,
        revision: report.head_revision,
        kind,
        author_id: author.userId,
        author_name: author.name,
        created_at: now,
        comments_json: canonicalJson(comments),
      } as const;
      await trx.insertInto("review_events").values(event).execute();
      await trx
        .updateTable("reports")
        .set({ review_state: kind, locked: kind === "approved" ? 1 : 0, updated_at: now })
        .where("id", "=", reportId)
        .execute();
      await this.audit(
        {
          userId: author.userId,
          action: `review.${action}`,
          status: 200,
          target: `${reportId}#${report.head_revision}`,
        },
        trx,
      );
      return {
        kind: "ok" as const,
        state: kind,
        event: { kind, revision: report.head_revision, author: author.name, createdAt: now, comments },
      };
    });
  }

  // ── audit and backup ────────────────────────────────────────────────────────────────────────

  /** Record an entry: inside `trx` when given, otherwise as its own (group-committed) write. */
  async audit(entry: AuditEntry, trx?: Kysely<Database>): Promise<void> {
    const row = this.auditRow(entry);
    if (trx) await trx.insertInto("audit_log").values(row).execute();
    else await this.writes.run((w) => w.insertInto("audit_log").values(row).execute());
  }

  private auditRow(entry: AuditEntry) {
    return {
      at: this.now(),
      user_id: entry.userId ?? null,
      address: entry.address ?? null,
      action: entry.action,
      status: entry.status,
      target: entry.target ?? null,
      detail: entry.detail ?? null,
    };
  }

  async auditLog(limit = 1000) {
    return this.reads.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit).execute();
  }

  /**
   * A consistent copy while the server runs. SQLite: the online backup API (pages copied under the
   * engine's own locking). PostgreSQL: every table read in one REPEATABLE READ, READ ONLY
   * transaction (one snapshot) and written as JSON lines; `pg_dump` is the tool for a full
   * database backup and restore, this is the application-level copy.
   */
  async backup(file: string): Promise<{ engine: string; tables?: Record<string, number> }> {
    if (this.opened.sqlite) {
      await this.opened.sqlite.backup(file);
      return { engine: "sqlite" };
    }
    const counts: Record<string, number> = {};
    const lines: string[] = [];
    await this.db
      .transaction()
      .setIsolationLevel("repeatable read")
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        for (const table of [
          "org_units",
          "users",
          "tokens",
          "criteria_sets",
          "reports",
          "revisions",
          "review_events",
          "unchanged_pushes",
          "audit_log",
        ] as const) {
          const rows = await trx.selectFrom(table).selectAll().execute();
          counts[table] = rows.length;
          for (const r of rows) lines.push(JSON.stringify({ table, row: r }));
        }
      });
    fs.writeFileSync(file, lines.join("\n") + "\n");
    return { engine: "postgres", tables: counts };
  }
}

function refusedOutcome(error: unknown): PushOutcome {
  if (error instanceof RefusedPush) return error.outcome;
  throw error;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | undefined;
  return (
    e?.code === "23505" ||
    e?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

function toRevision(row: RevisionTable): Revision {
  return {
    ...revisionFields(row),
    values: JSON.parse(row.values_json),
    evaluation: JSON.parse(row.evaluation_json),
  };
}

function revisionFields(row: RevisionTable): Omit<Revision, "values" | "evaluation"> {
  return {
    number: Number(row.number),
    baseRevision: Number(row.base_revision),
    opId: row.op_id,
    author: row.author_name,
    createdAt: row.created_at,
    contentHash: row.content_hash,
    workbookHash: row.workbook_hash,
  };
}

function orderParentsFirst(units: OrgUnitRow[]): OrgUnitRow[] {
  const ids = new Set(units.map((u) => u.id));
  const placed = new Set<string>();
  const out: OrgUnitRow[] = [];
  let pending = units;
  while (pending.length) {
    const next: OrgUnitRow[] = [];
    for (const u of pending) {
      if (!u.parent_id || !ids.has(u.parent_id) || placed.has(u.parent_id)) {
        out.push(u);
        placed.add(u.id);
      } else next.push(u);
    }
    if (next.length === pending.length) throw new Error("org units: a parent cycle / vòng lặp đơn vị cha");
    pending = next;
  }
  return out;
}
