import type { TargetSource } from "../evaluate/types";
import type { FindingOf, FindingType } from "../review/finding";
import { findingTypeSchema } from "../sync/protocol";
import { findingFromWire } from "../sync/wireFinding";
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
  // The same params under every type, as the wire may carry them: no sentence may break on them.
  it.each(types)("%s", (type) => {
    const f = findingFromWire({
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
    });
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
    const base: FindingOf<"indicator/unmet"> = {
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
        source: "none",
      },
    };
    const said = (source: TargetSource, decision: string | null = null) =>
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

describe("a duplicate row names where the indicator was read first", () => {
  // The reader gives `first` (recordTableRows); the sentence once read a param nobody made.
  it.each([
    ["vi", "Chỉ tiêu 17.1 xuất hiện nhiều lần (cả ô Biểu 01!C12)."],
    ["en", "Indicator 17.1 appears more than once (also cell Biểu 01!C12)."],
  ] as const)("%s", (lang, said) => {
    const f: FindingOf<"mapping/duplicate-indicator"> = {
      type: "mapping/duplicate-indicator",
      severity: "warning",
      sheet: "Biểu 01",
      cell: "C20",
      indicator: "17.1",
      params: { first: "Biểu 01!C12", row: 20 },
    };
    expect(formatFinding(f, lang)).toContain(said);
  });
});
