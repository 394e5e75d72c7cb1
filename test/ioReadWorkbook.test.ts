/** The file reader against the visible samples: every answer cell holds what the answer file says. */
import * as fs from "node:fs";
import * as path from "node:path";
import { fromA1, type Grid } from "../src/domain/sheet/grid";
import { readWorkbookBuffer, readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { decodeCsvBytes, detectDelimiter, parseCsvText } from "../src/io/xlsx/parseCsvText";
import { WorkbookReadError } from "../src/io/xlsx/workbookReadError";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
const workbooks = fs.readdirSync(SAMPLES).filter((f) => /\.(xlsx|csv)$/.test(f));

function cellOf(grids: Grid[], sheet: string | null, a1: string) {
  const g = sheet === null ? grids[0] : grids.find((x) => x.sheet === sheet);
  const at = fromA1(a1)!;
  return g?.cells[at.r]?.[at.c];
}

describe("readWorkbookFile on the samples", () => {
  it.each(workbooks)("%s: every answer cell has the raw value and number format", (file) => {
    const expected = JSON.parse(
      fs.readFileSync(path.join(SAMPLES, file.replace(/\.(xlsx|csv)$/, ".expected.json")), "utf8"),
    );
    const wb = readWorkbookFile(path.join(SAMPLES, file));
    expect(wb.sheets.length).toBeGreaterThan(0);
    const items = [...(expected.indicators ?? []), ...(expected.workItems ?? [])];
    for (const c of expected.criteria ?? [])
      if (c.mark) items.push({ code: c.code, sheet: c.sheet, cell: c.cell, raw: c.mark });
    expect(items.length).toBeGreaterThan(0);
    for (const it of items) {
      const cell = cellOf(wb.sheets, it.sheet ?? null, it.cell);
      if (it.raw === null || it.raw === undefined) continue;
      expect({ code: it.code ?? it.name, v: cell?.v }).toEqual({ code: it.code ?? it.name, v: it.raw });
      if (it.numFmt) expect(cell?.z).toBe(it.numFmt);
    }
  });

  it("keeps formulas and merges of the work-volume report", () => {
    const wb = readWorkbookFile(path.join(SAMPLES, "xa-ha-linh-2022-11-khoi-luong.xlsx"));
    const g = wb.sheets.find((s) => s.sheet === "T11-2022")!;
    const g11 = g.cells[10][6];
    expect(g11?.f).toBeTruthy();
    expect(typeof g11?.v).toBe("number");
    expect(g.merges.length).toBeGreaterThan(0);
  });

  it("reads the CSV as text: Vietnamese numbers are not guessed", () => {
    const wb = readWorkbookFile(path.join(SAMPLES, "xa-son-hong-2023.csv"));
    expect(wb.sheets).toHaveLength(1);
    expect(wb.sheets[0].sheet).toBe("");
    expect(cellOf(wb.sheets, null, "E11")?.v).toBe("88,6%");
    expect(cellOf(wb.sheets, null, "A1")?.v).toBe("TT");
  });
});

describe("parseCsvText", () => {
  it("handles BOM, semicolons, CRLF, quotes with delimiters, quotes and line breaks inside", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('a;"b;c";"say ""hi""\r\nnext"\r\n1.680;85,5%;\r\n\r\n'),
    ]);
    const text = decodeCsvBytes(bytes);
    expect(detectDelimiter(text)).toBe(";");
    expect(parseCsvText(text)).toEqual([
      ["a", "b;c", 'say "hi"\r\nnext'],
      ["1.680", "85,5%", ""],
    ]);
  });

  it("detects commas when they separate fields and keeps quoted decimal commas", () => {
    expect(parseCsvText('TT,Giá trị\n1,"29,68"\n')).toEqual([
      ["TT", "Giá trị"],
      ["1", "29,68"],
    ]);
  });

  it("reads a semicolon CSV without BOM through the reader, all cells text", () => {
    const wb = readWorkbookBuffer(Buffer.from("TT;Kết quả\n2.2;1.680\n"), "x.csv");
    expect(wb.sheets[0].cells[1][1]).toEqual({ v: "1.680" });
  });

  it("an empty CSV is reported as empty", () => {
    expect(() => readWorkbookBuffer(Buffer.from(";;\r\n;;\r\n"), "x.csv")).toThrow(WorkbookReadError);
  });
});
