import fc from "fast-check";
import { consolidate } from "./consolidate";
import { buildCommuneCodeMap, type CommuneCodeRow } from "./communeCodeMap";
import type { ConsolidationFile, FileValidation } from "./fileValidation";

const rows: CommuneCodeRow[] = [
  {
    gso_code_2023: "18139",
    name_2023: "Xã Sơn Hồng",
    district_code_2023: "439",
    district_2023: "Huyện Hương Sơn",
    successor_code_2025: "18160",
    successor_name_2025: "Xã Sơn Hồng",
  },
  {
    gso_code_2023: "18160",
    name_2023: "Xã Sơn Lĩnh",
    district_code_2023: "439",
    district_2023: "Huyện Hương Sơn",
    successor_code_2025: "18160",
    successor_name_2025: "Xã Sơn Hồng",
  },
  {
    gso_code_2023: "18502",
    name_2023: "Xã Hà Linh",
    district_code_2023: "444",
    district_2023: "Huyện Hương Khê",
    successor_code_2025: "18502",
    successor_name_2025: "Xã Hà Linh",
  },
];
const codes = buildCommuneCodeMap(rows);

function commune(
  name: string,
  code: string | undefined,
  period: string,
  met: string[],
  total = 19,
): FileValidation {
  const criteria = Array.from({ length: total }, (_, i) => ({
    code: String(i + 1),
    status: met.includes(String(i + 1)) ? ("met" as const) : ("unmet" as const),
  }));
  return {
    file: `${name}.xlsx`,
    ok: true,
    set: { id: "vn-xa-ntm-2021-2025", version: "QĐ 318" },
    orgUnit: code ? { name, code } : { name },
    period,
    criteria,
    summary: { criteriaMet: met.length, criteriaTotal: total },
    findings: [
      {
        type: "self-assessment/mismatch",
        severity: "error",
        sheet: "Biểu 01",
        cell: "G12",
        indicator: "2.3",
        message: "x",
      },
    ],
  };
}

function file(path: string, validation: FileValidation, mtimeMs = 1000): ConsolidationFile {
  return { path, validation, mtimeMs };
}

