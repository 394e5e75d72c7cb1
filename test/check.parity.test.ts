/**
 * One check for every host (issue 12 item 1): every sample, every generated layout and every file
 * of the bad corpus gives the same result through `ntm validate --json` (its own process, the Node
 * reader) and through the pane's standalone path (test/checkParityPane.ts, also its own process:
 * the browser reader on the file's bytes, then the pane's host-neutral entry point analyseWorkbook):
 * the same indicators with their values and cells, verdicts, findings, head line, and flags for
 * exactly the findings that have a cell.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { badFixtures, BAD_DIR, generateBadFixtures } from "../scripts/generate-bad-fixtures";
import { runNode } from "./runNode";
import { checkHeadline, type CheckHeadline } from "../src/domain/check/checkHeadline";
import type { FileValidation } from "../src/domain/consolidate/fileValidation";

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

async function jsonOf<T>(args: string[]): Promise<T> {
  const run = await runNode(args[0], args.slice(1));
  try {
    return JSON.parse(run.out) as T;
  } catch {
    throw new Error(`${args[0]} gave no JSON: ${run.err.slice(0, 500)}`);
  }
}

interface PaneCheck {
  file: string;
  validation?: FileValidation;
  error?: { code: string; message: string };
  headline?: CheckHeadline;
  criteriaMet?: number;
  criteriaTotal?: number;
  flags?: { sheet: string; cell: string; severity: string }[];
  findingCount?: number;
}

const samples = spreadsheetsUnder(path.join(ROOT, "..", "shared", "samples"));
const layouts = spreadsheetsUnder(path.join(__dirname, "fixtures", "layouts"));
const bad = () =>
  [...new Set([...badFixtures.map((f) => f.file), "hostile-names.xlsx"])].map((f) => path.join(BAD_DIR, f));

let cli = new Map<string, FileValidation>();
let pane = new Map<string, PaneCheck>();

beforeAll(async () => {
  generateBadFixtures({ large: true, onlyMissing: true });
  const files = [...samples, ...layouts, ...bad()];
  // One side after the other: the machine is shared, and hostile files cost memory that must not
  // stay in this test worker.
  const fromCli = await jsonOf<FileValidation[]>(["src/cli/main.ts", "validate", "--json", ...files]);
  const fromPane = await jsonOf<PaneCheck[]>(["test/checkParityPane.ts", ...files]);
  cli = new Map(fromCli.map((v) => [v.file, v]));
  pane = new Map(fromPane.map((p) => [p.file, p]));
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
  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s", (_rel, file) => {
    const fromCli = cli.get(file)!;
    expect(fromCli).toBeDefined();
    const p = pane.get(file)!;
    if (!p.validation) throw new Error(`the pane could not read ${file}: ${p.error?.message}`);
    // Indicators (code, value, unit, target, self-assessment, status, sheet, cell), criteria,
    // villages, work items, summary and every finding with its message: one object, compared whole.
    expect({ ...p.validation, file }).toEqual(fromCli);
    // The head line the person reads first.
    expect(p.headline).toEqual(checkHeadline(fromCli));
    if (p.headline!.kind === "criteria")
      expect(`${p.criteriaMet}/${p.criteriaTotal}`).toBe(
        `${fromCli.summary!.criteriaMet}/${fromCli.summary!.criteriaTotal}`,
      );
    // The cells the pane colours are the findings that have a cell, no more, no fewer.
    const located = (fromCli.findings ?? []).filter((f) => f.sheet && f.cell);
    expect(p.flags!.map((f) => `${f.sheet}!${f.cell}:${f.severity}`)).toEqual(
      located.map((f) => `${f.sheet}!${f.cell}:${f.severity}`),
    );
    expect(p.findingCount).toBe((fromCli.findings ?? []).length);
  });
});

describe("bad corpus: the pane refuses or reads each file as ntm validate does", () => {
  it.each(bad().map((f) => [path.basename(f), f]))("%s", (_name, file) => {
    const fromCli = cli.get(file)!;
    expect(fromCli).toBeDefined();
    const p = pane.get(file)!;
    if (p.validation) expect({ ...p.validation, file }).toEqual(fromCli);
    else expect({ file, ok: false, error: p.error }).toEqual(fromCli);
  });
});
