/**
 * Per-indicator three-way merge of report values (base, mine, theirs → merged + conflicts).
 *
 * Invariant: for every indicator code in base ∪ mine ∪ theirs, compared by canonical JSON
 * (an absent indicator is "absent", which is a value too):
 *   - mine = base  → theirs is taken (my side did not touch it);
 *   - theirs = base → mine is taken;
 *   - mine = theirs → that value is taken (the same change on both sides is no conflict); the
 *     same value, unit and self-assessment written in another place, under another label, or with a
 *     note or workbook target only one side states, is the same change too (a week's results
 *     restating its registered plan from another file): mine is taken, completed by theirs' note
 *     or target where mine has none;
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

/** Equal, or stated on one side only. */
function agree(a: unknown, b: unknown): boolean {
  return a === undefined || b === undefined || canonicalJson(a) === canonicalJson(b);
}

/** The same statement wherever and however it was written (place, label and raw text aside). */
function sameStatement(a: IndicatorValue | undefined, b: IndicatorValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const target = (v: IndicatorValue) => {
    if (!v.workbookTarget) return undefined;
    const { text: _text, ...rest } = v.workbookTarget;
    void _text;
    return rest;
  };
  return (
    canonicalJson([a.value, a.unit ?? null, a.selfAssessment ?? null]) ===
      canonicalJson([b.value, b.unit ?? null, b.selfAssessment ?? null]) &&
    agree(a.note, b.note) &&
    agree(target(a), target(b))
  );
}

/** Mine, with what only theirs states (a note, a workbook target) kept. */
function completed(mine: IndicatorValue, theirs: IndicatorValue): IndicatorValue {
  return {
    ...(theirs.note !== undefined && mine.note === undefined ? { note: theirs.note } : {}),
    ...(theirs.workbookTarget && !mine.workbookTarget ? { workbookTarget: theirs.workbookTarget } : {}),
    ...mine,
  };
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
    else if (same(t, b) || same(m, t)) pick = m;
    else if (m && t && sameStatement(m, t)) pick = completed(m, t);
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
