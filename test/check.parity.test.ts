/**
 * One check for every host (issue 12 item 1): every sample, every generated layout and every file
 * of the bad corpus gives the same result through `ntm validate --json` (its own process, the Node
 * reader) and through the pane's standalone path (the browser reader on the file's bytes, then the
 * pane's host-neutral entry point analyseWorkbook): the same indicators with their values and cells,
 * verdicts, findings, head line, and flags for exactly the findings that have a cell.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { badFixtures, BAD_DIR, generateBadFixtures } from "../scripts/generate-bad-fixtures";
import { analyseWorkbook } from "../src/addin/taskpane/check/analyseWorkbook";
import { checkHeadline } from "../src/domain/check/checkHeadline";
import type { FileValidation } from "../src/domain/consolidate/fileValidation";
import { readWorkbookInBrowser } from "../src/io/xlsx/readWorkbookInBrowser";
import { isWorkbookReadError } from "../src/io/xlsx/workbookReadError";

const ROOT = path.resolve(__dirname, "..");
const SPREADSHEET = /\.(xlsx|xlsm|xlsb|xls|ods|csv|tsv)$/i;

function spreadsheetsUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...spreadsheetsUnder(p));
    else if (SPREADSHEET.test(e.name) && !e.name.startsWith(".")) out.push(p);
  }
  return out;
}

function ntmValidateJson(files: string[]): Promise<FileValidation[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--require", "tsx/cjs", "src/cli/main.ts", "validate", "--json", ...files],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`ntm validate gave no JSON: ${err.slice(0, 500)}`));
      }
    });
  });
}

/** What the standalone pane does with a file the person opens. */
async function paneCheck(file: string) {
  const buf = fs.readFileSync(file);
  const bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const name = path.basename(file);
  try {
    const grids = await readWorkbookInBrowser(bytes, name);
    return analyseWorkbook(grids, "vi", {}, name);
  } catch (e) {
    if (isWorkbookReadError(e)) return { file: name, ok: false, error: { code: e.code, message: e.message } };
    throw e;
  }
}

const samples = spreadsheetsUnder(path.join(ROOT, "..", "shared", "samples"));
const layouts = spreadsheetsUnder(path.join(__dirname, "fixtures", "layouts"));
const bad = () =>
  [...new Set([...badFixtures.map((f) => f.file), "hostile-names.xlsx"])].map((f) => path.join(BAD_DIR, f));

let cli = new Map<string, FileValidation>();

beforeAll(async () => {
  generateBadFixtures({ large: true, onlyMissing: true });
  const files = [...samples, ...layouts, ...bad()];
  const results = await ntmValidateJson(files);
  cli = new Map(results.map((v) => [v.file, v]));
}, 300000);

it("covers the samples, the generated layouts and the bad corpus", () => {
  expect(samples.length).toBeGreaterThanOrEqual(6);
  expect(layouts.length).toBeGreaterThanOrEqual(6);
  expect(bad().length).toBeGreaterThanOrEqual(10);
});

describe.each([
  ["sample", samples],
  ["layout", layouts],
])("%s files: the pane shows exactly what ntm validate prints", (_kind, files) => {
  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s", async (_rel, file) => {
    const fromCli = cli.get(file)!;
    expect(fromCli).toBeDefined();
    const pane = await paneCheck(file);
    if (!("validation" in pane)) throw new Error(`the pane could not read ${file}: ${pane.error.message}`);
    // Indicators (code, value, unit, target, self-assessment, status, sheet, cell), criteria,
    // villages, work items, summary and every finding with its message: one object, compared whole.
    expect({ ...pane.validation, file }).toEqual(fromCli);
    // The head line the person reads first.
    expect(pane.headline).toEqual(checkHeadline(fromCli));
    if (pane.headline.kind === "criteria")
      expect(`${pane.criteriaMet}/${pane.criteriaTotal}`).toBe(
        `${fromCli.summary!.criteriaMet}/${fromCli.summary!.criteriaTotal}`,
      );
    // The cells the pane colours are the findings that have a cell, no more, no fewer.
    const located = (fromCli.findings ?? []).filter((f) => f.sheet && f.cell);
    expect(pane.flags.map((f) => `${f.sheet}!${f.cell}:${f.severity}`)).toEqual(
      located.map((f) => `${f.sheet}!${f.cell}:${f.severity}`),
    );
    expect(pane.findingCount).toBe((fromCli.findings ?? []).length);
  });
});

describe("bad corpus: the pane refuses or reads each file as ntm validate does", () => {
  it.each(bad().map((f) => [path.basename(f), f]))(
    "%s",
    async (_name, file) => {
      const fromCli = cli.get(file)!;
      expect(fromCli).toBeDefined();
      const pane = await paneCheck(file);
      if ("validation" in pane) expect({ ...pane.validation, file }).toEqual(fromCli);
      else expect({ ...pane, file }).toEqual({ file, ok: false, error: fromCli.error });
    },
    60000,
  );
});
