/**
 * Issue 14, without LibreOffice: every workbook we write carries the house style and its print
 * setup in the package itself (font, A4, fit to width, page numbers, frozen header, repeated header
 * rows), and row heights leave room for every letter of a wrapped text.
 */
import fc from "fast-check";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { validateForConsolidation } from "../src/cli/consolidate/validateForConsolidation";
import { consolidate } from "../src/domain/consolidate";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import { HOUSE_FONT, wrappedLines } from "../src/io/xlsx/houseStyle";
import { readZip } from "../src/io/xlsx/ooxml/zipArchive";
import { writeSummaryWorkbook } from "../src/io/xlsx/writeSummaryWorkbook";
import { writeTemplate } from "../src/io/xlsx/writeTemplate";
import { writeValidationReport } from "../src/io/xlsx/writeValidationReport";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
const files = ["xa-son-hong-2023-tu-danh-gia.xlsx", "xa-kim-song-truong-2023-nang-cao.xlsx"];
const validations = files.map((f) => validateForConsolidation(path.join(SAMPLES, f), f, {}));

const workbooks: [string, Buffer][] = [
  [
    "template",
    writeTemplate({ set: getCriteriaSet("vn-xa-ntm-2021-2025")!, org: "Xã Sơn Hồng", period: "2023" }),
  ],
  ["report", writeValidationReport(validations)],
  [
    "summary",
    writeSummaryWorkbook(
      consolidate(
        files.map((f, i) => ({ validation: validations[i], path: f, mtimeMs: 0 })),
        {},
      ),
    ),
  ],
];

describe.each(workbooks)("the %s workbook", (_, buf) => {
  const parts = new Map(readZip(buf).map((p) => [p.name, p.data.toString("utf8")]));
  const workbook = parts.get("xl/workbook.xml")!;
  const styles = parts.get("xl/styles.xml")!;
  const visible = [...workbook.matchAll(/<sheet name="([^"]+)" sheetId="(\d+)"(?! state="hidden")/g)].map(
    (m) => ({ name: m[1], xml: parts.get(`xl/worksheets/sheet${m[2]}.xml`)! }),
  );

  it("is set in Times New Roman, every cell's style written", () => {
    const fonts = [...styles.matchAll(/<name val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(new Set(fonts)).toEqual(new Set([HOUSE_FONT]));
    const xfs = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    for (const { xml } of visible)
      for (const m of xml.matchAll(/<c r="[A-Z]+\d+" s="(\d+)"/g)) expect(Number(m[1])).toBeLessThan(xfs);
  });

  it("prints every sheet on A4, one page wide, numbered, with its header frozen", () => {
    expect(visible.length).toBeGreaterThan(0);
    for (const { name, xml } of visible) {
      expect({ name, a4: /<pageSetup paperSize="9"[^>]*fitToWidth="1" fitToHeight="0"/.test(xml) }).toEqual({
        name,
        a4: true,
      });
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<oddFooter>[^<]*&amp;P\/&amp;N<\/oddFooter>/);
    }
    // Tables longer than a page repeat their header rows and keep them in view.
    const titled = [...workbook.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">/g)];
    expect(titled.length).toBeGreaterThan(0);
    expect(visible.some(({ xml }) => /<pane [^>]*state="frozen"/.test(xml))).toBe(true);
  });

  it("says nothing in English in its titles", () => {
    const wb = XLSX.read(buf, { type: "buffer" });
    for (const { name } of visible) {
      const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1 });
      expect(JSON.stringify(rows.slice(0, 4))).not.toMatch(/amended by/);
    }
  });
});

describe("wrappedLines", () => {
  const word = fc.stringMatching(/^[a-zàáạảãâầấậẩẫăằắặẳẵđ]{1,14}$/);

  it("leaves room for every letter, and one line when the text fits", () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 4, max: 80 }),
        (words, wch) => {
          const text = words.join(" ");
          const lines = wrappedLines(text, wch);
          const perLine = Math.floor(wch * 1.1) - 1;
          expect(lines * perLine).toBeGreaterThanOrEqual(text.replace(/ /g, "").length);
          if (text.length <= perLine) expect(lines).toBe(1);
        },
      ),
    );
  });
});
