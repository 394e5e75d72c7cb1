/**
 * Group commit for the store's writes on SQLite.
 *
 * better-sqlite3 is synchronous, so every durable COMMIT (synchronous=FULL: an fsync of the WAL)
 * stalls the whole event loop — HTTP parsing, other requests, everything. One fsync per push made
 * that stall the server's bottleneck. Here writes that arrive while the loop is busy are queued and
 * run together in ONE transaction, each inside its own SAVEPOINT, and committed with one fsync.
 *
 * Invariants:
 * - A unit's result is delivered only after the COMMIT that contains it returned (durable): a push
 *   is never acknowledged before it is on disk. If the COMMIT fails, every unit of the batch fails.
 * - Units run one after another, in arrival order, each seeing the effects of the units before it
 *   (same transaction), so per-report checks (base == head, opId replay) stay exact.
 * - A unit that throws is rolled back to its savepoint alone; the other units of the batch commit.
 * - A batch holds at most `maxBatch` units, so the work between two commits is bounded.
 *
 * On PostgreSQL (asynchronous driver, its own WAL group commit, a pool of connections) each unit
 * simply runs in its own transaction.
 */
import { type Kysely, type Transaction, sql } from "kysely";
import type { Database } from "./schema";

export type WriteUnit<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  unit: WriteUnit<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface GroupCommitStats {
  batches: number;
  units: number;
  largestBatch: number;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  readonly stats: GroupCommitStats = { batches: 0, units: 0, largestBatch: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly batching: boolean,
    private readonly maxBatch = 64,
  ) {}

  /** Run `unit` in a transaction; resolves once that transaction is durably committed. */
  run<T>(unit: WriteUnit<T>): Promise<T> {
    if (!this.batching) return this.db.transaction().execute(unit);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ unit: unit as WriteUnit<unknown>, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * setImmediate, not a microtask: requests already read from sockets get their turn first and
   * join the batch, which is what makes one fsync serve many pushes under load.
   */
  private schedule(): void {
    if (this.scheduled || this.flushing || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    const batch = this.queue.splice(0, this.maxBatch);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const p of batch) {
          await sql`savepoint unit`.execute(trx);
          try {
            outcomes.push({ ok: true, value: await p.unit(trx) });
            await sql`release unit`.execute(trx);
          } catch (error) {
            await sql`rollback to unit`.execute(trx);
            await sql`release unit`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
      // Committed: only now may anyone learn a result.
      batch.forEach((p, i) => {
        const o = outcomes[i];
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
      this.stats.batches += 1;
      this.stats.units += batch.length;
      this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }

  /** Wait until every queued write has settled (used before closing the database). */
  async drain(): Promise<void> {
    while (this.queue.length || this.flushing || this.scheduled) await new Promise((r) => setImmediate(r));
  }
}
