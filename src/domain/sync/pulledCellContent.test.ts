import fc from "fast-check";
import { cellMeaning, decideCellContent, readsAs } from "./pulledCellContent";

describe("what a pulled value puts into its cell", () => {
  it("keeps the clerk's own text form when it still means the value", () => {
    expect(decideCellContent({ value: 96.4, unit: "%", raw: "96,4%" }, { v: "95%" })).toEqual({
      kind: "write",
      content: "96,4%",
    });
  });

  it("writes a share into a percent-formatted cell, not a number of percent (no 9640 %)", () => {
    expect(decideCellContent({ value: 97.5, unit: "%", raw: 0.964 }, { v: 0.964, z: "0.0%" })).toEqual({
      kind: "write",
      content: 0.975,
    });
  });

  it("does not trust a raw form that another desk left stale; a text cell keeps writing text in its own form", () => {
    // Someone pushed 97.5 with the raw text of the revision before.
    expect(decideCellContent({ value: 97.5, unit: "%", raw: "96,4%" }, { v: "96,4%" })).toEqual({
      kind: "write",
      content: "97,5%",
    });
  });

  it("leaves a cell alone when it already means the value, whatever its form", () => {
    expect(decideCellContent({ value: 85, unit: "%" }, { v: "85 %" })).toEqual({ kind: "unchanged" });
    expect(decideCellContent({ value: true }, { v: "Đạt" })).toEqual({ kind: "unchanged" });
    expect(decideCellContent({ value: null }, { v: "đang rà soát" })).toEqual({ kind: "unchanged" });
  });

  it("never overwrites a formula, and says so when the values differ", () => {
    expect(decideCellContent({ value: 12 }, { v: 10, f: "SUM(B2:B4)" })).toEqual({ kind: "formula" });
    expect(decideCellContent({ value: 10 }, { v: 10, f: "SUM(B2:B4)" })).toEqual({ kind: "unchanged" });
  });

  it("writes yes/no as words and ranges as Vietnamese text", () => {
    expect(decideCellContent({ value: false }, { v: "Đạt" })).toEqual({
      kind: "write",
      content: "Không đạt",
    });
    expect(decideCellContent({ value: { min: 30, max: 35.5 }, unit: "%" }, undefined)).toEqual({
      kind: "write",
      content: "30–35,5%",
    });
  });

  it("empties a number cell when the head holds no value", () => {
    expect(decideCellContent({ value: null, raw: null }, { v: 12 })).toEqual({ kind: "write", content: "" });
  });

  // Workbook numbers: up to 3 decimals (what communes type), in any of the formats they use.
  const workbookNumber = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000);
  it("whatever it writes reads back as the pulled value (numbers, any format)", () => {
    fc.assert(
      fc.property(
        workbookNumber,
        fc.constantFrom(undefined, "General", "0%", "0.0%", "#,##0", "0.00"),
        fc.option(workbookNumber, { nil: undefined }),
        (value, z, now) => {
          const d = decideCellContent(
            { value, unit: "%" },
            now === undefined ? undefined : { v: now, ...(z ? { z } : {}) },
          );
          const format = now === undefined || z === "General" ? undefined : z; // an empty cell has no format here
          if (d.kind === "write") expect(readsAs(d.content, format, value)).toBe(true);
          else expect(d.kind).toBe("unchanged");
        },
      ),
    );
  });
});

describe("a pull planned from what a cell held", () => {
  it("writes while the cell still holds the planned-from value, in any form that means it", () => {
    expect(decideCellContent({ value: 52 }, { v: 48 }, { value: 48 })).toEqual({
      kind: "write",
      content: 52,
    });
    expect(decideCellContent({ value: 60, unit: "%" }, { v: 0.5, z: "0%" }, { value: 50 })).toEqual({
      kind: "write",
      content: 0.6,
    });
    expect(decideCellContent({ value: 52 }, { v: "48 triệu" }, { value: 0, raw: "48 triệu" })).toEqual({
      kind: "write",
      content: "52 triệu",
    });
  });

  it("leaves a cell typed into since, and says what it holds now", () => {
    expect(decideCellContent({ value: 52 }, { v: "50,5" }, { value: 48 })).toEqual({
      kind: "changed",
      now: 50.5,
    });
    expect(decideCellContent({ value: 52 }, { v: 50 }, { value: null })).toEqual({
      kind: "changed",
      now: 50,
    });
    // Already the pulled value, or a formula: as before, whatever was expected.
    expect(decideCellContent({ value: 52 }, { v: 52 }, { value: 48 })).toEqual({ kind: "unchanged" });
    expect(decideCellContent({ value: 52 }, { v: 50, f: "SUM(A1:A2)" }, { value: 48 })).toEqual({
      kind: "formula",
    });
  });

  it("reads prose as no value, and numbers, ranges and words as the reader does", () => {
    expect(cellMeaning("chưa có số liệu", undefined)).toBeNull();
    expect(cellMeaning(0.925, "0%")).toBe(92.5);
    expect(cellMeaning("30-35%", undefined)).toEqual({ min: 30, max: 35 });
    expect(cellMeaning("Đạt", undefined)).toBe(true);
  });
});
