import { buildCommuneCodeMap, communeToneKey, identifyCommune } from "./communeCodeMap";

const row = (code: string, name: string) => ({
  gso_code_2023: code,
  name_2023: name,
  district_code_2023: "445",
  district_2023: "Huyện Thạch Hà",
  successor_code_2025: code,
  successor_name_2025: name,
});
const map = buildCommuneCodeMap([row("18595", "Xã Đỉnh Bàn"), row("18600", "Xã Thạch Hòa")]);
const who = (name: string) => identifyCommune({ name }, "2023", map, "f.xlsx");

describe("identifying a commune by its written name", () => {
  it("matches a name typed without diacritics by its letters alone", () => {
    expect(who("Xa Dinh Ban")).toMatchObject({ code: "18595", name: "Xã Đỉnh Bàn", matchedBy: "name" });
    expect(who("UBND XÃ DINH BAN")).toMatchObject({ code: "18595", matchedBy: "name" });
  });

  it("matches a name written with its tones, in any case and either tone placement", () => {
    expect(who("Xã Đỉnh Bàn")).toMatchObject({ code: "18595", matchedBy: "name" });
    expect(who("XÃ THẠCH HOÀ")).toMatchObject({ code: "18600", matchedBy: "name" }); // "oà" for "òa"
    expect(who("Xã Thạch Hòa".normalize("NFD"))).toMatchObject({ code: "18600" });
  });

  it("does not take a name with other tones for the commune: Đình Bàn is not Đỉnh Bàn", () => {
    expect(who("Xã Đình Bàn")).toMatchObject({ matchedBy: "none", name: "Xã Đình Bàn" });
    expect(who("Xã Đình Bàn").code).toBeUndefined();
  });

  it("keeps the tone of each word and nothing of the prefix", () => {
    expect(communeToneKey("Xã Dinh Ban")).toBeUndefined();
    expect(communeToneKey("Thị trấn Phố Châu")).toBe(communeToneKey("phố châu"));
    expect(communeToneKey("Xã Thạch Hoà")).toBe(communeToneKey("Thạch Hòa"));
    expect(communeToneKey("Đình Bàn")).not.toBe(communeToneKey("Đỉnh Bàn"));
  });
});
