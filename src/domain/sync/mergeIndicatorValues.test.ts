import fc from "fast-check";
import { applyIndicatorChanges, diffIndicatorValues, mergeIndicatorValues } from "./mergeIndicatorValues";
import type { IndicatorValue, IndicatorValues } from "./protocol";

const codeArb = fc.constantFrom("1.1", "1.2", "2.1", "2.2", "5", "17.5", "17.8", "19.1");
const valueArb: fc.Arbitrary<IndicatorValue> = fc.record({
  value: fc.oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.boolean(),
    fc.constantFrom("Đạt", "Chưa đạt"),
    fc.constant(null),
  ),
  cell: fc.constantFrom("E9", "E10", "F12"),
});
const valuesArb: fc.Arbitrary<IndicatorValues> = fc.dictionary(codeArb, valueArb);

describe("per-indicator three-way merge", () => {
  it("merging with an unchanged side gives the other side", () => {
    fc.assert(
      fc.property(valuesArb, valuesArb, (base, other) => {
        expect(mergeIndicatorValues(base, base, other)).toEqual({ merged: other, conflicts: [] });
        expect(mergeIndicatorValues(base, other, base)).toEqual({ merged: other, conflicts: [] });
      }),
    );
  });

  it("disjoint changes merge without conflicts and keep both sides' edits", () => {
    fc.assert(
      fc.property(valuesArb, valuesArb, valuesArb, (base, a, b) => {
        // Restrict my edits to codes theirs does not touch.
        const mine: IndicatorValues = { ...base };
        const theirs: IndicatorValues = { ...base };
        const codes = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
        codes.forEach((code, i) => {
          if (i % 2 === 0 && a[code]) mine[code] = a[code];
          if (i % 2 === 1 && b[code]) theirs[code] = b[code];
        });
        const { merged, conflicts } = mergeIndicatorValues(base, mine, theirs);
        expect(conflicts).toEqual([]);
        for (const c of diffIndicatorValues(base, mine)) expect(merged[c.code]).toEqual(mine[c.code]);
        for (const c of diffIndicatorValues(base, theirs)) expect(merged[c.code]).toEqual(theirs[c.code]);
      }),
    );
  });

  it("the same change on both sides is not a conflict", () => {
    fc.assert(
      fc.property(valuesArb, valuesArb, (base, changed) => {
        expect(mergeIndicatorValues(base, changed, changed)).toEqual({ merged: changed, conflicts: [] });
      }),
    );
  });

  it("different changes to one indicator are a conflict that keeps the store's value", () => {
    const base = { "17.5": { value: 60 } };
    const r = mergeIndicatorValues(base, { "17.5": { value: 70 } }, { "17.5": { value: 80 } });
    expect(r.conflicts).toEqual([
      { code: "17.5", base: { value: 60 }, mine: { value: 70 }, theirs: { value: 80 } },
    ]);
    expect(r.merged["17.5"]).toEqual({ value: 80 });
  });

  it("a deletion on one side against an untouched other side is taken", () => {
    const base = { "1.1": { value: 1 }, "1.2": { value: 2 } };
    expect(mergeIndicatorValues(base, { "1.1": { value: 1 } }, base).merged).toEqual({ "1.1": { value: 1 } });
  });

  it("the changes since a base rebuild the head", () => {
    fc.assert(
      fc.property(valuesArb, valuesArb, (base, head) => {
        expect(applyIndicatorChanges(base, diffIndicatorValues(base, head))).toEqual(head);
      }),
    );
  });
});
