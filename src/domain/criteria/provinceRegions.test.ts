import { REGIONS } from "./schema";
import { regionOfProvince } from "./provinceRegions";

describe("regionOfProvince", () => {
  const codes = Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, "0"));
  const mapped = codes.filter((c) => regionOfProvince(c));

  it("places each of the 63 provinces in one of the seven regions, in the usual sizes", () => {
    expect(mapped).toHaveLength(63);
    const sizes = Object.fromEntries(
      REGIONS.map((r) => [r, mapped.filter((c) => regionOfProvince(c) === r).length]),
    );
    expect(sizes).toEqual({ TDMNPB: 14, DBSH: 11, BTB: 6, DHNTB: 8, TN: 5, DNB: 6, DBSCL: 13 });
  });

  it("knows Hà Tĩnh (42) is Bắc Trung Bộ and gives no region for an unknown code", () => {
    expect(regionOfProvince("42")).toBe("BTB");
    expect(regionOfProvince("03")).toBeUndefined();
    expect(regionOfProvince(undefined)).toBeUndefined();
  });
});
