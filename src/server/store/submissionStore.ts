/**
 * Reading when reports were submitted, for completeness (who is on time, late or missing): every
 * revision's number, time and values of the given reports, one query per 500 reports. Read-only:
 * rhythm reports are written by the one push path (revisionPush.ts) like every other report.
 */
import type { IndicatorValues } from "../../domain/sync/protocol";
import { IN_LIST_CHUNK, type StoreContext } from "./storeContext";

export interface StoredSubmission {
  reportId: string;
  number: number;
  createdAt: string;
  values: IndicatorValues;
}

export class SubmissionStore {
  constructor(private readonly ctx: StoreContext) {}

  async revisionsOf(reportIds: readonly string[]): Promise<StoredSubmission[]> {
    const out: StoredSubmission[] = [];
    for (let i = 0; i < reportIds.length; i += IN_LIST_CHUNK) {
      const rows = await this.ctx.reads
        .selectFrom("revisions")
        .select(["report_id", "number", "created_at", "values_json"])
        .where("report_id", "in", reportIds.slice(i, i + IN_LIST_CHUNK))
        .orderBy("report_id")
        .orderBy("number")
        .execute();
      for (const r of rows)
        out.push({
          reportId: r.report_id,
          number: Number(r.number),
          createdAt: r.created_at,
          values: JSON.parse(r.values_json),
        });
    }
    return out;
  }
}
