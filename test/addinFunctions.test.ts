import * as fs from "node:fs";
import * as path from "node:path";
import {
  countMet,
  gap,
  name,
  progress,
  status,
  target,
  MET,
  UNMET,
} from "../src/addin/functions/ntmFunctions";
import { NtmFunctionError } from "../src/addin/functions/functionError";

const KM = "vn-xa-ntm-kieu-mau-2021-2025"; // indicator 3: at least 1 smart village (count ≥ 1)

function err(x: unknown): { code: string; message: string } {
  expect(x).toBeInstanceOf(NtmFunctionError);
  return x as NtmFunctionError;
}

describe("NTM.STATUS / NTM.DANHGIA", () => {
  it("judges yes/no indicators from Đạt, x, Có and booleans, over a range, keeping its shape", () => {
    expect(status([["Đạt"], ["Chưa đạt"], ["x"], [true], [""]], [["1.1"]])).toEqual([
      [MET],
      [UNMET],
      [MET],
      [MET],
      [""],
    ]);
  });
  it("judges counts against the set's target and pairs a range of codes with a range of values", () => {
    expect(status([[0, 2]], [["3", "3"]], "", KM)).toEqual([[UNMET, MET]]);
  });
  it("says #N/A with the reason when no target with a source exists (never invents one)", () => {
    const [[e]] = status([[0.9]], [["17.6"]]);
    expect(err(e).code).toBe("#N/A");
    expect(err(e).message).toMatch(/Chưa có mức chỉ tiêu 17\.6/);
    expect(err(e).message).toMatch(/cột chỉ tiêu của bảng/);
  });
  it("gives #VALUE! for a value that cannot be compared, #N/A for an unknown indicator, #VALUE! for a bad region or set", () => {
    expect(err(status([["nhiều"]], [["1.1"]])[0][0]).code).toBe("#VALUE!");
    expect(err(status([["nhiều"]], [["1.1"]])[0][0]).message).toMatch(/nhập Đạt\/Chưa đạt/);
    expect(err(status([["Đạt"]], [["99.9"]])[0][0]).code).toBe("#N/A");
    expect(err(status([["Đạt"]], [["1.1"]], "Miền Tây")[0][0]).message).toMatch(/không phải vùng/);
    expect(err(status([["Đạt"]], [["1.1"]], "", "bo-khong-co")[0][0]).message).toMatch(
      /Không có bộ tiêu chí/,
    );
  });
  it("refuses code and value ranges of different sizes", () => {
    expect(err(status([[1, 2, 3]], [["1.1", "1.2"]])[0][0]).message).toMatch(/cùng cỡ/);
  });
  it("accepts the region or commune group", () => {
    expect(status([["Đạt"]], [["1.1"]], "btb")).toEqual([[MET]]);
    expect(status([["Đạt"]], [["1.1"]], "nhóm 2")).toEqual([[MET]]);
  });
});

describe("NTM.TARGET / NTM.CHITIEU", () => {
  it("marks targets no decision text confirms, and only those", () => {
    expect(target([["1.1"], ["9.1"]])).toEqual([
      ["Đạt (chưa xác minh / unverified)"],
      ["Không (chưa xác minh / unverified)"],
    ]);
    expect(target("3", "", KM)).toEqual([["≥ 1 thôn"]]); // QĐ 319, checked against its text
  });
  it("is #N/A for an indicator whose number is not known", () => {
    expect(err(target("17.6")[0][0]).code).toBe("#N/A");
  });
});

describe("NTM.GAP / NTM.CONTHIEU", () => {
  it("is the amount missing in the indicator's unit, 0 when met", () => {
    expect(gap([[0], [3]], "3", "", KM)).toEqual([[1], [0]]);
  });
  it("is #N/A for an unmet yes/no indicator, which has no amount", () => {
    expect(err(gap("Chưa đạt", "1.1")[0][0]).message).toMatch(/có\/không/);
  });
});

describe("NTM.PROGRESS / NTM.TIENDO and NTM.COUNTMET / NTM.SODAT", () => {
  const statuses = [["Đạt"], ["Chưa đạt"], ["Đ"], [""], ["CĐ"]];
  it("counts met statuses and their share, skipping blanks", () => {
    expect(countMet(statuses)).toBe(2);
    expect(progress(statuses)).toBeCloseTo(0.5);
  });
  it("names a cell that is not a status, and refuses an empty range", () => {
    expect(err(progress([["Đạt"], ["abc"]])).message).toMatch(/"abc" không phải Đạt/);
    expect(err(progress([[""]])).code).toBe("#N/A");
  });
});

describe("NTM.NAME / NTM.TEN", () => {
  it("names indicators and criteria in Vietnamese", () => {
    const [[ind], [crit]] = name([["1.1"], ["17"]]);
    expect(ind).toMatch(/quy hoạch chung xây dựng xã/);
    expect(crit).toMatch(/Môi trường/);
    expect(err(name("42")[0][0]).code).toBe("#N/A");
  });
});

describe("function metadata", () => {
  const ids = ["STATUS", "TARGET", "GAP", "PROGRESS", "COUNTMET", "NAME"];
  let generated: {
    functions: {
      id: string;
      name: string;
      parameters: { name: string; type?: string; dimensionality?: string; optional?: boolean }[];
    }[];
  };
  beforeAll(async () => {
    const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
    const r = await generateCustomFunctionsMetadata(
      path.join(__dirname, "..", "src", "addin", "functions", "functions.ts"),
      true,
    );
    expect(r.errors).toEqual([]);
    generated = JSON.parse(r.metadataJson);
  }, 60000);

  it("lists the six functions from the JSDoc", () => {
    expect(generated.functions.map((f) => f.name).sort()).toEqual([...ids].sort());
  });

  it("has a vi-VN file with the Vietnamese names and the same ids and parameters", () => {
    const vi = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, "..", "src", "addin", "functions", "locales", "vi-VN", "functions.json"),
        "utf8",
      ),
    );
    const names = Object.fromEntries(vi.functions.map((f: { id: string; name: string }) => [f.id, f.name]));
    expect(names).toEqual({
      STATUS: "DANHGIA",
      TARGET: "CHITIEU",
      GAP: "CONTHIEU",
      PROGRESS: "TIENDO",
      COUNTMET: "SODAT",
      NAME: "TEN",
    });
    for (const g of generated.functions) {
      const v = vi.functions.find((f: { id: string }) => f.id === g.id);
      expect(
        v.parameters.map((p: { type?: string; dimensionality?: string; optional?: boolean }) => [
          p.type,
          p.dimensionality,
          p.optional,
        ]),
      ).toEqual(g.parameters.map((p) => [p.type, p.dimensionality, p.optional]));
    }
  });

  it("is what the manifest serves to Excel in Vietnamese", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");
    expect(manifest).toContain(
      '<bt:Override Locale="vi-VN" Value="https://localhost:3000/functions-locales/vi-VN/functions.json"/>',
    );
  });
});

describe("functions.ts in the shared runtime", () => {
  it("forwards to the implementation the pane's bundle registered, waiting for it when called early", async () => {
    const fns = await import("../src/addin/functions/functions");
    const early = fns.status([["Đạt"]], [["1.1"]]) as unknown as Promise<unknown>;
    const { registerFunctionImpl } = await import("../src/addin/functions/functionRegistry");
    registerFunctionImpl(await import("../src/addin/functions/ntmFunctions"));
    await expect(early).resolves.toEqual([[MET]]);
    expect(fns.countmet([["Đạt"], ["Đạt"]])).toBe(2);
  });
});
