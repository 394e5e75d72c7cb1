import {
  checkAndFlagWorkbook,
  clearFlagsInWorkbook,
  readSettings,
  selectCell,
  writeSettings,
} from "../src/addin/excel/checkAndFlag";
import { FINDINGS_SHEET, FLAG_FILL, FLAGS_SHEET, SUMMARY_SHEET } from "../src/addin/excel/ntmSheets";
import { readWorkbookSnapshot } from "../src/addin/excel/readWorkbookSnapshot";
import type { WorkbookGrids } from "../src/domain/sheet/grid";
import { FakeContext, FakeWorkbookData } from "./addinFakeExcel";
import { flagsBelowFive } from "./addinStandInCheck";

/** A commune workbook of `rows` indicator rows: code, name, value, target, self-assessment. */
function workbook(rows: number): FakeWorkbookData {
  const wb = new FakeWorkbookData();
  const ws = wb.addSheet("Tự đánh giá");
  ws.set("A1", "ỦY BAN NHÂN DÂN XÃ SƠN HỒNG");
  ws.merges.push("A1:E1");
  ws.set("A3", "TT");
  ws.set("B3", "Nội dung");
  ws.set("C3", "Kết quả");
  ws.set("D3", "Chỉ tiêu");
  ws.set("E3", "Tự đánh giá");
  for (let i = 0; i < rows; i++) {
    const r = 4 + i;
    ws.set(`A${r}`, `${1 + Math.floor(i / 10)}.${(i % 10) + 1}`);
    ws.set(`B${r}`, `Chỉ tiêu số ${i + 1}`);
    ws.set(`C${r}`, i % 7, { z: "0%" });
    ws.set(`D${r}`, "≥ 5");
    ws.set(`E${r}`, "Đạt", i % 50 === 0 ? { fill: "#00FF00" } : {});
  }
  ws.set(`F${rows + 4}`, 1, { f: `SUM(C4:C${rows + 3})` });
  wb.addSheet("Ghi chú").set("B2", "không có gì");
  return wb;
}

const analyse = (grids: WorkbookGrids) =>
  flagsBelowFive(grids, (v, code) => ({
    message: `Tự đánh giá "Đạt" nhưng ${v} < 5`,
    indicator: String(code),
    criterion: "1",
  }));

describe("reading the workbook in Excel", () => {
  it("reads a 2,000-row workbook into grids anchored at A1 in two syncs", async () => {
    const ctx = new FakeContext(workbook(2000));
    const snap = await readWorkbookSnapshot(ctx.asExcel());
    expect(ctx.syncs).toBe(2);
    const g = snap.grids.sheets[0];
    expect(g.sheet).toBe("Tự đánh giá");
    expect(g.rowCount).toBe(2004);
    expect(g.cells[3][0]?.v).toBe("1.1");
    expect(g.cells[3][2]).toEqual({ v: 0, z: "0%" });
    expect(g.cells[2003][5]).toMatchObject({ f: "SUM(C4:C2003)" });
    expect(g.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }]);
    // A used range that does not start at A1 still lands at its own address.
    expect(snap.grids.sheets[1].cells[1][1]?.v).toBe("không có gì");
    expect(snap.fillAt("Tự đánh giá", "E4")).toBe("#00FF00");
    expect(snap.fillAt("Tự đánh giá", "E5")).toBe("none");
  });

  it("falls back to row blocks only when Excel refuses the payload, and still reads every cell", async () => {
    const ctx = new FakeContext(workbook(2000));
    ctx.payloadLimitCells = 5_000;
    const snap = await readWorkbookSnapshot(ctx.asExcel(), { chunkCells: 3_000 });
    expect(snap.grids.sheets[0].rowCount).toBe(2004);
    expect(snap.grids.sheets[0].cells[2002][1]?.v).toBe("Chỉ tiêu số 2000");
    expect(snap.fillAt("Tự đánh giá", "E1954")).toBe("#00FF00");
    expect(ctx.syncs).toBeGreaterThan(2);
  });
});

