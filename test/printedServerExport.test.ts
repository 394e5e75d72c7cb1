/**
 * Issue 14 for the server's workbook export (GET /api/consolidation?format=xlsx, the only .xlsx the
 * API serves): it is the house-style summary `ntm consolidate` writes — Times New Roman, A4 fitted
 * to one page wide with page numbers and repeated header rows, the matrix frozen, every formula
 * with a cached value, the charts' series cached — and LibreOffice prints it with the national
 * name, motto and signatures.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { validateWorkbook } from "../src/domain/check/validateWorkbook";
import type { IndicatorValues } from "../src/domain/sync/protocol";
import { HOUSE_FONT, MOTTO, NATION } from "../src/io/xlsx/houseStyle";
import { readZip } from "../src/io/xlsx/ooxml/zipArchive";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { SUMMARY_SHEETS } from "../src/io/xlsx/writeSummaryWorkbook";
import { COMPLETENESS_SHEET } from "../src/io/xlsx/summary/completenessSheet";
import { convertWithLibreOffice, itWithLibreOffice } from "./libreOffice";
import { type Fixture, bearer, newOpId, openFixture } from "./serverFixture";
import { testEngines } from "./storeEngines";

const SAMPLE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-server-print-"));

describe("the server's consolidation workbook", () => {
  let fx: Fixture;
  let served: Buffer;
  beforeAll(async () => {
    fx = await openFixture(testEngines[0]);
    const { report } = validateWorkbook("xa-son-hong.xlsx", readWorkbookFile(SAMPLE));
    const values: IndicatorValues = {};
    for (const { code, ...rest } of report.values) values[code] = rest;
    const push = await fx.call({
      method: "POST",
      url: `/api/reports/18139/${report.setId}/${report.period}/revisions`,
      headers: bearer(fx.tokens.provinceAdmin),
      payload: { opId: newOpId(), baseRevision: 0, values },
    });
    expect(push.statusCode).toBe(201);
    const res = await fx.call({
      url: `/api/consolidation?set=${report.setId}&period=${report.period}&under=439&format=xlsx`,
      headers: bearer(fx.tokens.office),
    });
    expect(res.statusCode).toBe(200);
    served = res.rawPayload;
  }, 120_000);
  afterAll(async () => {
    await fx?.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("is set in Times New Roman and prints every sheet on A4, one page wide, numbered", () => {
    const parts = new Map(readZip(served).map((p) => [p.name, p.data.toString("utf8")]));
    const fonts = [...parts.get("xl/styles.xml")!.matchAll(/<name val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(new Set(fonts)).toEqual(new Set([HOUSE_FONT]));
    const sheets = [...parts.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k));
    // The store's summary adds Tiến độ nộp (who sent on time) to the sheets a file consolidation has.
    expect(sheets.length).toBe(Object.keys(SUMMARY_SHEETS).length + 1);
    expect(XLSX.read(served, { type: "buffer", bookSheets: true }).SheetNames).toContain(COMPLETENESS_SHEET);
    let formulas = 0;
    for (const k of sheets) {
      const xml = parts.get(k)!;
      expect({ k, a4: /<pageSetup paperSize="9"[^>]*fitToWidth="1" fitToHeight="0"/.test(xml) }).toEqual({
        k,
        a4: true,
      });
      expect(xml).toMatch(/<oddFooter>[^<]*&amp;P\/&amp;N<\/oddFooter>/);
      // Every formula carries a cached value (a viewer that does not recalculate shows it).
      for (const m of xml.matchAll(/<c [^>]*>(<f>[^<]*<\/f>)(<v>[^<]*<\/v>)?/g)) {
        expect({ k, f: m[1], v: m[2] }).toEqual({ k, f: m[1], v: expect.any(String) });
        formulas++;
      }
    }
    expect(formulas).toBeGreaterThan(20);
    expect(parts.get("xl/workbook.xml")).toMatch(/_xlnm.Print_Titles/);
    const charts = [...parts.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    expect(charts.length).toBe(2);
    for (const k of charts) expect(parts.get(k)).toMatch(/<c:numCache><c:formatCode>|<c:numCache><c:ptCount/);
    const wb = XLSX.read(served, { type: "buffer" });
    const matrix = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[SUMMARY_SHEETS.matrix], { header: 1 });
    expect(JSON.stringify(matrix.slice(0, 2))).toContain(MOTTO);
  });

  itWithLibreOffice(
    "prints with the national name, motto and signatures",
    () => {
      const file = path.join(tmp, "tong-hop.xlsx");
      fs.writeFileSync(file, served);
      const [pdf] = convertWithLibreOffice([file], path.join(tmp, "out"), "pdf");
      if (process.env.NTM_KEEP_PDF)
        fs.copyFileSync(pdf, path.join(process.env.NTM_KEEP_PDF, "server-tong-hop.pdf"));
      const first = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"]).toString();
      expect(first).toContain(NATION);
      expect(first).toContain(MOTTO);
      expect(first).toContain("THỦ TRƯỞNG ĐƠN VỊ");
      expect(first).toMatch(/Trang 1\/\d+/);
    },
    300_000,
  );
});
