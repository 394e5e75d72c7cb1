/**
 * The set from the table, not only from the year (issue 12 item 4): a commune that keeps the
 * 19-criterion table into 2026 is judged by the 2021–2025 set, told which set is in force for its
 * period, and not given 3/10 with dozens of warnings; `--set` still wins.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import * as XLSX from "xlsx";
import { checkWorkbook } from "../src/domain/check/checkWorkbook";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import type { WorkbookGrids } from "../src/domain/sheet/grid";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";

const ROOT = path.resolve(__dirname, "..");
const SAMPLES = path.join(ROOT, "..", "shared", "samples");
const SON_HONG = path.join(SAMPLES, "xa-son-hong-2023-tu-danh-gia.xlsx");

/** The workbook as the commune would save it a few years on: the title says `year`, the table is unchanged. */
function retitled(grids: WorkbookGrids, from: string, year: number): WorkbookGrids {
  return {
    ...grids,
    sheets: grids.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((row, r) =>
        r > 6 || !row
          ? row
          : row.map((c) =>
              c && typeof c.v === "string" ? { ...c, v: c.v.split(from).join(String(year)) } : c,
            ),
      ),
    })),
  };
}

function warnings(findings: { severity: string }[]): number {
  return findings.filter((f) => f.severity !== "info").length;
}

