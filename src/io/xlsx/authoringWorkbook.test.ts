import * as XLSX from "xlsx";
import { listCriteriaSets } from "../../domain/criteria/registry";
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
      "settings",
      "groups",
      "special_status",
      "criteria",
      "indicators",
      "targets",
    ]);
    const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.indicators, { header: 1 })[0];
    expect(header).toEqual(
      expect.arrayContaining([
        "code",
        "name::vi",
        "name::en",
        "kind",
        "unit",
        "op",
        "target",
        "target::BTB",
        "target::2023::BTB",
        "source",
        "verified",
      ]),
    );
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
});
