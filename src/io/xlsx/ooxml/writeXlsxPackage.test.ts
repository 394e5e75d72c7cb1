import * as XLSX from "xlsx";
import { packageSheetsOf, writeXlsxPackage } from "./writeXlsxPackage";

/** What a user sees of a workbook: sheets in order, and per cell its type, value, formula and format. */
function visible(bytes: Buffer) {
  const wb = XLSX.read(bytes, { type: "buffer", cellFormula: true, cellNF: true });
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const cells: Record<string, unknown> = {};
    for (const [addr, c] of Object.entries(ws)) {
      if (addr.startsWith("!")) continue;
      const cell = c as XLSX.CellObject;
      cells[addr] = { t: cell.t, v: cell.v, f: cell.f, z: cell.z === "General" ? undefined : cell.z };
    }
    return {
      name,
      ref: ws["!ref"],
      filter: ws["!autofilter"]?.ref,
      merges: (ws["!merges"] ?? []).map((m) => XLSX.utils.encode_range(m)),
      cells,
    };
  });
}

function sample(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  const a: XLSX.WorkSheet = {
    A1: { t: "s", v: 'Tổng hợp <&> "quoted"' },
    B1: { t: "s", v: "  leading and trailing  " },
    A2: { t: "n", v: 3 },
    B2: { t: "n", v: 0.125, z: "0%" },
    C2: { t: "n", v: 1234.5, z: "#,##0.##" },
    D2: { t: "n", v: 2, f: 'COUNTIF(A3:A4,"Đạt")' },
    E2: { t: "s", v: "", f: 'IF(A2>0,"","x")' },
    F2: { t: "b", v: true },
    A3: { t: "s", v: "Đạt" },
    A4: { t: "s", v: "Đạt" },
    B4: { t: "n", v: 1e-7, z: "0.0" },
    C4: { t: "s", v: "=not a formula" },
    D4: { t: "s", v: "line\nbreak" },
  };
  a["!ref"] = "A1:F4";
  a["!cols"] = [{ wch: 5 }, { wch: 40 }];
  a["!merges"] = [{ s: { r: 0, c: 2 }, e: { r: 0, c: 5 } }];
  a["!autofilter"] = { ref: "A2:F4" };
  XLSX.utils.book_append_sheet(wb, a, "Tổng hợp");
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["it's"], [1, 2]]), "Bảng's & <b>");
  return wb;
}

describe("writeXlsxPackage", () => {
  it("reads back with the same cells, formats, formulas, merges and filters as SheetJS's own writer", () => {
    const wb = sample();
    const ours = visible(writeXlsxPackage(packageSheetsOf(wb)));
    const theirs = visible(XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: true }) as Buffer);
    expect(ours).toEqual(theirs);
    expect(ours[0].cells.D2).toEqual({ t: "n", v: 2, f: 'COUNTIF(A3:A4,"Đạt")', z: undefined });
  });

  it("gives the same package whatever the deflate level (level 0 stores the parts)", () => {
    const wb = sample();
    expect(visible(writeXlsxPackage(packageSheetsOf(wb), 0))).toEqual(
      visible(writeXlsxPackage(packageSheetsOf(wb), 9)),
    );
  });
});