describe("consolidate", () => {
  it("counts communes by criteria met and per criterion", () => {
    const s = consolidate(
      [
        file("a.xlsx", commune("Xã Sơn Hồng", "18139", "2023", ["1", "2", "3"])),
        file("b.xlsx", commune("Xã Hà Linh", undefined, "2023", ["1"])),
        file("c.xlsx", {
          file: "c.xlsx",
          ok: false,
          error: { code: "corrupt", message: "c.xlsx: tệp bị hỏng / corrupt" },
        }),
      ],
      { communeCodes: codes },
    );
    expect(s.counts).toMatchObject({ files: 3, consolidated: 2, failed: 1, duplicates: 0, findings: 2 });
    const m = s.matrices[0];
    expect(m.communes.map((c) => c.commune.name)).toEqual(["Xã Sơn Hồng", "Xã Hà Linh"]);
    expect(m.communes[1].commune).toMatchObject({
      code: "18502",
      districtName: "Huyện Hương Khê",
      matchedBy: "name",
    });
    expect(m.distribution.find((d) => d.criteriaMet === 3)?.communes).toBe(1);
    expect(m.distribution.find((d) => d.criteriaMet === 1)?.communes).toBe(1);
    expect(m.perCriterion.find((p) => p.code === "1")).toMatchObject({ met: 2, unmet: 0 });
    expect(m.perCriterion.find((p) => p.code === "2")).toMatchObject({ met: 1, unmet: 1 });
    expect(m.totals).toMatchObject({ communes: 2, criteriaMet: 4, criteriaTotal: 38 });
    expect(s.failedFiles).toEqual([
      { file: "c.xlsx", code: "corrupt", message: "c.xlsx: tệp bị hỏng / corrupt" },
    ]);
  });

  it("keeps the newest report of a commune and reports the older one", () => {
    const s = consolidate(
      [
        file("old.xlsx", commune("Xã Sơn Hồng", "18139", "2023-Q2", ["1"]), 5000),
        file("new.xlsx", commune("UBND XÃ SƠN HỒNG", undefined, "2023-Q3", ["1", "2"]), 1000),
        file("same-period-later.xlsx", commune("Xã Hà Linh", undefined, "2023", ["1"]), 2000),
        file("same-period-earlier.xlsx", commune("Xã Hà Linh", "18502", "2023", ["1", "5"]), 1000),
      ],
      { communeCodes: codes },
    );
    expect(s.matrices[0].communes.map((c) => c.file).sort()).toEqual(["new.xlsx", "same-period-later.xlsx"]);
    expect(s.duplicates.map((d) => [d.file, d.keptFile])).toEqual([
      ["old.xlsx", "new.xlsx"],
      ["same-period-earlier.xlsx", "same-period-later.xlsx"],
    ]);
    expect(s.duplicates[0].message).toMatch(/^Trùng báo cáo của Xã Sơn Hồng.* \/ Duplicate report/);
  });

  it("reads a code in its era: merged communes are not duplicates, the successor is shown", () => {
    const s = consolidate(
      [
        file("son-hong-2023.xlsx", commune("Xã Sơn Hồng", "18139", "2023", ["1"])),
        file("son-linh-2023.xlsx", commune("Xã Sơn Lĩnh", "18160", "2023", ["2"])),
        file("son-hong-2026.xlsx", commune("Xã Sơn Hồng", "18160", "2026", ["3"])),
      ],
      { communeCodes: codes },
    );
    expect(s.duplicates).toEqual([]);
    const byFile = Object.fromEntries(s.matrices[0].communes.map((c) => [c.file, c.commune]));
    expect(byFile["son-linh-2023.xlsx"]).toMatchObject({
      code: "18160",
      name: "Xã Sơn Lĩnh",
      currentCode: "18160",
      currentName: "Xã Sơn Hồng",
      era: "2023",
    });
    expect(byFile["son-hong-2023.xlsx"]).toMatchObject({ code: "18139", currentCode: "18160" });
    expect(byFile["son-hong-2026.xlsx"]).toMatchObject({ code: "18160", name: "Xã Sơn Hồng", era: "2025" });
  });

  it("leaves out files of another set or period and says why", () => {
    const other = commune("Xã Hà Linh", "18502", "2023", ["1"]);
    other.set = { id: "ht-xa-ntm-nang-cao-20tc" };
    const s = consolidate(
      [file("a.xlsx", commune("Xã Sơn Hồng", "18139", "2022", [])), file("b.xlsx", other)],
      {
        setId: "vn-xa-ntm-2021-2025",
        period: "2023",
        communeCodes: codes,
      },
    );
    expect(s.skipped.map((k) => k.reason)).toEqual(["period", "set"]);
    expect(s.counts.consolidated).toBe(0);
  });

  it("sums work volumes commune → district → province", () => {
    const volume = (name: string, plan: number, done: number, cumulative: number | null): FileValidation => ({
      file: name,
      ok: true,
      set: { id: "work-volume" },
      orgUnit: { name },
      period: "2022-11",
      criteria: [],
      workItems: [{ name: "Trồng hàng rào xanh", unit: "m", plan, done, cumulative }],
    });
    const s = consolidate(
      [
        file("a", volume("Xã Sơn Hồng", 1000, 100, 500)),
        file("b", volume("Xã Hà Linh", 2000, 300, null)),
        file("c", volume("Xã Sơn Lĩnh", 500, 50, 250)),
      ],
      { communeCodes: codes },
    );
    expect(s.volumes).toHaveLength(1);
    const item = s.volumes[0];
    expect(item.amounts).toMatchObject({ plan: 3500, done: 450, cumulative: 750 });
    expect(item.districts.map((d) => [d.name, d.amounts.plan, d.communes.length])).toEqual([
      ["Huyện Hương Khê", 2000, 1],
      ["Huyện Hương Sơn", 1500, 2],
    ]);
    expect(item.districts[0].amounts.share).toBeCloseTo(15);
    expect(item.districts[1].amounts.share).toBeCloseTo(50);
  });

  it("accounts for every file exactly once, whatever the input order", () => {
    const names = ["Xã Sơn Hồng", "Xã Hà Linh", "Xã Sơn Lĩnh", "Xã Khác"];
    const arbFile = fc.record({
      name: fc.constantFrom(...names),
      period: fc.constantFrom("2022", "2023", "2023-Q1", "2023-11", "2023-W14"),
      met: fc.subarray(["1", "2", "3", "4"]),
      broken: fc.boolean(),
      mtime: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(arbFile, { maxLength: 20 }), fc.integer(), (specs, seed) => {
        const files = specs.map((s, i) =>
          file(
            `f${i}.xlsx`,
            s.broken
              ? { file: `f${i}.xlsx`, ok: false, error: { code: "corrupt", message: "m" } }
              : commune(s.name, undefined, s.period, s.met),
            s.mtime,
          ),
        );
        const a = consolidate(files, { communeCodes: codes });
        const shuffled = [...files].sort(
          (x, y) => ((x.path.length * 31 + seed) % 7) - ((y.path.length * 17 + seed) % 5),
        );
        const b = consolidate(shuffled, { communeCodes: codes });
        expect(b).toEqual(a);
        const c = a.counts;
        expect(c.consolidated + c.failed + c.duplicates + c.skipped).toBe(files.length);
        const m = a.matrices[0];
        if (m) {
          expect(m.distribution.reduce((s, d) => s + d.communes, 0)).toBe(m.communes.length);
          for (const p of m.perCriterion) expect(p.met + p.unmet + p.unknown).toBe(m.communes.length);
          const kept = new Set(m.communes.map((x) => x.commune.key));
          expect(kept.size).toBe(m.communes.length);
        }
      }),
    );
  });

  it("counts a workbook and its (newer) CSV export as one commune, keeping the workbook, which names it", () => {
    const csv = commune("", undefined, "2023", ["1", "2", "3"]);
    delete csv.orgUnit;
    const s = consolidate(
      [
        file(
          "xa-son-hong-2023-tu-danh-gia.xlsx",
          commune("Xã Sơn Hồng", undefined, "2023", ["1", "2", "3"]),
          2000,
        ),
        file("xa-son-hong-2023.csv", csv, 9000),
      ],
      { communeCodes: codes },
    );
    expect(s.matrices[0].totals.communes).toBe(1);
    expect(s.duplicates.map((d) => [d.file, d.keptFile])).toEqual([
      ["xa-son-hong-2023.csv", "xa-son-hong-2023-tu-danh-gia.xlsx"],
    ]);
    const flag = s.findings.find((f) => f.file === "xa-son-hong-2023.csv");
    expect(flag).toMatchObject({ type: "commune/matched-without-diacritics", severity: "warning" });
    expect(flag?.message).toMatch(/theo tên tệp "xa-son-hong-2023.csv".* \/ .*from its file name/);
  });

  it("flags a commune named without diacritics in Phát hiện and still counts it", () => {
    const s = consolidate([file("a.xlsx", commune("Xa Ha Linh", undefined, "2023", ["1"]))], {
      communeCodes: codes,
    });
    expect(s.counts.consolidated).toBe(1);
    expect(s.findings[0]).toMatchObject({
      file: "a.xlsx",
      commune: "Xã Hà Linh",
      type: "commune/matched-without-diacritics",
    });
    expect(s.findings[0].message).toMatch(
      /^Tên xã "Xa Ha Linh" viết không dấu; đã nhận là Xã Hà Linh \(18502\)/,
    );
  });

  it("does not count a file whose commune cannot be identified, and says so", () => {
    const none = commune("", undefined, "2023", ["1"]);
    delete none.orgUnit;
    const s = consolidate(
      [
        file("bao-cao.xlsx", none),
        file("b.xlsx", commune("Xã Không Có", undefined, "2023", ["1"])),
        file("c.xlsx", commune("Xã Sơn Hồng", "18139", "2023", ["1"])),
      ],
      { communeCodes: codes },
    );
    expect(s.counts).toMatchObject({ consolidated: 1, skipped: 2 });
    expect(s.skipped.map((k) => [k.file, k.reason])).toEqual([
      ["b.xlsx", "commune"],
      ["bao-cao.xlsx", "commune"],
    ]);
    const flags = s.findings.filter((f) => f.type === "commune/unidentified");
    expect(flags.map((f) => [f.file, f.severity])).toEqual([
      ["b.xlsx", "error"],
      ["bao-cao.xlsx", "error"],
    ]);
    expect(flags[0].message).toMatch(
      /Không xác định được xã "Xã Không Có".* \/ Commune "Xã Không Có" is not in/,
    );
    expect(flags[1].message).toMatch(/^Tệp không ghi xã nào/);
  });
});
