/**
 * What every aggregate of the store shares: the opened database, the one group-commit writer (so
 * writes of all aggregates batch into the same SQLite transactions and fsyncs) and the clock.
 * An aggregate module writes only through `writes` and reads committed data only through `reads`.
 */
import type { Kysely } from "kysely";
import type { GroupCommit } from "./groupCommit";
import type { Engine, OpenedDatabase } from "./openDatabase";
import type { Database } from "./schema";

export interface StoreContext {
  readonly opened: OpenedDatabase;
  readonly engine: Engine;
  /** Committed data only (SQLite's read-only connection, or the pool on PostgreSQL). */
  readonly reads: Kysely<Database>;
  readonly writes: GroupCommit;
  readonly clock: () => Date;
  now(): string;
}

/** Chunk size for `in (…)` lists: SQLite limits bound parameters per statement. */
export const IN_LIST_CHUNK = 500;

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | undefined;
  return (
    e?.code === "23505" ||
    e?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}
