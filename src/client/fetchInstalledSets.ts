/**
 * The installed criteria-set versions of a server, as a host keeps them for offline use (the CLI on
 * disk, the pane in its partitioned storage): the list of versions, and each definition fetched once
 * — a version never changes, so one already held (same id and hash) is never fetched again.
 * Invariant: every definition returned passed CriteriaSetSchema; a version the server sends that
 * does not is left out rather than judged by.
 */
import type { InstalledSet } from "../domain/criteria/installedSets";
import { CriteriaSetError, parseCriteriaSet } from "../domain/criteria/schema";
import type { SyncClient } from "./syncClient";

/** The JSON form a host keeps: the versions with their definitions. */
export interface KeptSets {
  server: string;
  /** When they were fetched (ISO time, the host's clock). */
  fetchedAt: string;
  sets: InstalledSet[];
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
