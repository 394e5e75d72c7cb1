/**
 * Title blocks as communes write them, and the exact facts read from each (the whole object but the
 * folded text, so a fact read wrongly or not at all shows): the lowest unit named, its parents, the
 * village, the period — never a signing date's year or the set's span — the region and the group.
 */
import { detectTitle, periodFromFileName, periodFromText, type TitleFacts } from "./detectTitle";

function facts(lines: string[]): Omit<TitleFacts, "folded"> {
  const { folded: _folded, ...rest } = detectTitle(lines);
  return rest;
}

describe("detectTitle", () => {
  it("a commune's self-assessment: the commune, its district and the year, not the signing date", () => {
    expect(
      facts([
        "UBND HUYỆN HƯƠNG SƠN",
        "UBND XÃ SƠN HỒNG",
        "BIỂU TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2023",
        "Sơn Hồng, ngày 15 tháng 11 năm 2024",
      ]),
    ).toEqual({
      orgUnit: { name: "Xã Sơn Hồng", level: "xa" },
      parents: [{ name: "Huyện Hương Sơn", level: "huyen" }],
      period: "2023",
    });
  });

  it("the set's span is not the period; a quarter is", () => {
    expect(
      facts(["ỦY BAN NHÂN DÂN THỊ TRẤN PHỐ CHÂU", "BÁO CÁO QUÝ III NĂM 2022 (giai đoạn 2021-2025)"]),
    ).toEqual({ orgUnit: { name: "Thị trấn Phố Châu", level: "thi-tran" }, parents: [], period: "2022-Q3" });
  });

  it("a village's board, a week on one line and its year on another", () => {
    expect(facts(["BAN PHÁT TRIỂN THÔN 2", "KHỐI LƯỢNG THỰC HIỆN TUẦN 14", "Năm 2023"])).toEqual({
      parents: [],
      village: "Thôn 2",
      period: "2023-W14",
    });
  });

  it("the region a line says with 'vùng', and the commune group", () => {
    expect(facts(["(Áp dụng cho xã thuộc vùng Bắc Trung Bộ, xã nhóm 2)", "Tháng 11/2022"])).toEqual({
      parents: [],
      period: "2022-11",
      region: "BTB",
      group: "2",
    });
  });

  it("lines of nothing it knows give nothing but the folded text", () => {
    const read = detectTitle(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(read).toEqual({
      parents: [],
      folded: expect.stringContaining("cong hoa xa hoi chu nghia viet nam"),
    });
  });
});

describe("periods in text and in file names", () => {
  const READ = { text: (s: string) => periodFromText(s), file: periodFromFileName };
  // prettier-ignore
  it.each<[keyof typeof READ, string, string | undefined]>([
    ["text", "Tuần thứ 9 năm 2024", "2024-W09"], ["text", "THÁNG 3 NĂM 2023", "2023-03"],
    ["text", "Quý IV năm 2021", "2021-Q4"], ["text", "Không có năm", undefined],
    ["text", "Quyết định số 318/2022 ngày 08/03/2022, năm 2021", "2021"],
    ["file", "xa-son-hong-2023.csv", "2023"], ["file", "ha-linh-2022-11-khoi-luong.xlsx", "2022-11"],
    ["file", "bao-cao-2021-q2.xlsx", "2021-Q2"], ["file", "tong-hop.xlsx", undefined],
  ])("%s %j → %s", (from, input, period) => {
    expect(READ[from](input)).toBe(period);
  });

  it("a week without a year takes the year given", () => {
    expect(periodFromText("Tuần 14", 2023)).toBe("2023-W14");
    expect(periodFromText("Tuần 14")).toBeUndefined();
  });
});
