/**
 * Issue 14: what we write is printed and sent up, so every kind of workbook is rendered by
 * LibreOffice as it prints (one run for all three) and checked as a reader of the paper would:
 * page counts within the bar, the national name, motto and signatures present, every table header
 * whole on the page; every formula's cached value what LibreOffice computes (one more run); chart
 * series carrying their cached values.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { validateForConsolidation } from "../src/cli/consolidate/validateForConsolidation";
import { parseCommuneCodeTable, SHIPPED_COMMUNE_TABLE } from "../src/cli/consolidate/loadCommuneCodes";
import { buildCommuneCodeMap, type CommuneCodeRow } from "../src/domain/consolidate/communeCodeMap";
import { consolidate } from "../src/domain/consolidate";
import type { ConsolidationFile, FileValidation } from "../src/domain/consolidate/fileValidation";
import { getCriteriaSet, listCriteriaSets } from "../src/domain/criteria/registry";
import { MOTTO, NATION } from "../src/io/xlsx/houseStyle";
import { readZip } from "../src/io/xlsx/ooxml/zipArchive";
import { writeTemplate } from "../src/io/xlsx/writeTemplate";
import { writeValidationReport } from "../src/io/xlsx/writeValidationReport";
import { SUMMARY_SHEETS, writeSummaryWorkbook } from "../src/io/xlsx/writeSummaryWorkbook";
import { convertWithLibreOffice, itWithLibreOffice } from "./libreOffice";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
const SET = "vn-xa-ntm-2021-2025";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-print-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * The shipped extract names 86 communes; an office consolidating 300 passes its own table
 * (--org-units), so the invented communes beyond the extract are rows of that table, in a district
 * of their own. Consolidation leaves out a commune its table does not know.
 */
const SHIPPED_ROWS = parseCommuneCodeTable(fs.readFileSync(SHIPPED_COMMUNE_TABLE), "shipped");
const INVENTED_ROWS: CommuneCodeRow[] = Array.from({ length: 300 }, (_, i) => ({
  gso_code_2023: String(90001 + i),
  name_2023: `Xã Thử ${i + 1}`,
  district_code_2023: "900",
  district_2023: "Huyện Thử Nghiệm",
}));
const communeCodes = buildCommuneCodeMap([...SHIPPED_ROWS, ...INVENTED_ROWS]);

/** A seeded generator, so the matrix is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** 300 communes' validations of the national set (the extract's communes, then the office's own rows), met criteria at random. */
function communes(n: number): ConsolidationFile[] {
  const set = getCriteriaSet(SET)!;
  const random = rng(14);
  const known = [...communeCodes.historicalByCode.values()].slice(0, n);
  return Array.from({ length: n }, (_, i) => {
    const c = known[i];
    const criteria = set.criteria.map((cr) => ({
      code: cr.code,
      status: random() < 0.6 ? ("met" as const) : ("unmet" as const),
    }));
    const met = criteria.filter((x) => x.status === "met").length;
    const v: FileValidation = {
      file: `xa-${i + 1}.xlsx`,
      ok: true,
      set: { id: SET, version: "QĐ 318/QĐ-TTg" },
      orgUnit: { name: c.name, code: c.code },
      period: "2023",
      criteria,
      summary: { criteriaMet: met, criteriaTotal: criteria.length },
      findings: [],
    };
    return { validation: v, path: v.file, mtimeMs: 1_700_000_000_000 + i };
  });
}

const sampleFiles = fs.readdirSync(SAMPLES).filter((f) => /\.(xlsx|csv)$/.test(f));
const sampleValidations = sampleFiles.map((f) => validateForConsolidation(path.join(SAMPLES, f), f, {}));

const template = writeTemplate({ set: getCriteriaSet(SET)!, org: "Xã Sơn Hồng", period: "2023" });
const report = writeValidationReport(sampleValidations);
const summaryModel = consolidate(
  [
    ...communes(300),
    ...sampleFiles.map((f, i) => ({ validation: sampleValidations[i], path: f, mtimeMs: 1_700_000_000_000 })),
  ],
  { communeCodes },
);
const summary = writeSummaryWorkbook(summaryModel);

const written = { template, report, summary };
type Kind = keyof typeof written;
/** Every other set's template, rendered in the same LibreOffice run (its page bound holds for all). */
const otherTemplates = Object.fromEntries(
  listCriteriaSets()
    .filter((s) => s.id !== SET)
    .map((s) => [`template-${s.id}`, writeTemplate({ set: s, org: "Xã Sơn Hồng", period: "2023" })]),
);

