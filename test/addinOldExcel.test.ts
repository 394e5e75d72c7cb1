/**
 * The add-in on an older Excel than Microsoft 365: Excel 2016 has ExcelApi 1.1 only, 2019 up to 1.8.
 * The fake Excel throws ApiNotFound for every member above the version it plays, as those Excels do,
 * and the capability flags say the same; the check must still flag, link, record and restore, with
 * what is missing replaced by what the clerk can still see (the findings sheet, HYPERLINK formulas).
 */
import fc from "fast-check";
import {
  checkAndFlagWorkbook,
  clearFlagsInWorkbook,
  readSettings,
  writeSettings,
} from "../src/addin/excel/checkAndFlag";
import {
  capabilitiesOfExcelApi,
  missingCapabilities,
  setHostCapabilitiesForTest,
} from "../src/addin/excel/hostCapabilities";
import { FINDINGS_SHEET, FLAG_FILL, FLAGS_SHEET } from "../src/addin/excel/ntmSheets";
import type { WorkbookGrids } from "../src/domain/sheet/grid";
import { FakeContext, FakeWorkbookData } from "./addinFakeExcel";
import { flagsBelowFive } from "./addinStandInCheck";

/** `fills` gives each E cell's own fill; by default every fifth one is green. */
function workbook(rows: number, fills?: (string | undefined)[]): FakeWorkbookData {
  const wb = new FakeWorkbookData();
  const ws = wb.addSheet("Tự đánh giá");
  ws.set("A1", "ỦY BAN NHÂN DÂN XÃ SƠN HỒNG");
  ws.merges.push("A1:E1");
  for (let i = 0; i < rows; i++) {
    const r = 4 + i;
    ws.set(`A${r}`, `1.${i + 1}`);
    ws.set(`C${r}`, i % 7);
    const fill = fills ? fills[i] : i % 5 === 0 ? "#00FF00" : undefined;
    ws.set(`E${r}`, "Đạt", fill ? { fill } : {});
  }
  return wb;
}

const analyse = (grids: WorkbookGrids) => flagsBelowFive(grids, (v) => ({ message: `${v} < 5` }));

function playExcel(version: string): (data: FakeWorkbookData) => FakeContext {
  setHostCapabilitiesForTest(capabilitiesOfExcelApi(version));
  return (data) => Object.assign(new FakeContext(data), { excelApi: version });
}

afterEach(() => setHostCapabilitiesForTest(undefined));

describe("Excel 2016 (ExcelApi 1.1 only)", () => {
  it("flags every finding, links it from the findings sheet by formula, and adds no comment", async () => {
    const excel = playExcel("1.1");
    const data = workbook(30);
    const ctx = excel(data);
    const out = await checkAndFlagWorkbook(ctx.asExcel(), analyse);
    const ws = data.sheet("Tự đánh giá");
    expect(out.analysis.flags.length).toBeGreaterThan(10);
    expect(ws.peek("E4")?.fill).toBe(FLAG_FILL.error);
    expect(data.comments).toEqual([]);
    const f = data.sheet(FINDINGS_SHEET);
    // Findings from row 7, under the house style's header block (issue 14).
    expect(f.peek("E7")?.f).toBe(`HYPERLINK("#'Tự đánh giá'!E4","Tự đánh giá!E4")`);
    expect(f.peek("F7")?.v).toBe("0 < 5");
    // Own sheets cannot be hidden on this Excel: they stay, visible, rather than break the check.
    expect(data.sheet(FLAGS_SHEET).visibility).toBe("Visible");
    // Two reads, one for the fills of the cells to paint, one write.
    expect(out.syncs).toBe(4);
    expect(ctx.syncs).toBe(4);
  });

  it("unflagging gives each cell its own fill back", async () => {
    const excel = playExcel("1.1");
    const data = workbook(30);
    await checkAndFlagWorkbook(excel(data).asExcel(), analyse);
    await checkAndFlagWorkbook(excel(data).asExcel(), analyse); // again: the flag colour is not "own"
    const ctx = excel(data);
    const cleared = await clearFlagsInWorkbook(ctx.asExcel());
    const ws = data.sheet("Tự đánh giá");
    expect(cleared.restored).toBeGreaterThan(10);
    expect(ws.peek("E4")?.fill).toBe("#00FF00");
    expect(ws.peek("E5")?.fill).toBeUndefined();
    expect(data.sheets.map((s) => s.name)).not.toContain(FINDINGS_SHEET);
    expect(cleared.syncs).toBe(ctx.syncs);
  });

  it("keeps the workbook's identity in the settings sheet", async () => {
    const excel = playExcel("1.1");
    const data = workbook(3);
    expect(await readSettings(excel(data).asExcel())).toEqual({});
    await writeSettings(excel(data).asExcel(), { "ntm.orgCode": "18139", "ntm.period": "2023" });
    expect(await readSettings(excel(data).asExcel())).toEqual({
      "ntm.orgCode": "18139",
      "ntm.period": "2023",
    });
  });

  it("lists what this Excel lacks, for the pane's line", () => {
    expect(missingCapabilities(capabilitiesOfExcelApi("1.1"))).toEqual([
      "layout",
      "hideSheets",
      "nullObjects",
      "suspendCalculation",
      "hyperlinks",
      "freezePanes",
      "cellProperties",
      "pageLayout",
      "comments",
      "mergedAreas",
      "customFunctions",
      "sharedRuntime",
    ]);
    expect(
      missingCapabilities(capabilitiesOfExcelApi("1.13", { sharedRuntime: true, customFunctions: true })),
    ).toEqual([]);
  });

  it("restores every cell's own fill whatever was painted before (property)", async () => {
    const colours = fc.constantFrom<string | undefined>(undefined, "#00FF00", "#FF0000", "#DDEBF7");
    await fc.assert(
      fc.asyncProperty(
        fc.array(colours, { minLength: 7, maxLength: 21 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 7, maxLength: 21 }),
        async (fills, values) => {
          const excel = playExcel("1.1");
          const data = workbook(fills.length, fills);
          const ws = data.sheet("Tự đánh giá");
          values.slice(0, fills.length).forEach((v, i) => ws.set(`C${4 + i}`, v));
          await checkAndFlagWorkbook(excel(data).asExcel(), analyse);
          values.forEach((v, i) => i < fills.length && ws.set(`C${4 + i}`, (v + 3) % 7)); // some fixed, some newly wrong
          await checkAndFlagWorkbook(excel(data).asExcel(), analyse);
          await clearFlagsInWorkbook(excel(data).asExcel());
          return fills.every((fill, i) => ws.peek(`E${4 + i}`)?.fill === fill);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("every ExcelApi from 1.1 to 1.13", () => {
  it.each(["1.1", "1.2", "1.3", "1.4", "1.6", "1.7", "1.8", "1.9", "1.10", "1.12", "1.13"])(
    "ExcelApi %s: check, flag and clear without ApiNotFound",
    async (v) => {
      const excel = playExcel(v);
      const data = workbook(20);
      const out = await checkAndFlagWorkbook(excel(data).asExcel(), analyse);
      expect(data.sheet("Tự đánh giá").peek("E4")?.fill).toBe(FLAG_FILL.error);
      // Comments from ExcelApi 1.10 on; before, the findings sheet alone holds the messages.
      expect(data.comments.length).toBe(Number(v.split(".")[1]) >= 10 ? out.analysis.flags.length : 0);
      await clearFlagsInWorkbook(excel(data).asExcel());
      expect(data.sheet("Tự đánh giá").peek("E4")?.fill).toBe("#00FF00");
      expect(data.comments).toEqual([]);
    },
  );
});
