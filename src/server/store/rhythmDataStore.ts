/**
 * Targets for a period and reporting calendars, as data the province keeps (rhythmMigrations.ts).
 * Writing a target again for the same (unit, period, item) replaces it — a target is a setting, not
 * a report, and the audit log records who set it (in the same transaction as the change). A calendar is validated by the domain's schema
 * before it is stored and again when read, so a bad row can never judge anyone late.
 */
import { reportingCalendarSchema, type ReportingCalendar } from "../../domain/rhythm/reportingCalendar";
import type { PeriodTarget } from "../../domain/rhythm/consolidateWorkVolumes";
import { periodDays } from "../../domain/rhythm/vietnamTime";
import type { AuditTrail } from "./auditTrail";
import type { OrgTree } from "./orgTree";
import { IN_LIST_CHUNK, type StoreContext } from "./storeContext";

export interface TargetInput {
  unitId: string;
  period: string;
  item: string;
  unit: string;
  target: number;
  label?: string;
}

/** Who changed a setting, for the audit row (the CLI passes none: it runs as the store's owner). */
export interface SettingActor {
  userId?: string | null;
  address?: string | null;
}

export interface StoredTarget extends PeriodTarget {
  setAt: string;
}

export class RhythmDataStore {
  constructor(
    private readonly ctx: StoreContext,
    private readonly trail?: AuditTrail,
  ) {}

  async setTargets(targets: readonly TargetInput[], actor: SettingActor = {}): Promise<number> {
    const now = this.ctx.now();
    await this.ctx.writes.run(async (trx) => {
      await this.trail?.audit(
        {
          ...actor,
          action: "targets.set",
          status: 200,
          target: [...new Set(targets.map((t) => t.unitId))].join(",").slice(0, 200),
          detail: targets
            .map((t) => `${t.period} ${t.item} ${t.target} ${t.unit}`)
            .join("; ")
            .slice(0, 500),
        },
        trx,
      );
      for (const t of targets) {
        const row = {
          org_unit_id: t.unitId,
          period: t.period,
          item: t.item,
          unit: t.unit,
          target: t.target,
          label: t.label ?? null,
          created_at: now,
        };
        await trx
          .insertInto("period_targets")
          .values(row)
          .onConflict((oc) =>
            oc.columns(["org_unit_id", "period", "item"]).doUpdateSet({
              unit: row.unit,
              target: row.target,
              label: row.label,
              created_at: now,
            }),
          )
          .execute();
      }
    });
    return targets.length;
  }

  /** The targets of the given units whose period contains `period` (a quarter's for each of its weeks). */
  async targetsFor(tree: OrgTree, unitIds: readonly string[], period: string): Promise<PeriodTarget[]> {
    return (await this.listTargets(tree, unitIds, period)).map(({ setAt: _setAt, ...t }) => t);
  }

  /** Every target set on the given units, optionally only those whose period contains `period`. */
  async listTargets(tree: OrgTree, unitIds: readonly string[], period?: string): Promise<StoredTarget[]> {
    const inner = period ? periodDays(period) : undefined;
    const out: StoredTarget[] = [];
    for (let i = 0; i < unitIds.length; i += IN_LIST_CHUNK) {
      const rows = await this.ctx.reads
        .selectFrom("period_targets")
        .selectAll()
        .where("org_unit_id", "in", unitIds.slice(i, i + IN_LIST_CHUNK))
        .execute();
      for (const r of rows) {
        const code = tree.get(r.org_unit_id)?.code;
        const outer = periodDays(r.period);
        if (!code || (inner && (outer.start > inner.start || inner.end > outer.end))) continue;
        out.push({
          org: code,
          period: r.period,
          item: r.item,
          unit: r.unit,
          target: Number(r.target),
          ...(r.label ? { label: r.label } : {}),
          setAt: r.created_at,
        });
      }
    }
    return out.sort(
      (a, b) =>
        a.org.localeCompare(b.org) || a.period.localeCompare(b.period) || a.item.localeCompare(b.item),
    );
  }

  async saveCalendar(calendar: ReportingCalendar, actor: SettingActor = {}): Promise<void> {
    const definition = JSON.stringify(reportingCalendarSchema.parse(calendar));
    const now = this.ctx.now();
    await this.ctx.writes.run(async (trx) => {
      await this.trail?.audit(
        { ...actor, action: "calendar.set", status: 200, target: calendar.province, detail: null },
        trx,
      );
      await trx
        .insertInto("reporting_calendars")
        .values({ province_code: calendar.province, definition, created_at: now })
        .onConflict((oc) => oc.column("province_code").doUpdateSet({ definition, created_at: now }))
        .execute();
    });
  }

  /** The province's own stored calendar, or undefined (then Hà Tĩnh's applies: calendarOf). */
  async calendarOf(province: string): Promise<ReportingCalendar | undefined> {
    return (await this.calendars()).find((c) => c.province === province);
  }

  async calendars(): Promise<ReportingCalendar[]> {
    const rows = await this.ctx.reads.selectFrom("reporting_calendars").selectAll().execute();
    return rows.map((r) => reportingCalendarSchema.parse(JSON.parse(r.definition)));
  }
}
