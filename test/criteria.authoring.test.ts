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

  const cases: [string, [string, number, string, CellValue][], Partial<AuthoringError>, RegExp][] = [
    [
      "unknown kind",
      [["indicators", 3, "kind", "boolean"]],
      { sheet: "indicators", row: 3, column: "kind" },
      /use one of yesno, percent/,
    ],
    [
      "target that is not a number",
      [["indicators", 4, "target", "chín mươi"]],
      { sheet: "indicators", row: 4, column: "target" },
      /is not a number; write a number/,
    ],
    [
      "verified that is not yes/no",
      [["indicators", 4, "verified", "maybe"]],
      { sheet: "indicators", row: 4, column: "verified" },
      /write yes or no/,
    ],
    [
      "target without a source",
      [["indicators", 4, "source", null]],
      { sheet: "indicators", row: 4, column: "source" },
      /write the target's source/,
    ],
    [
      "unknown target column",
      [["indicators", 3, "target::HN", 80]],
      { sheet: "indicators", row: 1, column: "target::HN" },
      /is not a target column/,
    ],
    [
      "unknown column",
      [["indicators", 3, "nmae::vi", "x"]],
      { sheet: "indicators", row: 1, column: "nmae::vi" },
      /unknown column/,
    ],
    [
      "indicator of an unknown criterion",
      [["indicators", 3, "criterion", "99"]],
      { sheet: "indicators", row: 3, column: "criterion" },
      /no criterion "99"/,
    ],
    [
      "empty indicator name",
      [["indicators", 3, "name::vi", null]],
      { sheet: "indicators", row: 3, column: "name::vi" },
      /empty; write the indicator name/,
    ],
    [
      "bad criterion roll-up",
      [["criteria", 2, "rollup", "most"]],
      { sheet: "criteria", row: 2, column: "rollup" },
      /is not a roll-up rule/,
    ],
    [
      "roll-up asking for more than exists",
      [["criteria", 2, "rollup", "atLeast 5"]],
      { sheet: "criteria", row: 2, column: "rollup" },
      /asks for 5 indicators/,
    ],
    [
      "duplicate indicator code",
      [["indicators", 3, "code", "1.1"]],
      { sheet: "indicators", row: 3, column: "code" },
      /duplicate indicator code "1.1"/,
    ],
    [
      "undeclared group",
      [["criteria", 2, "group", "IX"]],
      { sheet: "criteria", row: 2, column: "group" },
      /group "IX" is not declared/,
    ],
    [
      "bad level",
      [["settings", 8, "value", "province"]],
      { sheet: "settings", row: 8, column: "value" },
      /is not a level/,
    ],
    [
      "bad region list",
      [["settings", 11, "value", "BTB, HN"]],
      { sheet: "settings", row: 11, column: "value" },
      /"HN" not allowed/,
    ],
    [
      "bad set id",
      [["settings", 2, "value", "Bộ Hà Tĩnh"]],
      { sheet: "settings", row: 2, column: "value" },
      /lower-case words/,
    ],
    [
      "missing id",
      [["settings", 2, "value", null]],
      { sheet: "settings", row: 2, column: "value" },
      /"id" is missing/,
    ],
    [
      "unknown setting",
      [["settings", 20, "setting", "colour"]],
      { sheet: "settings", row: 20, column: "setting" },
      /is not a setting/,
    ],
    [
      "bad special-status region",
      [["special_status", 2, "useRegion", "Miền Bắc"]],
      { sheet: "special_status", row: 2, column: "useRegion" },
      /is not a region/,
    ],
    [
      "bad special status",
      [["special_status", 2, "anyOf", "ngheo"]],
      { sheet: "special_status", row: 2, column: "anyOf" },
      /"ngheo" not allowed/,
    ],
    [
      "hint without a general target",
      [
        ["indicators", 3, "target", null],
        ["indicators", 3, "hint", "≥ 100 %"],
      ],
      { sheet: "indicators", row: 3, column: "hint" },
      /a hint belongs to the general target/,
    ],
    [
      "targets sheet: unknown indicator",
      [
        ["targets", 2, "indicator", "99.9"],
        ["targets", 2, "axis", "BTB"],
        ["targets", 2, "value", 80],
        ["targets", 2, "source", "QĐ"],
        ["targets", 2, "verified", false],
      ],
      { sheet: "targets", row: 2, column: "indicator" },
      /no indicator "99.9"/,
    ],
    [
      "targets sheet: duplicate axis",
      [
        ["targets", 2, "indicator", "2.2"],
        ["targets", 2, "axis", "BTB"],
        ["targets", 2, "value", 80],
        ["targets", 2, "source", "QĐ"],
        ["targets", 2, "verified", false],
      ],
      { sheet: "targets", row: 2, column: "value" },
      /already has a target for "BTB"/,
    ],
    [
      "targets sheet: bad axis",
      [
        ["targets", 2, "indicator", "2.2"],
        ["targets", 2, "axis", "Hà Tĩnh"],
        ["targets", 2, "value", 80],
        ["targets", 2, "source", "QĐ"],
        ["targets", 2, "verified", false],
      ],
      { sheet: "targets", row: 2, column: "value" },
      /is not a target axis/,
    ],
    [
      "a yes/no target that is not yes/no",
      [["indicators", 2, "target", "đủ"]],
      { sheet: "indicators", row: 2, column: "target" },
      /is not yes\/no/,
    ],
  ];
  it.each(cases)("%s", (_label, edits, where, en) => {
    const errors = errorsOf(edited(edits));
    const e = errors.find((x) => x.sheet === where.sheet && x.row === where.row && x.column === where.column);
    expect(errors.map((x) => formatAuthoringError(x, "en"))).toEqual(
      expect.arrayContaining([expect.stringMatching(en)]),
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
