import {
  compileAuthoringWorkbook,
  exportAuthoringWorkbook,
  formatAuthoringError,
  type AuthoringError,
} from "../src/domain/criteria/authoring";
import { getCriteriaSet, listCriteriaSets } from "../src/domain/criteria/registry";
import { parseCriteriaSet } from "../src/domain/criteria/schema";
import type { CellValue, Grid, WorkbookGrids } from "../src/domain/sheet/grid";
import { testSet } from "./criteriaTestSet";
import errorCases from "./fixtures/authoringErrorCases.json";

interface AuthoringErrorCase {
  label: string;
  edits: [string, number, string, CellValue][];
  where: Partial<AuthoringError>;
  /** A pattern of the English message. */
  says: string;
}

describe("authoring round trip", () => {
  it.each(listCriteriaSets().map((s) => [s.id, s] as const))(
    "compile(export(%s)) equals the set",
    (_id, set) => {
      const r = compileAuthoringWorkbook(exportAuthoringWorkbook(set));
      if (!r.ok) throw new Error(r.errors.map((e) => formatAuthoringError(e, "en")).join("\n"));
      expect(r.set).toStrictEqual(set);
    },
  );

  it("round-trips targets with mixed sources through the targets sheet", () => {
    const set = testSet(); // 2.1 and 3.1 mix values across axes; 3.5/3.6 are unverified
    const mixed = parseCriteriaSet({
      ...set,
      criteria: set.criteria.map((c) => ({
        ...c,
        indicators: c.indicators.map((i) =>
          i.code === "2.1"
            ? {
                ...i,
                targets: {
                  ...i.targets,
                  byRegion: {
                    ...i.targets.byRegion,
                    BTB: {
                      value: 80,
                      provenance: { decision: "QĐ tỉnh", article: "Điều 2", verified: false },
                      unverifiedHint: "nhớ lại",
                    },
                  },
                },
              }
            : i,
        ),
      })),
    });
    const book = exportAuthoringWorkbook(mixed);
    const targets = book.sheets.find((s) => s.sheet === "targets")!;
    expect(targets.rowCount).toBeGreaterThan(1);
    const r = compileAuthoringWorkbook(book);
    expect(r.ok && r.set).toStrictEqual(mixed);
    expect(compileAuthoringWorkbook(exportAuthoringWorkbook(testSet()))).toEqual({
      ok: true,
      set: testSet(),
      warnings: [],
    });
  });
});

/** The exported national workbook with one cell changed, by sheet, 1-based row and column header. */
function edited(edits: [string, number, string, CellValue][], setId = "vn-xa-ntm-2021-2025"): WorkbookGrids {
  const book = exportAuthoringWorkbook(getCriteriaSet(setId)!);
  for (const [sheet, row, column, v] of edits) {
    const g = book.sheets.find((s) => s.sheet === sheet)!;
    let c = g.cells[0].findIndex((x) => x?.v === column);
    if (c < 0) {
      c = g.colCount;
      g.cells[0][c] = { v: column };
      g.colCount++;
    }
    g.cells[row - 1] ??= [];
    g.cells[row - 1][c] = v === null ? undefined : { v };
    g.rowCount = Math.max(g.rowCount, row);
  }
  return book;
}

function errorsOf(book: WorkbookGrids): AuthoringError[] {
  const r = compileAuthoringWorkbook(book);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

/** indicators row of an indicator code in the exported national workbook. */
function rowOf(code: string): number {
  const g = exportAuthoringWorkbook(getCriteriaSet("vn-xa-ntm-2021-2025")!).sheets.find(
    (s) => s.sheet === "indicators",
  )!;
  return g.cells.findIndex((r) => r[1]?.v === code) + 1;
}

describe("authoring errors name sheet, row and column and say what to write", () => {
  it("a bad comparison: the issue's own example", () => {
    const row = rowOf("5");
    const [e] = errorsOf(edited([["indicators", row, "op", "=>"]]));
    expect(formatAuthoringError(e, "en")).toBe(
      `[indicators, row ${row}, column op] "=>" is not a comparison; use one of ≥, ≤, =, yes`,
    );
    expect(formatAuthoringError(e, "vi")).toBe(
      `[indicators, hàng ${row}, cột op] "=>" không phải phép so sánh; dùng một trong ≥, ≤, =, yes`,
    );
  });

  // Each case: the cells edited in an exported set, the cell the error must name, what it says.
  const cases = (errorCases as AuthoringErrorCase[]).map((c) => [c.label, c.edits, c.where, c.says] as const);
  it.each(cases)("%s", (_label, edits, where, says) => {
    const errors = errorsOf(edited(edits));
    const e = errors.find((x) => x.sheet === where.sheet && x.row === where.row && x.column === where.column);
    expect(errors.map((x) => formatAuthoringError(x, "en"))).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(says))]),
    );
    expect(e).toBeDefined();
    expect(e!.vi.length).toBeGreaterThan(0);
  });

  it("a missing sheet is named", () => {
    const book = exportAuthoringWorkbook(getCriteriaSet("ht-vuon-mau")!);
    book.sheets = book.sheets.filter((s: Grid) => s.sheet !== "criteria");
    const errors = errorsOf(book);
    expect(formatAuthoringError(errors[0], "en")).toMatch(
      /^\[criteria, row 1, column A\] sheet "criteria" is missing/,
    );
  });

  it("reports every mistake, not only the first", () => {
    expect(
      errorsOf(
        edited([
          ["indicators", 3, "op", "=>"],
          ["indicators", 5, "kind", "money"],
        ]),
      ).length,
    ).toBe(2);
  });
});
