/**
 * Reading reports and their revisions. Revisions are append-only, so a stored revision never
 * changes once seen; only the report row (head, review state, the set version of the head) moves.
 * A head re-evaluated with a newer set version (`ntm admin criteria reevaluate`) is read with that
 * evaluation, its values and revision number unchanged.
 */
import type { Kysely } from "kysely";
import type { EvaluationSummary, IndicatorValues, Revision } from "../../domain/sync/protocol";
import type { Database, ReportTable, RevisionTable } from "./schema";
import { IN_LIST_CHUNK, type StoreContext } from "./storeContext";

export type ReportRow = ReportTable;

export interface StoredHead {
  number: number;
  values: IndicatorValues;
  evaluation: EvaluationSummary;
}

export function toRevision(row: RevisionTable): Revision {
  return {
    number: Number(row.number),
    baseRevision: Number(row.base_revision),
    opId: row.op_id,
    author: row.author_name,
    createdAt: row.created_at,
    contentHash: row.content_hash,
    workbookHash: row.workbook_hash,
    values: JSON.parse(row.values_json),
    evaluation: JSON.parse(row.evaluation_json),
  };
}

/**
 * The stored values of a report at each of `numbers`, in one query; a number with no revision
 * (0, the empty start) maps to `{}`. The one reader of "values at revision N" for the conflict and
 * stale-review answers.
 */
export async function valuesAtRevisions(
  db: Kysely<Database>,
  reportId: string,
  numbers: number[],
): Promise<(n: number) => IndicatorValues> {
  const wanted = numbers.filter((n) => n > 0);
  const rows = wanted.length
    ? await db
        .selectFrom("revisions")
        .select(["number", "values_json"])
        .where("report_id", "=", reportId)
        .where("number", "in", wanted)
        .execute()
    : [];
  return (n) => JSON.parse(rows.find((r) => Number(r.number) === n)?.values_json ?? "{}");
}

export class ReportStore {
  constructor(private readonly ctx: StoreContext) {}

  async findReport(unitId: string, setId: string, period: string): Promise<ReportRow | undefined> {
    return this.ctx.reads
      .selectFrom("reports")
      .selectAll()
      .where("org_unit_id", "=", unitId)
      .where("set_id", "=", setId)
      .where("period", "=", period)
      .executeTakeFirst();
  }

  /** Every report of a criteria set, whatever its unit (re-evaluation after an install). */
  async reportsOfSet(setId: string): Promise<ReportRow[]> {
    return this.ctx.reads.selectFrom("reports").selectAll().where("set_id", "=", setId).execute();
  }

  async reportsFor(unitIds: string[], setId: string, period: string): Promise<ReportRow[]> {
    return this.listReports(unitIds, { setId, period });
  }

  async revision(reportId: string, number: number): Promise<Revision | undefined> {
    const row = await this.ctx.reads
      .selectFrom("revisions")
      .selectAll()
      .where("report_id", "=", reportId)
      .where("number", "=", number)
      .executeTakeFirst();
    return row && toRevision(row);
  }

  /** The head revision of each report (number, stored values, stored evaluation): one query per 500 reports. */
  async headEvaluations(reports: ReportRow[]): Promise<Map<string, StoredHead>> {
    const out = new Map<string, StoredHead>();
    const ids = reports.filter((r) => r.head_revision > 0).map((r) => r.id);
    for (let i = 0; i < ids.length; i += IN_LIST_CHUNK) {
      const rows = await this.ctx.reads
        .selectFrom("revisions")
        .innerJoin("reports", (j) =>
          j
            .onRef("reports.id", "=", "revisions.report_id")
            .onRef("reports.head_revision", "=", "revisions.number"),
        )
        .select([
          "revisions.report_id",
          "revisions.number",
          "revisions.values_json",
          "revisions.evaluation_json",
        ])
        .where("reports.id", "in", ids.slice(i, i + IN_LIST_CHUNK))
        .execute();
      for (const r of rows)
        out.set(r.report_id, {
          number: Number(r.number),
          values: JSON.parse(r.values_json),
          evaluation: JSON.parse(r.evaluation_json),
        });
      await this.applyReevaluations(ids.slice(i, i + IN_LIST_CHUNK), out);
    }
    return out;
  }

  /** The newest re-evaluation of each head, in place of the evaluation its push stored. */
  private async applyReevaluations(ids: string[], heads: Map<string, StoredHead>): Promise<void> {
    const rows = await this.ctx.reads
      .selectFrom("criteria_reevaluations")
      .select(["id", "report_id", "revision", "evaluation_json"])
      .where("report_id", "in", ids)
      .orderBy("id")
      .execute();
    for (const r of rows) {
      const head = heads.get(r.report_id);
      if (head && head.number === Number(r.revision)) head.evaluation = JSON.parse(r.evaluation_json);
    }
  }

  /**
   * The reports of the given units, optionally of one set, period and review states, sorted by
   * unit, set and period (the caller maps units to codes).
   */
  async listReports(
    unitIds: string[],
    filter: { setId?: string; period?: string; states?: ReportRow["review_state"][] } = {},
  ): Promise<ReportRow[]> {
    const out: ReportRow[] = [];
    for (let i = 0; i < unitIds.length; i += IN_LIST_CHUNK) {
      let q = this.ctx.reads
        .selectFrom("reports")
        .selectAll()
        .where("org_unit_id", "in", unitIds.slice(i, i + IN_LIST_CHUNK));
      if (filter.setId) q = q.where("set_id", "=", filter.setId);
      if (filter.period) q = q.where("period", "=", filter.period);
      if (filter.states?.length) q = q.where("review_state", "in", filter.states);
      out.push(...(await q.execute()));
    }
    return out;
  }

  async revisionsSince(reportId: string, since: number): Promise<Revision[]> {
    const rows = await this.ctx.reads
      .selectFrom("revisions")
      .selectAll()
      .where("report_id", "=", reportId)
      .where("number", ">", since)
      .orderBy("number")
      .execute();
    return rows.map(toRevision);
  }
}