/** Text of each page, from LibreOffice's PDF, as pdftotext lays it out. */
function pages(pdf: string): string[] {
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
  return Array.from({ length: n }, (_, i) =>
    execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"]).toString(),
  );
}

/**
 * Words of `texts` missing from `page`: each word must occur in the page (spaces removed, as
 * pdftotext sometimes splits a letter from its tone mark) at least as often as the texts use it.
 * A header cut by its column or row loses words, so it is caught here.
 */
function missingWords(texts: string[], page: string): string[] {
  const flat = page.replace(/\s+/g, "");
  const need = new Map<string, number>();
  for (const t of texts) for (const w of t.split(/\s+/).filter(Boolean)) need.set(w, (need.get(w) ?? 0) + 1);
  const count = (w: string) => flat.split(w).length - 1;
  return [...need].filter(([w, n]) => count(w) < n).map(([w]) => w);
}

/** The header texts of the table on `sheet` (the row just above the "(1) (2) …" row). */
function headersOf(buf: Buffer, sheet: string): string[] {
  const ws = XLSX.read(buf, { type: "buffer" }).Sheets[sheet];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, blankrows: true });
  const numbers = rows.findIndex((r) => r?.[0] === "(1)");
  return (rows[numbers - 1] ?? []).filter((v): v is string => typeof v === "string");
}

let pdfText: Record<string, string[]>;

function render(): Record<string, string[]> {
  if (pdfText) return pdfText;
  const dir = path.join(tmp, "pdf");
  fs.mkdirSync(dir, { recursive: true });
  const all: Record<string, Buffer> = { ...written, ...otherTemplates };
  const files = Object.keys(all).map((k) => {
    const f = path.join(dir, `${k}.xlsx`);
    fs.writeFileSync(f, all[k]);
    return f;
  });
  const pdfs = convertWithLibreOffice(files, path.join(dir, "out"), "pdf");
  if (process.env.NTM_KEEP_PDF)
    for (const p of pdfs) fs.copyFileSync(p, path.join(process.env.NTM_KEEP_PDF, path.basename(p)));
  pdfText = Object.fromEntries(pdfs.map((p, i) => [Object.keys(all)[i], pages(p)]));
  return pdfText;
}

describe("printed workbooks (LibreOffice → PDF)", () => {
  itWithLibreOffice(
    "the template prints on at most 5 A4 pages with header, motto, whole headers and signatures",
    () => {
      const p = render().template;
      expect(p.length).toBeLessThanOrEqual(5);
      const all = p.join("\n");
      expect(all).toContain(NATION);
      expect(all).toContain(MOTTO);
      expect(all).toContain("NGƯỜI LẬP BIỂU");
      expect(all).toContain("CHỦ TỊCH");
      expect(all).toMatch(/Trang 1\/\d/);
      expect(all).not.toMatch(/amended/);
      expect(missingWords(headersOf(template, "Tiêu chí"), p[0])).toEqual([]);
      // Every indicator's wording is printed whole somewhere.
      const names = getCriteriaSet(SET)!.criteria.flatMap((c) => c.indicators.map((i) => i.name.vi));
      expect(missingWords(names, all)).toEqual([]);
      for (const k of Object.keys(otherTemplates)) {
        const other = render()[k];
        expect({ k, pages: other.length <= 5, motto: other[0].includes(MOTTO) }).toEqual({
          k,
          pages: true,
          motto: true,
        });
      }
    },
    300_000,
  );

  itWithLibreOffice(
    "a 300-commune summary prints its matrix on at most 12 pages, headers whole",
    () => {
      const p = render().summary;
      const matrix = summaryModel.matrices.find((m) => m.set.id === SET)!;
      expect(matrix.communes.length).toBeGreaterThanOrEqual(300);
      const flat = p.map((t) => t.replace(/\s+/g, ""));
      const start = flat.findIndex((t) =>
        t.includes(`TỔNGHỢPKẾTQUẢTHỰCHIỆN${matrix.set.title!.toUpperCase()}`.replace(/\s+/g, "")),
      );
      const next = flat.findIndex(
        (t, i) => i > start && /TỔNGHỢPKẾTQUẢTHỰCHIỆN|THỐNGKÊKẾTQUẢTỔNGHỢP/.test(t),
      );
      expect(start).toBe(0);
      expect(next - start).toBeLessThanOrEqual(12);
      expect(p[0]).toContain(NATION);
      expect(p[0]).toContain(MOTTO);
      expect(missingWords(headersOf(summary, SUMMARY_SHEETS.matrix).slice(0, -1), p[0])).toEqual([]);
      // The last matrix page carries the totals and the signatures.
      expect(p[next - 1]).toContain("NGƯỜI LẬP BIỂU");
      expect(p[next - 1]).toContain("THỦ TRƯỞNG ĐƠN VỊ");
    },
    300_000,
  );

  itWithLibreOffice(
    "the validation report prints with header, motto, whole headers and signatures",
    () => {
      const p = render().report;
      expect(p[0]).toContain(NATION);
      expect(p[0]).toContain(MOTTO);
      expect(p[0]).toContain("NGƯỜI KIỂM TRA");
      expect(missingWords(headersOf(report, "Tổng hợp"), p[0])).toEqual([]);
      // One findings row per finding wraps its message: the report stays a few pages.
      expect(p.length).toBeLessThanOrEqual(12);
    },
    300_000,
  );
});

