/**
 * Target cells read the Vietnamese way when a province types them as text (issue 13, the Bar:
 * "92.5" compiles to 92.5, never 925): a decimal point is read as written and flagged at its cell;
 * ranges, foreign units and a "%" where none belongs are refused with what to write.
 */
import fc from "fast-check";
import {
  compileAuthoringWorkbook,
  exportAuthoringWorkbook,
  formatAuthoringError,
  type AuthoringError,
} from "../src/domain/criteria/authoring";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import type { CellValue, WorkbookGrids } from "../src/domain/sheet/grid";
import { formatNumber } from "../src/domain/i18n/formatNumber";

const SET_ID = "vn-xa-ntm-2021-2025";

/** The exported national workbook with cells changed, by sheet, 1-based row and column header. */
function edited(edits: [string, number, string, CellValue][]): WorkbookGrids {
  const book = exportAuthoringWorkbook(getCriteriaSet(SET_ID)!);
  for (const [sheet, row, column, v] of edits) {
    const g = book.sheets.find((s) => s.sheet === sheet)!;
    const c = g.cells[0].findIndex((x) => x?.v === column);
    if (c < 0) throw new Error(`no column ${column} on ${sheet}`);
    g.cells[row - 1][c] = v === null ? undefined : { v };
  }
  return book;
}

/** 1-based row of an indicator on the exported indicators sheet. */
function rowOf(code: string): number {
  const g = exportAuthoringWorkbook(getCriteriaSet(SET_ID)!).sheets.find((s) => s.sheet === "indicators")!;
  const codeColumn = g.cells[0].findIndex((x) => x?.v === "code");
  return g.cells.findIndex((r) => r[codeColumn]?.v === code) + 1;
}

function compiledTarget(code: string, text: string, column = "target") {
  const r = compileAuthoringWorkbook(edited([["indicators", rowOf(code), column, text]]));
  if (!r.ok) throw new Error(r.errors.map((e) => formatAuthoringError(e, "en")).join("\n"));
  const ind = r.set.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
  const axis = column === "target" ? ind.targets.general : ind.targets.byRegion?.BTB;
  return { value: axis?.value, warnings: r.warnings };
}

function errorsAt(code: string, text: string): AuthoringError[] {
  const r = compileAuthoringWorkbook(edited([["indicators", rowOf(code), "target", text]]));
  if (r.ok) throw new Error(`expected "${text}" to be refused`);
  return r.errors;
}

describe("a target typed as text is read the Vietnamese way", () => {
  it('"92.5" compiles to 92.5, with a warning at its cell saying what to write', () => {
    const row = rowOf("17.1");
    const { value, warnings } = compiledTarget("17.1", "92.5");
    expect(value).toBe(92.5);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ sheet: "indicators", row, column: "target" });
    expect(warnings[0].vi).toContain('ghi "92,5"');
    expect(warnings[0].en).toContain("decimal point");
  });

  it.each([
    ["29,68", 29.68],
    ["1.680", 1680],
    ["85 %", 85],
    ["85%", 85],
    ["92,5", 92.5],
  ])('"%s" on a percent indicator is %d, without a warning', (text, expected) => {
    const { value, warnings } = compiledTarget("17.1", text);
    expect(value).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it("the indicator's own unit may follow the number", () => {
    expect(compiledTarget("10", "45,2 triệu đồng/người/năm").value).toBe(45.2);
  });

  it("a regional target column is read the same way", () => {
    expect(compiledTarget("17.1", "75.5", "target::BTB")).toMatchObject({ value: 75.5 });
  });

  it("any number a Vietnamese writer types (thousands dots, decimal comma) reads back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const n = int + cents / 100;
        const text = formatNumber(n, "vi");
        const { value, warnings } = compiledTarget("10", text);
        return value === Number(n.toFixed(2)) && warnings.length === 0;
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});

describe("a target text that is not one number is refused at its cell, with what to write", () => {
  const cases: [string, string, string, RegExp, RegExp][] = [
    ["a range", "17.1", "30-35 %", /is a range; a target is one number/, /là một khoảng/],
    ["a unit the indicator does not use", "10", "45 ha", /not the indicator's unit/, /khác đơn vị/],
    ["a percent on an amount", "10", "45 %", /carries %, but the indicator is not a percent/, /có dấu %/],
    ["prose", "17.1", "khoảng chín mươi", /is not a number/, /không phải số/],
  ];
  it.each(cases)("%s", (_label, code, text, en, vi) => {
    const errors = errorsAt(code, text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: "indicators", row: rowOf(code), column: "target" });
    expect(errors[0].en).toMatch(en);
    expect(errors[0].vi).toMatch(vi);
  });

  it("each kind of mistake is reported at its own cell in one pass", () => {
    const r = compileAuthoringWorkbook(
      edited([
        ["indicators", rowOf("17.1"), "target", "30–35"],
        ["indicators", rowOf("10"), "target", "45 ha"],
        ["indicators", rowOf("17.2"), "target", "92.5"],
        ["indicators", rowOf("5"), "op", "=>"],
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const where = r.errors.map((e) => `${e.sheet}!${e.row}:${e.column}`).sort();
    expect(where).toEqual(
      [
        `indicators!${rowOf("17.1")}:target`,
        `indicators!${rowOf("10")}:target`,
        `indicators!${rowOf("5")}:op`,
      ].sort(),
    );
    expect(r.warnings.map((w) => `${w.sheet}!${w.row}:${w.column}`)).toEqual([
      `indicators!${rowOf("17.2")}:target`,
    ]);
  });
});
