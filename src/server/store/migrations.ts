/**
 * One migration history for both engines. Only `serialId` differs by engine (an auto-numbered key
 * is spelled differently); every other column type is portable text/integer.
 * Invariant: migrations are append-only; a released migration is never edited.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";
import type { Engine } from "./openDatabase";
import { migration0004 } from "./criteriaSetMigrations";
import { migration0003 } from "./rhythmMigrations";

function serialId(engine: Engine) {
  return engine === "postgres" ? ("serial" as const) : ("integer" as const);
}

function migration0001(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("org_units")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("level", "text", (c) => c.notNull())
        .addColumn("parent_id", "text", (c) => c.references("org_units.id"))
        .addColumn("valid_from", "text")
        .addColumn("valid_to", "text")
        .addColumn("successor_id", "text")
        .addColumn("note", "text")
        .execute();
      await db.schema.createIndex("org_units_code").on("org_units").column("code").execute();
      await db.schema.createIndex("org_units_parent").on("org_units").column("parent_id").execute();

      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("scope_org_id", "text", (c) => c.notNull().references("org_units.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("disabled_at", "text")
        .execute();

      await db.schema
        .createTable("tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .execute();

      await db.schema
        .createTable("criteria_sets")
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("definition", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("criteria_sets_pk", ["id", "content_hash"])
        .execute();

      await db.schema
        .createTable("reports")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
        .addColumn("set_id", "text", (c) => c.notNull())
        .addColumn("set_hash", "text", (c) => c.notNull())
        .addColumn("period", "text", (c) => c.notNull())
        .addColumn("head_revision", "integer", (c) => c.notNull())
        .addColumn("review_state", "text", (c) => c.notNull())
        .addColumn("locked", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("reports_key", ["org_unit_id", "set_id", "period"])
        .execute();

      await db.schema
        .createTable("revisions")
        .addColumn("report_id", "text", (c) => c.notNull().references("reports.id"))
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("base_revision", "integer", (c) => c.notNull())
        .addColumn("op_id", "text", (c) => c.notNull().unique())
        .addColumn("author_id", "text", (c) => c.notNull())
        .addColumn("author_name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("workbook_hash", "text")
        .addColumn("values_json", "text", (c) => c.notNull())
        .addColumn("evaluation_json", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("revisions_pk", ["report_id", "number"])
        .execute();

      await db.schema
        .createTable("review_events")
        .addColumn("id", serialId(engine), (c) =>
          engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("report_id", "text", (c) => c.notNull().references("reports.id"))
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("author_id", "text", (c) => c.notNull())
        .addColumn("author_name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("comments_json", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("review_events_report").on("review_events").column("report_id").execute();

      await db.schema
        .createTable("audit_log")
        .addColumn("id", serialId(engine), (c) =>
          engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("user_id", "text")
        .addColumn("address", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("status", "integer", (c) => c.notNull())
        .addColumn("target", "text")
        .addColumn("detail", "text")
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        "audit_log",
        "review_events",
        "revisions",
        "reports",
        "criteria_sets",
        "tokens",
        "users",
        "org_units",
      ]) {
        await sql`drop table ${sql.table(t)}`.execute(db);
      }
    },
  };
}

/**
 * A push whose values equal the head's makes no revision (issue 11 item 4), yet its opId must still
 * replay: the opId is remembered here with the head it was answered with. Also removes the empty
 * report rows that refused first pushes used to leave (head 0: no revision, so no event either).
 */
const migration0002: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`delete from reports where head_revision = 0
      and not exists (select 1 from revisions where revisions.report_id = reports.id)
      and not exists (select 1 from review_events where review_events.report_id = reports.id)`.execute(db);
    await db.schema
      .createTable("unchanged_pushes")
      .addColumn("op_id", "text", (c) => c.primaryKey())
      .addColumn("report_id", "text", (c) => c.notNull().references("reports.id"))
      .addColumn("revision", "integer", (c) => c.notNull())
      .addColumn("author_id", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("unchanged_pushes").execute();
  },
};

export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    async getMigrations() {
      return {
        "0001_initial": migration0001(engine),
        "0002_unchanged_pushes": migration0002,
        "0003_rhythm_targets_calendars": migration0003,
        "0004_installed_criteria_sets": migration0004(engine),
      };
    },
  };
}
