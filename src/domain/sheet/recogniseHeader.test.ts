/**
 * Header cells as communes write them — with or without diacritics, with notes in brackets, with a
 * typing error — and the exact role each names (the whole match, so a village's name as written is
 * asserted too); prose and short words that only look like keywords name none.
 */
import { boundedEditDistance, headerCore, recogniseHeader, type HeaderMatch } from "./recogniseHeader";

describe("recogniseHeader", () => {
  it.each<[string, HeaderMatch]>([
    ["TT", { role: "no" }],
    ["STT", { role: "no" }],
    ["Mã chỉ tiêu", { role: "no" }],
    ["Tên tiêu chí", { role: "criterion" }],
    ["Nội dung tiêu chí", { role: "content" }],
    ["Nội dung", { role: "content" }],
    ["NOI DUNG CHI TIEU", { role: "content" }],
    ["Chỉ tiêu đạt chuẩn", { role: "target" }],
    ["Chỉ tiêu", { role: "target" }],
    ["Chuẩn", { role: "target" }],
    ["Kết quả thực hiện", { role: "value" }],
    ["Hiện trạng", { role: "value" }],
    ["Tự đánh giá (Đạt/Chưa đạt)", { role: "selfAssessment" }],
    ["Kết quả tự đánh giá", { role: "selfAssessment" }],
    ["Đ/CĐ", { role: "selfAssessment" }],
    ["Đạt", { role: "metMark" }],
    ["Chưa đạt", { role: "unmetMark" }],
    ["Ghi chú", { role: "notes" }],
    ["ĐVT", { role: "unit" }],
    ["Đơn vị tính", { role: "unit" }],
    ["Kế hoạch năm 2023", { role: "plan" }],
    ["Lũy kế", { role: "cumulative" }],
    ["Tỷ lệ (%)", { role: "ratio" }],
    ["Tổng cộng", { role: "total" }],
    ["Kinh phí", { role: "ignore" }],
    ["Thôn 2", { role: "village", unitName: "Thôn 2" }],
    ["Xóm  Đông", { role: "village", unitName: "Xóm Đông" }],
  ])("%j names %j", (text, match) => {
    expect(recogniseHeader(text)).toEqual(match);
  });

  it.each(["", "Tổ chức thực hiện", "Ban hành kèm theo quyết định", "Ma trận", "x".repeat(200)])(
    "%j names no role",
    (text) => {
      expect(recogniseHeader(text)).toBeUndefined();
    },
  );

  it("a typing error is read only when asked to (fuzzy), as the role of the word meant", () => {
    expect(recogniseHeader("Hiện trangg")).toBeUndefined();
    expect(recogniseHeader("Hiện trangg", true)).toEqual({ role: "value" });
    expect(recogniseHeader("Ghi chus")).toBeUndefined();
    expect(recogniseHeader("Ghi chus", true)).toEqual({ role: "notes" });
  });
});

describe("headerCore and boundedEditDistance", () => {
  it("drops bracketed notes and punctuation, keeps the words", () => {
    expect(headerCore("tu danh gia (dat/chua dat):")).toBe("tu danh gia");
    expect(headerCore("  ket qua *  ")).toBe("ket qua");
  });

  it("counts edits up to the bound and gives up past it", () => {
    expect(boundedEditDistance("ket qua", "ket qua", 1)).toBe(0);
    expect(boundedEditDistance("ket qua", "ket qau", 2)).toBe(2);
    expect(boundedEditDistance("ket qua", "thuc hien", 2)).toBe(3);
  });
});