describe("check and flag", () => {
  it("reads and flags a 2,000-row workbook in at most 3 syncs", async () => {
    const data = workbook(2000);
    const ctx = new FakeContext(data);
    const out = await checkAndFlagWorkbook(ctx.asExcel(), analyse);
    expect(ctx.syncs).toBeLessThanOrEqual(3);
    expect(out.syncs).toBe(ctx.syncs);
    const ws = data.sheet("Tự đánh giá");
    const flagged = out.analysis.flags.length;
    expect(flagged).toBeGreaterThan(1000);
    expect(ws.peek("E4")?.fill).toBe(FLAG_FILL.error);
    expect(ws.peek("E9")?.fill).toBeUndefined(); // value 5: not flagged
    // Calculation and screen updating were paused for the write batch.
    expect(ctx.suspended).toEqual({ calculation: 1, screen: 1 });
    // A comment with the message on every flagged cell.
    expect(data.comments).toHaveLength(flagged);
    expect(data.comments[0].content).toMatch(/^\[NTM\] Tự đánh giá "Đạt" nhưng 0 < 5/);
    // The findings sheet lists every finding with a link to its cell.
    const f = data.sheet(FINDINGS_SHEET);
    // In the house style (issue 14): official header on rows 1–2, the title on row 3, findings from row 7.
    expect(f.peek("A3")?.v).toContain(`${flagged} phát hiện`);
    expect(f.peek("E7")?.v).toBe("Tự đánh giá!E4");
    expect(f.peek("E7")?.hyperlink?.documentReference).toBe("'Tự đánh giá'!E4");
    expect(f.peek(`F${6 + flagged}`)?.v).toMatch(/Tự đánh giá "Đạt"/);
    expect(data.sheet(FLAGS_SHEET).visibility).toBe("VeryHidden");
  });

  it("clearing restores the original fills, removes own comments and the findings sheet, keeps others'", async () => {
    const data = workbook(200);
    data.addComment("Tự đánh giá", "E5", "Ghi chú của cán bộ");
    await checkAndFlagWorkbook(new FakeContext(data).asExcel(), analyse);
    // Flag twice: the second run must not record the flag colour as the cell's own.
    await checkAndFlagWorkbook(new FakeContext(data).asExcel(), analyse);
    const ws = data.sheet("Tự đánh giá");
    expect(ws.peek("E4")?.fill).toBe(FLAG_FILL.error);
    expect(data.comments.find((c) => c.cell === "E5")?.content).toBe("Ghi chú của cán bộ");

    const ctx = new FakeContext(data);
    const cleared = await clearFlagsInWorkbook(ctx.asExcel());
    expect(ctx.syncs).toBe(2);
    expect(cleared.restored).toBeGreaterThan(100);
    expect(ws.peek("E4")?.fill).toBe("#00FF00"); // its own green again
    expect(ws.peek("E54")?.fill).toBe("#00FF00");
    expect(ws.peek("E5")?.fill).toBeUndefined(); // had no fill, has none
    expect(data.comments).toEqual([expect.objectContaining({ cell: "E5", content: "Ghi chú của cán bộ" })]);
    expect(data.sheets.map((s) => s.name)).not.toContain(FINDINGS_SHEET);
  });

  it("restores a cell that is no longer flagged when the sheet is flagged again", async () => {
    const data = workbook(20);
    await checkAndFlagWorkbook(new FakeContext(data).asExcel(), analyse);
    const ws = data.sheet("Tự đánh giá");
    expect(ws.peek("E4")?.fill).toBe(FLAG_FILL.error);
    ws.set("C4", 9); // fixed by the clerk
    await checkAndFlagWorkbook(new FakeContext(data).asExcel(), analyse);
    expect(ws.peek("E4")?.fill).toBe("#00FF00");
  });

  it("writes the summary as native formulas", async () => {
    const data = workbook(10);
    await checkAndFlagWorkbook(new FakeContext(data).asExcel(), (g) => ({
      ...analyse(g),
      summary: {
        setName: "Bộ tiêu chí xã NTM 2021–2025",
        criteria: [
          { code: "1", name: "Quy hoạch", status: "met", indicatorsMet: 3, indicatorsTotal: 3 },
          { code: "2", name: "Giao thông", status: "unmet", indicatorsMet: 2, indicatorsTotal: 4 },
        ],
        villages: [{ name: "Thôn 2", met: 4, total: 12, goal: 80 }],
      },
    }));
    const s = data.sheet(SUMMARY_SHEET);
    expect(s.peek("E8")?.f).toBe("IF(D8>0,C8/D8,0)");
    expect(s.peek("C10")?.f).toBe('COUNTIF(F7:F8,"Đạt")');
    expect(s.peek("D10")?.f).toBe("ROWS(F7:F8)");
    expect(s.peek("A13")?.v).toBe("Thôn 2");
    expect(s.peek("E13")?.f).toBe("IF(D13>0,C13/D13,0)");
  });
});

