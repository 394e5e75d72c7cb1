/**
 * The weekly rhythm's data (issue 15): targets set for a period (a district's quarterly targets:
 * 46 model residential areas, 252 model gardens) and each province's reporting calendar. Work
 * volumes and village progress need no table of their own: they are reports (reports/revisions).
 * Invariant: append-only like every migration; a target row is keyed by (unit, period, item).
 */
import { type Kysely, type Migration } from "kysely";

export const migration0003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("period_targets")
      .addColumn("org_unit_id", "text", (c) => c.notNull().references("org_units.id"))
      .addColumn("period", "text", (c) => c.notNull())
      .addColumn("item", "text", (c) => c.notNull())
      .addColumn("unit", "text", (c) => c.notNull())
      .addColumn("target", "double precision", (c) => c.notNull())
      .addColumn("label", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("period_targets_key", ["org_unit_id", "period", "item"])
      .execute();
    await db.schema
      .createTable("reporting_calendars")
      .addColumn("province_code", "text", (c) => c.primaryKey())
      .addColumn("definition", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("reporting_calendars").execute();
    await db.schema.dropTable("period_targets").execute();
  },
};
