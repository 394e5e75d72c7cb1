/** The standalone pane's reader gives the same Grids as the Node reader, and typed errors. */
import * as fs from "node:fs";
import * as path from "node:path";
import { readWorkbookInBrowser } from "../src/io/xlsx/readWorkbookInBrowser";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";

const sample = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const bytes = (buf: Buffer) =>
  buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;

it("reads a commune workbook into the same cell values as the Node reader", async () => {
  const browser = await readWorkbookInBrowser(bytes(fs.readFileSync(sample)), "xa-son-hong.xlsx");
  const node = readWorkbookFile(sample);
  expect(browser.sheets.map((s) => s.sheet)).toEqual(node.sheets.map((s) => s.sheet));
  const values = (g: typeof node) => g.sheets[0].cells.map((row) => (row ?? []).map((c) => c?.v ?? null));
  expect(values(browser)).toEqual(values(node));
});

it.each([
  ["empty", Buffer.alloc(0)],
  [
    "not-a-spreadsheet",
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]),
  ],
])("refuses bad bytes with the code %s and a bilingual message", async (code, buf) => {
  await expect(readWorkbookInBrowser(bytes(buf), "x.xlsx")).rejects.toMatchObject({
    code,
    message: expect.stringMatching(/ \/ /),
  });
});

/**
 * The pane's reader answers every file of the calamine corpus and the bad-file corpus as the
 * CLI's does: read both, or refuse both with the same code (the pane shows the CLI's one line).
 */
describe("the browser reader and the Node reader agree file by file", () => {
  const CALAMINE = path.join(__dirname, "..", "..", "shared", "corpus", "calamine");
  const BAD = path.join(__dirname, "fixtures", "bad");
  const files = [
    ...(fs.existsSync(CALAMINE) ? fs.readdirSync(CALAMINE).map((f) => path.join(CALAMINE, f)) : []),
    ...fs
      .readdirSync(BAD)
      .filter((f) => !f.endsWith(".json") && !f.startsWith("."))
      .map((f) => path.join(BAD, f)),
  ].filter(
    (f) => /\.(xlsx|xlsm|xlsb|xls|ods|csv|tsv|fods)$/i.test(f) && fs.statSync(f).size < 8 * 1024 * 1024,
  );

  const outcome = async (read: () => Promise<unknown>) => {
    try {
      await read();
      return "read";
    } catch (e) {
      return (e as { code?: string }).code ?? `thrown: ${(e as Error).message}`;
    }
  };

  /**
   * Known, and on the Node side: SheetJS's Node build throws a Buffer TypeError on this fuzzed .xls
   * (so the CLI calls it corrupt) where the full build the pane loads reads its six sheets.
   */
  const NODE_BUILD_ONLY: Record<string, [string, string]> = { "OOM_alloc3.xls": ["corrupt", "read"] };

  it.each(files.map((f) => [path.basename(f), f]))(
    "%s",
    async (name, file) => {
      const buf = fs.readFileSync(file);
      const node = await outcome(async () => readWorkbookFile(file));
      const browser = await outcome(() => readWorkbookInBrowser(bytes(buf), name));
      if (NODE_BUILD_ONLY[name]) expect([node, browser]).toEqual(NODE_BUILD_ONLY[name]);
      else expect(browser).toBe(node);
    },
    30000,
  );
});
