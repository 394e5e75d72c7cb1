/**
 * The outbox: pushes a client has made but the store has not yet acknowledged, kept in order and
 * serialisable as JSON so it survives restarts (the host persists it: a file for the CLI, the
 * add-in's storage for Excel). Pure: opIds and times are passed in.
 *
 * Invariant: entries are replayed in the order they were enqueued, per report; an entry leaves the
 * outbox only when the store acknowledged it (201, or the same opId's earlier result) or when the
 * person resolved its conflict. Replaying an entry reuses its opId, so a push that was applied but
 * whose answer was lost is not applied twice.
 */
import type { IndicatorValues, ReportKey } from "./protocol";

export interface OutboxEntry {
  opId: string;
  key: ReportKey;
  baseRevision: number;
  values: IndicatorValues;
  workbookHash?: string | null;
  enqueuedAt: string;
  attempts: number;
  /** Set when the store answered 409 and the merge found conflicts a person must settle. */
  blocked?: { reason: "conflict" | "locked"; at: string };
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

/** The entries to send now: the first unblocked entry of each report, in enqueue order. */
export function nextToSend(outbox: Outbox): OutboxEntry[] {
  const seen: ReportKey[] = [];
  const out: OutboxEntry[] = [];
  for (const e of outbox.entries) {
    if (seen.some((k) => sameKey(k, e.key))) continue;
    seen.push(e.key);
    if (!e.blocked) out.push(e);
  }
  return out;
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

export function block(outbox: Outbox, opId: string, reason: "conflict" | "locked", at: string): Outbox {
  return {
    ...outbox,
    entries: outbox.entries.map((e) => (e.opId === opId ? { ...e, blocked: { reason, at } } : e)),
  };
}

export function drop(outbox: Outbox, opId: string): Outbox {
  return { ...outbox, entries: outbox.entries.filter((e) => e.opId !== opId) };
}
