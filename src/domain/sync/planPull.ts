/**
 * What a pull may do to the values in the open workbook: a per-indicator three-way merge of
 * base (the revision the workbook was last synced at), mine (what the workbook holds now, as the
 * reader reads it) and theirs (the server's head), through mergeIndicatorValues.
 *
 * Invariant: a pull writes an indicator only when the workbook still holds what it held at the
 * base (changed only on the server). An indicator changed only here is kept (it still needs a
 * push); one changed on both sides differently is a conflict and is written only after the person
 * chose a value for it (choosePulled). With no base (the first pull into this workbook) a cell that
 * already holds a readable value different from the head's is a conflict, never overwritten.
 *
 * An indicator the reader did not find in the workbook is taken as untouched since the base, not
 * as deleted: its write carries `expect` (the base's value, or empty when there is no base), and
 * the writer leaves the cell alone unless it still holds that.
 *
 * Indicators are compared by what a cell means (the value), not by how it was written (raw form,
 * label, target text): "95%" and 0.95 in a percent cell are the same number.
 */
import { cleanFloat } from "../sheet/parseCellValue";
import { canonicalJson } from "./canonicalJson";
import { mergeIndicatorValues, type IndicatorConflict } from "./mergeIndicatorValues";
import type { IndicatorValue, IndicatorValues } from "./protocol";
import type { ExpectedCell } from "./pulledCellContent";

export interface PullMergePlan {
  /** Head values to write (changed only on the server), placed at the workbook's own cell when it has one. */
  writes: IndicatorValues;
  /** For each write, what its cell must still hold for the write to go ahead. */
  expect: Record<string, ExpectedCell>;
  /** Codes changed only in this workbook: kept, still to be pushed. */
  keptLocal: string[];
  /** Changed on both sides differently: nothing written until the person chooses. */
  conflicts: IndicatorConflict[];
}

/** The part of a value a cell holds, with floats cleaned so 92.50000000000001 is 92.5. */
function meaning(v: IndicatorValue): IndicatorValue {
  const x = v.value;
  if (typeof x === "number") return { value: cleanFloat(x) };
  if (x !== null && typeof x === "object")
    return { value: { min: cleanFloat(x.min), max: cleanFloat(x.max) } };
  return { value: x };
}

/** A record keyed by untrusted codes: no prototype, so "__proto__" is just a key. */
export function bareRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function meanings(values: IndicatorValues): IndicatorValues {
  const out: IndicatorValues = bareRecord();
  for (const [code, v] of Object.entries(values)) out[code] = meaning(v);
  return out;
}

export function sameMeaning(
  a: IndicatorValue | null | undefined,
  b: IndicatorValue | null | undefined,
): boolean {
  if (!a || !b) return !a && !b;
  return canonicalJson(meaning(a)) === canonicalJson(meaning(b));
}

/**
 * Without a base, the workbook's empty cells count as untouched (the head fills them) and every
 * readable value as the clerk's own: with no common ancestor it conflicts with a different head.
 */
function assumedBase(mine: IndicatorValues): IndicatorValues {
  const out: IndicatorValues = bareRecord();
  for (const [code, v] of Object.entries(mine)) if (v.value === null) out[code] = v;
  return out;
}

/** The head's value, put where this workbook keeps the indicator (the reader found it there). */
function placed(theirs: IndicatorValue, mine: IndicatorValue | undefined): IndicatorValue {
  return mine?.sheet && mine.cell ? { ...theirs, sheet: mine.sheet, cell: mine.cell } : theirs;
}

function own(values: IndicatorValues, code: string): IndicatorValue | undefined {
  return Object.prototype.hasOwnProperty.call(values, code) ? values[code] : undefined;
}

export function expectedOf(v: IndicatorValue | null | undefined): ExpectedCell {
  return { value: v?.value ?? null, ...(v?.raw !== undefined ? { raw: v.raw } : {}) };
}

export function planPull(
  base: IndicatorValues | undefined,
  read: IndicatorValues,
  theirs: IndicatorValues,
): PullMergePlan {
  const b = base ?? assumedBase(read);
  // Not read is not deleted: what the reader missed stands at its base value (checked at write time).
  const mine: IndicatorValues = Object.assign(bareRecord<IndicatorValue>(), b, read);
  const { merged, conflicts } = mergeIndicatorValues(meanings(b), meanings(mine), meanings(theirs));
  const conflicted = new Set(conflicts.map((c) => c.code));
  const writes: IndicatorValues = bareRecord();
  const expect: Record<string, ExpectedCell> = bareRecord();
  const keptLocal: string[] = [];
  const codes = [...new Set([...Object.keys(b), ...Object.keys(mine), ...Object.keys(theirs)])].sort();
  for (const code of codes) {
    if (conflicted.has(code)) continue;
    const m = own(mine, code);
    const t = own(theirs, code);
    if (sameMeaning(m, t)) continue;
    const pick = own(merged, code);
    if (t && pick && sameMeaning(pick, t)) {
      writes[code] = placed(t, own(read, code));
      expect[code] = expectedOf(m);
    }
    // The merge kept my side: a value changed here, or one the server no longer has (left in its
    // cell; a push would send it again). What the reader did not find is nobody's change.
    else if (own(read, code) && (!sameMeaning(m, own(b, code)) || !t)) keptLocal.push(code);
  }
  return {
    writes,
    expect,
    keptLocal,
    conflicts: conflicts.map((c) => ({
      code: c.code,
      base: own(b, c.code) ?? null,
      mine: own(mine, c.code) ?? null,
      theirs: own(theirs, c.code) ?? null,
    })),
  };
}

export type PullChoice = "mine" | "theirs" | "base";

export interface PullSettlement {
  /** Values to write for the conflicts settled with theirs or base (null value: empty the cell). */
  writes: IndicatorValues;
  /** Conflicts settled with mine: the workbook's value stays and still needs a push. */
  keptLocal: string[];
  /** Conflicts with no choice yet: nothing written. */
  open: IndicatorConflict[];
}

/** The person's choices for pull conflicts → what to write. Only a chosen side other than mine writes. */
export function choosePulled(
  conflicts: IndicatorConflict[],
  choices: Record<string, PullChoice | undefined>,
): PullSettlement {
  const out: PullSettlement = { writes: bareRecord(), keptLocal: [], open: [] };
  for (const c of conflicts) {
    const choice = Object.prototype.hasOwnProperty.call(choices, c.code) ? choices[c.code] : undefined;
    if (!choice) out.open.push(c);
    else if (choice === "mine") out.keptLocal.push(c.code);
    else {
      const pick = choice === "theirs" ? c.theirs : c.base;
      const at = [c.mine, c.theirs, c.base].find((v) => v?.sheet && v.cell);
      if (sameMeaning(pick, c.mine) || !at) continue;
      // A side with no value (absent there) empties the cell.
      out.writes[c.code] = { ...(pick ?? { value: null }), sheet: at.sheet, cell: at.cell };
    }
  }
  return out;
}
