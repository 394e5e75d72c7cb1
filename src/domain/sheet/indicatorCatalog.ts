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
  const cat: IndicatorCatalog = { setId: set.id, criteria, byCode, criterionByCode, indicatorCount: byCode.size };
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

/** The indicator whose name is closest to `text`, searching `within` a criterion first when given. */
export function matchIndicatorByName(
  catalog: IndicatorCatalog,
  text: string,
  within?: string,
): NameMatch | undefined {
  const tokens = new Set(foldedTokens(text));
  if (tokens.size === 0) return undefined;
  let best: NameMatch | undefined;
  const consider = (list: CatalogIndicator[], bonus: number) => {
    for (const ind of list) {
      const s = Math.min(1, tokenSimilarity(tokens, ind.tokens) + bonus);
      if (!best || s > best.similarity) best = { indicator: ind, similarity: s };
    }
  };
  const crit = within ? catalog.criterionByCode.get(within) : undefined;
  if (crit) consider(crit.indicators, 0.1);
  for (const c of catalog.criteria) if (c !== crit) consider(c.indicators, 0);
  return best;
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
