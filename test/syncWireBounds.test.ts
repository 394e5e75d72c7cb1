/**
 * The push body's bounds (issue 11 item 3): every value a real sample workbook produces passes,
 * and what no workbook can hold (a prototype or hidden sheet name, "!ref", an address off Excel's
 * grid, a 4.9 MB note) is refused before it reaches the store.
 */
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import { readReport } from "../src/domain/sheet/readReport";
import {
  CELL_TEXT_MAX,
  indicatorValuesSchema,
  isA1Address,
  pushRequestSchema,
  sheetNameProblem,
} from "../src/domain/sync/protocol";
import { syncValuesOf } from "../src/domain/sync/syncValues";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";

const SAMPLES = path.join(__dirname, "fixtures", "samples");

describe("push body bounds", () => {
  it("accepts every value the reader finds in the sample workbooks", () => {
    let checked = 0;
    for (const file of fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"))) {
      const { report } = readReport(readWorkbookFile(path.join(SAMPLES, file)), { fileName: file });
      // Everything the reader found, villages' values too, not only what this set would send.
      const everything = [...report.values, ...(report.units ?? []).flatMap((u) => u.values)];
      for (const [i, { code: _code, ...v }] of everything.entries()) {
        const parsed = indicatorValuesSchema.safeParse({ [`c${i}`]: v });
        expect([file, parsed.success ? [] : parsed.error.issues]).toEqual([file, []]);
        checked += 1;
      }
      const parsed = indicatorValuesSchema.safeParse(
        syncValuesOf(report, getCriteriaSet(report.setId)).values,
      );
      expect([file, parsed.success ? [] : parsed.error.issues]).toEqual([file, []]);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("refuses sheet names a pull must never write into, and keeps real ones", () => {
    for (const bad of [
      "__proto__",
      "constructor",
      "prototype",
      "_ntm",
      "_ntm_flags",
      "",
      "x".repeat(32),
      "a:b",
      "a/b",
      "a\\b",
      "a?",
      "a*",
      "[a]",
      "'quoted'",
      "History",
      "tab\tname",
    ])
      expect([bad, sheetNameProblem(bad)]).toEqual([bad, expect.any(String)]);
    for (const good of ["Tự đánh giá", "Biểu 01", "Khối lượng (2023)", "x".repeat(31), "Thôn 2 - KDC"])
      expect([good, sheetNameProblem(good)]).toEqual([good, undefined]);
  });

  it("takes a cell only as one A1 address inside Excel's grid", () => {
    for (const good of ["A1", "E40", "XFD1048576", "AA100"])
      expect([good, isA1Address(good)]).toEqual([good, true]);
    for (const bad of [
      "!ref",
      "$E$40",
      "E40:F41",
      "e40",
      "A0",
      "XFE1",
      "A1048577",
      "ZZZ1",
      "A01",
      "Sheet1!A1",
    ])
      expect([bad, isA1Address(bad)]).toEqual([bad, false]);
    // Every address Excel can have passes; the one past each edge does not.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 1, max: 1_048_576 }), (c, r) => {
        let col = "";
        for (let n = c; n > 0; n = Math.floor((n - 1) / 26))
          col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
        return isA1Address(`${col}${r}`) && !isA1Address(`${col}${r + 1_048_576}`);
      }),
    );
  });

  it("refuses over-long text and bad targets, naming the field", () => {
    const push = (v: object) =>
      pushRequestSchema.safeParse({ opId: "op-12345678", baseRevision: 0, values: { "17.1": v } });
    const paths = (v: object) => {
      const r = push(v);
      return r.success ? [] : r.error.issues.map((i) => i.path.join("/"));
    };
    expect(paths({ value: 1, note: "x".repeat(CELL_TEXT_MAX) })).toEqual([]);
    expect(paths({ value: 1, note: "x".repeat(4_900_000) })).toEqual(["values/17.1/note"]);
    expect(paths({ value: "x".repeat(CELL_TEXT_MAX + 1) })).toEqual(["values/17.1/value"]);
    expect(paths({ value: 1, sheet: "__proto__", cell: "!ref" })).toEqual([
      "values/17.1/sheet",
      "values/17.1/cell",
    ]);
    expect(paths({ value: 1, targetCell: "A0", selfAssessmentCell: "$F$1" })).toEqual([
      "values/17.1/targetCell",
      "values/17.1/selfAssessmentCell",
    ]);
    expect(paths({ value: 1, unit: "%".repeat(65) })).toEqual(["values/17.1/unit"]);
  });
});
