/**
 * The add-in's sync session: sign-in, push through the persisted outbox, pull, per-indicator
 * conflict settling, and replay when the network returns. Built on src/domain/sync (outbox, merge)
 * and the protocol client; this file only orders the steps and keeps the state people see.
 *
 * Invariants: a push is written to the outbox (and storage) before it is sent, so a reload or a
 * dead network never loses it; an entry leaves the outbox only when the server acknowledged it;
 * a conflict is never settled without the person's choice for each conflicting indicator.
 */
import { drop, entryState, sameKey, type Outbox } from "../../domain/sync/outbox";
import {
  queuePush,
  settleConflictEntry,
  waitingEntries,
  type OutboxLine,
} from "../../domain/sync/workbookPush";
import type { IndicatorValues, ReportKey, ReportView } from "../../domain/sync/protocol";
import { flushOutbox, isUnreachable, SyncClient } from "../../client/syncClient";
import { randomOpId, UNREACHABLE } from "./syncNetwork";
import type { Choice, SyncPhase, SyncState } from "./syncState";
import {
  loadLastKey,
  loadOutbox,
  loadSession,
  saveLastKey,
  saveOutbox,
  saveSession,
  villageKeeperIn,
  type KeyValueStore,
  type SavedSession,
} from "./syncStorage";

import { villageListOf, type VillageList } from "../../client/villageList";
import { refreshKeptSets, type RefreshOutcome } from "../criteria/refreshKeptSets";

export type { Choice, PendingConflict, SyncPhase, SyncState } from "./syncState";
export { UNREACHABLE } from "./syncNetwork";

export interface SyncDeps {
  store: KeyValueStore;
  fetch?: typeof fetch;
  newOpId?: () => string;
  now?: () => string;
}

export class SyncSession {
  private state: SyncState;
  private outbox: Outbox;
  private listeners = new Set<() => void>();
  private readonly newOpId: () => string;
  private readonly now: () => string;

  private readonly fetchFn: typeof fetch;

