/**
 * The installed criteria-set versions of a server, as a host keeps them for offline use (the CLI on
 * disk, the pane in its partitioned storage): the list of versions, and each definition fetched once
 * — a version never changes, so one already held (same id and hash) is never fetched again.
 * Invariant: every definition returned passed CriteriaSetSchema; a version the server sends that
 * does not is left out rather than judged by.
 */
import type { InstalledSet } from "../domain/criteria/installedSets";
import { CriteriaSetError, parseCriteriaSet, type Region } from "../domain/criteria/schema";
import type { SyncClient } from "./syncClient";

/** The JSON form a host keeps: the versions with their definitions. */
export interface KeptSets {
  server: string;
  /** When they were fetched (ISO time, the host's clock). */
  fetchedAt: string;
  sets: InstalledSet[];
  /**
   * The region of the signed-in person's scope (`/api/me`), kept with the sets: regional targets are
   * judged by it as the server judges a push, also offline. Absent for a national scope.
   */
  region?: Region;
}

/** The sets and the scope's region, as a host keeps them (the CLI on disk, the pane in its storage). */
export async function fetchKeptSets(
  client: SyncClient,
  server: string,
  fetchedAt: string,
  held: readonly InstalledSet[] = [],
): Promise<KeptSets> {
  const sets = await fetchInstalledSets(client, held);
  const { region } = await client.me();
  return { server, fetchedAt, sets, ...(region ? { region } : {}) };
}

export async function fetchInstalledSets(
  client: SyncClient,
  held: readonly InstalledSet[] = [],
): Promise<InstalledSet[]> {
  const known = new Map(held.map((v) => [`${v.id}@${v.hash}`, v]));
  const out: InstalledSet[] = [];
  for (const s of await client.criteriaSetVersions()) {
    if (!s.hash) continue; // an older server: no versions to keep
    const kept = known.get(`${s.id}@${s.hash}`);
    if (kept) {
      out.push(kept);
      continue;
    }
    const v = await client.criteriaSetVersion(s.id, s.hash);
    try {
      out.push({
        id: v.id,
        hash: v.hash,
        inForceFrom: v.inForceFrom ?? null,
        installedAt: v.installedAt ?? "",
        installedBy: v.installedBy ?? null,
        set: parseCriteriaSet(v.definition, `${v.id}@${v.hash.slice(0, 7)}`),
      });
    } catch (e) {
      if (!(e instanceof CriteriaSetError)) throw e;
    }
  }
  return out;
}
