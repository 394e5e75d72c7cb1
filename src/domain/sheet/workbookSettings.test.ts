/**
 * Workbook settings as a clerk meets them: a hand-edited "_ntm" value that is not valid (a region
 * typed as words, a period "năm 2024") is not used, is reported with its key, and does not hide
 * the valid settings beside it.
 */
import fc from "fast-check";
import { REGIONS } from "../criteria/schema";
import { formatFinding } from "../i18n";
import { gridOfValues } from "./grid";
import { readReport } from "./readReport";
import { trustedSettings } from "./workbookSettings";

const sheet = gridOfValues("Bieu", [
  ["BIỂU TỰ ĐÁNH GIÁ"],
  ["TT", "Nội dung chỉ tiêu", "Kết quả"],
  ["2.1", "Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa", 95],
]);

describe("workbook settings the reader trusts", () => {
  it("leaves out a region typed as words, says so at the settings sheet, and keeps the org unit", () => {
    const { report, findings } = readReport({
      sheets: [sheet],
      properties: { "ntm.region": "Bac Trung Bo", "ntm.orgUnit": "Xã Sơn Kim 1", "ntm.period": "2024" },
    });
    expect(report.region).toBeUndefined();
    expect(report.orgUnit).toEqual({ name: "Xã Sơn Kim 1" });
    expect(report.period).toBe("2024");
    expect(findings.filter((f) => f.type === "settings/invalid")).toEqual([
      {
        type: "settings/invalid",
        severity: "warning",
        sheet: "_ntm",
        params: { key: "ntm.region", value: "Bac Trung Bo" },
      },
    ]);
    const message = formatFinding(
      findings.find((f) => f.type === "settings/invalid")!,
      "vi",
    );
    expect(message).toContain("[_ntm]");
    expect(message).toContain("“ntm.region”");
  });

  it("uses every region code and refuses every other text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...REGIONS), fc.string({ maxLength: 12 })), (region) => {
        const { settings, findings } = trustedSettings({ "ntm.region": region });
        const valid = (REGIONS as readonly string[]).includes(region);
        expect(settings.region).toBe(valid ? region : undefined);
        expect(findings).toHaveLength(valid ? 0 : 1);
      }),
    );
  });

  it('refuses a period that is not one ("năm 2024", week 53 of 2023) and takes the title\'s instead', () => {
    for (const period of ["năm 2024", "2023-W53", "2024-13"]) {
      const { report, findings } = readReport({ sheets: [sheet], properties: { "ntm.period": period } });
      expect(report.period).toBeUndefined();
      expect(findings.map((f) => f.params)).toContainEqual({ key: "ntm.period", value: period });
    }
  });
});
