/** The OOXML patcher: drop-downs, conditional formatting and charts SheetJS CE cannot write. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { patchXlsx, sheetRange } from "../src/io/xlsx/ooxml/patchXlsx";
import { WORKSHEET_CHILD_ORDER } from "../src/io/xlsx/ooxml/worksheetElementOrder";
import { readZip } from "../src/io/xlsx/ooxml/zipArchive";
import { readWorkbookBuffer } from "../src/io/xlsx/readWorkbook";
import { itWithLibreOffice, recalculateWithLibreOffice } from "./libreOffice";

function baseWorkbook(): Buffer {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([
    ["Chỉ tiêu", "Kết quả", "Tự đánh giá"],
    ["2.1", 100, "Đạt"],
    ["2.2", 88.6, "Chưa đạt"],
    ["2.3", 96.4, "Đạt"],
    ["Số đạt", { t: "n", v: 0, f: 'COUNTIF(C2:C4,"Đạt")' }],
  ]);
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 0 } }];
  XLSX.utils.book_append_sheet(wb, ws, "Tiêu chí's & <1>");
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["x"]]), "Khác");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}

const SHEET = "Tiêu chí's & <1>";

function patched(): Buffer {
  return patchXlsx(
    baseWorkbook(),
    [
      {
        sheet: SHEET,
        validations: [
          {
            sqref: "C2:C4",
            list: ["Đạt", "Chưa đạt"],
            errorTitle: "Sai giá trị",
            error: "Chọn Đạt hoặc Chưa đạt",
          },
        ],
        conditionalFormats: [
          {
            sqref: "A2:C4",
            rules: [
              { type: "expression", formula: '$C2="Chưa đạt"', style: { fill: "FFC7CE", font: "9C0006" } },
            ],
          },
          {
            sqref: "B2:B4",
            rules: [{ type: "cellIs", operator: "lessThan", formulas: ["90"], style: { bold: true } }],
          },
        ],
        charts: [
          {
            title: "Kết quả theo chỉ tiêu",
            direction: "col",
            categories: sheetRange(SHEET, 1, 0, 3, 0),
            series: [{ name: "Kết quả", values: sheetRange(SHEET, 1, 1, 3, 1) }],
            from: { col: 4, row: 1 },
            to: { col: 10, row: 15 },
          },
        ],
      },
    ],
    { fullCalcOnLoad: true },
  );
}

function part(buf: Buffer, name: string): string {
  const e = readZip(buf).find((x) => x.name === name);
  if (!e) throw new Error(`no part ${name}`);
  return e.data.toString("utf8");
}

function childOrder(sheetXml: string): string[] {
  const body = sheetXml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>");
  const inner = body.slice(
    body.indexOf(">", body.indexOf("<worksheet")) + 1,
    body.lastIndexOf("</worksheet>"),
  );
  const names: string[] = [];
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) names.push(m[2]);
      if (!m[3]) depth++;
    }
  }
  return names;
}

describe("patchXlsx", () => {
  const out = patched();

  it("keeps every value, formula and merge SheetJS wrote", () => {
    const wb = readWorkbookBuffer(out, "p.xlsx");
    const g = wb.sheets.find((s) => s.sheet === SHEET)!;
    expect(g.cells[2][1]?.v).toBe(88.6);
    expect(g.cells[4][1]?.f).toBe('COUNTIF(C2:C4,"Đạt")');
    expect(wb.sheets.map((s) => s.sheet)).toEqual([SHEET, "Khác"]);
  });

  it("puts the new worksheet children in schema order", () => {
    const names = childOrder(part(out, "xl/worksheets/sheet1.xml"));
    expect(names).toEqual(
      expect.arrayContaining(["conditionalFormatting", "dataValidations", "drawing", "mergeCells"]),
    );
    const idx = names.map((n) => WORKSHEET_CHILD_ORDER.indexOf(n as (typeof WORKSHEET_CHILD_ORDER)[number]));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it("writes the drop-down, rules with dxf styles, and unique priorities", () => {
    const sheet = part(out, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain("<formula1>&quot;Đạt,Chưa đạt&quot;</formula1>");
    expect(sheet).toContain('sqref="C2:C4"');
    expect(sheet).toMatch(
      /<cfRule type="expression" dxfId="0" priority="1"><formula>\$C2=&quot;Chưa đạt&quot;<\/formula><\/cfRule>/,
    );
    expect(sheet).toMatch(
      /<cfRule type="cellIs" dxfId="1" priority="2" operator="lessThan"><formula>90<\/formula>/,
    );
    const styles = part(out, "xl/styles.xml");
    expect(styles).toMatch(
      /<dxfs count="2"><dxf><font><color rgb="FF9C0006"\/><\/font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"\/>/,
    );
    expect(styles.indexOf("<dxfs")).toBeLessThan(styles.indexOf("<tableStyles"));
  });

  it("asks for recalculation on load (cached formula values from SheetJS are placeholders)", () => {
    expect(part(out, "xl/workbook.xml")).toMatch(/<\/sheets><calcPr calcId="191029" fullCalcOnLoad="1"\/>/);
  });

  it("adds a chart with its drawing, relationships and content types", () => {
    const names = readZip(out).map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "xl/drawings/drawing1.xml",
        "xl/charts/chart1.xml",
        "xl/worksheets/_rels/sheet1.xml.rels",
        "xl/drawings/_rels/drawing1.xml.rels",
      ]),
    );
    expect(part(out, "xl/worksheets/_rels/sheet1.xml.rels")).toContain('Target="../drawings/drawing1.xml"');
    expect(part(out, "xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    const ct = part(out, "[Content_Types].xml");
    expect(ct).toContain(
      'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(ct).toContain(
      'PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
    );
    const chart = part(out, "xl/charts/chart1.xml");
    expect(chart).toContain("<c:f>&apos;Tiêu chí&apos;&apos;s &amp; &lt;1&gt;&apos;!$B$2:$B$4</c:f>");
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
  });

  it("patches sheets whose names need escaping and leaves other sheets alone", () => {
    const before = readZip(baseWorkbook()).find((e) => e.name === "xl/worksheets/sheet2.xml")!.data;
    expect(Buffer.compare(before, Buffer.from(part(out, "xl/worksheets/sheet2.xml")))).toBe(0);
    expect(() => patchXlsx(baseWorkbook(), [{ sheet: "Không có", validations: [] }])).toThrow(
      /no sheet named/,
    );
  });

  itWithLibreOffice(
    "LibreOffice opens the patched file, computes the formula, and keeps validation, rules and chart",
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-lo-"));
      const src = path.join(dir, "patched.xlsx");
      fs.writeFileSync(src, out);
      const round = fs.readFileSync(recalculateWithLibreOffice(src, path.join(dir, "out")));
      const sheet = part(round, "xl/worksheets/sheet1.xml");
      expect(sheet).toMatch(/<dataValidation[^>]*type="list"/);
      expect(sheet).toContain("conditionalFormatting");
      expect(readZip(round).some((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name))).toBe(true);
      const g = readWorkbookBuffer(round, "round.xlsx").sheets[0];
      expect(g.cells[4][1]).toMatchObject({ v: 2, f: 'COUNTIF(C2:C4,"Đạt")' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
    150_000,
  );
});
