import type { Finding, FindingType } from "../review/finding";
import { findingTypeSchema } from "../sync/protocol";
import { formatFinding, formatFindingBilingual } from "./formatFinding";
import { formatNumber } from "./formatNumber";

describe("Vietnamese and English numbers", () => {
  it.each([
    [0.8, "0,8", "0.8"],
    [1680, "1.680", "1,680"],
    [29.68, "29,68", "29.68"],
    [1234567.891, "1.234.567,89", "1,234,567.89"],
    [-0.001, "0", "0"],
    [-5.5, "-5,5", "-5.5"],
  ])("%d → %s / %s", (n, vi, en) => {
    expect(formatNumber(n, "vi")).toBe(vi);
    expect(formatNumber(n, "en")).toBe(en);
  });
});

describe("every finding type has a located message in both languages", () => {
  // The wire enum is checked against FindingType both ways, so this is every type there is.
  const types: readonly FindingType[] = findingTypeSchema.options;
  it.each(types)("%s", (type) => {
    const f: Finding = {
      type,
      severity: "warning",
      sheet: "Biểu 01",
      cell: "E19",
      indicator: "2.3",
      params: {
        value: 96.4,
        unit: "%",
        op: ">=",
        target: 100,
        targetUnit: "%",
        source: "workbook",
        text: "9O%",
      },
    };
    const vi = formatFinding(f, "vi");
    const en = formatFinding(f, "en");
    expect(vi.startsWith("[Biểu 01!E19] ")).toBe(true);
    expect(en.startsWith("[Biểu 01!E19] ")).toBe(true);
    expect(vi).not.toEqual(en);
    expect(vi).not.toMatch(/undefined|\[object/);
    expect(en).not.toMatch(/undefined|\[object/);
    expect(formatFindingBilingual(f).split("\n")).toHaveLength(2);
  });

  it("says whose target it is", () => {
    const base: Finding = {
      type: "indicator/unmet",
      severity: "info",
      indicator: "17.6",
      params: {
        value: 86.5,
        unit: "%",
        op: ">=",
        target: 90,
        targetUnit: "%",
        gap: 3.5,
        gapUnit: "%",
        gapDirection: "short",
      },
    };
    const said = (source: string, decision: string | null = null) =>
      formatFinding({ ...base, params: { ...base.params, source, decision } }, "vi");
    expect(said("workbook")).toContain(
      "chỉ tiêu do xã tự ghi trong bảng tính, chưa phải chỉ tiêu chính thức đã xác nhận",
    );
    expect(said("official-unverified", "QĐ 318/QĐ-TTg")).toContain(
      "mức theo QĐ 318/QĐ-TTg, chưa đối chiếu với văn bản",
    );
    expect(said("official-verified", "QĐ 319/QĐ-TTg")).toContain("chỉ tiêu chính thức theo QĐ 319/QĐ-TTg");
    expect(said("workbook")).toContain("còn thiếu 3,5 %");
  });
});
