/**
 * Issue 14 for the sheets the add-in writes into the open workbook (progress summary, findings,
 * pulled consolidation): they carry the house style through Office.js as a person sees it in Excel
 * — Times New Roman, the official header with the underlined motto, bold centred bordered table
 * header, (1) (2) (3) row, number formats, frozen header, A4 page setup, signatures — and an older
 * Excel gets what it can show without failing. The same forms written as files are recalculated
 * and printed by LibreOffice: every formula's value is the one the form carries, the motto and
 * signatures are on the page, and the pages stay within bounds.
 */
import fc from "fast-check";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import type { Consolidation } from "../src/domain/sync/protocol";
import { setHostCapabilitiesForTest, capabilitiesOfExcelApi } from "../src/addin/excel/hostCapabilities";
import { CONSOLIDATION_SHEET_PREFIX, FINDINGS_SHEET, SUMMARY_SHEET } from "../src/addin/excel/ntmSheets";
import { styleRectangles, type FormView } from "../src/addin/excel/paintFormSheet";
import type { WorkbookSnapshot } from "../src/addin/excel/readWorkbookSnapshot";
import { consolidationForm, writeConsolidationSheet } from "../src/addin/excel/writeConsolidationSheet";
import { findingsForm, queueFindingsSheet } from "../src/addin/excel/writeFindingsSheet";
import type { CellFlag } from "../src/addin/excel/writeFlags";
import { queueSummarySheet, summaryForm, type ProgressSummary } from "../src/addin/excel/writeSummarySheet";
import type { FormSheet } from "../src/io/xlsx/formSheet";
import { FOOTER_CENTRE, HOUSE_FONT, MOTTO, NATION } from "../src/io/xlsx/houseStyle";
import { writeXlsxPackage } from "../src/io/xlsx/ooxml/writeXlsxPackage";
import { FakeContext, FakeWorkbookData, type FakeSheet } from "./addinFakeExcel";
import { convertWithLibreOffice, itWithLibreOffice } from "./libreOffice";

afterEach(() => setHostCapabilitiesForTest(undefined));

/** A seeded generator, so the sheets are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const SET = getCriteriaSet("vn-xa-ntm-2021-2025")!;

function progress(seed: number): ProgressSummary {
  const random = rng(seed);
  return {
    setName: SET.title?.vi ?? SET.id,
    orgUnit: "Xã Sơn Hồng",
    period: "2023",
    criteria: SET.criteria.map((c) => {
      const total = c.indicators.length;
      const met = Math.floor(random() * (total + 1));
      return {
        code: c.code,
        name: c.name.vi,
        status: met === total ? "met" : "unmet",
        indicatorsMet: met,
        indicatorsTotal: total,
      };
    }),
    villages: [
      { name: "Thôn 1", met: 10, total: 10, goal: 100 },
      { name: "Thôn 2", met: 4, total: 12, goal: 80 },
    ],
  };
}

function flags(n: number): CellFlag[] {
  const random = rng(n);
  const severities = ["error", "warning", "info"] as const;
  return Array.from({ length: n }, (_, i) => ({
    sheet: "Tự đánh giá",
    cell: `E${i + 4}`,
    severity: severities[Math.floor(random() * 3)],
    criterion: String(1 + (i % 19)),
    indicator: `${1 + (i % 19)}.${1 + (i % 3)}`,
    message: `Tự đánh giá "Đạt" nhưng giá trị ${i} nhỏ hơn chỉ tiêu ${i + 5} của chỉ tiêu; xem lại số liệu và nguồn minh chứng của xã`,
  }));
}

function consolidation(communes: number): Consolidation {
  const random = rng(communes);
  const statuses = ["met", "unmet", "unknown"] as const;
  return {
    set: SET.id,
    period: "2023",
    under: "439",
    criteria: SET.criteria.map((c) => ({ code: c.code, name: c.name.vi })),
    communes: Array.from({ length: communes }, (_, i) => {
      const criteria = Object.fromEntries(
        SET.criteria.map((c) => [c.code, statuses[Math.floor(random() * 3)]]),
      );
      const met = Object.values(criteria).filter((s) => s === "met").length;
      return {
        org: String(18000 + i),
        name: `Xã Thử Nghiệm ${i + 1}`,
        level: "commune",
        revision: 1,
        reviewState: i % 4 === 0 ? "approved" : "submitted",
        criteriaMet: i % 50 === 7 ? null : met,
        criteriaTotal: SET.criteria.length,
        criteria,
        progress: met / SET.criteria.length,
      };
    }),
    villages: [],
  };
}

const snapshot = (): WorkbookSnapshot =>
  ({
    grids: { sheets: [], properties: { "ntm.orgUnit": "Xã Sơn Hồng" } },
    sheetNames: [],
    flagRecords: [],
    comments: [],
    fillAt: () => "none",
    syncs: 0,
  }) as unknown as WorkbookSnapshot;

/** The add-in's three sheets written into a fresh fake workbook by an Excel of `excelApi`. */
async function writeAll(excelApi: string): Promise<FakeWorkbookData> {
  setHostCapabilitiesForTest(capabilitiesOfExcelApi(excelApi));
  const data = new FakeWorkbookData();
  data.addSheet("Tự đánh giá");
  const ctx = new FakeContext(data);
  ctx.excelApi = excelApi;
  const snap = snapshot();
  queueSummarySheet(ctx.asExcel(), snap, progress(1));
  queueFindingsSheet(ctx.asExcel().workbook.worksheets.add(FINDINGS_SHEET), snap, flags(40));
  await ctx.sync();
  await writeConsolidationSheet(ctx.asExcel(), consolidation(30));
  return data;
}

