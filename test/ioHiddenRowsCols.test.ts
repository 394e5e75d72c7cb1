/**
 * The reader unzips .xlsx packages itself for SheetJS (sheetJsPackage) and finds hidden rows and
 * columns from the sheet XML instead of SheetJS's style parsing: the Grids must equal, cell for
 * cell and index for index, what `XLSX.read` with `cellStyles` gives — on the samples, the
 * generated layouts, a generated corpus of commune workbooks, the bad corpus (same outcome: Grids
 * or a refusal) and workbooks with hidden rows and columns written the ways Excel and others do.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import * as XLSX from "xlsx";
import type { Grid } from "../src/domain/sheet/grid";
import { generateCorpus } from "../scripts/generate-corpus";
import { readWorkbookBuffer } from "../src/io/xlsx/readWorkbook";
import { defaultReadLimits } from "../src/io/xlsx/readLimits";
import { inspectZip } from "../src/io/xlsx/inspectZip";
import { readZip, writeZip } from "../src/io/xlsx/ooxml/zipArchive";
import { sheetJsPackage } from "../src/io/xlsx/sheetJsPackage";
import { sheetToGrid } from "../src/io/xlsx/sheetToGrid";

/** The reader's Grids as the old path made them: SheetJS with cellStyles, hidden from !rows/!cols. */
function withCellStyles(buf: Buffer): Grid[] {
  const wb = XLSX.read(buf, {
    type: "buffer",
    dense: true,
    cellFormula: true,
    cellNF: true,
    cellHTML: false,
    cellStyles: true,
    sheetRows: defaultReadLimits.maxRows + 1,
  });
  return wb.SheetNames.filter((n) => n !== "_ntm").map((n) =>
    sheetToGrid(n, wb.Sheets[n], { maxCellTextLength: 32767 }),
  );
}

function expectSameAsCellStyles(buf: Buffer): Grid[] {
  const ours = readWorkbookBuffer(buf, "x.xlsx").sheets;
  expect(ours).toEqual(withCellStyles(buf));
  return ours;
}

/** A workbook written by SheetJS, its first sheet's XML then rewritten by `edit`. */
function workbook(edit?: (xml: string) => string, setup?: (ws: XLSX.WorkSheet) => void): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([
    ["TT", "Nội dung", "Kết quả"],
    [1, "Giao thông", "Đạt"],
    [2, "Thủy lợi", "Chưa đạt"],
    [3, "Điện", 98.5],
    [4, "Trường học", "Đạt"],
  ]);
  setup?.(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "Tiêu chí");
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["a", 1]]), "Khác");
  const buf = XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
  if (!edit) return buf;
  const entries = readZip(buf).map((e) =>
    e.name === "xl/worksheets/sheet1.xml"
      ? { name: e.name, data: Buffer.from(edit(e.data.toString("utf8")), "utf8") }
      : e,
  );
  return writeZip(entries);
}

