/**
 * Per-indicator three-way merge of report values (base, mine, theirs → merged + conflicts).
 *
 * Invariant: for every indicator code in base ∪ mine ∪ theirs, compared by canonical JSON
 * (an absent indicator is "absent", which is a value too):
 *   - mine = base  → theirs is taken (my side did not touch it);
 *   - theirs = base → mine is taken;
 *   - mine = theirs → that value is taken (the same change on both sides is no conflict); the
 *     same value and unit written in another place or under another label or note is the same
 *     change (a week's results restating its registered plan from another file), and mine is taken;
 *   - otherwise it is a conflict: merged keeps theirs (what the store holds) and the conflict
 *     lists all three, for the person to decide. Nothing is decided silently.
 */
import { canonicalJson } from "./canonicalJson";
import type { IndicatorChange, IndicatorValue, IndicatorValues } from "./protocol";

export interface IndicatorConflict {
  code: string;
  base: IndicatorValue | null;
  mine: IndicatorValue | null;
  theirs: IndicatorValue | null;
}

export interface MergeResult {
  merged: IndicatorValues;
  conflicts: IndicatorConflict[];
}

function same(a: IndicatorValue | undefined, b: IndicatorValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

/** What a value states, without where and under which words it was written. */
function sameStatement(a: IndicatorValue | undefined, b: IndicatorValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson([a.value, a.unit ?? null]) === canonicalJson([b.value, b.unit ?? null]);
}

export function mergeIndicatorValues(
  base: IndicatorValues,
  mine: IndicatorValues,
  theirs: IndicatorValues,
): MergeResult {
  const merged: IndicatorValues = Object.create(null);
  const conflicts: IndicatorConflict[] = [];
  const codes = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const code of [...codes].sort()) {
    const b = own(base, code);
    const m = own(mine, code);
    const t = own(theirs, code);
    let pick: IndicatorValue | undefined;
    if (same(m, b)) pick = t;
    else if (same(t, b) || sameStatement(m, t)) pick = m;
    else {
      pick = t;
      conflicts.push({ code, base: b ?? null, mine: m ?? null, theirs: t ?? null });
    }
    if (pick !== undefined) merged[code] = pick;
  }
  return { merged, conflicts };
}

/** The indicators that differ from `before` to `after` (what the server sends with a 409). */
export function diffIndicatorValues(before: IndicatorValues, after: IndicatorValues): IndicatorChange[] {
  const codes = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: IndicatorChange[] = [];
  for (const code of [...codes].sort()) {
    const b = own(before, code);
    const a = own(after, code);
    if (!same(b, a)) changes.push({ code, before: b ?? null, after: a ?? null });
  }
  return changes;
}

/** Rebuild the head from a base and the changes since it (the client side of a 409). */
export function applyIndicatorChanges(base: IndicatorValues, changes: IndicatorChange[]): IndicatorValues {
  const out: IndicatorValues = Object.assign(Object.create(null), base);
  for (const c of changes) {
    if (c.after === null) delete out[c.code];
    else out[c.code] = c.after;
  }
  return out;
}

function own(values: IndicatorValues, code: string): IndicatorValue | undefined {
  return Object.prototype.hasOwnProperty.call(values, code) ? values[code] : undefined;
}
