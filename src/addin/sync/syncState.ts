/** What the pane is told about sync at any moment: one state object, replaced on every change. */
import type { IndicatorConflict } from "../../domain/sync/mergeIndicatorValues";
import type { ReportKey, ReportView } from "../../domain/sync/protocol";
import type { SavedSession } from "./syncStorage";

export type SyncPhase =
  | "signed-out"
  | "synced"
  | "pending"
  | "sending"
  | "offline"
  | "conflict"
  | "locked"
  | "refused"
  | "approved"
  | "returned";

export interface PendingConflict {
  opId: string;
  key: ReportKey;
  conflicts: IndicatorConflict[];
}

export type Choice = "mine" | "theirs" | "base";

export interface SyncState {
  phase: SyncPhase;
  session?: SavedSession;
  outboxSize: number;
  /** 0–1 while a push is under way. */
  progress?: number;
  conflict?: PendingConflict;
  lastRevision?: number;
  /** The pulled report; its reviewer comments in force come from latestReviewerComments(view). */
  view?: ReportView;
  message?: string;
  /** The report last pushed or pulled (kept across reloads). */
  lastKey?: ReportKey;
  /**
   * The last flush's acknowledgements were the entries as queued (no 409 merge on the way): the
   * head is then what the workbook holds, and the workbook may take it as its base.
   */
  sentAsIs?: boolean;
  /** The last call to the server failed for want of a network (any call, not only a push). */
  unreachable?: boolean;
  /** The head the server holds for `lastKey`, as last asked (peek, pull, push). */
  serverHead?: { key: ReportKey; revision: number; reviewState: string; locked: boolean };
}
