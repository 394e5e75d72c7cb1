/**
 * Opens the store's database: a SQLite file (better-sqlite3, WAL, synchronous=FULL so that a
 * committed write, and therefore an acknowledged push, survives a crash or power cut) or
 * PostgreSQL for a `postgres://` URL (durable on commit by default). Migrations run on open.
 *
 * SQLite gets two connections: the writer (all writes, group-committed by the store) and a
 * read-only reader for plain reads (authentication, report views, listings). Kysely's SQLite
 * dialect serialises every query of a connection behind one mutex, so without the reader each read
 * would queue behind a whole write batch; in WAL mode the reader sees the last committed state.
 * Both connections keep their prepared statements (Kysely would prepare each query anew).
 */
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";
import { Pool } from "pg";
import * as fs from "node:fs";
import * as path from "node:path";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type Engine = "sqlite" | "postgres";

export interface OpenedDatabase {
  /** The writer (and, on PostgreSQL, the pool for everything). */
  db: Kysely<Database>;
  /** For reads outside a transaction: SQLite's read-only connection, or `db` itself. */
  reader: Kysely<Database>;
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
  const migrator = new Migrator({
    db: opened.db,
    provider: migrationProvider(opened.engine),
    // Kysely looks for its bookkeeping tables in every schema unless told which: with two stores in
    // two schemas of one database (parallel test files), one saw the other's table and never made its own.
    ...(opened.engine === "postgres" && opts.schema ? { migrationTableSchema: opts.schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await opened.db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  // The reader opens after the migrations, so it never sees a half-made schema.
  if (opened.engine === "sqlite" && opts.location !== ":memory:")
    opened.reader = openSqliteReader(opts.location);
  return opened;
}

function openSqlite(file: string): OpenedDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, reader: db, engine: "sqlite", sqlite };
}

/**
 * The writer's transactions begin IMMEDIATE: Kysely's plain `begin` is deferred, so a push that
 * read first and then wrote while another process held the write lock got SQLITE_BUSY at once
 * (its snapshot was stale once the lock was released), never waiting the busy timeout. Taking the
 * write lock at `begin` waits up to busy_timeout for it, then reads the latest state.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly writerConfig: SqliteDialectConfig) {
    super(writerConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.writerConfig);
  }
}

function openSqliteReader(file: string): Kysely<Database> {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  sqlite.pragma("busy_timeout = 10000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** How many distinct SQL texts a connection keeps prepared (the API issues a few dozen). */
const STATEMENT_CACHE_SIZE = 200;

/**
 * The connection as Kysely's dialect sees it, with `prepare` answered from a bounded cache: a
 * better-sqlite3 statement is reusable, and parsing the same SQL for every query cost as much as
 * running it. Least recently used texts are dropped first.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): {
  prepare(sql: string): BetterSqlite3.Statement;
  close(): void;
} {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, stmt);
      return stmt;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
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
  return { db, reader: db, engine: "postgres", pool };
}
