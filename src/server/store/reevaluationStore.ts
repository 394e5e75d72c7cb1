/**
 * Re-evaluations of stored reports with a newer criteria-set version (`ntm admin criteria
 * reevaluate`): one row per report head judged again, beside its revision — a re-evaluation makes
 * no revision and changes no stored one. Reading heads (reportStore.headEvaluations) takes the
 * newest re-evaluation of the head in place of the evaluation its push stored.
 * Invariant: rows are only inserted, all of one run in one write.
 */
import { canonicalJson } from "../../domain/sync/canonicalJson";
import type { EvaluationSummary } from "../../domain/sync/protocol";
import type { StoreContext } from "./storeContext";

export interface Reevaluation {
  reportId: string;
  revision: number;
  setId: string;
  setHash: string;
  evaluation: EvaluationSummary;
}

export class ReevaluationStore {
  constructor(private readonly ctx: StoreContext) {}

  async record(rows: Reevaluation[], by: string | null): Promise<void> {
    if (rows.length === 0) return;
    const now = this.ctx.now();
    await this.ctx.writes.run(async (trx) => {
      for (const r of rows)
        await trx
          .insertInto("criteria_reevaluations")
          .values({
            report_id: r.reportId,
            revision: r.revision,
            set_id: r.setId,
            set_hash: r.setHash,
            evaluation_json: canonicalJson(r.evaluation),
            created_by: by,
            created_at: now,
          })
          .execute();
    });
  }
}
