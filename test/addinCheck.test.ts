import * as fs from "node:fs";
import * as path from "node:path";
import { analyseWorkbook, indicatorValuesOf } from "../src/addin/taskpane/check/analyseWorkbook";
import { reportFromValues } from "../src/domain/sync/judgePushedValues";
import { evaluate } from "../src/domain/evaluate/evaluate";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import { readWorkbookBuffer } from "../src/io/xlsx/readWorkbook";

const FILE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const expected = JSON.parse(fs.readFileSync(FILE.replace(/\.xlsx$/, ".expected.json"), "utf8"));

describe("the pane's check of a commune workbook", () => {
  const grids = readWorkbookBuffer(fs.readFileSync(FILE), path.basename(FILE));
  const r = analyseWorkbook(grids);

  it("says whose target judged each finding briefly, and explains it once under the list", () => {
    const all = [...r.general, ...r.criteria.flatMap((c) => c.findings)];
    const own = all.filter((f) => f.shown.includes("(chỉ tiêu của xã)"));
    expect(own.length).toBeGreaterThanOrEqual(3);
    // The list is short; the message a host exports (as ntm validate --json) stays whole.
    for (const f of own) expect(f.message).toContain("chỉ tiêu do xã tự ghi trong bảng tính");
    expect(all.some((f) => f.shown.includes("chỉ tiêu do xã tự ghi"))).toBe(false);
    expect(r.remarks).toEqual([
      expect.stringMatching(/^Ghi chú: “chỉ tiêu của xã” là chỉ tiêu do xã tự ghi/),
    ]);
  });

  it("shows the criteria met and the three self-assessment mismatches with their cells", () => {
    expect(`${r.criteriaMet}/${r.criteriaTotal}`).toBe(
      `${expected.summary.criteriaMet}/${expected.summary.criteriaTotal}`,
    );
    const mismatches = r.criteria
      .flatMap((c) => c.findings)
      .filter((f) => f.finding.type === "self-assessment/mismatch");
    expect(mismatches.map((f) => `${f.finding.indicator}@${f.finding.cell}`)).toEqual(
      expected.expectedFindings.map((f: { indicator: string; cell: string }) => `${f.indicator}@${f.cell}`),
    );
    // Grouped under their criterion, with a Vietnamese message naming the sheet and cell.
    expect(
      r.criteria
        .find((c) => c.code === "17")!
        .findings.some((f) => /Biểu 01!F69/.test(f.message) && /Chưa đạt/.test(f.message)),
    ).toBe(true);
    expect(r.report.orgUnit?.name).toBe("Xã Sơn Hồng");
    expect(r.report.period).toBe("2023");
  });

  it("flags every finding that has a cell, with the Vietnamese message", () => {
    expect(r.flags.length).toBe(r.findingCount);
    expect(r.flags.find((f) => f.cell === "F19")).toMatchObject({
      sheet: "Biểu 01",
      severity: "error",
      indicator: "2.3",
      criterion: "2",
    });
    expect(r.summary.criteria).toHaveLength(19);
  });

  it("a manual mapping remembered for a row is applied by the reader", () => {
    // Map the row of 17.6 by hand to 17.7: the reader then reads that row as 17.7.
    const row = Number(
      /\d+/.exec(expected.indicators.find((i: { code: string }) => i.code === "17.6").cell)![0],
    );
    const mapped = analyseWorkbook(grids, "vi", { [`Biểu 01!${row}`]: "17.7" });
    expect(mapped.report.values.find((v) => v.code === "17.7")?.cell).toBe(`E${row}`);
  });

  it("what is pushed evaluates on the other side exactly as here", () => {
    const again = evaluate(
      getCriteriaSet(r.set.id)!,
      reportFromValues(r.set.id, indicatorValuesOf(r.report), { period: r.report.period }),
    );
    expect(again.set.met).toBe(r.criteriaMet);
    expect(again.findings.filter((f) => f.type === "self-assessment/mismatch")).toHaveLength(3);
  });
});
