/**
 * The pane's side of test/check.parity.test.ts, run in its own process (as `ntm validate` is) so
 * the hostile files' memory never counts against the test worker: each file's bytes through the
 * browser reader and the pane's host-neutral entry point, one JSON array on stdout.
 *   node --require tsx/cjs test/checkParityPane.ts FILE…
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { analyseWorkbook } from "../src/addin/taskpane/check/analyseWorkbook";
import { readWorkbookInBrowser } from "../src/io/xlsx/readWorkbookInBrowser";
import { isWorkbookReadError } from "../src/io/xlsx/workbookReadError";

async function paneCheck(file: string) {
  const buf = fs.readFileSync(file);
  const bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const name = path.basename(file);
  try {
    const r = analyseWorkbook(await readWorkbookInBrowser(bytes, name), "vi", {}, name);
    return {
      file,
      validation: r.validation,
      headline: r.headline,
      criteriaMet: r.criteriaMet,
      criteriaTotal: r.criteriaTotal,
      flags: r.flags,
      findingCount: r.findingCount,
    };
  } catch (e) {
    if (isWorkbookReadError(e)) return { file, error: { code: e.code, message: e.message } };
    throw e;
  }
}

void (async () => {
  const out = [];
  for (const file of process.argv.slice(2)) out.push(await paneCheck(file));
  process.stdout.write(JSON.stringify(out));
})();
