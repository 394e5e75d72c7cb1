/**
 * Installed criteria-set versions (issue 13): who installed a version and from which day it is in
 * force, a trigger on each engine that refuses to change or delete a stored version (a new
 * definition is a new row, so what judged a report stays readable for ever), and the results of
 * re-evaluating stored reports with a newer version, kept beside their revisions (a re-evaluation
 * makes no revision).
 * Invariant: append-only like every migration.
 */
import { type Kysely, type Migration, sql } from "kysely";
import type { Engine } from "./openDatabase";

export const IMMUTABLE_VERSION_MESSAGE =
  "phiên bản bộ tiêu chí đã cài không sửa được; cài một phiên bản mới / an installed criteria set version cannot be changed; install a new version";

async function immutableTriggers(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === "sqlite") {
    for (const op of ["update", "delete"])
      await sql
        .raw(
          `create trigger criteria_sets_no_${op} before ${op} on criteria_sets ` +
            `begin select raise(abort, '${IMMUTABLE_VERSION_MESSAGE}'); end`,
        )
        .execute(db);
    return;
  }
  await sql
    .raw(
      `create function criteria_sets_immutable() returns trigger language plpgsql as $$ ` +
        `begin raise exception '${IMMUTABLE_VERSION_MESSAGE}'; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      "create trigger criteria_sets_immutable before update or delete on criteria_sets " +
        "for each row execute function criteria_sets_immutable()",
    )
    .execute(db);
}

export function migration0004(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("criteria_sets").addColumn("installed_by", "text").execute();
      await db.schema.alterTable("criteria_sets").addColumn("in_force_from", "text").execute();
      // Install order (1, 2, 3 …), so two versions installed in the same millisecond keep their order.
      await db.schema.alterTable("criteria_sets").addColumn("install_seq", "integer").execute();
      await immutableTriggers(db, engine);
      await db.schema
        .createTable("criteria_reevaluations")
        .addColumn("id", engine === "postgres" ? "serial" : "integer", (c) =>
          engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("report_id", "text", (c) => c.notNull().references("reports.id"))
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("set_id", "text", (c) => c.notNull())
        .addColumn("set_hash", "text", (c) => c.notNull())
        .addColumn("evaluation_json", "text", (c) => c.notNull())
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("criteria_reevaluations_report")
        .on("criteria_reevaluations")
        .columns(["report_id", "revision"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("criteria_reevaluations").execute();
      if (engine === "sqlite") {
        await sql`drop trigger criteria_sets_no_update`.execute(db);
        await sql`drop trigger criteria_sets_no_delete`.execute(db);
      } else {
        await sql`drop trigger criteria_sets_immutable on criteria_sets`.execute(db);
        await sql`drop function criteria_sets_immutable()`.execute(db);
      }
      await db.schema.alterTable("criteria_sets").dropColumn("install_seq").execute();
      await db.schema.alterTable("criteria_sets").dropColumn("in_force_from").execute();
      await db.schema.alterTable("criteria_sets").dropColumn("installed_by").execute();
    },
  };
}
