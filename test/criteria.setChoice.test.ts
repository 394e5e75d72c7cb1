/**
 * Which set `ntm validate` and `ntm consolidate` judge by (issue 13): `--set ID` (built-in),
 * `--set FILE.json`, `--set BOOK.xlsx` (compiled first; refused with located errors), and
 * `--server URL`, whose versions are kept on disk and used, said to be a copy, when the server is down.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { exportAuthoringWorkbook } from "../src/domain/criteria/authoring";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import type { CriteriaSet } from "../src/domain/criteria/schema";
import { authoringWorkbookFromGrids } from "../src/io/xlsx/authoringWorkbook";
import { runCli } from "./cliRunner";
import { SET, openFixture, type Fixture } from "./serverFixture";
import { testEngines } from "./storeEngines";
import { withConfirmedTarget } from "./criteriaSetEdits";

const SAMPLE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const DECISION = "QĐ 12/2023/QĐ-UBND tỉnh Hà Tĩnh";

/** The national set with 3.1 (the sample: 92 %, met by its own ≥ 80 %) at a confirmed `level`. */
function setWith31(level: number): CriteriaSet {
  return withConfirmedTarget(getCriteriaSet(SET)!, "3.1", level, DECISION);
}

/** The exported workbook with 3.1's target typed as `text`, sourced to the province. */
function bookWith31(file: string, text: string): void {
  const book = exportAuthoringWorkbook(getCriteriaSet(SET)!);
  const sheet = book.sheets.find((s) => s.sheet === "indicators")!;
  const col = (name: string) => sheet.cells[0].findIndex((c) => c?.v === name);
  const row = sheet.cells.find((r) => r[col("code")]?.v === "3.1")!;
  row[col("target")] = { v: text };
  row[col("source")] = { v: DECISION };
  row[col("verified")] = { v: true };
  XLSX.writeFile(authoringWorkbookFromGrids(book), file, { bookType: "xlsx" });
}

async function validateJson(args: string[]) {
  const r = await runCli(["validate", SAMPLE, ...args, "--json"]);
  const v = r.out ? JSON.parse(r.out)[0] : undefined;
  const status = v?.indicators.find((i: { code: string }) => i.code === "3.1")?.status;
  return { r, v, status };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-setchoice-"));
const cacheBefore = process.env.NTM_CACHE_DIR;
beforeAll(() => {
  process.env.NTM_CACHE_DIR = path.join(dir, "cache");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (cacheBefore === undefined) delete process.env.NTM_CACHE_DIR;
  else process.env.NTM_CACHE_DIR = cacheBefore;
});

describe("--set ID | FILE.json | BOOK.xlsx", () => {
  it("--set ID judges by the built-in set, naming no installed version", async () => {
    const { r, v, status } = await validateJson(["--set", SET]);
    expect(r.code).toBeLessThan(2);
    expect(v.set.id).toBe(SET);
    expect(v.set.installed).toBeUndefined();
    expect(status).toBe("met");
  });

  it("--set FILE.json judges by the file's set and names it", async () => {
    const file = path.join(dir, "set.json");
    fs.writeFileSync(file, JSON.stringify(setWith31(95)));
    const { r, v, status } = await validateJson(["--set", file]);
    expect(r.code).toBeLessThan(2);
    expect(status).toBe("unmet");
    expect(v.set.installed).toMatch(/^vn-xa-ntm-2021-2025 @ [0-9a-f]{7}$/);
    expect(r.err).toContain(`criteria sets from file ${file}`);
  });

  it('--set BOOK.xlsx compiles the workbook first; "92.5" is 92.5, said at its cell', async () => {
    const book = path.join(dir, "book.xlsx");
    bookWith31(book, "92.5");
    const { r, status } = await validateJson(["--set", book]);
    expect(r.code).toBeLessThan(2);
    expect(status).toBe("unmet"); // 92 % against ≥ 92,5 % (925 would say the same, so also:)
    bookWith31(book, "91.5");
    expect((await validateJson(["--set", book])).status).toBe("met"); // 92 ≥ 91,5; never 915
    expect(r.err).toMatch(/\[indicators, row \d+, column target\] "92\.5" was read as 92\.5/);
  });

  it("a workbook with errors is refused, each error at its cell, and nothing is judged", async () => {
    const book = path.join(dir, "broken.xlsx");
    bookWith31(book, "30–35");
    const r = await runCli(["validate", SAMPLE, "--set", book]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/\[indicators, hàng \d+, cột target\] "30–35" là một khoảng/);
  });

  it("ntm consolidate --set FILE judges every file by it and names the version", async () => {
    const file = path.join(dir, "set-consolidate.json");
    fs.writeFileSync(file, JSON.stringify(setWith31(95)));
    const r = await runCli(["consolidate", SAMPLE, "--set", file, "--json", "--workers", "0"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/judged by version vn-xa-ntm-2021-2025 @ [0-9a-f]{7} \(1 file\)/);
    const summary = JSON.parse(r.out);
    const row = summary.matrices[0].communes[0];
    expect(row.criteria["3"]).toBe("unmet");
  });
});

describe("--server URL keeps the installed versions for when the server is down", () => {
  let fx: Fixture;
  let label: string;
  beforeAll(async () => {
    fx = await openFixture(testEngines[0]);
    const r = await fx.store.installCriteriaSet({
      set: setWith31(95),
      installedBy: "tỉnh",
      inForceFrom: "2023-01-01",
    });
    label = r.stored.label;
  });
  afterAll(async () => fx.cleanup());

  it("judges by the server's version, then by the kept copy with the server down", async () => {
    const online = await validateJson(["--server", fx.base, "--token", fx.tokens.clerk]);
    expect(online.status).toBe("unmet");
    expect(online.v.set.installed).toBe(label);
    expect(online.r.err).toContain(`criteria sets from server ${fx.base}`);

    const base = fx.base;
    await fx.app.close();
    const offline = await validateJson(["--server", base, "--token", fx.tokens.clerk]);
    expect(offline.status).toBe("unmet");
    expect(offline.v.set.installed).toBe(label);
    expect(offline.r.err).toMatch(/the copy kept from http:\/\/127\.0\.0\.1:\d+, fetched \d{4}-\d{2}-\d{2}T/);
  });

  it("with the server down and no copy kept, refuses rather than judging by the built-in sets", async () => {
    process.env.NTM_CACHE_DIR = path.join(dir, "empty-cache");
    try {
      const r = await runCli(["validate", SAMPLE, "--server", "http://127.0.0.1:9", "--token", "x"]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(
        /cannot fetch criteria sets from http:\/\/127\.0\.0\.1:9 .* no copy is kept here/,
      );
    } finally {
      process.env.NTM_CACHE_DIR = path.join(dir, "cache");
    }
  });
});
