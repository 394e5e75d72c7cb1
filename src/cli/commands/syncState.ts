/**
 * The CLI's sync state beside a workbook (`FILE.ntm-sync.json`): the server and report it syncs
 * with, the revision it was last in step with (and that revision's values: the base of the next
 * merge), and the outbox of pushes not yet acknowledged — so a push interrupted by a dropped
 * connection is replayed, with the same opId, by the next `ntm push`.
 */
import * as fs from "node:fs";
import { type IndicatorValues, type Outbox, type ReportKey, emptyOutbox } from "../../domain/sync";

export interface SyncState {
  server: string;
  key: ReportKey;
  baseRevision: number;
  baseValues: IndicatorValues;
  outbox: Outbox;
}

export function syncStatePath(workbook: string): string {
  return `${workbook}.ntm-sync.json`;
}

export function loadSyncState(workbook: string, server: string, key: ReportKey): SyncState {
  const file = syncStatePath(workbook);
  if (fs.existsSync(file)) {
    const s = JSON.parse(fs.readFileSync(file, "utf8")) as SyncState;
    if (s.server === server && s.key.org === key.org && s.key.set === key.set && s.key.period === key.period)
      return s;
    // Another report of this workbook (another period, set or unit, or the same typed with another
    // server address) may still have pushes waiting: they stay in the outbox (each entry names its
    // own report) and go with this push, instead of being written over and lost.
    if (s.outbox?.entries?.length) return { server, key, baseRevision: 0, baseValues: {}, outbox: s.outbox };
  }
  return { server, key, baseRevision: 0, baseValues: {}, outbox: emptyOutbox() };
}

/**
 * The org unit this workbook was last synced as with this server, set and period: a workbook that
 * names its commune but not its code, found once by name, is queued offline under the same unit.
 */
export function rememberedOrg(
  workbook: string,
  server: string,
  set: string,
  period: string,
): string | undefined {
  const file = syncStatePath(workbook);
  if (!fs.existsSync(file)) return undefined;
  const s = JSON.parse(fs.readFileSync(file, "utf8")) as SyncState;
  return s.server === server && s.key.set === set && s.key.period === period ? s.key.org : undefined;
}

/** Written to a temp file and renamed, so a crash never leaves half a state file. */
export function saveSyncState(workbook: string, state: SyncState): void {
  const file = syncStatePath(workbook);
  fs.writeFileSync(file + ".tmp", JSON.stringify(state, null, 2));
  fs.renameSync(file + ".tmp", file);
}
