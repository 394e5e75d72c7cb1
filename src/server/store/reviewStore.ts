/**
 * Review of a report: approve, return or reopen the revision a reviewer judged, and the events
 * (submitted, returned, approved, reopened) with their comments. A review is applied only while
 * the judged revision is the head, so nothing is approved unseen; approval locks the report.
 */
import { canonicalJson } from "../../domain/sync/canonicalJson";
import { diffIndicatorValues } from "../../domain/sync/mergeIndicatorValues";
import type { IndicatorChange, ReviewAction, ReviewEvent, ReviewState } from "../../domain/sync/protocol";
import type { AuditTrail } from "./auditTrail";
import { valuesAtRevisions } from "./reportStore";
import type { StoreContext } from "./storeContext";
import type { Principal } from "./userStore";

export type ReviewOutcome =
  | { kind: "ok"; state: ReviewState; event: ReviewEvent }
  | { kind: "locked" }
  | { kind: "no-revision" }
  | { kind: "not-approved" }
  /** The head moved past the judged revision: what differs between the two. */
  | { kind: "stale"; head: number; judged: number; changes: IndicatorChange[] }
  /** The judged revision was never stored (newer than the head). */
  | { kind: "unknown-revision"; head: number; judged: number };

export class ReviewStore {
  constructor(
    private readonly ctx: StoreContext,
    private readonly trail: AuditTrail,
  ) {}

  /**
   * Approve, return or reopen `revision`, the one the reviewer judged. Applied only while it is the
   * head: a push that landed since answers "stale" with what differs, so nothing is approved unseen.
   */
  async review(
    reportId: string,
    action: ReviewAction,
    revision: number,
    comments: Record<string, string>,
    author: Principal,
  ): Promise<ReviewOutcome> {
    return this.ctx.writes.run(async (trx) => {
      let q = trx.selectFrom("reports").selectAll().where("id", "=", reportId);
      if (this.ctx.engine === "postgres") q = q.forUpdate();
      const report = await q.executeTakeFirstOrThrow();
      if (report.head_revision === 0) return { kind: "no-revision" as const };
      if (revision > report.head_revision)
        return { kind: "unknown-revision" as const, head: report.head_revision, judged: revision };
      if (revision !== report.head_revision) {
        const valuesOf = await valuesAtRevisions(trx, reportId, [revision, report.head_revision]);
        return {
          kind: "stale" as const,
          head: report.head_revision,
          judged: revision,
          changes: diffIndicatorValues(valuesOf(revision), valuesOf(report.head_revision)),
        };
      }
      if (action !== "reopen" && report.locked) return { kind: "locked" as const };
      if (action === "reopen" && !report.locked) return { kind: "not-approved" as const };
      const kind = action === "approve" ? "approved" : action === "return" ? "returned" : "reopened";
      const now = this.ctx.now();
      const event = {
        report_id: reportId,
        revision: report.head_revision,
        kind,
        author_id: author.userId,
        author_name: author.name,
        created_at: now,
        comments_json: canonicalJson(comments),
      } as const;
      await trx.insertInto("review_events").values(event).execute();
      await trx
        .updateTable("reports")
        .set({ review_state: kind, locked: kind === "approved" ? 1 : 0, updated_at: now })
        .where("id", "=", reportId)
        .execute();
      await this.trail.audit(
        {
          userId: author.userId,
          action: `review.${action}`,
          status: 200,
          target: `${reportId}#${report.head_revision}`,
        },
        trx,
      );
      return {
        kind: "ok" as const,
        state: kind,
        event: { kind, revision: report.head_revision, author: author.name, createdAt: now, comments },
      };
    });
  }

  async reviewEvents(reportId: string): Promise<ReviewEvent[]> {
    const rows = await this.ctx.reads
      .selectFrom("review_events")
      .selectAll()
      .where("report_id", "=", reportId)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      kind: r.kind,
      revision: r.revision,
      author: r.author_name,
      createdAt: r.created_at,
      comments: JSON.parse(r.comments_json),
    }));
  }
}
