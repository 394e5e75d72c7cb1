import { getCriteriaSet } from "../criteria/registry";
import type { Report } from "../report";
import { syncValuesOf } from "./syncValues";

const NANG_CAO = getCriteriaSet("ht-xa-ntm-nang-cao-20tc")!;

function report(part: Partial<Report>): Report {
  return { setId: NANG_CAO.id, period: "2023", values: [], ...part };
}

describe("syncValuesOf", () => {
  it("sends a criterion's mark as its single yes/no indicator, located by the mark's cell", () => {
    const r = report({
      criteria: [
        { code: "3", selfAssessment: "met", sheet: "Tổng hợp", cell: "C12" },
        { code: "1", selfAssessment: "unmet", sheet: "Tổng hợp", cell: "D10" },
      ],
    });
    expect(syncValuesOf(r, NANG_CAO)).toEqual({
      values: {
        "3": { value: true, selfAssessment: "met", sheet: "Tổng hợp", selfAssessmentCell: "C12" },
        "1": { value: false, selfAssessment: "unmet", sheet: "Tổng hợp", selfAssessmentCell: "D10" },
      },
      skipped: [],
      marksNotSent: [],
    });
  });

  it("lets a value read from the indicator's own row win over the criterion's mark", () => {
    const r = report({
      values: [{ code: "3", value: false, sheet: "Chi tiết", cell: "E7" }],
      criteria: [{ code: "3", selfAssessment: "met", sheet: "Tổng hợp", cell: "C12" }],
    });
    expect(syncValuesOf(r, NANG_CAO).values).toEqual({
      "3": { value: false, sheet: "Chi tiết", cell: "E7" },
    });
  });

  it("names the marks it cannot send (a criterion measured by a number) and the rows the set does not have", () => {
    const r = report({
      values: [
        { code: "99.1", value: 5 },
        { code: "4", value: true },
        { code: "4", value: false },
      ],
      criteria: [
        { code: "10", selfAssessment: "unmet" },
        { code: "2", selfAssessment: null },
        { code: "77", selfAssessment: "met" },
      ],
    });
    expect(syncValuesOf(r, NANG_CAO)).toEqual({
      values: { "4": { value: true } },
      skipped: ["99.1"],
      marksNotSent: ["10", "77"],
    });
  });

  it("without a known set keeps every row and sends no mark", () => {
    const r = report({
      setId: "not-a-set",
      values: [{ code: "1.1", value: 2 }],
      criteria: [{ code: "1", selfAssessment: "met" }],
    });
    expect(syncValuesOf(r, undefined)).toEqual({
      values: { "1.1": { value: 2 } },
      skipped: [],
      marksNotSent: ["1"],
    });
  });
});