describe("a 2026 workbook on the 19-criterion table", () => {
  const original = readWorkbookFile(SON_HONG);
  const before = checkWorkbook(original, { file: "xa-son-hong-2023.xlsx" });
  const after = checkWorkbook(retitled(original, "2023", 2026), { file: "xa-son-hong-2026.xlsx" });

  it("is judged by the 2021–2025 set, with the same criteria met as the 2023 workbook", () => {
    expect(after.validation.period).toBe("2026");
    expect(after.validation.set?.id).toBe("vn-xa-ntm-2021-2025");
    expect(after.setSource).toBe("table");
    expect(after.validation.summary).toEqual(before.validation.summary);
    expect(after.validation.summary).toEqual({ criteriaMet: 13, criteriaTotal: 19 });
    expect(after.validation.indicators).toEqual(before.validation.indicators);
  });

  it("says which set is in force for 2026, and adds no other warning", () => {
    const mismatch = after.findings.filter((f) => f.type === "set/period-mismatch");
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({
      severity: "warning",
      sheet: "Biểu 01",
      params: { period: "2026", tableSet: "vn-xa-ntm-2021-2025", inForceSet: "vn-xa-ntm-2026-2030" },
    });
    const message = after.validation.findings!.find((f) => f.type === "set/period-mismatch")!.message;
    expect(message).toMatch(
      /^\[Biểu 01!\w+\d+\] Bảng tính ghi theo Bộ tiêu chí .*2021–2025.*kỳ 2026 áp dụng .*2026–2030/,
    );
    expect(warnings(after.findings)).toBe(warnings(before.findings) + 1);
    expect(before.findings.some((f) => f.type === "set/period-mismatch")).toBe(false);
  });

  it("an explicit set still wins: judged by 2026–2030 when asked", () => {
    const asked = checkWorkbook(retitled(original, "2023", 2026), { setId: "vn-xa-ntm-2026-2030" });
    expect(asked.validation.set?.id).toBe("vn-xa-ntm-2026-2030");
    expect(asked.setSource).toBe("option");
    expect(asked.findings.some((f) => f.type === "set/period-mismatch")).toBe(false);
  });

  it("through ntm validate on a saved .xlsx: the same set, head line and finding", () => {
    const wb = XLSX.read(fs.readFileSync(SON_HONG));
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      for (const addr of Object.keys(ws)) {
        const c = ws[addr] as XLSX.CellObject;
        if (
          !addr.startsWith("!") &&
          c.t === "s" &&
          typeof c.v === "string" &&
          XLSX.utils.decode_cell(addr).r <= 6
        ) {
          c.v = c.v.split("2023").join("2026");
          delete c.w;
          delete c.h;
          delete c.r;
        }
      }
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-2026-"));
    const file = path.join(dir, "xa-son-hong-2026.xlsx");
    XLSX.writeFile(wb, file);
    const run = spawnSync(
      process.execPath,
      ["--require", "tsx/cjs", "src/cli/main.ts", "validate", "--json", file],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    const [v] = JSON.parse(run.stdout);
    expect(v.period).toBe("2026");
    expect(v.set.id).toBe("vn-xa-ntm-2021-2025");
    expect(v.summary).toEqual({ criteriaMet: 13, criteriaTotal: 19 });
    expect(v.findings.filter((f: { type: string }) => f.type === "set/period-mismatch")).toHaveLength(1);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60000);
});

describe("the table decides the set for every year the title may say", () => {
  const national = [
    ["xa-son-hong-2023-tu-danh-gia.xlsx", "2023"],
    ["xa-dinh-ban-2021-khong-dau.xlsx", "2021"],
  ].map(([f, y]) => ({ f, y, grids: readWorkbookFile(path.join(SAMPLES, f)) }));
  const baseline = national.map((s) => checkWorkbook(s.grids, { file: s.f }).validation);

  it("keeps the table's set and criteria met; the in-force finding appears exactly from 2026", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: national.length - 1 }),
        fc.integer({ min: 2021, max: 2030 }),
        (i, year) => {
          const c = checkWorkbook(retitled(national[i].grids, national[i].y, year), { file: national[i].f });
          expect(c.validation.set?.id).toBe("vn-xa-ntm-2021-2025");
          expect(c.validation.summary).toEqual(baseline[i].summary);
          const told = c.findings.filter((f) => f.type === "set/period-mismatch");
          expect(told).toHaveLength(year >= 2026 ? 1 : 0);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("Hà Tĩnh's 20-criterion nâng cao table stays on its own set", () => {
    const grids = readWorkbookFile(path.join(SAMPLES, "xa-kim-song-truong-2023-nang-cao.xlsx"));
    const c = checkWorkbook(grids, { file: "xa-kim-song-truong-2023-nang-cao.xlsx" });
    expect(c.validation.set?.id).toBe("ht-xa-ntm-nang-cao-20tc");
    expect(c.validation.summary).toEqual({ criteriaMet: 4, criteriaTotal: 20 });
  });
});

describe("a 2025 workbook already on the 10-criterion 2026–2030 table", () => {
  // Generated from the set itself: one row per criterion, its indicator's wording, all marked Đạt.
  const rows: (string | undefined)[][] = [
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["BÁO CÁO KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI XÃ TÂN AN NĂM 2025"],
    [],
    ["TT", "Tên tiêu chí", "Nội dung tiêu chí", "Chỉ tiêu", "Kết quả thực hiện", "Tự đánh giá"],
  ];
  const set = getCriteriaSet("vn-xa-ntm-2026-2030")!;
  for (const c of set.criteria) rows.push([c.code, c.name.vi, c.indicators[0].name.vi, "Đạt", "Đạt", "Đạt"]);
  const grids: WorkbookGrids = {
    sheets: [
      {
        sheet: "Biểu 01",
        rowCount: rows.length,
        colCount: 6,
        merges: [],
        cells: rows.map((r) => r.map((v) => (v === undefined ? undefined : { v }))),
      },
    ],
  };

  it("is judged by the table's 2026–2030 set, telling that 2025 is under the 2021–2025 set", () => {
    const c = checkWorkbook(grids, { file: "xa-tan-an-2025.xlsx" });
    expect(c.validation.period).toBe("2025");
    expect(c.validation.set?.id).toBe("vn-xa-ntm-2026-2030");
    expect(c.validation.summary).toEqual({ criteriaMet: 10, criteriaTotal: 10 });
    expect(c.findings.map((f) => f.type)).toEqual(["set/period-mismatch"]);
    expect(c.findings[0].params).toMatchObject({
      tableSet: "vn-xa-ntm-2026-2030",
      inForceSet: "vn-xa-ntm-2021-2025",
    });
  });
});