/** Every cell's text of a fake sheet, row by row (what a person reads down the sheet). */
const texts = (s: FakeSheet) => [...s.cells.values()].map((c) => String(c.v));
const find = (s: FakeSheet, text: string) => {
  for (const [k, c] of s.cells) if (c.v === text) return { key: k, cell: c };
  throw new Error(`"${text}" not on ${s.name}`);
};

describe("the add-in's sheets in Excel (ExcelApi 1.9 and later)", () => {
  let data: FakeWorkbookData;
  beforeAll(async () => {
    data = await writeAll("1.13");
  });
  const sheets = () => [
    data.sheet(SUMMARY_SHEET),
    data.sheet(FINDINGS_SHEET),
    data.sheets.find((s) => s.name.startsWith(CONSOLIDATION_SHEET_PREFIX))!,
  ];

  it("carries the official header: national name, underlined motto, the issuer, in Times New Roman", () => {
    for (const s of sheets()) {
      expect(texts(s)).toContain(NATION);
      const motto = find(s, MOTTO).cell;
      expect(motto.font).toMatchObject({ name: HOUSE_FONT, underline: "Single" });
      expect(motto.bold).toBe(true);
      expect(s.merges.length).toBeGreaterThan(3);
      for (const c of s.cells.values()) if (c.v !== "") expect(c.font?.name).toBe(HOUSE_FONT);
    }
    expect(data.sheet(SUMMARY_SHEET).peek("A1")?.v).toBe("ỦY BAN NHÂN DÂN XÃ SƠN HỒNG");
  });

  it("draws the table header bold, centred, wrapped and bordered, with the (1) (2) (3) row under it", () => {
    for (const s of sheets()) {
      const one = find(s, "(1)");
      const [r] = one.key.split(",").map(Number);
      const header = s.cell(r - 1, 0);
      expect(header).toMatchObject({ bold: true, h: "Center", wrap: true });
      expect([...header.borders!].sort()).toEqual(["bottom", "left", "right", "top"]);
      expect(s.cell(r, 1).v).toBe("(2)");
      // Every table cell below is bordered on all four sides.
      const body = s.cell(r + 1, 1);
      expect(body.borders?.size).toBe(4);
    }
  });

  it("shows numbers in one format per kind and shares as percent; formulas as written", () => {
    const s = data.sheet(SUMMARY_SHEET);
    expect(s.peek("C7")?.z).toBe("#,##0");
    expect(s.peek("E7")?.z).toBe("0%");
    expect(s.peek("E7")?.f).toBe("IF(D7>0,C7/D7,0)");
    const c = data.sheets.find((x) => x.name.startsWith(CONSOLIDATION_SHEET_PREFIX))!;
    expect(c.peek("F7")?.z).toBe("0%");
    expect(c.peek("D37")?.f).toBe("SUM(D7:D36)");
    // Text from the store stays text: a code is not turned into a number.
    expect(c.peek("B7")?.v).toBe("18000");
  });

  it("freezes the header rows (and the name column), sets A4, fit to one page wide, titles and footer", () => {
    const [summary, findings, pulled] = sheets();
    expect(summary.frozen).toEqual({ rows: 6, cols: 2 });
    expect(findings.frozen).toEqual({ rows: 6, cols: 0 });
    expect(pulled.frozen).toEqual({ rows: 6, cols: 3 });
    for (const s of sheets()) {
      expect(s.pageLayout).toMatchObject({
        paperSize: "A4",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: "$5:$6",
        centerFooter: FOOTER_CENTRE,
      });
      expect(s.colWidths.size).toBeGreaterThanOrEqual(6);
    }
    expect(summary.pageLayout.orientation).toBe("Portrait");
    expect(pulled.pageLayout.orientation).toBe("Landscape");
    expect(pulled.charts).toEqual([expect.objectContaining({ source: "C7:D36", type: "ColumnClustered" })]);
  });

  it("links every finding to its cell and ends each sheet with the signature block", () => {
    const f = data.sheet(FINDINGS_SHEET);
    expect(f.peek("E7")?.hyperlink?.documentReference).toBe("'Tự đánh giá'!E4");
    expect(f.peek("F7")?.wrap).toBe(true);
    expect(texts(data.sheet(SUMMARY_SHEET))).toEqual(
      expect.arrayContaining(["NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"]),
    );
    expect(texts(f)).toContain("NGƯỜI KIỂM TRA");
  });
});

