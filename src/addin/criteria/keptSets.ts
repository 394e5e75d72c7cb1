/**
 * The criteria-set versions installed on the server, kept in the add-in's own (partitioned)
 * storage like the outbox (sync/syncStorage.ts), so the pane and the custom functions keep judging
 * by them offline (issue 13). The pane writes them when signed in; the custom functions only read
 * (no network from a function), falling back to the built-in sets when none are kept.
 * Invariant: readers see only sets that pass CriteriaSetSchema; a small revision key changes with
 * every save, so a reader re-parses exactly when the kept sets changed, never on a timer.
 */
import type { KeptSets } from "../../client/fetchInstalledSets";
import { setLookup, type InstalledSet, type SetLookup } from "../../domain/criteria/installedSets";
import { parseCriteriaSet } from "../../domain/criteria/schema";
import { defaultStore, type KeyValueStore } from "../sync/syncStorage";

export type { KeptSets };

export const KEPT_SETS_KEY = "ntm.criteria-sets.v1";
const KEPT_SETS_REVISION_KEY = "ntm.criteria-sets.revision.v1";

export function loadKeptSets(store: KeyValueStore): KeptSets | undefined {
  try {
    const kept = JSON.parse(store.getItem(KEPT_SETS_KEY) ?? "null") as KeptSets | null;
    if (!kept || !Array.isArray(kept.sets)) return undefined;
    return { ...kept, sets: kept.sets.map((s) => ({ ...s, set: parseCriteriaSet(s.set) })) };
  } catch {
    return undefined;
  }
}

export function saveKeptSets(store: KeyValueStore, kept: KeptSets): void {
  store.setItem(KEPT_SETS_KEY, JSON.stringify(kept));
  store.setItem(KEPT_SETS_REVISION_KEY, `${kept.fetchedAt}|${kept.sets.map((s) => s.hash).join(",")}`);
  if (store === inUse.store) inUse.revision = undefined;
}

/** The storage this runtime reads kept sets from (the pane and the functions share one runtime). */
const inUse: { store: KeyValueStore; revision?: string | null; sets: InstalledSet[]; kept?: KeptSets } = {
  store: defaultStore(),
  sets: [],
};

/** Tests and hosts without localStorage hand their storage in here. */
export function readKeptSetsFrom(store: KeyValueStore): void {
  inUse.store = store;
  inUse.revision = undefined;
}

/** The kept versions (oldest first within a set), re-read only when a save changed them. */
export function keptSetsInUse(): { sets: InstalledSet[]; kept?: KeptSets } {
  const revision = inUse.store.getItem(KEPT_SETS_REVISION_KEY);
  if (revision !== inUse.revision) {
    inUse.kept = loadKeptSets(inUse.store);
    inUse.sets = inUse.kept?.sets ?? [];
    inUse.revision = revision;
  }
  return { sets: inUse.sets, ...(inUse.kept ? { kept: inUse.kept } : {}) };
}

export function installedSetsInUse(): InstalledSet[] {
  return keptSetsInUse().sets;
}

let lookupOf: { sets: InstalledSet[]; lookup: SetLookup } | undefined;

/** The lookup over the kept versions, made once per change (a custom function may run 10,000 times). */
export function installedLookupInUse(): SetLookup {
  const sets = installedSetsInUse();
  if (lookupOf?.sets !== sets) lookupOf = { sets, lookup: setLookup(sets) };
  return lookupOf.lookup;
}
