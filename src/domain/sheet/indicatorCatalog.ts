/**
 * The reader's view of a criteria set: indicators by code and by folded name tokens, for mapping
 * workbook rows. Built once per set and cached (sets are immutable data).
 * Invariant: `byCode` holds every indicator code of the set; `tokens` are de-duplicated folded
 * syllables of the Vietnamese name, so similarity does not depend on diacritics or case.
 */
import type { CriteriaSet } from "../criteria/schema";
import { foldedTokens } from "./foldVietnamese";

export interface CatalogIndicator {
  code: string;
  criterion: string;
  name: string;
  unit?: string;
  kind: string;
  op: string;
  tokens: Set<string>;
}

export interface CatalogCriterion {
  code: string;
  name: string;
  indicators: CatalogIndicator[];
  tokens: Set<string>;
}

export interface IndicatorCatalog {
  setId: string;
  criteria: CatalogCriterion[];
  byCode: Map<string, CatalogIndicator>;
  criterionByCode: Map<string, CatalogCriterion>;
  indicatorCount: number;
  /** All indicators in set order, and for each folded token the indexes of indicators holding it. */
  all: CatalogIndicator[];
  tokenIndex: Map<string, number[]>;
}

const cache = new WeakMap<CriteriaSet, IndicatorCatalog>();

export function catalogOf(set: CriteriaSet): IndicatorCatalog {
  const hit = cache.get(set);
  if (hit) return hit;
  const byCode = new Map<string, CatalogIndicator>();
  const criterionByCode = new Map<string, CatalogCriterion>();
  const criteria: CatalogCriterion[] = set.criteria.map((c) => {
    const indicators = c.indicators.map((i) => {
      const ind: CatalogIndicator = {
        code: i.code,
        criterion: c.code,
        name: i.name.vi,
        ...(i.unit ? { unit: i.unit } : {}),
        kind: i.kind,
        op: i.op,
        tokens: new Set(foldedTokens(i.name.vi)),
      };
      byCode.set(i.code, ind);
      return ind;
    });
    const crit: CatalogCriterion = { code: c.code, name: c.name.vi, indicators, tokens: new Set(foldedTokens(c.name.vi)) };
    criterionByCode.set(c.code, crit);
    return crit;
  });
  const all = criteria.flatMap((c) => c.indicators);
  const tokenIndex = new Map<string, number[]>();
  all.forEach((ind, k) => {
    for (const t of ind.tokens) {
      const list = tokenIndex.get(t);
      if (list) list.push(k);
      else tokenIndex.set(t, [k]);
    }
  });
  const cat: IndicatorCatalog = { setId: set.id, criteria, byCode, criterionByCode, indicatorCount: byCode.size, all, tokenIndex };
  cache.set(set, cat);
  return cat;
}

/** Dice coefficient of two token sets: 1 for the same words, 0 for none in common. */
export function tokenSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

export interface NameMatch {
  indicator: CatalogIndicator;
  similarity: number;
}

/**
 * The indicator whose name is closest to `text` (Dice over folded tokens, counted through the token
 * index so only indicators sharing a word are looked at). Indicators of criterion `within` get a
 * small bonus: a row under "Tiêu chí 17" is most likely one of 17's indicators.
 */
export function matchIndicatorByName(
  catalog: IndicatorCatalog,
  text: string,
  within?: string,
): NameMatch | undefined {
  const tokens = new Set(foldedTokens(text));
  if (tokens.size === 0) return undefined;
  const common = new Map<number, number>();
  for (const t of tokens) {
    const list = catalog.tokenIndex.get(t);
    if (list) for (const k of list) common.set(k, (common.get(k) ?? 0) + 1);
  }
  let bestK = -1;
  let bestS = -1;
  for (const [k, n] of common) {
    const ind = catalog.all[k];
    const bonus = within !== undefined && ind.criterion === within ? 0.1 : 0;
    const s = Math.min(1, (2 * n) / (tokens.size + ind.tokens.size) + bonus);
    // Ties go to the earlier indicator in set order, so the answer never depends on map order.
    if (s > bestS || (s === bestS && k < bestK)) {
      bestS = s;
      bestK = k;
    }
  }
  return bestK < 0 ? undefined : { indicator: catalog.all[bestK], similarity: bestS };
}

/** The criterion whose name is closest to `text` ("Giao thông" → 2). */
export function matchCriterionByName(catalog: IndicatorCatalog, text: string): { code: string; similarity: number } | undefined {
  const tokens = new Set(foldedTokens(text));
  let best: { code: string; similarity: number } | undefined;
  for (const c of catalog.criteria) {
    const s = tokenSimilarity(tokens, c.tokens);
    if (!best || s > best.similarity) best = { code: c.code, similarity: s };
  }
  return best;
}
