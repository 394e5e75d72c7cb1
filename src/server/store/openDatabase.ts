/**
 * Opens the store's database: a SQLite file (better-sqlite3, WAL, synchronous=FULL so that a
 * committed write, and therefore an acknowledged push, survives a crash or power cut) or
 * PostgreSQL for a `postgres://` URL (durable on commit by default). Migrations run on open.
 */
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import { Pool } from "pg";
import * as fs from "node:fs";
import * as path from "node:path";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type Engine = "sqlite" | "postgres";

export interface OpenedDatabase {
  db: Kysely<Database>;
  engine: Engine;
  /** The raw SQLite handle (for the online backup API); undefined on PostgreSQL. */
  sqlite?: BetterSqlite3.Database;
  pool?: Pool;
}

export interface OpenOptions {
  /** A file path, ":memory:", or a postgres:// URL. */
  location: string;
  /** PostgreSQL only: use (and create) this schema, so test runs do not collide. */
  schema?: string;
  poolSize?: number;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

export async function openDatabase(opts: OpenOptions): Promise<OpenedDatabase> {
  const opened = isPostgresUrl(opts.location) ? await openPostgres(opts) : openSqlite(opts.location);
  const migrator = new Migrator({ db: opened.db, provider: migrationProvider(opened.engine) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await opened.db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return opened;
}

function openSqlite(file: string): OpenedDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: "sqlite", sqlite };
}

async function openPostgres(opts: OpenOptions): Promise<OpenedDatabase> {
  const schema = opts.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  if (schema) {
    const setup = new Pool({ connectionString: opts.location, max: 1 });
    try {
      await setup.query(`create schema if not exists ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new Pool({
    connectionString: opts.location,
    max: opts.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: "postgres", pool };
}
