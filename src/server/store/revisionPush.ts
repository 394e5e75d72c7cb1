/**
 * A push: one new revision of a report, or the answer that explains why not.
 *
 * Invariants:
 * - Revisions are only ever inserted. A report's revisions are numbered 1, 2, 3 … with no gap or
 *   repeat: a push locks its report row (PostgreSQL `FOR UPDATE`; SQLite serialises transactions),
 *   checks that its base is the head, inserts head+1 and moves the head in the same transaction.
 * - An operation id is stored with the revision it made, in the same transaction, so a retried push
 *   returns the first result and is never applied twice.
 * - A push is acknowledged only after its transaction committed durably (group commit: see
 *   groupCommit.ts); none is answered before that commit returned.
 * - A push whose values equal the head's (same content hash) is answered with the head: no revision,
 *   no "submitted" event, no audit row; its opId is kept in `unchanged_pushes` so a retry replays.
 * - A refused push leaves nothing behind: the report row a first push created is rolled back with it.
 * - The report row keeps the hash of the set version that judged its head (issue 13: a newer
 *   version in force for the period judges the next push).
 */
import { createHash, randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { canonicalJson } from "../../domain/sync/canonicalJson";
import { diffIndicatorValues } from "../../domain/sync/mergeIndicatorValues";
import type {
  EvaluationSummary,
  IndicatorChange,
  IndicatorValues,
  Revision,
} from "../../domain/sync/protocol";
import type { AuditTrail } from "./auditTrail";
import { type ReportRow, toRevision, valuesAtRevisions } from "./reportStore";
import type { Database, RevisionTable } from "./schema";
import { isUniqueViolation, type StoreContext } from "./storeContext";
import type { Principal } from "./userStore";

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

/** Thrown inside a push's transaction to roll back the report row it created for a refused push. */
class RefusedPush extends Error {
  constructor(readonly outcome: PushOutcome) {
    super(outcome.kind);
  }
}

export class RevisionPush {
  constructor(
    private readonly ctx: StoreContext,
    private readonly trail: AuditTrail,
  ) {}

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
    return this.ctx.writes.run(async (trx) => {
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
              created_at: this.ctx.now(),
            })
            .execute();
          return { kind: "unchanged" as const, revision: (await readHead())! };
        }
      }
      if (report.locked) return { kind: "locked" as const, head: await readHead() };
      if (input.baseRevision !== report.head_revision) {
        const head = await readHead();
        const valuesAt = await valuesAtRevisions(trx, report.id, [input.baseRevision]);
        return {
          kind: "conflict" as const,
          head: head!,
          changes: diffIndicatorValues(valuesAt(input.baseRevision), head!.values),
        };
      }
      const now = this.ctx.now();
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
      const audit = this.trail.auditRow({
        userId: input.author.userId,
        action: "revision.push",
        status: 201,
        target: `${report.id}#${row.number}`,
        detail: input.opId,
      });
      // The report's new head, submitted again, judged by the set version that judged this push.
      const head = {
        head_revision: row.number,
        review_state: "submitted" as const,
        updated_at: now,
        set_hash: input.setHash,
      };
      if (this.ctx.engine === "postgres") {
        // One round trip instead of four: data-modifying CTEs all run, in one statement.
        await trx
          .with("rev", (db) => db.insertInto("revisions").values(row))
          .with("rep", (db) => db.updateTable("reports").set(head).where("id", "=", report.id))
          .with("evt", (db) => db.insertInto("review_events").values(event))
          .insertInto("audit_log")
          .values(audit)
          .execute();
      } else {
        // SQLite has no writes in CTEs; its statements are in-process calls, not round trips.
        await trx.insertInto("revisions").values(row).execute();
        await trx.updateTable("reports").set(head).where("id", "=", report.id).execute();
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
      return this.ctx.engine === "postgres" ? q.forUpdate() : q;
    };
    const existing = await select().executeTakeFirst();
    if (existing) return { report: existing as ReportRow, created: false };
    const now = this.ctx.now();
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
}

function refusedOutcome(error: unknown): PushOutcome {
  if (error instanceof RefusedPush) return error.outcome;
  throw error;
}
