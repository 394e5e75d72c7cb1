/**
 * An unnumbered row under a known criterion: the set's order says which indicator comes next, the
 * name confirms it (or points to another of the criterion's indicators not yet read).
 * Invariant: an indicator already read is never proposed again, and the expected one wins a close
 * call (it is taken on a weaker name match than any other — a retyped or shortened name).
 */
import {
  tokenSetOf,
  tokenSimilarity,
  type CatalogCriterion,
  type CatalogIndicator,
} from "./indicatorCatalog";

export const NAME_MATCH_MIN = 0.5;
/** The next indicator of the criterion in set order wins a close name match … */
const ORDER_BONUS = 0.25;
/** … and is taken on a weaker name match than any other. */
const EXPECTED_MIN = 0.25;

export function matchIndicatorInOrder(
  crit: CatalogCriterion,
  name: string,
  /** Index in the criterion's order after the last indicator read under it. */
  nextInCriterion: number,
  alreadyRead: (code: string) => boolean,
): { indicator: CatalogIndicator; similarity: number } | undefined {
  const tokens = tokenSetOf(name);
  const expected = crit.indicators.find((i, k) => k >= nextInCriterion && !alreadyRead(i.code));
  const similarity = (ind: CatalogIndicator) =>
    Math.max(tokenSimilarity(tokens, ind.tokens), tokens.size >= 3 ? 0.8 * coverage(tokens, ind.tokens) : 0);
  // The next indicator in order with a name this close needs no comparison with the others.
  if (expected) {
    const sim = similarity(expected);
    if (sim >= 0.6) return { indicator: expected, similarity: sim };
  }
  let best: { indicator: CatalogIndicator; similarity: number; score: number } | undefined;
  for (const ind of crit.indicators) {
    if (alreadyRead(ind.code)) continue;
    // A shortened name ("Xã có điểm vui chơi") is mostly words of the indicator's name.
    const sim = similarity(ind);
    const score = sim + (ind === expected ? ORDER_BONUS : 0);
    if (!best || score > best.score) best = { indicator: ind, similarity: sim, score };
  }
  if (!best) return undefined;
  const ok =
    best.indicator === expected ? best.similarity >= EXPECTED_MIN : best.similarity >= NAME_MATCH_MIN;
  return ok ? best : undefined;
}

/** Share of the words of `a` found in `b`. */
function coverage(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return a.size ? n / a.size : 0;
}
