/**
 * The one push, for every host: what a workbook's values add to the outbox, how a blocked conflict
 * is settled by the person's choices, and what the outbox says to the person afterwards.
 *
 * Invariants: values already queued or already the base are not queued again (no empty revision,
 * no second "submitted" for the reviewer); a conflict is settled only with a choice for every
 * conflicting indicator; the summary names every entry that is not acknowledged, with why it waits.
 */
import { canonicalJson } from "./canonicalJson";
import { applyIndicatorChanges, mergeIndicatorValues, type IndicatorConflict } from "./mergeIndicatorValues";
import {
  block,
  enqueue,
  entryState,
  rebaseEntry,
  sameKey,
  type EntryState,
  type Outbox,
  type OutboxEntry,
} from "./outbox";
import { sameMeaning, type PullChoice } from "./planPull";
import type { IndicatorChange, IndicatorValues, ReportKey } from "./protocol";

export interface QueuedPush {
  outbox: Outbox;
  /** False when the values were already queued or are what the base holds. */
  queued: boolean;
}

export function queuePush(
  outbox: Outbox,
  entry: { opId: string; key: ReportKey; baseRevision: number; values: IndicatorValues; enqueuedAt: string },
  baseValues: IndicatorValues | undefined,
  workbookHash?: string | null,
): QueuedPush {
  const text = canonicalJson(entry.values);
  const last = [...outbox.entries].reverse().find((e) => sameKey(e.key, entry.key));
  if (last ? canonicalJson(last.values) === text : baseValues && canonicalJson(baseValues) === text)
    return { outbox, queued: false };
  return {
    outbox: enqueue(outbox, { ...entry, ...(workbookHash ? { workbookHash } : {}) }),
    queued: true,
  };
}

/**
 * A 409 to an entry (its base is older than the head): the head is the base with the answer's
 * changes; the entry merges per indicator against it. A clean merge is rebased on the head with a
 * new opId (sent again); otherwise the entry is blocked with its conflicts for the person to settle.
 */
export function answerStaleBase(
  outbox: Outbox,
  entry: OutboxEntry,
  base: IndicatorValues,
  answer: { head: { number: number }; changes: IndicatorChange[] },
  newOpId: () => string,
  at: string,
): { outbox: Outbox; conflicts: IndicatorConflict[] } {
  const theirs = applyIndicatorChanges(base, answer.changes);
  const { merged, conflicts } = mergeIndicatorValues(base, entry.values, theirs);
  if (conflicts.length)
    return { outbox: block(outbox, entry.opId, "conflict", at, { status: 409, conflicts }), conflicts };
  return { outbox: rebaseEntry(outbox, entry.opId, newOpId(), answer.head.number, merged), conflicts };
}

/**
 * Settles a blocked conflict entry: the indicators merge as usual, each conflicting one takes the
 * person's choice; the entry is rebased on the head with a new opId. Returns the missing choices
 * instead when any conflict has none.
 */
export function settleConflictEntry(
  outbox: Outbox,
  entry: OutboxEntry,
  base: IndicatorValues,
  head: { number: number; values: IndicatorValues },
  choose: (code: string) => PullChoice | undefined,
  newOpId: string,
): { outbox: Outbox; missing: string[]; conflicts: IndicatorConflict[] } {
  const { merged, conflicts } = mergeIndicatorValues(base, entry.values, head.values);
  const missing = conflicts.filter((c) => !choose(c.code)).map((c) => c.code);
  if (missing.length) return { outbox, missing, conflicts };
  for (const c of conflicts) {
    const choice = choose(c.code);
    const pick = choice === "mine" ? c.mine : choice === "base" ? c.base : c.theirs;
    if (pick) merged[c.code] = pick;
    else delete merged[c.code];
  }
  return {
    outbox: rebaseEntry(outbox, entry.opId, newOpId, head.number, merged),
    missing: [],
    conflicts,
  };
}

export interface OutboxLine {
  opId: string;
  key: ReportKey;
  state: EntryState;
  status?: number;
  message?: string;
}

/** Every entry not acknowledged, with its state: what `ntm push` and the pane show. */
export function waitingEntries(outbox: Outbox): OutboxLine[] {
  return outbox.entries.map((e) => ({
    opId: e.opId,
    key: e.key,
    state: entryState(e),
    ...(e.blocked?.status !== undefined ? { status: e.blocked.status } : {}),
    ...(e.blocked?.message ? { message: e.blocked.message } : {}),
  }));
}

/**
 * Does the head hold exactly what this workbook sent (no merge with someone else's changes on the
 * way)? Only then is the workbook in step with it: after a merged push the workbook still lacks the
 * other side's values, and taking the head as its base would make the next pull keep the old ones.
 */
export function headIsWorkbook(sent: IndicatorValues, head: IndicatorValues): boolean {
  const own = (v: IndicatorValues, c: string) => (Object.prototype.hasOwnProperty.call(v, c) ? v[c] : null);
  const codes = new Set([...Object.keys(sent), ...Object.keys(head)]);
  for (const c of codes) if (!sameMeaning(own(sent, c), own(head, c))) return false;
  return true;
}
