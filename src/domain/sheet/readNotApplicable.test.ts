/**
 * Not applicable is not unreadable (issue 18): a commune without craft villages writes "Không có
 * làng nghề" against 13.4 ("… làng nghề truyền thống (nếu có) …"). The clerk should see a
 * statement accepted — the indicator "không áp dụng", left out of criterion 13 — not a value to fix;
 * the same words against an indicator every commune must meet still ask for the result.
 */
import fc from "fast-check";
import { checkWorkbook } from "../check/checkWorkbook";
import { formatFinding } from "../i18n";
import { gridOfValues } from "./grid";

function criterion13(cell134: string | boolean, cell62: string = "Đạt") {
  return {
    sheets: [
      gridOfValues("Bieu", [
        ["BIỂU TỰ ĐÁNH GIÁ XÃ NÔNG THÔN MỚI NĂM 2024"],
        ["TT", "Nội dung chỉ tiêu", "Kết quả thực hiện"],
        [
          "6.2",
          "Xã có điểm vui chơi, giải trí và thể thao cho trẻ em và người cao tuổi theo quy định",
          cell62,
        ],
        ["13.1", "Xã có hợp tác xã hoạt động hiệu quả và theo đúng quy định của Luật Hợp tác xã", "Đạt"],
        ["13.2", "Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực", "Đạt"],
        ["13.3", "Thực hiện truy xuất nguồn gốc các sản phẩm chủ lực của xã", "Đạt"],
        ["13.4", "Có kế hoạch bảo tồn, phát triển làng nghề, làng nghề truyền thống (nếu có)", cell134],
        ["13.5", "Có tổ khuyến nông cộng đồng hoạt động hiệu quả", "Đạt"],
      ]),
    ],
  };
}

const check = (cell134: string | boolean, cell62?: string) =>
  checkWorkbook(criterion13(cell134, cell62), { setId: "vn-xa-ntm-2021-2025" });

describe("not applicable is a statement, not an unreadable value", () => {
  it("reads “Không có làng nghề” on 13.4 as not applicable and judges criterion 13 on the rest", () => {
    const c = check("Không có làng nghề");
    const v = c.report.values.find((x) => x.code === "13.4")!;
    expect(v).toMatchObject({ value: null, raw: "Không có làng nghề", notApplicable: true, cell: "C7" });
    const r = c.evaluation!.indicators.find((i) => i.code === "13.4")!;
    expect(r.status).toBe("not-applicable");
    expect(c.evaluation!.criteria.find((x) => x.code === "13")).toMatchObject({ status: "met", total: 4 });
    const own = c.findings.filter((f) => f.indicator === "13.4");
    expect(own).toEqual([
      {
        type: "indicator/not-applicable",
        severity: "info",
        sheet: "Bieu",
        cell: "C7",
        indicator: "13.4",
        params: { raw: "Không có làng nghề" },
      },
    ]);
    expect(formatFinding(own[0], "vi")).toBe(
      "[Bieu!C7] Chỉ tiêu 13.4: không áp dụng — bảng tính ghi “Không có làng nghề”, chỉ tiêu này chỉ áp dụng cho xã có nội dung đó (“nếu có”). Không tính vào kết quả tiêu chí; không cần sửa.",
    );
  });

  it("asks for the result where the indicator applies to every commune (6.2)", () => {
    const c = check("Đạt", "Không áp dụng");
    expect(c.findings.filter((f) => f.indicator === "6.2")).toEqual([
      {
        type: "value/unreadable",
        severity: "warning",
        sheet: "Bieu",
        cell: "C3",
        indicator: "6.2",
        params: { raw: "Không áp dụng", reason: "not-applicable" },
      },
    ]);
    expect(
      formatFinding(
        c.findings.find((f) => f.indicator === "6.2")!,
        "en",
      ),
    ).toContain("applies to every commune");
  });

  it("keeps a bare “Không” on 13.4 the answer it is: not met", () => {
    const r = check("Không").evaluation!.indicators.find((i) => i.code === "13.4")!;
    expect(r.status).toBe("unmet");
  });

  it("accepts the family of not-applicable wordings, with or without diacritics", () => {
    const wordings = fc.constantFrom(
      "Không có làng nghề",
      "Khong co lang nghe",
      "không có làng nghề truyền thống.",
      "Không áp dụng",
      "KHÔNG ÁP DỤNG",
      "KAD",
      "—",
      "-",
      "Không phát sinh",
      "Không thuộc diện",
    );
    fc.assert(
      fc.property(wordings, fc.constantFrom("", " ", "  "), (w, pad) => {
        const c = check(pad + w + pad);
        expect(c.evaluation!.indicators.find((i) => i.code === "13.4")!.status).toBe("not-applicable");
        expect(c.findings.filter((f) => f.type === "value/unreadable")).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