describe("the add-in's sheets on Excel 2016 (ExcelApi 1.1)", () => {
  it("writes the same text, fonts, borders and formats, and leaves out what this Excel lacks", async () => {
    const data = await writeAll("1.1");
    const s = data.sheet(SUMMARY_SHEET);
    expect(find(s, MOTTO).cell.font?.underline).toBe("Single");
    expect(s.peek("E7")).toMatchObject({ f: "IF(D7>0,C7/D7,0)", z: "0%" });
    expect(s.merges).toEqual([]);
    expect(s.frozen).toBeUndefined();
    expect(s.pageLayout).toEqual({});
    // The link is a HYPERLINK formula Excel 2016 follows.
    expect(data.sheet(FINDINGS_SHEET).peek("E7")?.f).toMatch(/^HYPERLINK\("#'Tự đánh giá'!E4"/);
  });
});

describe("style rectangles", () => {
  it("cover every styled cell exactly once, each one style (property)", () => {
    const styles = ["cell", "header", "total", undefined] as const;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...styles), { maxLength: 8 }), { maxLength: 12 }),
        (grid) => {
          const rows = grid.map((r) =>
            r.map((s) => (s ? ({ t: "s", v: "x", s } as XLSX.CellObject) : undefined)),
          );
          const seen = new Map<string, number>();
          for (const x of styleRectangles(rows))
            for (let r = x.r1; r <= x.r2; r++)
              for (let c = x.c1; c <= x.c2; c++) {
                expect(rows[r][c]?.s).toBe(x.style);
                seen.set(`${r},${c}`, (seen.get(`${r},${c}`) ?? 0) + 1);
              }
          const styled = rows.flatMap((r, i) => r.flatMap((cell, j) => (cell ? [`${i},${j}`] : [])));
          expect([...seen.keys()].sort()).toEqual(styled.sort());
          expect([...seen.values()].every((n) => n === 1)).toBe(true);
        },
      ),
    );
  });
});

/** The add-in's forms as files (the same layout and cached values), for LibreOffice. */
const forms: Record<string, { form: FormSheet; view: FormView }> = {
  summary: summaryForm(progress(1)),
  findings: {
    form: findingsForm(flags(120), "Xã Sơn Hồng", true),
    view: { print: { landscape: true, titleRows: [4, 5] }, freeze: { rows: 6, cols: 0 } },
  },
  consolidation: consolidationForm(consolidation(300)),
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-addin-print-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const files = Object.entries(forms).map(([k, { form, view }]) => {
  const f = path.join(tmp, `${k}.xlsx`);
  fs.writeFileSync(f, writeXlsxPackage([form.toPackageSheet(k, { print: view.print, freeze: view.freeze })]));
  return f;
});

describe("the add-in's forms, recalculated and printed by LibreOffice", () => {
  itWithLibreOffice(
    "every formula's value is the one the form carries",
    () => {
      const outs = convertWithLibreOffice(files, path.join(tmp, "recalc"), "xlsx", { recalculate: true });
      let compared = 0;
      Object.values(forms).forEach(({ form }, i) => {
        const theirs = XLSX.read(fs.readFileSync(outs[i]), { type: "buffer" });
        const ws = theirs.Sheets[theirs.SheetNames[0]];
        form.rows.forEach((row, r) =>
          row?.forEach((cell, c) => {
            if (!cell?.f) return;
            const at = XLSX.utils.encode_cell({ r, c });
            const v = (ws[at] as XLSX.CellObject | undefined)?.v ?? "";
            if (typeof cell.v === "number") expect({ at, v }).toEqual({ at, v: expect.closeTo(cell.v, 6) });
            else expect({ at, v }).toEqual({ at, v: cell.v });
            compared++;
          }),
        );
      });
      expect(compared).toBeGreaterThan(300);
    },
    300_000,
  );

  itWithLibreOffice(
    "prints with the motto and signatures, within bounds",
    () => {
      const pdfs = convertWithLibreOffice(files, path.join(tmp, "pdf"), "pdf");
      if (process.env.NTM_KEEP_PDF)
        for (const p of pdfs)
          fs.copyFileSync(p, path.join(process.env.NTM_KEEP_PDF, `addin-${path.basename(p)}`));
      const pagesOf = (pdf: string) =>
        Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())![1]);
      const text = (pdf: string) => execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
      // One page for a commune's summary; 120 two-line findings at 12 or more a page; 300 communes
      // on at most 12 pages, as the summary matrix of ntm consolidate.
      const bounds = { summary: 1, findings: 10, consolidation: 12 };
      Object.keys(forms).forEach((k, i) => {
        const all = text(pdfs[i]);
        expect({ k, motto: all.includes(MOTTO), nation: all.includes(NATION) }).toEqual({
          k,
          motto: true,
          nation: true,
        });
        expect(all).toMatch(/NGƯỜI LẬP BIỂU|NGƯỜI KIỂM TRA/);
        const pages = pagesOf(pdfs[i]);
        expect({ k, pages, within: pages <= bounds[k as keyof typeof bounds] }).toEqual({
          k,
          pages,
          within: true,
        });
      });
    },
    300_000,
  );
});
