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
    const crit: CatalogCriterion = {
      code: c.code,
      name: c.name.vi,
      indicators,
      tokens: new Set(foldedTokens(c.name.vi)),
    };
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
  const cat: IndicatorCatalog = {
    setId: set.id,
    criteria,
    byCode,
    criterionByCode,
    indicatorCount: byCode.size,
    all,
    tokenIndex,
  };
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

/** Memo of name matches per catalog: communes copy indicator names verbatim, row after row, file after file. */
interface MatchMemo {
  results: Map<string, NameMatch | null>;
  /** Scratch counts per indicator index (reset after each match), so no Map is built per row. */
  counts: Int32Array;
  touched: number[];
}
const matchMemos = new WeakMap<IndicatorCatalog, MatchMemo>();
const MATCH_MEMO_LIMIT = 20000;

function memoOf(catalog: IndicatorCatalog): MatchMemo {
  let m = matchMemos.get(catalog);
  if (!m) {
    m = { results: new Map(), counts: new Int32Array(catalog.all.length), touched: [] };
    matchMemos.set(catalog, m);
  }
  return m;
}

// Folded token sets of texts, shared read-only by every caller (never mutated).
const tokenSets = new Map<string, Set<string>>();
const TOKEN_SET_LIMIT = 20000;

/** The de-duplicated folded tokens of `text`, remembered (callers must not change the set). */
export function tokenSetOf(text: string): Set<string> {
  let set = tokenSets.get(text);
  if (set === undefined) {
    set = new Set(foldedTokens(text));
    if (tokenSets.size >= TOKEN_SET_LIMIT) tokenSets.clear();
    tokenSets.set(text, set);
  }
  return set;
}

/**
 * The indicator whose name is closest to `text` (Dice over folded tokens, counted through the token
 * index so only indicators sharing a word are looked at). Indicators of criterion `within` get a
 * small bonus: a row under "Tiêu chí 17" is most likely one of 17's indicators.
 * The answer depends only on (catalog, text, within), so it is remembered per catalog; the returned
 * object is shared and must not be changed.
 */
export function matchIndicatorByName(
  catalog: IndicatorCatalog,
  text: string,
  within?: string,
): NameMatch | undefined {
  const memo = memoOf(catalog);
  const key = within === undefined ? "\u0000" + text : within + "\u0000" + text;
  const hit = memo.results.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const found = matchUncached(catalog, memo, tokenSetOf(text), within);
  if (memo.results.size >= MATCH_MEMO_LIMIT) memo.results.clear();
  memo.results.set(key, found ?? null);
  return found;
}

function matchUncached(
  catalog: IndicatorCatalog,
  memo: MatchMemo,
  tokens: Set<string>,
  within?: string,
): NameMatch | undefined {
  if (tokens.size === 0) return undefined;
  const { counts, touched } = memo;
  for (const t of tokens) {
    const list = catalog.tokenIndex.get(t);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const k = list[i];
      if (counts[k]++ === 0) touched.push(k);
    }
  }
  let bestK = -1;
  let bestS = -1;
  for (let i = 0; i < touched.length; i++) {
    const k = touched[i];
    const n = counts[k];
    counts[k] = 0;
    const ind = catalog.all[k];
    const bonus = within !== undefined && ind.criterion === within ? 0.1 : 0;
    const s = Math.min(1, (2 * n) / (tokens.size + ind.tokens.size) + bonus);
    // Ties go to the earlier indicator in set order, so the answer never depends on visiting order.
    if (s > bestS || (s === bestS && k < bestK)) {
      bestS = s;
      bestK = k;
    }
  }
  touched.length = 0;
  return bestK < 0 ? undefined : { indicator: catalog.all[bestK], similarity: bestS };
}

/** The criterion whose name is closest to `text` ("Giao thông" → 2). */
export function matchCriterionByName(
  catalog: IndicatorCatalog,
  text: string,
): { code: string; similarity: number } | undefined {
  const tokens = tokenSetOf(text);
  let best: { code: string; similarity: number } | undefined;
  for (const c of catalog.criteria) {
    const s = tokenSimilarity(tokens, c.tokens);
    if (!best || s > best.similarity) best = { code: c.code, similarity: s };
  }
  return best;
}
