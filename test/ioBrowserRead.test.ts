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
