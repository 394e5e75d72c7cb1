import * as XLSX from "xlsx";
import { getCriteriaSet, listCriteriaSets } from "../../domain/criteria/registry";
import { compileAuthoringWorkbookBuffer, writeAuthoringWorkbookBuffer } from "./authoringWorkbook";

describe("authoring workbook files", () => {
  it.each(listCriteriaSets().map((s) => [s.id, s] as const))(
    "%s survives export to .xlsx and compile back",
    (_id, set) => {
      const buf = writeAuthoringWorkbookBuffer(set);
      const r = compileAuthoringWorkbookBuffer(buf, `${set.id}.xlsx`);
      expect(r).toEqual({ ok: true, set, warnings: [] });
    },
  );

  it("writes the sheets a province edits, with a target column per region", () => {
    const wb = XLSX.read(writeAuthoringWorkbookBuffer(listCriteriaSets()[0]), { type: "buffer" });
    expect(wb.SheetNames).toEqual([
      "huong_dan",
      "settings",
      "groups",
      "special_status",
      "criteria",
      "indicators",
      "targets",
    ]);
    const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.indicators, { header: 1 })[0];
    // What a province edits: the indicator's words and test, a target per region and period.
    const edited = "code name::vi name::en kind unit op target target::BTB target::2023::BTB source verified";
    expect(header).toEqual(expect.arrayContaining(edited.split(" ")));
  });

  it("reads a province's edit typed as text the Vietnamese way", () => {
    const wb = XLSX.read(writeAuthoringWorkbookBuffer(listCriteriaSets()[0]), { type: "buffer" });
    const rows = XLSX.utils.sheet_to_json<(string | number | boolean | null)[]>(wb.Sheets.indicators, {
      header: 1,
      defval: null,
    });
    const col = (name: string) => rows[0].indexOf(name);
    const r = rows.findIndex((x) => x[col("code")] === "2.2");
    rows[r][col("target::BTB")] = "92,5";
    rows[r][col("verified")] = "có";
    rows[r][col("source")] = "QĐ tỉnh Hà Tĩnh";
    wb.Sheets.indicators = XLSX.utils.aoa_to_sheet(rows);
    const out = compileAuthoringWorkbookBuffer(
      XLSX.write(wb, { type: "buffer", bookType: "xlsx" }),
      "edited.xlsx",
    );
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const ind = out.set.criteria[1].indicators.find((i) => i.code === "2.2")!;
    expect(ind.targets.byRegion?.BTB).toEqual({
      value: 92.5,
      provenance: { decision: "QĐ tỉnh Hà Tĩnh", article: "Phụ lục I", verified: true },
    });
  });

  it("gives the 2026–2030 set a workbook ready for the decision's indicators, typed by commune group", () => {
    const set = getCriteriaSet("vn-xa-ntm-2026-2030")!;
    const wb = XLSX.read(writeAuthoringWorkbookBuffer(set), { type: "buffer" });
    const help = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.huong_dan, { header: 1 }).flat().join("\n");
    // Says how many indicators the decision has against what the data holds, and what to do.
    expect(help).toMatch(/Bộ này có 47 chỉ tiêu theo QĐ 51\/2025\/QĐ-TTg, dữ liệu hiện có 10 dòng/);
    expect(help).toMatch(/target::group1/);
    const rows = XLSX.utils.sheet_to_json<(string | number | boolean | null)[]>(wb.Sheets.indicators, {
      header: 1,
      defval: null,
    });
    const col = (name: string) => rows[0].indexOf(name);
    // The province replaces criterion 1's placeholder row with two indicators of its own typing.
    const placeholder = rows.findIndex((x) => x[col("criterion")] === "1");
    const typed = (code: string, name: string, g1: string, g2: string, g3: string) => {
      const r: (string | number | boolean | null)[] = rows[0].map(() => null);
      Object.assign(r, {
        [col("criterion")]: "1",
        [col("code")]: code,
        [col("name::vi")]: name,
        [col("kind")]: "percent",
        [col("unit")]: "%",
        [col("op")]: "≥",
        [col("source")]: "QĐ 51/2025/QĐ-TTg",
        [col("verified")]: "có",
        [col("target::group1")]: g1,
        [col("target::group2")]: g2,
        [col("target::group3")]: g3,
      });
      return r;
    };
    rows.splice(
      placeholder,
      1,
      typed("1.1", "Chỉ tiêu thử một", "100", "95", "92,5"),
      typed("1.2", "Chỉ tiêu thử hai", "80", "70", "60"),
    );
    wb.Sheets.indicators = XLSX.utils.aoa_to_sheet(rows);
    const out = compileAuthoringWorkbookBuffer(
      XLSX.write(wb, { type: "buffer", bookType: "xlsx" }),
      "tinh.xlsx",
    );
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const first = out.set.criteria[0].indicators;
    expect(first.map((i) => i.code)).toEqual(["1.1", "1.2"]);
    expect(first[0].targets.byGroup?.["3"]?.value).toBe(92.5);
    expect(first[1].targets.byGroup?.["1"]).toEqual({
      value: 80,
      provenance: { decision: "QĐ 51/2025/QĐ-TTg", verified: true },
    });
  });
});