/** Formula cells of every sheet: address → cached value, as we wrote them. */
function cachedFormulas(buf: Buffer): Map<string, unknown> {
  const wb = XLSX.read(buf, { type: "buffer", cellFormula: true });
  const out = new Map<string, unknown>();
  for (const name of wb.SheetNames)
    for (const [addr, cell] of Object.entries(wb.Sheets[name])) {
      const c = cell as XLSX.CellObject;
      if (!addr.startsWith("!") && c.f) out.set(`${name}!${addr}`, c.v ?? "");
    }
  return out;
}

describe("cached values", () => {
  itWithLibreOffice(
    "every formula's cached value is what LibreOffice computes on recalculation",
    () => {
      const dir = path.join(tmp, "recalc");
      fs.mkdirSync(dir, { recursive: true });
      const kinds = Object.keys(written) as Kind[];
      const files = kinds.map((k) => {
        const f = path.join(dir, `${k}.xlsx`);
        fs.writeFileSync(f, written[k]);
        return f;
      });
      const outs = convertWithLibreOffice(files, path.join(dir, "out"), "xlsx", { recalculate: true });
      let compared = 0;
      kinds.forEach((k, i) => {
        const theirs = XLSX.read(fs.readFileSync(outs[i]), { type: "buffer" });
        for (const [at, mine] of cachedFormulas(written[k])) {
          const [sheet, addr] = at.split("!");
          const v = (theirs.Sheets[sheet][addr] as XLSX.CellObject | undefined)?.v ?? "";
          if (typeof mine === "number") expect({ at, v }).toEqual({ at, v: expect.closeTo(mine, 6) });
          else expect({ at, v }).toEqual({ at, v: mine });
          compared++;
        }
      });
      expect(compared).toBeGreaterThan(1000);
    },
    300_000,
  );
});

describe("charts", () => {
  const parts = readZip(summary);
  const charts = parts
    .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p.name))
    .map((p) => p.data.toString());

  it("draws two charts per set, each series with cached categories and values", () => {
    expect(summaryModel.matrices.length).toBe(2);
    expect(charts).toHaveLength(2 * summaryModel.matrices.length);
    const expected = summaryModel.matrices.flatMap((m) => [
      m.distribution.map((d) => d.communes),
      m.perCriterion.map((p) => p.met),
    ]);
    charts.forEach((xml, i) => {
      const values = [...xml.matchAll(/<c:numCache>.*?<\/c:numCache>/g)].map((m) =>
        [...m[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])),
      );
      const cats = [...xml.matchAll(/<c:strCache><c:ptCount val="(\d+)"/g)].map((m) => Number(m[1]));
      expect(values).toEqual([expected[i]]);
      expect(cats).toEqual([expected[i].length]);
    });
  });

  it("names the second set's sheet for its set and every chart title in Vietnamese", () => {
    const names = XLSX.read(summary, { type: "buffer" }).SheetNames;
    expect(names).not.toContain(`${SUMMARY_SHEETS.matrix} 2`);
    expect(names).toContain("Tổng hợp NTM nâng cao");
    for (const xml of charts) expect(xml).toMatch(/<a:t>Số xã[^<]*<\/a:t>/);
  });
});
