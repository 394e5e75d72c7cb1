/**
 * The domain form of a stored criteria-set version, and the "judged by" stamp every evaluation the
 * server makes carries (issue 13), so a push's answer, a stored revision and a consolidation row
 * each say which version judged them.
 * Invariant: a stored version never changes, so its parsed form is cached by (id, hash) for good.
 */
import { parseCriteriaSet, type CriteriaSet } from "../../domain/criteria/schema";
import type { JudgedBy } from "../../domain/sync/protocol";
import type { StoredCriteriaSet } from "../store/criteriaSetStore";

const parsedSets = new Map<string, CriteriaSet>();

/** The domain form of a stored set (parsed once per content hash; stored rows never change). */
export function domainSet(stored: StoredCriteriaSet): CriteriaSet {
  const key = `${stored.id}@${stored.hash}`;
  let set = parsedSets.get(key);
  if (!set) {
    set = parseCriteriaSet(stored.definition, `store:${key}`);
    parsedSets.set(key, set);
  }
  return set;
}

export function judgedBy(stored: StoredCriteriaSet): JudgedBy {
  return { setId: stored.id, setHash: stored.hash, label: stored.label };
}
