/**
 * Header cells as communes write them — with or without diacritics, with notes in brackets, with a
 * typing error — and the exact role each names (the whole match, so a village's name as written is
 * asserted too); prose and short words that only look like keywords name none.
 */
import {
  boundedEditDistance,
  headerCore,
  recogniseHeader,
  type ColumnRole,
  type HeaderMatch,
} from "./recogniseHeader";

describe("recogniseHeader", () => {
  // prettier-ignore
  const BY_ROLE: [ColumnRole, string[]][] = [
    ["no", ["TT", "STT", "Mã chỉ tiêu"]],
    ["criterion", ["Tên tiêu chí"]],
    ["content", ["Nội dung tiêu chí", "Nội dung", "NOI DUNG CHI TIEU"]],
    ["target", ["Chỉ tiêu đạt chuẩn", "Chỉ tiêu", "Chuẩn"]],
    ["value", ["Kết quả thực hiện", "Hiện trạng"]],
    ["selfAssessment", ["Tự đánh giá (Đạt/Chưa đạt)", "Kết quả tự đánh giá", "Đ/CĐ"]],
    ["metMark", ["Đạt"]], ["unmetMark", ["Chưa đạt"]], ["notes", ["Ghi chú"]],
    ["unit", ["ĐVT", "Đơn vị tính"]], ["plan", ["Kế hoạch năm 2023"]], ["cumulative", ["Lũy kế"]],
    ["ratio", ["Tỷ lệ (%)"]], ["total", ["Tổng cộng"]], ["ignore", ["Kinh phí"]],
  ];
  it.each(BY_ROLE.flatMap(([role, texts]) => texts.map((text) => [text, role] as const)))(
    "%j names %s",
    (text, role) => {
      expect(recogniseHeader(text)).toEqual({ role });
    },
  );

  it("a village column is named as written, spaces tidied", () => {
    const village = (unitName: string): HeaderMatch => ({ role: "village", unitName });
    expect(recogniseHeader("Thôn 2")).toEqual(village("Thôn 2"));
    expect(recogniseHeader("Xóm  Đông")).toEqual(village("Xóm Đông"));
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
