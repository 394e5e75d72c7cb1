/**
 * The audit log and the online backup. An audit row written with a change goes into that change's
 * transaction (`trx`), so the log never records a change that was rolled back, nor misses one that
 * committed.
 */
import * as fs from "node:fs";
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema";
import type { StoreContext } from "./storeContext";

export interface AuditEntry {
  userId?: string | null;
  address?: string | null;
  action: string;
  status: number;
  target?: string | null;
  detail?: string | null;
}

/** Every table, in the order a restore would insert them (parents first). */
const BACKUP_TABLES = [
  "org_units",
  "users",
  "tokens",
  "criteria_sets",
  "reports",
  "revisions",
  "review_events",
  "unchanged_pushes",
  "audit_log",
  "criteria_reevaluations",
  "period_targets",
  "reporting_calendars",
] as const;

export class AuditTrail {
  constructor(private readonly ctx: StoreContext) {}

  /** Record an entry: inside `trx` when given, otherwise as its own (group-committed) write. */
  async audit(entry: AuditEntry, trx?: Kysely<Database>): Promise<void> {
    const row = this.auditRow(entry);
    if (trx) await trx.insertInto("audit_log").values(row).execute();
    else await this.ctx.writes.run((w) => w.insertInto("audit_log").values(row).execute());
  }

  auditRow(entry: AuditEntry) {
    return {
      at: this.ctx.now(),
      user_id: entry.userId ?? null,
      address: entry.address ?? null,
      action: entry.action,
      status: entry.status,
      target: entry.target ?? null,
      detail: entry.detail ?? null,
    };
  }

  async auditLog(limit = 1000) {
    return this.ctx.reads.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit).execute();
  }

  /**
   * A consistent copy while the server runs. SQLite: the online backup API (pages copied under the
   * engine's own locking). PostgreSQL: every table read in one REPEATABLE READ, READ ONLY
   * transaction (one snapshot) and written as JSON lines; `pg_dump` is the tool for a full
   * database backup and restore, this is the application-level copy.
   */
  async backup(file: string): Promise<{ engine: string; tables?: Record<string, number> }> {
    const { opened } = this.ctx;
    if (opened.sqlite) {
      await opened.sqlite.backup(file);
      return { engine: "sqlite" };
    }
    const counts: Record<string, number> = {};
    const lines: string[] = [];
    await opened.db
      .transaction()
      .setIsolationLevel("repeatable read")
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        for (const table of BACKUP_TABLES) {
          const rows = await trx.selectFrom(table).selectAll().execute();
          counts[table] = rows.length;
          for (const r of rows) lines.push(JSON.stringify({ table, row: r }));
        }
      });
    fs.writeFileSync(file, lines.join("\n") + "\n");
    return { engine: "postgres", tables: counts };
  }
}