describe("workbook identity and settings", () => {
  it("keeps org, set, period and base revision in the hidden settings sheet, never a token", async () => {
    const data = workbook(5);
    await writeSettings(new FakeContext(data).asExcel(), {
      "ntm.orgCode": "18139",
      "ntm.set": "vn-xa-ntm-2021-2025",
      "ntm.period": "2023",
      "ntm.baseRevision": "3",
    });
    await writeSettings(new FakeContext(data).asExcel(), {
      "ntm.baseRevision": "4",
      "ntm.mappings": JSON.stringify({ "Tự đánh giá!12": "17.6" }),
    });
    const ctx = new FakeContext(data);
    expect(await readSettings(ctx.asExcel())).toEqual({
      "ntm.orgCode": "18139",
      "ntm.set": "vn-xa-ntm-2021-2025",
      "ntm.period": "2023",
      "ntm.baseRevision": "4",
      "ntm.mappings": '{"Tự đánh giá!12":"17.6"}',
    });
    expect(data.sheet("_ntm").visibility).toBe("VeryHidden");
    await expect(writeSettings(new FakeContext(data).asExcel(), { "ntm.token": "abc" })).rejects.toThrow(
      /không được phép/,
    );
    // The settings sheet is not read as commune data.
    const snap = await readWorkbookSnapshot(new FakeContext(data).asExcel());
    expect(snap.grids.sheets.map((g) => g.sheet)).toEqual(["Tự đánh giá", "Ghi chú"]);
    expect(snap.grids.properties?.["ntm.orgCode"]).toBe("18139");
  });

  it("selects the cell of a finding", async () => {
    const ctx = new FakeContext(workbook(5));
    await selectCell(ctx.asExcel(), "Tự đánh giá", "E6");
    expect(ctx.selected).toBe("Tự đánh giá!E6");
    expect(ctx.syncs).toBe(1);
  });
});

describe("with office-addin-mock", () => {
  // office-addin-mock models plain objects: enough for the settings read, which loads one range.
  it("reads the identity from the settings sheet through the mock", async () => {
    const { OfficeMockObject } = require("office-addin-mock");
    const used = {
      isNullObject: false,
      rowIndex: 0,
      columnIndex: 0,
      values: [
        ["ntm.orgCode", "18139"],
        ["ntm.set", "vn-xa-ntm-2021-2025"],
        ["ntm.period", "2023"],
        ["ntm.token", "x"],
      ],
    };
    const mock = new OfficeMockObject({
      workbook: { worksheets: { getItemOrNullObject: () => ({ getUsedRangeOrNullObject: () => used }) } },
    });
    (used as Record<string, unknown>).load = () => undefined;
    const settings = await readSettings(mock as unknown as Excel.RequestContext);
    const { identityFromSettings } = await import("../src/addin/excel/workbookIdentity");
    expect(identityFromSettings(settings)).toEqual({
      orgCode: "18139",
      set: "vn-xa-ntm-2021-2025",
      period: "2023",
      baseRevision: 0,
    });
  });
});