describe("hidden rows and columns without SheetJS style parsing", () => {
  const dirs = ["samples", "layouts"].map((d) => path.join(__dirname, "fixtures", d));
  const files = dirs.flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => /\.xlsx$/.test(f))
      .map((f) => path.join(d, f)),
  );

  it.each(files.map((f) => [path.basename(f), f]))("%s: same Grids as a cellStyles read", (_name, file) => {
    expectSameAsCellStyles(fs.readFileSync(file));
  });

  it("a generated corpus of commune workbooks: same Grids as a cellStyles read; only broken files refused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-hidden-"));
    try {
      const entries = generateCorpus(dir, { count: 60, seed: 77 });
      let compared = 0;
      for (const e of entries.filter((x) => /\.xlsx$/i.test(x.file))) {
        const buf = fs.readFileSync(path.join(dir, e.file));
        let ours: Grid[] | string;
        try {
          ours = readWorkbookBuffer(buf, e.file).sheets;
        } catch (err) {
          ours = `refused: ${(err as { code?: string }).code}`;
        }
        // Only the corpus's deliberately broken files are refused (their reasons: test/consolidate).
        expect({ file: e.file, refused: typeof ours === "string" }).toEqual({
          file: e.file,
          refused: e.kind === "broken",
        });
        if (typeof ours === "string") continue;
        expect(ours).toEqual(withCellStyles(buf));
        compared++;
      }
      expect(compared).toBeGreaterThan(30);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the bad corpus: every file the reader accepts gives the Grids of a cellStyles read", () => {
    const bad = path.join(__dirname, "fixtures", "bad");
    for (const f of fs.readdirSync(bad).filter((n) => /\.xlsx$/.test(n))) {
      const buf = fs.readFileSync(path.join(bad, f));
      let ours: Grid[] | undefined;
      try {
        ours = readWorkbookBuffer(buf, f).sheets;
      } catch {
        continue; // refusals are checked file by file in test/ioBadInput and test/validate.badCorpus
      }
      expect({ f, grids: ours }).toEqual({ f, grids: withCellStyles(buf) });
    }
  });

  it("hidden rows and columns set through SheetJS", () => {
    const g = expectSameAsCellStyles(
      workbook(undefined, (ws) => {
        ws["!rows"] = [undefined as never, { hidden: true }, { hpt: 30 }, { hidden: true }];
        ws["!cols"] = [{ wch: 5 }, { hidden: true }];
      }),
    );
    expect(g[0].hiddenRows).toEqual([1, 3]);
    expect(g[0].hiddenCols).toEqual([1]);
    expect(g[1].hiddenRows).toBeUndefined();
  });

  it("Excel's own ways: empty hidden rows as self-closing tags, a column range to the last column, 'true'", () => {
    const g = expectSameAsCellStyles(
      workbook((xml) =>
        xml
          .replace(
            /<sheetData>/,
            '<cols><col min="2" max="2" width="0" hidden="true" customWidth="1"/><col min="4" max="16384" hidden="1"/></cols><sheetData>',
          )
          .replace(/<row r="3"/, '<row r="3" ht="0" hidden="1" customHeight="1"')
          .replace(
            /<\/sheetData>/,
            '<row r="7" spans="1:3" hidden="1"/><row r="9" hidden="0" ht="20"/></sheetData>',
          ),
      ),
    );
    expect(g[0].hiddenRows).toEqual([2, 6]);
    expect(g[0].hiddenCols?.slice(0, 3)).toEqual([1, 3, 4]);
    expect(g[0].hiddenCols).toHaveLength(1 + 16381);
  });

  it("rows without r, single quotes, a later row tag replacing an earlier one, a prefixed namespace", () => {
    expectSameAsCellStyles(
      workbook((xml) =>
        xml
          .replace(/<row r="2"/, "<row hidden='1'")
          .replace(/<row r="4"/, '<row r="4" hidden="1"')
          .replace(
            /<\/sheetData>/,
            '<row r="4" ht="12"/><row r="6" outlineLevel="1" hidden="1"/></sheetData>',
          ),
      ),
    );
  });

  it("any set of hidden rows and columns comes back as with cellStyles", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 6 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { maxLength: 4 }),
        (rows, cols) => {
          const buf = workbook(undefined, (ws) => {
            ws["!rows"] = [];
            for (const r of rows) ws["!rows"][r] = { hidden: true };
            ws["!cols"] = [];
            for (const c of cols) ws["!cols"][c] = { hidden: true };
            ws["!ref"] = "A1:J14";
          });
          const g = expectSameAsCellStyles(buf);
          expect(g[0].hiddenCols ?? []).toEqual([...cols].sort((a, b) => a - b));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("sheetJsPackage: our unzip only where SheetJS's would see the same parts", () => {
  const sample = fs.readFileSync(
    path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx"),
  );
  const entriesOf = (buf: Buffer) => inspectZip(buf, "x.xlsx", defaultReadLimits);

  it("takes an ordinary workbook, with every part inflated", () => {
    const files = sheetJsPackage(sample, entriesOf(sample), "x.xlsx", defaultReadLimits);
    expect(files).toBeDefined();
    expect(Object.keys(files!).sort()).toEqual(
      readZip(sample)
        .map((e) => e.name)
        .sort(),
    );
    for (const e of readZip(sample)) expect(files![e.name].content.equals(e.data)).toBe(true);
  });

  it("leaves archives with a comment or a duplicate name to SheetJS, and the Grids are the same", () => {
    const withComment = Buffer.concat([
      sample.subarray(0, sample.length - 2),
      Buffer.from([4, 0]),
      Buffer.from("note"),
    ]);
    const parts = readZip(sample);
    const duplicated = writeZip([...parts, parts.find((p) => p.name === "docProps/core.xml")!]);
    for (const buf of [withComment, duplicated]) {
      expect(sheetJsPackage(buf, entriesOf(buf), "x.xlsx", defaultReadLimits)).toBeUndefined();
      expect(readWorkbookBuffer(buf, "x.xlsx").sheets).toEqual(readWorkbookBuffer(sample, "x.xlsx").sheets);
    }
  });
});
