/**
 * Consolidation end to end: the visible samples and a generated corpus of a few hundred varied
 * workbooks (broken and duplicated ones included), read on worker threads from source, checked
 * against each file validated on its own; the summary workbook re-opened and its formulas' cached
 * values compared with the totals (and recalculated by LibreOffice when it is installed).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { captureIo } from "../src/cli/cliIo";
import { loadCommuneCodes } from "../src/cli/consolidate/loadCommuneCodes";
import { runConsolidation } from "../src/cli/consolidate/runConsolidation";
import { validateForConsolidation } from "../src/cli/consolidate/validateForConsolidation";
import { main } from "../src/cli/main";
import { validateWorkbook } from "../src/domain/check/validateWorkbook";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import type { ConsolidationSummary, FileValidation } from "../src/domain/consolidate";
import {
  buildSummaryWorkbook,
  SUMMARY_SHEETS,
  writeSummaryWorkbook,
} from "../src/io/xlsx/writeSummaryWorkbook";
import { readZip } from "../src/io/xlsx/ooxml/zipArchive";
import { generateCorpus, type CorpusEntry } from "../scripts/generate-corpus";
import { runCli } from "./cliRunner";
import { itWithLibreOffice, recalculateWithLibreOffice } from "./libreOffice";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
const communeCodes = loadCommuneCodes();

let tmp: string;
let corpusDir: string;
let manifest: CorpusEntry[];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-consolidate-"));
  corpusDir = path.join(tmp, "corpus");
  manifest = generateCorpus(corpusDir, { count: 240, seed: 7 });
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Each file validated alone, in this thread: the reference the summary must add up to. */
function validateAlone(dir: string, rel: string): FileValidation {
  return validateForConsolidation(path.join(dir, rel), rel, {});
}

/** The totals the summary must show, summed from the kept files' own validations. */
function expectTotalsMatch(summary: ConsolidationSummary, byFile: Map<string, FileValidation>): void {
  const duplicated = new Set(summary.duplicates.map((d) => d.file));
  const failed = new Set(summary.failedFiles.map((f) => f.file));
  const skipped = new Set(summary.skipped.map((f) => f.file));
  const kept = [...byFile.entries()].filter(([f]) => !duplicated.has(f) && !failed.has(f) && !skipped.has(f));
  expect(summary.counts.consolidated).toBe(kept.length);
  // Besides the files' own findings, Phát hiện says which communes were recognised only by letters
  // or not at all (issue 18).
  const communeFlags = summary.findings.filter((f) => f.type.startsWith("commune/")).length;
  expect(summary.counts.findings).toBe(
    communeFlags + kept.reduce((s, [, v]) => s + (v.findings?.length ?? 0), 0),
  );
  for (const m of summary.matrices) {
    const ofSet = kept.filter(([, v]) => v.set?.id === m.set.id && (v.criteria?.length ?? 0) > 0);
    expect(m.totals.communes).toBe(ofSet.length);
    expect(m.totals.criteriaMet).toBe(ofSet.reduce((s, [, v]) => s + (v.summary?.criteriaMet ?? 0), 0));
    for (const row of m.communes) expect(row.criteriaMet).toBe(byFile.get(row.file)!.summary!.criteriaMet);
    for (const p of m.perCriterion) {
      const met = ofSet.filter(([, v]) =>
        v.criteria!.some((c) => c.code === p.code && c.status === "met"),
      ).length;
      expect(p.met).toBe(met);
    }
  }
  const villages = kept.flatMap(([, v]) => v.units ?? []);
  expect(summary.villageTotals.villages).toBe(villages.length);
  expect(summary.villageTotals.criteriaMet).toBe(villages.reduce((s, u) => s + u.criteriaMet, 0));
  const done = kept.flatMap(([, v]) => v.workItems ?? []).reduce((s, w) => s + (w.done ?? 0), 0);
  expect(summary.volumes.reduce((s, i) => s + (i.amounts.done ?? 0), 0)).toBeCloseTo(done, 6);
}

