/**
 * Criteria sets a host holds besides the built-in ones (issue 13): versions installed in the store
 * and fetched from it, or a set file the person named. A lookup answers "which set does id X mean
 * for period P": the installed version in force for P when there is one, else the built-in set.
 * Invariant: a built-in set is used only when no installed version of its id is held, so a
 * province's installed targets are never silently replaced by the shipped ones.
 */
import { versionInForce, type CriteriaSetVersion } from "./criteriaSetVersion";
import { getCriteriaSet } from "./registry";
import type { CriteriaSet } from "./schema";

export interface InstalledSet extends CriteriaSetVersion {
  set: CriteriaSet;
}

export interface SetLookup {
  /** The set `id` means for `period` (the newest installed version when the period is not known). */
  getSet(id: string, period?: string): CriteriaSet | undefined;
  /** The installed version `id` means for `period`; undefined when the built-in set is used. */
  versionOf(id: string, period?: string): InstalledSet | undefined;
}

function inForce(versions: readonly InstalledSet[], period: string | undefined): InstalledSet | undefined {
  if (versions.length === 0) return undefined;
  if (period) {
    try {
      return versionInForce(versions, period) ?? versions[0];
    } catch {
      // A period the store would refuse ("2023-13"): judged by the newest version, as when unknown.
    }
  }
  return versions[versions.length - 1];
}

/** `installed` in install order (oldest first within an id), as the store lists them. */
export function setLookup(
  installed: readonly InstalledSet[],
  builtIn: (id: string) => CriteriaSet | undefined = getCriteriaSet,
): SetLookup {
  const byId = new Map<string, InstalledSet[]>();
  for (const v of installed) byId.set(v.id, [...(byId.get(v.id) ?? []), v]);
  const versionOf = (id: string, period?: string) => inForce(byId.get(id) ?? [], period);
  return {
    versionOf,
    getSet: (id, period) => versionOf(id, period)?.set ?? builtIn(id),
  };
}
