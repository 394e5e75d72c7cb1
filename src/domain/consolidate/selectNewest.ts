/**
 * Duplicate detection: the same commune's report for the same criteria set (and, for village
 * checklists, the same villages) sent more than once. The newest by period, then file time, is kept
 * (comparePeriods.ts); every other copy is reported, never silently dropped.
 * Invariant: each input lands in exactly one of `kept` or `duplicates`, and the result does not
 * depend on the input order.
 */
import { compareNewness } from "./comparePeriods";

export interface Keyed<T> {
  key: string;
  period?: string | null;
  rank?: number;
  mtimeMs: number;
  path: string;
  item: T;
}

export function selectNewest<T>(items: readonly Keyed<T>[]): {
  kept: Keyed<T>[];
  duplicates: { dropped: Keyed<T>; kept: Keyed<T> }[];
} {
  const groups = new Map<string, Keyed<T>[]>();
  for (const it of items) {
    const g = groups.get(it.key);
    if (g) g.push(it);
    else groups.set(it.key, [it]);
  }
  const kept: Keyed<T>[] = [];
  const duplicates: { dropped: Keyed<T>; kept: Keyed<T> }[] = [];
  for (const group of groups.values()) {
    let newest = group[0];
    for (const it of group) if (compareNewness(it, newest) > 0) newest = it;
    kept.push(newest);
    for (const it of group) if (it !== newest) duplicates.push({ dropped: it, kept: newest });
  }
  const byPath = (a: Keyed<T>, b: Keyed<T>) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  kept.sort(byPath);
  duplicates.sort((a, b) => byPath(a.dropped, b.dropped));
  return { kept, duplicates };
}
