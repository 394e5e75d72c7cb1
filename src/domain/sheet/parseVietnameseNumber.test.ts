import fc from "fast-check";
import { formatNumber } from "../i18n/formatNumber";
import { parseVietnameseNumber } from "./parseVietnameseNumber";
import { readCell, readText } from "./parseCellValue";
import { parseTarget } from "./parseTarget";
import { parseAssessmentWord } from "./parseAssessment";
import { excelSerialToIsoDate, parseVietnameseDate } from "./parseVietnameseDate";

describe("parseVietnameseNumber", () => {
  it.each([
    ["29,68", 29.68],
    ["1.680", 1680],
    ["16.850", 16850],
    ["1.250.000", 1250000],
    ["1.250,5", 1250.5],
    ["0,5", 0.5],
    ["-3,5", -3.5],
    ["100", 100],
  ])("reads %s as %d", (text, value) => {
    expect(parseVietnameseNumber(text)).toEqual({ kind: "number", value, percent: false });
  });

  it("reads percent and units in the cell", () => {
    expect(parseVietnameseNumber("85%")).toEqual({ kind: "number", value: 85, percent: true });
    expect(parseVietnameseNumber("85,5 %")).toEqual({ kind: "number", value: 85.5, percent: true });
    expect(parseVietnameseNumber("16.850 m")).toEqual({
      kind: "number",
      value: 16850,
      percent: false,
      unit: "m",
    });
    expect(parseVietnameseNumber("45,2 triệu đồng")).toMatchObject({ value: 45.2, unit: "triệu đồng" });
    expect(parseVietnameseNumber("2 vườn")).toMatchObject({ value: 2, unit: "vườn" });
  });

  it("keeps ranges as ranges", () => {
    expect(parseVietnameseNumber("30-35%")).toEqual({ kind: "range", low: 30, high: 35, percent: true });
    expect(parseVietnameseNumber("30 – 35 %")).toEqual({ kind: "range", low: 30, high: 35, percent: true });
    expect(parseVietnameseNumber("30%-35%")).toEqual({ kind: "range", low: 30, high: 35, percent: true });
  });

  it("says when a reading is ambiguous instead of guessing silently", () => {
    expect(parseVietnameseNumber("1,680")).toMatchObject({
      value: 1.68,
      ambiguous: "comma-before-three-digits",
    });
    expect(parseVietnameseNumber("1.5")).toMatchObject({ value: 1.5, ambiguous: "decimal-point" });
    expect(parseVietnameseNumber("1,234.5")).toMatchObject({
      value: 1234.5,
      ambiguous: "english-separators",
    });
  });

  it("refuses prose and fractions", () => {
    for (const t of [
      "Đạt",
      "29,68/29,68 km",
      "Không có làng nghề",
      "2/3 trường đạt chuẩn",
      "1.2.3,4,5",
      "",
    ]) {
      expect(parseVietnameseNumber(t)).toBeUndefined();
    }
  });

  // Its speed on such texts is measured by `npm run bench parseNumber`, not timed here.
  it("refuses hostile input rather than reading a number out of it", () => {
    expect(parseVietnameseNumber("1" + ".1".repeat(50000) + "x")).toBeUndefined();
    expect(readText("9".repeat(100000) + ",")).toMatchObject({ kind: "text" });
  });

  it("formatting a number the Vietnamese way and parsing it gives it back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const n = int + (Math.sign(int || 1) * cents) / 100;
        const text = formatNumber(n, "vi");
        const back = parseVietnameseNumber(text);
        return back?.kind === "number" && Math.abs(back.value - n) < 1e-6 && back.ambiguous === undefined;
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips with a percent sign and a unit", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.constantFrom("%", " %", " m", " km", " triệu đồng", " lượt người"),
        (d, suffix) => {
          const n = Math.round(d * 100) / 100;
          const back = parseVietnameseNumber(formatNumber(n, "vi") + suffix);
          if (back?.kind !== "number") return false;
          const unitOk = suffix.trim() === "%" ? back.percent : back.unit === suffix.trim();
          return unitOk && Math.abs(back.value - n) < 1e-6;
        },
      ),
    );
  });
});

describe("cell readings", () => {
  it("reads percent-formatted numbers as numbers of percent", () => {
    expect(readCell({ v: 0.9145, z: "0.00%" })).toEqual({ kind: "number", value: 91.45, percent: true });
    expect(readCell({ v: 0.886, z: "0.0%" })).toEqual({ kind: "number", value: 88.6, percent: true });
  });
  it("reads dates and serials day-first", () => {
    expect(parseVietnameseDate("15/11/2023")).toBe("2023-11-15");
    expect(parseVietnameseDate("31/02/2023")).toBeUndefined();
    expect(excelSerialToIsoDate(45245)).toBe("2023-11-15");
    expect(readCell({ v: 45245, z: "dd/mm/yyyy" })).toEqual({ kind: "date", iso: "2023-11-15" });
  });
  it("reads assessment words", () => {
    for (const t of ["Đạt", "đạt", "Dat", "Đ", "x", "X", "Có", "Co"])
      expect(parseAssessmentWord(t)).toBe(true);
    for (const t of ["Chưa đạt", "Chua dat", "CĐ", "Không", "Khong", "Chưa có", "Không đạt"]) {
      expect(parseAssessmentWord(t)).toBe(false);
    }
    expect(parseAssessmentWord("Đạt 2/3 trường")).toBeUndefined();
  });
});

describe("parseTarget", () => {
  it.each([
    ["≥ 90%", { op: ">=", value: 90, unit: "%" }],
    [">= 90%", { op: ">=", value: 90, unit: "%" }],
    ["≤ 5%", { op: "<=", value: 5, unit: "%" }],
    ["<= 6%", { op: "<=", value: 6, unit: "%" }],
    ["100%", { op: ">=", value: 100, unit: "%", opImplied: true }],
    ["1.500 m", { op: ">=", value: 1500, unit: "m", opImplied: true }],
    ["≥ 47 triệu đồng/người/năm", { op: ">=", value: 47, unit: "triệu đồng/người/năm" }],
    ["≥ 5 vườn", { op: ">=", value: 5, unit: "vườn" }],
    ["Đạt", { op: "==", value: true }],
    ["Không", { op: "==", value: false }],
    ["Có", { op: "==", value: true }],
    ["từ 80% trở lên", { op: ">=", value: 80, unit: "%" }],
    ["Tối thiểu 70%", { op: ">=", value: 70, unit: "%" }],
  ])("reads %s", (text, want) => {
    expect(parseTarget(text)).toEqual(want);
  });
});
