/**
 * The badge's phase, true for the workbook on screen: a report's state ("Đã đồng bộ", "Đã duyệt")
 * is shown only for the report this workbook syncs with, "synced" becomes "the server is ahead"
 * when the server holds a newer revision than the workbook, and a server that cannot be reached
 * says so whatever tab asked it. Outbox states (pending, conflict, locked, refused) always show.
 */
import { sameKey } from "../../domain/sync/outbox";
import type { SyncState } from "../sync/syncSession";
import type { CheckResult } from "./check/analyseWorkbook";
import type { SyncKey } from "./hooks/useSyncKey";

export const PHASE_COLOUR: Record<string, "success" | "warning" | "danger" | "informative" | "subtle"> = {
  synced: "success",
  approved: "success",
  pending: "warning",
  sending: "informative",
  offline: "warning",
  unreachable: "warning",
  behind: "warning",
  conflict: "danger",
  locked: "warning",
  refused: "danger",
  returned: "danger",
  "signed-out": "subtle",
  "signed-in": "informative",
};

/** These phases describe the report last synced, not the session: for another workbook they would mislead. */
const REPORT_PHASES = new Set(["synced", "approved", "returned"]);

export function shownPhase(
  state: SyncState,
  result: CheckResult | undefined,
  syncKey: Pick<SyncKey, "key" | "base">,
): string {
  const k = state.lastKey;
  const org = result?.report.orgUnit?.code;
  const other =
    result &&
    k &&
    // The report the workbook sends (a work-volume workbook: its work-volume report), as useSyncKey says.
    (k.set !== syncKey.key.set || k.period !== result.report.period || (org !== undefined && org !== k.org));
  // No server answers: that is what the person needs to know first (a conflict still waits for them,
  // and "offline" already says it).
  if (state.session && state.unreachable && !["conflict", "offline", "sending"].includes(state.phase))
    return "unreachable";
  if (other && REPORT_PHASES.has(state.phase)) return "signed-in";
  const head = state.serverHead;
  if (
    result &&
    state.phase === "synced" &&
    head &&
    sameKey(head.key, syncKey.key) &&
    head.revision > syncKey.base
  )
    return "behind";
  return state.phase;
}