/** Formula cells of a sheet whose cached value is a number, by address. */
function formulaCells(ws: XLSX.WorkSheet): Map<string, XLSX.CellObject> {
  const out = new Map<string, XLSX.CellObject>();
  for (const [addr, cell] of Object.entries(ws))
    if (!addr.startsWith("!") && (cell as XLSX.CellObject).f) out.set(addr, cell as XLSX.CellObject);
  return out;
}

/** The chart parts and the Tổng hợp sheet's conditional formatting, as stored in the package. */
function formattingOf(buf: Buffer): { charts: number; matrixRules: string[] } {
  const parts = readZip(buf);
  const sheet1 = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!.data.toString("utf8");
  return {
    charts: parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p.name)).length,
    matrixRules: [...sheet1.matchAll(/<cfRule\b[^>]*>(?:<formula>([^<]*)<\/formula>)?/g)].map(
      (m) => m[1] ?? "",
    ),
  };
}

function expectWorkbookShowsTotals(buf: Buffer, summary: ConsolidationSummary): void {
  const formatting = formattingOf(buf);
  // Two charts per set (issue 14: a chart per set, not only the first set's).
  expect(formatting.charts).toBe(2 * summary.matrices.length);
  expect(formatting.matrixRules).toEqual(expect.arrayContaining(["&quot;Đạt&quot;", "&quot;Chưa đạt&quot;"]));
  const wb = XLSX.read(buf, { type: "buffer", cellFormula: true });
  expect(wb.SheetNames).toEqual(expect.arrayContaining(Object.values(SUMMARY_SHEETS)));
  const { layout } = buildSummaryWorkbook(summary);
  summary.matrices.forEach((m, i) => {
    const L = layout.matrices[i];
    const ws = wb.Sheets[L.sheet];
    // The filter sits on the (1) (2) (3) column-number row under the header (issue 14).
    expect(ws["!autofilter"]?.ref).toBe(
      `A${L.headerRow + 2}:${XLSX.utils.encode_col(L.shareCol + 3)}${L.lastRow + 1}`,
    );
    const total = ws[XLSX.utils.encode_cell({ r: L.totalsRow, c: L.metCol })];
    expect(total.f).toMatch(/^SUM\(/);
    expect(total.v).toBe(m.totals.criteriaMet);
    m.perCriterion.forEach((p, j) => {
      const cell = ws[XLSX.utils.encode_cell({ r: L.totalsRow, c: L.firstCriterionCol + j })];
      expect(cell.f).toMatch(/^COUNTIF\(/);
      expect(cell.v).toBe(p.met);
    });
    // Sorted: most criteria met first.
    const met = m.communes.map(
      (_, k) => ws[XLSX.utils.encode_cell({ r: L.firstRow + k, c: L.metCol })].v as number,
    );
    expect(met).toEqual([...met].sort((a, b) => b - a));
  });
  const stats = wb.Sheets[SUMMARY_SHEETS.stats];
  if (summary.matrices.length) {
    const S = layout.stats!;
    summary.matrices[0].distribution.forEach((d, k) => {
      const cell = stats[XLSX.utils.encode_cell({ r: S.distributionFirstRow + k, c: 1 })];
      expect(cell.f).toMatch(/^COUNTIF\('Tổng hợp'!/);
      expect(cell.v).toBe(d.communes);
    });
  }
  const failed = wb.Sheets[SUMMARY_SHEETS.failed];
  expect(failed.B2.v).toBe(summary.failedFiles.length);
  expect(failed.D2.v).toBe(summary.duplicates.length);
  const findings = wb.Sheets[SUMMARY_SHEETS.findings];
  expect(findings.B2.f).toMatch(/^COUNTA\(/);
  expect(findings.B2.v).toBe(summary.findings.length);
}

describe("consolidating the samples", () => {
  it("adds up the per-file validations and reports the samples' facts", async () => {
    const run = await runConsolidation([SAMPLES], { workers: 0, communeCodes });
    const files = fs.readdirSync(SAMPLES).filter((f) => /\.(xlsx|csv)$/.test(f));
    const byFile = new Map(files.map((f) => [f, validateAlone(SAMPLES, f)]));
    expect(run.summary.counts.files).toBe(files.length);
    expect(run.summary.failedFiles).toEqual([]);
    expectTotalsMatch(run.summary, byFile);

    // The consolidation's faster read (no hidden rows/columns) gives what `ntm validate` gives.
    for (const f of files) {
      const { validation } = validateWorkbook(f, readWorkbookFile(path.join(SAMPLES, f)));
      delete validation.indicators;
      expect(byFile.get(f)).toEqual(validation);
    }

    const nangCao = run.summary.matrices.find((m) => m.set.id === "ht-xa-ntm-nang-cao-20tc");
    const kst = nangCao?.communes.find((c) => c.file === "xa-kim-song-truong-2023-nang-cao.xlsx");
    expect(kst?.criteriaMet).toBe(4);
    expect(kst?.commune).toMatchObject({
      code: "18436",
      currentName: "Xã Trường Lưu",
      districtName: "Huyện Can Lộc",
    });
    expect(
      Object.entries(kst!.criteria)
        .filter(([, s]) => s === "met")
        .map(([c]) => c)
        .sort(),
    ).toEqual(["19", "3", "4", "9"]);

    const thon2 = run.summary.villages.find((v) => v.village === "Thôn 2");
    expect(thon2).toMatchObject({ criteriaMet: 4, criteriaTotal: 12 });
    const road = run.summary.volumes.find((v) => v.name.startsWith("Mở rộng hành lang"));
    expect(road?.amounts).toMatchObject({ plan: 8000, done: 1135, cumulative: 6420 });
    expect(
      run.summary.findings
        .filter(
          (f) => f.type === "self-assessment/mismatch" && f.file === "xa-son-hong-2023-tu-danh-gia.xlsx",
        )
        .map((f) => f.cell).length,
    ).toBe(3);
  });
});

describe("consolidating a generated corpus", () => {
  let summary: ConsolidationSummary;
  let byFile: Map<string, FileValidation>;

  beforeAll(async () => {
    const run = await runConsolidation([corpusDir], { workers: 2, communeCodes });
    summary = run.summary;
    byFile = new Map(manifest.map((e) => [e.file, validateAlone(corpusDir, e.file)]));
    // What the workers sent back is what this thread computes.
    for (const f of run.files) expect(f.validation).toEqual(byFile.get(f.path));
  }, 120_000);

  it("lists every broken file with its reason and nothing else as failed", () => {
    const broken = manifest
      .filter((e) => e.broken)
      .map((e) => e.file)
      .sort();
    expect(broken.length).toBeGreaterThan(5);
    expect(summary.failedFiles.map((f) => f.file).sort()).toEqual(broken);
    for (const f of summary.failedFiles) {
      expect(f.code).toMatch(/^(corrupt|not-a-spreadsheet|empty)$/);
      expect(f.message).toMatch(/ \/ /);
    }
  });

  it("reports each planted duplicate and keeps the newer copy", () => {
    const planted = manifest.filter((e) => e.supersededBy).map((e) => [e.file, e.supersededBy]);
    expect(planted.length).toBeGreaterThan(5);
    const reported = new Map(summary.duplicates.map((d) => [d.file, d.keptFile]));
    for (const [file, kept] of planted) expect(reported.get(file!)).toBe(kept);
    expect(summary.duplicates).toHaveLength(planted.length);
  });

  it("totals equal the sum of the per-file validations", () => {
    expect(summary.counts.files).toBe(manifest.length);
    expectTotalsMatch(summary, byFile);
    expect(summary.matrices.map((m) => m.set.id)).toEqual(
      expect.arrayContaining(["vn-xa-ntm-2021-2025", "ht-xa-ntm-nang-cao-20tc"]),
    );
    expect(summary.villages.length).toBeGreaterThan(10);
    expect(summary.volumes.length).toBeGreaterThan(3);
  });

  it("writes a workbook whose formulas hold the totals", () => {
    expectWorkbookShowsTotals(writeSummaryWorkbook(summary), summary);
  });

  itWithLibreOffice(
    "computes the same totals when LibreOffice recalculates it",
    () => {
      const src = path.join(tmp, "summary.xlsx");
      fs.writeFileSync(src, writeSummaryWorkbook(summary));
      const recalculated = recalculateWithLibreOffice(src, path.join(tmp, "recalc"));
      const mine = XLSX.read(fs.readFileSync(src), { type: "buffer", cellFormula: true });
      const theirs = XLSX.read(fs.readFileSync(recalculated), { type: "buffer" });
      let compared = 0;
      for (const name of mine.SheetNames) {
        for (const [addr, cell] of formulaCells(mine.Sheets[name])) {
          const recalculated = theirs.Sheets[name][addr];
          if (typeof cell.v === "number") {
            expect({ at: `${name}!${addr}`, v: recalculated?.v }).toEqual({
              at: `${name}!${addr}`,
              v: expect.closeTo(cell.v, 6),
            });
          } else {
            expect({ at: `${name}!${addr}`, v: recalculated?.v ?? "" }).toEqual({
              at: `${name}!${addr}`,
              v: cell.v ?? "",
            });
          }
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(100);
      // LibreOffice understood the charts and the colour rules: it writes them back out.
      const again = formattingOf(fs.readFileSync(recalculated));
      expect(again.charts).toBe(2 * summary.matrices.length);
      expect(again.matrixRules.length).toBeGreaterThanOrEqual(3);
    },
    180_000,
  );
});

describe("ntm consolidate", () => {
  it("writes the summary, prints JSON on --json, and exits 1 when some file was unreadable", async () => {
    const out = path.join(tmp, "cli-summary.xlsx");
    const io = captureIo();
    const code = await main(
      ["node", "ntm", "consolidate", corpusDir, SAMPLES, "-o", out, "--json", "--workers", "0"],
      io,
    );
    expect(code).toBe(1);
    const json = JSON.parse(io.stdout) as ConsolidationSummary;
    expect(json.failedFiles.length).toBe(manifest.filter((e) => e.broken).length);
    expect(json.matrices[0].communes[0]).toEqual(
      expect.objectContaining({
        commune: expect.objectContaining({ name: expect.any(String) }),
        set: expect.any(Object),
        criteriaMet: expect.any(Number),
        criteria: expect.any(Object),
      }),
    );
    expect(io.stderr).toMatch(/Tệp không đọc được \/ unreadable files:\n  loi\/tep-loi-/);
    expect(fs.existsSync(out)).toBe(true);
  }, 120_000);

  it("refuses misuse with exit 2 and a bilingual reason", async () => {
    const io = captureIo();
    expect(await main(["node", "ntm", "consolidate", SAMPLES], io)).toBe(2);
    expect(io.stderr).toMatch(/cần -o .* \/ give -o/);
    const io2 = captureIo();
    expect(await main(["node", "ntm", "consolidate", SAMPLES, "--json", "--period", "2023-13"], io2)).toBe(2);
    const io3 = captureIo();
    expect(await main(["node", "ntm", "consolidate", SAMPLES, "--json", "--set", "khong-co"], io3)).toBe(2);
  });

  it("keeps only the chosen set and period, saying why the others were left out", async () => {
    const run = await runCli([
      "consolidate",
      SAMPLES,
      "--json",
      "--workers",
      "0",
      "--set",
      "vn-xa-ntm-2021-2025",
      "--period",
      "2023",
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as ConsolidationSummary;
    expect(json.matrices.map((m) => m.set.id)).toEqual(["vn-xa-ntm-2021-2025"]);
    expect(json.skipped.map((s) => s.file).sort()).toEqual(
      [
        "thon-2-kdc-kieu-mau-2023.xlsx",
        "xa-dinh-ban-2021-khong-dau.xlsx",
        "xa-ha-linh-2022-11-khoi-luong.xlsx",
        "xa-kim-song-truong-2023-nang-cao.xlsx",
      ].sort(),
    );
  });
});
