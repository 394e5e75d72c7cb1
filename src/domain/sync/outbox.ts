/**
 * The outbox: pushes a client has made but the store has not yet acknowledged, kept in order and
 * serialisable as JSON so it survives restarts (the host persists it: a file for the CLI, the
 * add-in's storage for Excel). Pure: opIds and times are passed in.
 *
 * Invariant: entries are replayed in the order they were enqueued, per report; an entry leaves the
 * outbox only when the store acknowledged it (201, or the same opId's earlier result) or when the
 * person resolved its conflict or discarded it. Replaying an entry reuses its opId, so a push that
 * was applied but whose answer was lost is not applied twice.
 *
 * Every entry is in one state a person can act on (entryState): pending (not sent yet, or the
 * network failed: sent on the next flush), blocked-locked (423: the report is approved; tried
 * again on every flush, so it goes as soon as a reviewer reopens), blocked-conflict (409 with
 * conflicts: waits for the person's choice), refused (401/403/404/422…: permanent, shown and not
 * sent again until the person asks).
 */
import type { IndicatorConflict } from "./mergeIndicatorValues";
import type { IndicatorValues, ReportKey } from "./protocol";

export interface OutboxEntry {
  opId: string;
  key: ReportKey;
  baseRevision: number;
  values: IndicatorValues;
  workbookHash?: string | null;
  enqueuedAt: string;
  attempts: number;
  /** Why the entry waits: a 409 whose merge needs a choice, a 423, or a permanent refusal. */
  blocked?: EntryBlock;
}

export type BlockReason = "conflict" | "locked" | "refused";

export interface EntryBlock {
  reason: BlockReason;
  at: string;
  /** The HTTP status of the answer that blocked it (refusals). */
  status?: number;
  /** The server's words (Vietnamese first), shown to the person. */
  message?: string;
  /** For a conflict: the indicators to choose for, so every later run can show them again. */
  conflicts?: IndicatorConflict[];
}

export type EntryState = "pending" | "blocked-locked" | "blocked-conflict" | "refused";

export function entryState(e: OutboxEntry): EntryState {
  if (!e.blocked) return "pending";
  return e.blocked.reason === "locked"
    ? "blocked-locked"
    : e.blocked.reason === "conflict"
      ? "blocked-conflict"
      : "refused";
}

/**
 * What an answer means for the entry: a status the server will answer the same way next time
 * (refused), one that may pass later (pending: 5xx, 429, 408), or a lock (423).
 */
export function answerState(status: number): "pending" | "blocked-locked" | "refused" {
  if (status === 423) return "blocked-locked";
  if (status >= 500 || status === 429 || status === 408) return "pending";
  return "refused";
}

export interface Outbox {
  version: 1;
  entries: OutboxEntry[];
}

export function emptyOutbox(): Outbox {
  return { version: 1, entries: [] };
}

export function enqueue(outbox: Outbox, entry: Omit<OutboxEntry, "attempts">): Outbox {
  if (outbox.entries.some((e) => e.opId === entry.opId)) return outbox;
  return { ...outbox, entries: [...outbox.entries, { ...entry, attempts: 0 }] };
}

/** The same report: org unit, set and period. */
export function sameKey(a: ReportKey, b: ReportKey): boolean {
  return a.org === b.org && a.set === b.set && a.period === b.period;
}

/**
 * The entries to send now: the first entry of each report, in enqueue order, when it is pending
 * or waits for a lock to lift (`locked`: whether to try locked entries now — once per flush).
 * A conflict or refused entry holds back its report's later entries: they were edited after it.
 */
export function nextToSend(
  outbox: Outbox,
  opts: { locked?: boolean; refused?: boolean } = {},
): OutboxEntry[] {
  const seen: ReportKey[] = [];
  const out: OutboxEntry[] = [];
  for (const e of outbox.entries) {
    if (seen.some((k) => sameKey(k, e.key))) continue;
    seen.push(e.key);
    const state = entryState(e);
    if (
      state === "pending" ||
      (state === "blocked-locked" && opts.locked) ||
      (state === "refused" && opts.refused)
    )
      out.push(e);
  }
  return out;
}

/** The outbox as a person reads it: each entry with its state, in order. */
export function outboxSummary(outbox: Outbox): { entry: OutboxEntry; state: EntryState }[] {
  return outbox.entries.map((entry) => ({ entry, state: entryState(entry) }));
}

export function markAttempt(outbox: Outbox, opId: string): Outbox {
  return {
    ...outbox,
    entries: outbox.entries.map((e) => (e.opId === opId ? { ...e, attempts: e.attempts + 1 } : e)),
  };
}

/**
 * The store acknowledged `opId` as revision `revision`: drop it, and rebase the later entries of
 * the same report that were edited from the acknowledged entry's base onto the new revision.
 */
export function acknowledge(outbox: Outbox, opId: string, revision: number): Outbox {
  const done = outbox.entries.find((e) => e.opId === opId);
  if (!done) return outbox;
  return {
    ...outbox,
    entries: outbox.entries
      .filter((e) => e.opId !== opId)
      .map((e) =>
        sameKey(e.key, done.key) && e.baseRevision <= done.baseRevision
          ? { ...e, baseRevision: revision }
          : e,
      ),
  };
}

/** A 409 merged cleanly: the entry now carries the merged values on the new base, with a new opId. */
export function rebaseEntry(
  outbox: Outbox,
  opId: string,
  newOpId: string,
  baseRevision: number,
  values: IndicatorValues,
): Outbox {
  return {
    ...outbox,
    entries: outbox.entries.map((e) =>
      e.opId === opId ? { ...e, opId: newOpId, baseRevision, values, blocked: undefined } : e,
    ),
  };
}

export function block(
  outbox: Outbox,
  opId: string,
  reason: BlockReason,
  at: string,
  detail: { status?: number; message?: string; conflicts?: IndicatorConflict[] } = {},
): Outbox {
  return {
    ...outbox,
    entries: outbox.entries.map((e) => (e.opId === opId ? { ...e, blocked: { reason, at, ...detail } } : e)),
  };
}

/** The entry is sendable again (a network failure after a lock, or the person asked to retry). */
export function unblock(outbox: Outbox, opId: string): Outbox {
  return {
    ...outbox,
    entries: outbox.entries.map((e) => (e.opId === opId ? { ...e, blocked: undefined } : e)),
  };
}

export function drop(outbox: Outbox, opId: string): Outbox {
  return { ...outbox, entries: outbox.entries.filter((e) => e.opId !== opId) };
}
