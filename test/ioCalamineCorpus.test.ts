/**
 * The reader on 132 real spreadsheets from another project's test suite (calamine's), and on the
 * repeat-attribute .ods that once ate gigabytes, as a user meets them: `ntm validate` in its own
 * process, heap capped at 1 GB, each file with a one-line reason in its own words starting with its
 * name, no stack trace, no library noise, peak memory under 1 GB — and the two unusual but valid
 * packages (backslash part names, workbook at the zip root) read.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { readWorkbookBuffer, readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { odsRepeatedCellCount } from "../src/io/xlsx/odsRepeatedCells";
import { writeZip } from "../src/io/xlsx/ooxml/zipArchive";
import { isWorkbookReadError } from "../src/io/xlsx/workbookReadError";
import { CALAMINE_DIR, odsRepeatBomb, type RepeatVariant } from "./odsRepeatBombs";
import { runNode, type NodeRun } from "./runNode";

const corpus = fs
  .readdirSync(CALAMINE_DIR)
  .filter((f) => /\.(xlsx|xlsm|xlsb|xls|ods)$/i.test(f))
  .sort();
const variants: RepeatVariant[] = ["rows", "columns", "both"];
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-calamine-"));
  for (const v of variants) fs.writeFileSync(path.join(tmp, `issue_594_dos-${v}.ods`), odsRepeatBomb(v));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run extends NodeRun {
  peakKb: number;
}

async function ntmValidate(files: string[]): Promise<Run> {
  const run = await runNode(
    "src/cli/main.ts",
    ["validate", "--json", ...files],
    ["--max-old-space-size=1024", "--require", path.join(__dirname, "peakMemory.js")],
  );
  const peak = /peak-rss-kb (\d+)/.exec(run.err);
  return {
    ...run,
    err: run.err.replace(/peak-rss-kb \d+\n/, ""),
    peakKb: peak ? Number(peak[1]) : Infinity,
  };
}

interface Validation {
  file: string;
  ok: boolean;
  error?: { code: string; message: string };
}

describe("the calamine corpus through `ntm validate`", () => {
  let run: Run;
  let results: Validation[];
  beforeAll(async () => {
    run = await ntmValidate(corpus.map((f) => path.join(CALAMINE_DIR, f)));
    results = JSON.parse(run.out) as Validation[];
  }, 300_000);

  it("answers every file, within 1 GB for the whole run, with nothing but the answer on stderr", () => {
    expect(results.map((r) => path.basename(r.file))).toEqual(corpus);
    // None of these is an NTM workbook, so each is "could not be read" (2) or has error findings.
    expect(run.code).toBe(2);
    expect(run.peakKb).toBeLessThan(1024 * 1024);
    expect(run.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.err).not.toMatch(/ODS number format/);
  });

  it.each(corpus)("%s: a one-line bilingual reason that names the file", (name) => {
    const r = results.find((x) => path.basename(x.file) === name)!;
    if (r.ok) return;
    expect(r.error).toBeDefined();
    expect(r.error!.code).toMatch(/^[a-z-]+$/);
    expect(r.error!.message).not.toContain("\n");
    expect(r.error!.message.startsWith(`${name}: `)).toBe(true);
    expect(r.error!.message).toMatch(/ \/ [A-Za-z]/);
  });

  it("calls the password-protected files password-protected, .ods included", () => {
    for (const name of ["pass_protected.ods", "pass_protected.xlsx", "pass_protected.xlsb"]) {
      expect(results.find((x) => path.basename(x.file) === name)!.error?.code).toBe("encrypted");
    }
    const ods = results.find((x) => path.basename(x.file) === "pass_protected.ods")!;
    expect(ods.error?.message).toMatch(/LibreOffice.* \/ .*LibreOffice/);
  });

  it("reads the valid packages the old pre-check called 'not a spreadsheet'", () => {
    for (const name of ["issue_530.xlsx", "minimal_package.xlsx"]) {
      expect(results.find((x) => path.basename(x.file) === name)!.error?.code).toBe("no-table");
    }
  });
});

describe("the calamine corpus, file by file", () => {
  it("each file is read or refused with a reason within 10 s", () => {
    const slow: string[] = [];
    for (const name of corpus) {
      const started = Date.now();
      try {
        readWorkbookFile(path.join(CALAMINE_DIR, name));
      } catch (e) {
        if (!isWorkbookReadError(e)) throw e;
      }
      if (Date.now() - started >= 10_000) slow.push(name);
    }
    expect(slow).toEqual([]);
  }, 300_000);
});

describe("ntm consolidate when nothing could be read", () => {
  it("exits 2 ('could not be read', as the README says), not 1", async () => {
    const dir = path.join(tmp, "unreadable");
    fs.mkdirSync(dir, { recursive: true });
    for (const name of ["pass_protected.ods", "pass_protected.xlsx", "too_small.xls"])
      fs.copyFileSync(path.join(CALAMINE_DIR, name), path.join(dir, name));
    const io = captureIo();
    const code = await main(["node", "ntm", "consolidate", dir, "--json", "--workers", "0"], io);
    expect(code).toBe(2);
    const summary = JSON.parse(io.stdout) as { counts: { failed: number; files: number } };
    expect(summary.counts).toMatchObject({ files: 3, failed: 3 });
    expect(io.stderr).toMatch(/pass_protected\.ods: tệp được đặt mật khẩu/);
  });
});

describe("valid packages with unusual part names", () => {
  it("issue_530.xlsx (part names written with backslashes) is read with its sheet and text", () => {
    const wb = readWorkbookFile(path.join(CALAMINE_DIR, "issue_530.xlsx"));
    expect(wb.sheets.map((s) => s.sheet)).toEqual(["出勤分类组织汇总表"]);
    expect(wb.sheets[0].cells.flat().some((c) => typeof c?.v === "string" && c.v.length > 0)).toBe(true);
  });

  it("minimal_package.xlsx (workbook at the zip root, found through _rels/.rels) is read", () => {
    const wb = readWorkbookFile(path.join(CALAMINE_DIR, "minimal_package.xlsx"));
    expect(wb.sheets.map((s) => s.sheet)).toEqual(["Sheet1"]);
    expect(wb.sheets[0].rowCount).toBe(196);
  });

  it("a .docx is still not a spreadsheet, though its relationships look alike", () => {
    const docx = writeZip([
      {
        name: "[Content_Types].xml",
        data: '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      },
      {
        name: "_rels/.rels",
        data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect(() => readWorkbookBuffer(docx, "thu.xlsx")).toThrow(
      expect.objectContaining({ code: "not-a-spreadsheet" }),
    );
  });
});

describe("calamine's issue 594: rows and columns repeated 999,999,999 times", () => {
  it.each(variants)(
    "repeated %s: refused as too many cells, in its own process within 10 s and 1 GB",
    async (v) => {
      const r = await ntmValidate([path.join(tmp, `issue_594_dos-${v}.ods`)]);
      expect(r.code).toBe(2);
      expect(r.ms).toBeLessThan(10_000);
      expect(r.peakKb).toBeLessThan(1024 * 1024);
      const [res] = JSON.parse(r.out) as Validation[];
      expect(res.error?.code).toBe("too-many-cells");
      expect(res.error?.message.startsWith(`issue_594_dos-${v}.ods: `)).toBe(true);
    },
    30_000,
  );

  it("a flat .fods with the same repeats is refused before SheetJS sees it", () => {
    const fods =
      '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet><table:table table:name="S"><table:table-row table:number-rows-repeated="0x3B9AC9FF"><table:table-cell office:value-type="string"><text:p>X</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document>';
    expect(() => readWorkbookBuffer(Buffer.from(fods), "bomb.fods")).toThrow(
      expect.objectContaining({ code: "too-many-cells" }),
    );
  });

  it("LibreOffice's trailing run of empty repeated rows costs nothing and is read", () => {
    const wb = readWorkbookFile(path.join(CALAMINE_DIR, "number_rows_repeated.ods"));
    expect(wb.sheets.length).toBeGreaterThan(0);
  });

  it("the count never falls below the cells SheetJS makes (so nothing passes that would blow up)", () => {
    const cell = fc.record({
      cols: fc.integer({ min: 1, max: 6 }),
      kind: fc.constantFrom("text", "empty", "float"),
    });
    const row = fc.record({ rows: fc.integer({ min: 1, max: 6 }), cells: fc.array(cell, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const xml = odsContent(
          rows
            .map(
              (r) =>
                `<table:table-row table:number-rows-repeated="${r.rows}">` +
                r.cells
                  .map((c) =>
                    c.kind === "empty"
                      ? `<table:table-cell table:number-columns-repeated="${c.cols}"/>`
                      : c.kind === "float"
                        ? `<table:table-cell table:number-columns-repeated="${c.cols}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>`
                        : `<table:table-cell table:number-columns-repeated="${c.cols}" office:value-type="string"><text:p>x</text:p></table:table-cell>`,
                  )
                  .join("") +
                "</table:table-row>",
            )
            .join(""),
        );
        let made = 0;
        try {
          const wb = readWorkbookBuffer(odsOf(xml), "p.ods");
          made = wb.sheets.reduce((n, g) => n + g.cells.flat().filter((c) => c !== undefined).length, 0);
        } catch (e) {
          if (!isWorkbookReadError(e) || e.code !== "empty") throw e;
        }
        expect(odsRepeatedCellCount(xml, Infinity)).toBeGreaterThanOrEqual(made);
      }),
      { numRuns: 40 },
    );
  });
});

function odsContent(rows: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">' +
    rows +
    "</table:table></office:spreadsheet></office:body></office:document-content>"
  );
}

function odsOf(content: string): Buffer {
  return writeZip([
    { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" },
    {
      name: "META-INF/manifest.xml",
      data: '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    { name: "content.xml", data: content },
    {
      name: "styles.xml",
      data: '<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
    },
  ]);
}