  constructor(private readonly deps: SyncDeps) {
    const fetchFn = deps.fetch ?? ((input, init) => globalThis.fetch(input, init)); // tests pass their own
    // Every call says whether the server could be reached, so "offline" is told whichever tab asked.
    this.fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      try {
        const res = await fetchFn(input, init);
        if (this.state.unreachable) this.set({ unreachable: false });
        return res;
      } catch (e) {
        if (isUnreachable(e)) this.set({ unreachable: true });
        throw e;
      }
    }) as typeof fetch;
    this.newOpId = deps.newOpId ?? randomOpId;
    this.now = deps.now ?? (() => new Date().toISOString());
    this.outbox = loadOutbox(deps.store);
    const session = loadSession(deps.store);
    const lastKey = loadLastKey(deps.store);
    this.state = {
      phase: session ? (this.outbox.entries.length ? "pending" : "synced") : "signed-out",
      ...(session ? { session } : {}),
      ...(lastKey ? { lastKey } : {}),
      outboxSize: this.outbox.entries.length,
      ...(session ? this.waitingPatch() : {}),
    };
  }

  /**
   * What the outbox itself says waits (a conflict to choose, a refusal, a lock), so a reload or a
   * network failure never hides it behind "pending" or "offline".
   */
  private waitingPatch(): Partial<SyncState> {
    const waiting = (state: string) => this.outbox.entries.find((e) => entryState(e) === state);
    const conflicted = waiting("blocked-conflict");
    if (conflicted)
      return {
        phase: "conflict",
        conflict: {
          opId: conflicted.opId,
          key: conflicted.key,
          conflicts: conflicted.blocked?.conflicts ?? [],
        },
      };
    const refused = waiting("refused");
    if (refused) return { phase: "refused", message: refused.blocked?.message };
    if (waiting("blocked-locked")) return { phase: "locked" };
    return {};
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): SyncState => this.state;

  private set(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch, outboxSize: this.outbox.entries.length };
    for (const l of this.listeners) l();
  }

  private setOutbox(o: Outbox): void {
    this.outbox = o;
    saveOutbox(this.deps.store, o);
  }

  /** The protocol client for the signed-in person (review and consolidation calls). */
  api(): SyncClient {
    const s = this.state.session;
    if (!s) throw new Error("Chưa đăng nhập / not signed in");
    return new SyncClient({ baseUrl: s.serverUrl, token: s.token, fetch: this.fetchFn });
  }

  /**
   * Fetch and keep the server's installed criteria-set versions (issue 13) for the pane's check and
   * the custom functions; offline (or refused), what is kept stays and keeps judging.
   */
  async refreshCriteriaSets(): Promise<RefreshOutcome | undefined> {
    const s = this.state.session;
    if (!s) return undefined;
    return refreshKeptSets(this.api(), this.deps.store, s.serverUrl, this.now).catch(() => undefined);
  }

  /** The org tree under a commune, kept for offline pushes (one path with `ntm push`: client/villageList). */
  async villageList(org: string, period: string): Promise<VillageList> {
    const s = this.state.session;
    if (!s) return { error: "Chưa đăng nhập / not signed in" };
    return villageListOf(this.api(), org, period, villageKeeperIn(this.deps.store, s.serverUrl), this.now);
  }

  async signIn(serverUrl: string, token: string): Promise<void> {
    const probe = new SyncClient({ baseUrl: serverUrl, token, fetch: this.fetchFn });
    const me = await probe.me();
    const session: SavedSession = {
      serverUrl,
      token,
      name: me.name,
      role: me.role,
      scope: `${me.scope.name} (${me.scope.code})`,
      scopeCode: me.scope.code,
      ...(me.actions ? { actions: me.actions } : {}),
    };
    saveSession(this.deps.store, session);
    this.set({ session, phase: this.outbox.entries.length ? "pending" : "synced", message: undefined });
  }

  /**
   * Drops an entry the server refused for good (the person read why and gave up on it); entries
   * still sendable or waiting for a choice are never dropped here.
   */
  discard(opId: string): SyncState {
    const entry = this.outbox.entries.find((e) => e.opId === opId);
    if (!entry || entryState(entry) !== "refused") return this.state;
    this.setOutbox(drop(this.outbox, opId));
    this.set({
      phase: this.outbox.entries.length ? "pending" : "synced",
      message: undefined,
      ...this.waitingPatch(),
    });
    return this.state;
  }

  /** Asks the server which revision it holds for `key` (no values are written anywhere). */
  async peek(key: ReportKey): Promise<SyncState["serverHead"]> {
    const view = await this.api().getReport(key);
    const serverHead = {
      key,
      revision: view.head?.number ?? 0,
      reviewState: view.reviewState,
      locked: view.locked,
    };
    this.set({ serverHead });
    return serverHead;
  }

  signOut(): void {
    saveSession(this.deps.store, undefined);
    this.set({ session: undefined, phase: "signed-out", view: undefined });
  }

  /** Queues a push (persisted at once), then tries to send everything queued. */
  async push(
    key: ReportKey,
    baseRevision: number,
    values: IndicatorValues,
    workbookHash?: string | null,
  ): Promise<SyncState> {
    return (await this.pushAll([{ key, baseRevision, values }], workbookHash)).state;
  }

  /**
   * Queues one push per report of a workbook (each persisted at once), then sends everything queued
   * in one flush. `inStep`: the reports acknowledged as sent (no one else's change merged in), with
   * the revision each workbook report now stands at — the only moves of a base.
   */
  async pushAll(
    items: readonly { key: ReportKey; baseRevision: number; values: IndicatorValues }[],
    workbookHash?: string | null,
  ): Promise<{ state: SyncState; inStep: { key: ReportKey; revision: number }[] }> {
    const last = items.at(-1);
    // Nothing of the workbook to queue (its villages held back): what already waits still goes.
    if (!last) return { state: await this.flush(), inStep: [] };
    saveLastKey(this.deps.store, last.key);
    this.state = { ...this.state, lastKey: last.key };
    for (const { key, baseRevision, values } of items)
      // The one push of src/domain/sync: the same values already waiting are not queued twice.
      this.setOutbox(
        queuePush(
          this.outbox,
          { opId: this.newOpId(), key, baseRevision, values, enqueuedAt: this.now() },
          undefined,
          workbookHash,
        ).outbox,
      );
    this.set({ phase: "pending", progress: 0.1 });
    const keys = new Map(this.outbox.entries.map((e) => [e.opId, e.key]));
    const { state, acknowledged } = await this.send({});
    const inStep = acknowledged.flatMap((a) => {
      const key = keys.get(a.opId); // a rebased entry has a new opId: it did not go as it was
      return key && items.some((i) => sameKey(i.key, key)) ? [{ key, revision: a.revision }] : [];
    });
    return { state, inStep };
  }

  /** Sends the outbox; network failures leave it in place (phase "offline") for the next try. */
  async flush(opts: { retryRefused?: boolean } = {}): Promise<SyncState> {
    return (await this.send(opts)).state;
  }

  private async send(opts: {
    retryRefused?: boolean;
  }): Promise<{ state: SyncState; acknowledged: { opId: string; revision: number }[] }> {
    const nothing = { acknowledged: [] };
    if (!this.state.session || !this.outbox.entries.length) {
      this.set({
        progress: undefined,
        ...(this.state.session && this.state.phase !== "conflict" ? { phase: "synced" as SyncPhase } : {}),
      });
      return { state: this.state, ...nothing };
    }
    this.set({ phase: "sending", progress: 0.4 });
    const client = this.api();
    let report;
    try {
      report = await flushOutbox(client, this.outbox, {
        newOpId: this.newOpId,
        now: this.now,
        baseValues: (key, revision) => this.valuesAt(client, key, revision),
        // A refusal is sent again only when the person asks ("Gửi lại" after fixing the sign-in).
        retryRefused: opts.retryRefused,
      });
    } catch (e) {
      this.set({
        phase: isUnreachable(e) ? "offline" : "pending",
        progress: undefined,
        message: isUnreachable(e) ? UNREACHABLE : String((e as Error).message ?? e),
        // A conflict waiting for a choice stays on screen while the network is away.
        ...(this.waitingPatch().conflict ? { conflict: this.waitingPatch().conflict } : {}),
      });
      return { state: this.state, ...nothing };
    }
    const queued = new Set(this.outbox.entries.map((e) => e.opId));
    const last = report.acknowledged[report.acknowledged.length - 1];
    // A rebased entry is acknowledged under a new opId: its report is the one last pushed.
    const lastKey =
      (last && this.outbox.entries.find((e) => e.opId === last.opId)?.key) ?? this.state.lastKey;
    this.setOutbox(report.outbox);
    const patch: Partial<SyncState> = {
      progress: undefined,
      ...(last && lastKey
        ? { serverHead: { key: lastKey, revision: last.revision, reviewState: "submitted", locked: false } }
        : {}),
      sentAsIs: report.acknowledged.every((a) => queued.has(a.opId)),
      ...(last ? { lastRevision: last.revision } : {}),
    };
    // What waits is read from the outbox itself, so an entry blocked in an earlier session (before
    // a reload) is still shown with its reason, never left as a silent "pending".
    const waits = this.waitingPatch();
    if (waits.conflict) {
      const fresh = report.conflicts.find((x) => x.opId === waits.conflict?.opId)?.conflicts;
      this.set({
        ...patch,
        ...waits,
        conflict: { ...waits.conflict, conflicts: fresh ?? waits.conflict.conflicts },
      });
    } else if (waits.phase) this.set({ ...patch, ...waits });
    else if (report.failed.length) {
      const failed = report.failed[0];
      this.set({
        ...patch,
        phase: "offline",
        message: failed.unreachable ? UNREACHABLE : failed.message,
      });
    } else
      this.set({
        ...patch,
        phase: this.outbox.entries.length ? "pending" : "synced",
        conflict: undefined,
        message: undefined,
      });
    return { state: this.state, acknowledged: report.acknowledged };
  }

  /** A revision's values, or undefined when the server has no such revision (a pull's base). */
  async revisionValues(key: ReportKey, revision: number): Promise<IndicatorValues | undefined> {
    if (revision <= 0) return undefined;
    const revs = await this.api().revisions(key, revision - 1);
    return revs.find((r) => r.number === revision)?.values;
  }

  private async valuesAt(client: SyncClient, key: ReportKey, revision: number): Promise<IndicatorValues> {
    return client.valuesAt(key, revision);
  }

  /**
   * Settles a conflict: each conflicting indicator takes the person's choice (mine, theirs or
   * base); the other indicators merge as usual; the entry is rebased on the head and sent again.
   */
  async resolve(choices: Record<string, Choice>): Promise<SyncState> {
    const pending = this.state.conflict;
    if (!pending) return this.state;
    const missing = pending.conflicts.filter((c) => !choices[c.code]).map((c) => c.code);
    if (missing.length)
      throw new Error(`Hãy chọn giá trị cho: ${missing.join(", ")} / choose a value for each conflict`);
    const client = this.api();
    const entry = this.outbox.entries.find((e) => e.opId === pending.opId);
    if (!entry) return (this.set({ conflict: undefined }), this.state);
    const head = await client.getReport(entry.key);
    const base = await this.valuesAt(client, entry.key, entry.baseRevision);
    const settled = settleConflictEntry(
      this.outbox,
      entry,
      base,
      { number: head.head?.number ?? 0, values: head.head?.values ?? {} },
      (code) => choices[code] ?? (pending.conflicts.some((c) => c.code === code) ? undefined : "theirs"),
      this.newOpId(),
    );
    if (settled.missing.length)
      throw new Error(
        `Hãy chọn giá trị cho: ${settled.missing.join(", ")} / choose a value for each conflict`,
      );
    this.setOutbox(settled.outbox);
    this.set({ conflict: undefined, phase: "pending" });
    return this.flush();
  }

  /** Pulls the head values, review state and the reviewer's comments. */
  async pull(key: ReportKey): Promise<ReportView> {
    saveLastKey(this.deps.store, key);
    this.state = { ...this.state, lastKey: key };
    const view = await this.api().getReport(key);
    const phase: SyncPhase = this.outbox.entries.length
      ? this.state.phase === "conflict"
        ? "conflict"
        : "pending"
      : view.locked || view.reviewState === "approved"
        ? "approved"
        : view.reviewState === "returned"
          ? "returned"
          : "synced";
    this.set({
      view,
      phase,
      ...(view.head ? { lastRevision: view.head.number } : {}),
      serverHead: {
        key,
        revision: view.head?.number ?? 0,
        reviewState: view.reviewState,
        locked: view.locked,
      },
    });
    return view;
  }

  /** Every entry not acknowledged, with its state (the lines `ntm push` prints too). */
  waiting(): OutboxLine[] {
    return waitingEntries(this.outbox);
  }

  entries(): Outbox["entries"] {
    return this.outbox.entries;
  }
}
