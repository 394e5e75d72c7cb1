import fc from "fast-check";
import { choosePulled, planPull, sameMeaning, type PullChoice } from "./planPull";
import type { IndicatorValue, IndicatorValues } from "./protocol";

const at = (
  value: IndicatorValue["value"],
  cell: string,
  extra: Partial<IndicatorValue> = {},
): IndicatorValue => ({ value, sheet: "Biểu 01", cell, ...extra });

describe("planning a pull into the workbook", () => {
  const base: IndicatorValues = {
    "2.3": at(95, "E19"),
    "10": at(48, "E20"),
    "17.1": at(50, "E21"),
    "5.1": at(3, "E22"),
  };

  it("writes what changed only on the server, keeps what changed only here, and asks about the rest", () => {
    const mine: IndicatorValues = { ...base, "17.1": at(60, "E21"), "10": at(50, "E20") };
    const theirs: IndicatorValues = {
      ...base,
      "2.3": at(96.4, "E19", { raw: "96,4%" }),
      "10": at(52, "E20"),
    };
    const plan = planPull(base, mine, theirs);
    expect(plan.writes).toEqual({ "2.3": at(96.4, "E19", { raw: "96,4%" }) });
    expect(plan.keptLocal).toEqual(["17.1"]);
    expect(plan.conflicts).toEqual([
      { code: "10", base: base["10"], mine: mine["10"], theirs: theirs["10"] },
    ]);
  });

  it("the same change on both sides is no conflict and writes nothing, however it was written", () => {
    const mine: IndicatorValues = { ...base, "10": at(52, "E20", { raw: "52", label: "Thu nhập" }) };
    const theirs: IndicatorValues = { ...base, "10": at(52.00000000000001, "E20", { raw: 52 }) };
    expect(planPull(base, mine, theirs)).toEqual({ writes: {}, expect: {}, keptLocal: [], conflicts: [] });
  });

  it("puts the head's value where this workbook keeps the indicator", () => {
    const mine: IndicatorValues = { "2.3": { ...base["2.3"], cell: "F40", sheet: "Biểu 02" } };
    const plan = planPull({ "2.3": base["2.3"] }, mine, { "2.3": at(97, "E19") });
    expect(plan.writes["2.3"]).toMatchObject({ value: 97, sheet: "Biểu 02", cell: "F40" });
  });

  it("with no base, fills empty cells and unread indicators but never a cell holding another value", () => {
    const mine: IndicatorValues = { "2.3": at(95, "E19"), "10": at(null, "E20"), "5.1": at(3, "E22") };
    const theirs: IndicatorValues = {
      "2.3": at(96, "E19"),
      "10": at(48, "E20"),
      "17.1": at(50, "E21"),
      "5.1": at(3, "E22"),
    };
    const plan = planPull(undefined, mine, theirs);
    expect(Object.keys(plan.writes).sort()).toEqual(["10", "17.1"]);
    expect(plan.conflicts).toEqual([{ code: "2.3", base: null, mine: mine["2.3"], theirs: theirs["2.3"] }]);
    expect(plan.keptLocal).toEqual([]);
  });

  it("an indicator the reader did not find is not taken as deleted: its write waits for the cell to hold the base", () => {
    const plan = planPull(base, { "2.3": base["2.3"] }, { ...base, "10": at(52, "E20") });
    expect(plan.writes).toEqual({ "10": at(52, "E20") });
    expect(plan.expect["10"]).toEqual({ value: 48 });
    expect(plan.keptLocal).toEqual([]);
  });

  it("with no base, a value only the workbook has is kept to be pushed", () => {
    expect(planPull(undefined, { "9.9": at(1, "E9") }, {}).keptLocal).toEqual(["9.9"]);
  });

  it("the person's choice decides: theirs or base is written, mine stays to be pushed, no choice stays open", () => {
    const conflicts = [
      { code: "10", base: at(48, "E20"), mine: at(50, "E20"), theirs: at(52, "E20") },
      { code: "11", base: at(1, "E30"), mine: at(2, "E30"), theirs: at(3, "E30") },
      { code: "12", base: null, mine: at(2, "E31"), theirs: at(3, "E31") },
      { code: "13", base: at(1, "E32"), mine: at(2, "E32"), theirs: at(3, "E32") },
    ];
    const s = choosePulled(conflicts, { "10": "theirs", "11": "mine", "12": "base" });
    expect(s.writes).toEqual({ "10": at(52, "E20"), "12": at(null, "E31") });
    expect(s.keptLocal).toEqual(["11"]);
    expect(s.open.map((c) => c.code)).toEqual(["13"]);
  });
});

const codeArb = fc.constantFrom("1.1", "2.3", "5", "10", "17.1", "17.5");
const scalarArb = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.record({ min: fc.integer({ min: 0, max: 3 }), max: fc.integer({ min: 4, max: 6 }) }),
);
const valueArb: fc.Arbitrary<IndicatorValue> = fc.record({
  value: scalarArb,
  raw: fc.constantFrom("a", 1, null),
  cell: fc.constantFrom("E9", "E10"),
});
const valuesArb = fc.dictionary(codeArb, valueArb);
const choicesArb = fc.dictionary(codeArb, fc.constantFrom<PullChoice>("mine", "theirs", "base"));

describe("pull invariants", () => {
  it("a pull never changes a value the workbook changed since its base unless the person chose another side for it", () => {
    fc.assert(
      fc.property(
        fc.option(valuesArb, { nil: undefined }),
        valuesArb,
        valuesArb,
        choicesArb,
        (base, mine, theirs, choices) => {
          const plan = planPull(base, mine, theirs);
          const settled = choosePulled(plan.conflicts, choices);
          // An indicator the reader did not find is checked at the cell itself: its write expects the base (or an empty cell).
          const touchedHere = (code: string) =>
            mine[code] !== undefined &&
            (base === undefined ? mine[code].value !== null : !sameMeaning(mine[code], base[code]));
          for (const code of Object.keys(plan.writes)) {
            expect(touchedHere(code)).toBe(false);
            const held = mine[code] ?? base?.[code];
            expect(plan.expect[code].value).toEqual(held?.value ?? null);
          }
          for (const code of Object.keys(settled.writes))
            expect(choices[code] === "theirs" || choices[code] === "base").toBe(true);
          // Every indicator the sides disagree on is written, kept or asked about: none is dropped.
          const held: IndicatorValues = { ...(base ?? {}), ...mine };
          for (const code of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
            if (sameMeaning(held[code], theirs[code])) continue;
            const accounted =
              code in plan.writes ||
              plan.keptLocal.includes(code) ||
              plan.conflicts.some((c) => c.code === code);
            expect(accounted).toBe(true);
          }
        },
      ),
    );
  });

  it("pulling what the workbook already holds writes nothing and asks nothing", () => {
    fc.assert(
      fc.property(fc.option(valuesArb, { nil: undefined }), valuesArb, (base, mine) => {
        expect(planPull(base, mine, mine)).toEqual({ writes: {}, expect: {}, keptLocal: [], conflicts: [] });
      }),
    );
  });
});
