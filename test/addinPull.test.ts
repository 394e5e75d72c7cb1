/**
 * "Nhận về" inside Excel: the head values go back into the cells they were read from and the
 * reviewer's comments onto those cells, in a constant number of syncs, without touching formulas
 * or anybody else's comment. Run against the typed fake (test/addinFakeExcel.ts).
 */
import { writePulledReport } from "../src/addin/excel/writePulledReport";
import { planPulledCells } from "../src/domain/sync/pulledCells";
import type { IndicatorValues, ReportView } from "../src/domain/sync/protocol";
import { pullIntoWorkbook, settlePulled, type PullDeps } from "../src/addin/taskpane/pullIntoWorkbook";
import { readWorkbookSnapshot } from "../src/addin/excel/readWorkbookSnapshot";
import { pullMessage } from "../src/addin/taskpane/pullMessage";
import { paneText } from "../src/addin/taskpane/paneText";
import { standaloneHost } from "../src/addin/taskpane/host/standaloneHost";
import type { WorkbookHost } from "../src/addin/taskpane/host/workbookHost";
import { defaultStore } from "../src/addin/sync/syncStorage";
import { FakeContext, FakeWorkbookData } from "./addinFakeExcel";
import { emptyEvaluation, returnedSonHong } from "./revisionFixtures";

const OLD_NOTE =
  "[NTM – Ý kiến thẩm định] Trả lại – thẩm định A, 2023-10-01, phiên bản 1:\nBổ sung minh chứng";

function view(values: IndicatorValues, comments: Record<string, string>): ReportView {
  return returnedSonHong(
    values,
    [
      { kind: "submitted", revision: 4, author: "xã", createdAt: "2023-11-20T00:00:00Z", comments: {} },
      { kind: "returned", revision: 4, author: "thẩm định B", createdAt: "2023-11-22T09:00:00Z", comments },
    ],
    emptyEvaluation({ criteriaMet: 13, progress: 13 / 19 }),
  );
}

function commune(): FakeWorkbookData {
  const wb = new FakeWorkbookData();
  const ws = wb.addSheet("Biểu 01");
  ws.set("E19", "95%");
  ws.set("E20", 0.9, { z: "0%" });
  ws.set("E21", 10, { f: "SUM(B2:B4)" });
  ws.set("E22", "Đạt");
  ws.set("E30", 3);
  wb.addSheet("Ghi chú").set("A1", "sổ của xã");
  wb.addComment("Biểu 01", "E19", OLD_NOTE);
  wb.addComment("Biểu 01", "E20", "[NTM] Tự đánh giá “Đạt” nhưng kết quả 90 %");
  wb.addComment("Biểu 01", "E22", "Kế toán: đã đối chiếu sổ");
  wb.addComment("Biểu 01", "E30", OLD_NOTE);
  return wb;
}

/**
 * Per indicator: where commune() keeps it, the head's value, and revision 3's — what commune() held
 * when it was last synced (every head value differs from it). 2.4 was pushed elsewhere with the raw
 * form of an older revision: the value counts, not the stale raw. 6.1 has no cell and no base.
 */
const PULLED: [code: string, at: string | null, head: V, base3: V | null][] = [
  ["2.3", "Biểu 01!E19", { value: 96.4, unit: "%", raw: "96,4%" }, { value: 95, unit: "%", raw: "95%" }],
  ["2.4", "Biểu 01!E20", { value: 92.5, unit: "%", raw: 0.9 }, { value: 90, unit: "%", raw: 0.9 }],
  ["3.1", "Biểu 01!E21", { value: 12 }, { value: 10 }],
  ["4.1", "Biểu 01!E22", { value: true }, { value: false }],
  ["5.1", "Biểu 02!E5", { value: 4 }, { value: 3 }],
  ["6.1", null, { value: 1 }, null],
];
type V = IndicatorValues[string];
const placed = (v: V, at: string | null): V => {
  if (!at) return v;
  const [sheet, cell] = at.split("!");
  return { ...v, sheet, cell };
};
const valuesOf = (column: 2 | 3): IndicatorValues =>
  Object.fromEntries(PULLED.filter((r) => r[column]).map((r) => [r[0], placed(r[column]!, r[1])]));
const HEAD = valuesOf(2);
const BASE3 = valuesOf(3);
const COMMENTS = {
  "2.3": "Tỷ lệ chưa khớp biên bản",
  "2.4": "Ghi rõ nguồn số liệu",
  "4.1": "Đính kèm quyết định",
  "*": "Rà soát lại tiêu chí 2",
};

describe("pull into the open workbook", () => {
  it("writes each value into its cell and each comment onto it, marked as the reviewer's, in 3 syncs", async () => {
    const data = commune();
    const ctx = new FakeContext(data);
    const plan = planPulledCells(view(HEAD, COMMENTS), { values: true });
    expect(plan.unplaced).toEqual(["6.1"]);
    expect(plan.general?.text).toBe("Rà soát lại tiêu chí 2");
    const out = await writePulledReport(ctx.asExcel(), plan.cells);
    expect(ctx.syncs).toBe(3);
    expect(out.syncs).toBe(3);

    const ws = data.sheet("Biểu 01");
    expect(ws.peek("E19")).toMatchObject({ v: "96,4%" }); // the clerk's own way of writing it
    expect(ws.peek("E20")).toMatchObject({ v: 0.925, z: "0%" }); // a share in a percent cell
    expect(ws.peek("E21")).toMatchObject({ v: 10, f: "SUM(B2:B4)" }); // the formula stays
    expect(ws.peek("E22")?.v).toBe("Đạt");
    expect(out).toMatchObject({
      valuesWritten: 2,
      valuesUnchanged: 1,
      formulaCells: ["Biểu 01!E21"],
      missingSheets: ["Biểu 02"],
      foreignComments: ["Biểu 01!E22"],
    });

    const note = (cell: string) =>
      data.comments.filter((c) => c.sheet === "Biểu 01" && c.cell === cell).map((c) => c.content);
    expect(note("E19")).toEqual([
      "[NTM – Ý kiến thẩm định] Trả lại – thẩm định B, 2023-11-22, phiên bản 4:\nTỷ lệ chưa khớp biên bản",
    ]);
    expect(note("E20")).toEqual([
      "[NTM – Ý kiến thẩm định] Trả lại – thẩm định B, 2023-11-22, phiên bản 4:\nGhi rõ nguồn số liệu",
    ]);
    expect(note("E22")).toEqual(["Kế toán: đã đối chiếu sổ"]); // someone else's, untouched
    expect(note("E30")).toEqual([]); // our older reviewer note, no longer said
    expect(out).toMatchObject({ notesWritten: 2, notesRemoved: 1 });
    expect(ctx.suspended.calculation).toBeGreaterThan(0);
  });

  it("a second pull of the same head changes nothing", async () => {
    const data = commune();
    const plan = planPulledCells(view(HEAD, COMMENTS), { values: true });
    await writePulledReport(new FakeContext(data).asExcel(), plan.cells);
    const again = await writePulledReport(new FakeContext(data).asExcel(), plan.cells);
    expect(again).toMatchObject({ valuesWritten: 0, notesWritten: 0, notesRemoved: 0 });
  });

  it("with unsent changes waiting, writes the comments only and leaves every value", async () => {
    const data = commune();
    const plan = planPulledCells(view(HEAD, COMMENTS), { values: false });
    const out = await writePulledReport(new FakeContext(data).asExcel(), plan.cells);
    expect(data.sheet("Biểu 01").peek("E19")?.v).toBe("95%");
    expect(out).toMatchObject({ valuesWritten: 0, notesWritten: 2 });
  });

  it("takes the same 3 syncs for 2,000 indicators as for 5", async () => {
    const data = new FakeWorkbookData();
    const ws = data.addSheet("Biểu 01");
    const values: IndicatorValues = {};
    const comments: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) {
      ws.set(`C${i + 2}`, i);
      values[`${i}`] = { value: i + 1, sheet: "Biểu 01", cell: `C${i + 2}` };
      if (i % 10 === 0) comments[`${i}`] = `Xem lại dòng ${i + 2}`;
    }
    const ctx = new FakeContext(data);
    const out = await writePulledReport(
      ctx.asExcel(),
      planPulledCells(view(values, comments), { values: true }).cells,
    );
    expect(ctx.syncs).toBe(3);
    expect(out.valuesWritten).toBe(2000);
    expect(ws.peek("C2001")?.v).toBe(2000);
    expect(data.comments).toHaveLength(200);
  });
});

/** The settings of Sơn Hồng's 2023 workbook, last synced at revision 3. */
const IDENTITY = {
  "ntm.orgCode": "18139",
  "ntm.set": "vn-xa-ntm-2021-2025",
  "ntm.period": "2023",
  "ntm.baseRevision": "3",
};

/** The pane's host in Excel over the fake workbook; `before` runs as the write starts (a clerk typing). */
function excelLike(
  data: FakeWorkbookData,
  settings: Record<string, string> = {},
  before?: () => void,
): WorkbookHost {
  return {
    kind: "excel",
    readGrids: async () => (await readWorkbookSnapshot(new FakeContext(data).asExcel())).grids,
    readSettings: async () => settings,
    writeSettings: async () => undefined,
    writePulled: (cells) => (before?.(), writePulledReport(new FakeContext(data).asExcel(), cells)),
  };
}
describe("what the pane does and says after a pull", () => {
  const vi = paneText("vi");
  const noBase = (unsent = 0): PullDeps => ({ unsent: () => unsent, revisionValues: async () => undefined });

  const atBase = (values: IndicatorValues): PullDeps => ({
    unsent: () => 0,
    revisionValues: async (_k, n) => (n === 3 ? values : undefined),
  });

  // Issue 11: the server's sheet/cell are not a target. commune() has no layout the reader knows, so
  // nothing is located and nothing is written — every value is listed instead (was: 2 cells written
  // at the server's addresses).
  it("in Excel, writes nothing where this workbook's reader did not locate the indicator, and lists it", async () => {
    const data = commune();
    const o = await pullIntoWorkbook(view(HEAD, COMMENTS), excelLike(data, IDENTITY), atBase(BASE3));
    const m = pullMessage(vi, o);
    expect(m.lines[0]).toBe(
      "Đã ghi phiên bản 4 vào bảng đang mở: 0 ô được thay số, 0 ô được gắn ý kiến thẩm định.",
    );
    expect(data.sheet("Biểu 01").peek("E19")?.v).toBe("95%");
    expect(data.sheet("Biểu 01").peek("E22")?.v).toBe("Đạt");
    if (o.kind !== "written") throw new Error(o.kind);
    expect(o.plan.unplaced).toEqual(["2.3", "2.4", "3.1", "4.1", "5.1", "6.1"]);
    expect(m.intent).toBe("warning");
  });

  it("on a first pull (no base yet), a cell holding another number is a conflict, never overwritten", async () => {
    const data = readable([
      ["2.3", "Tỷ lệ hộ có nhà ở đạt chuẩn", "≥ 90%", "95%"],
      ["2.4", "Tỷ lệ hộ có nhà tiêu hợp vệ sinh", "≥ 80%", 0.9, { z: "0%" }],
    ]);
    const at = (value: number, cell: string) => ({ value, unit: "%", sheet: "Biểu 01", cell });
    const head = { "2.3": at(96.4, "D4"), "2.4": at(92.5, "D5") };
    const o = await pullIntoWorkbook(view(head, {}), excelLike(data), noBase());
    expect(data.sheet("Biểu 01").peek("D4")?.v).toBe("95%");
    expect(data.sheet("Biểu 01").peek("D5")?.v).toBe(0.9);
    if (o.kind !== "written") throw new Error(o.kind);
    expect(o.conflicts.map((c) => [c.code, c.mine?.value, c.theirs?.value, c.base])).toEqual([
      ["2.3", 95, 96.4, null],
      ["2.4", 90, 92.5, null],
    ]);
    expect(pullMessage(vi, o).lines.join("\n")).toMatch(
      /2 chỉ tiêu bị sửa cả trong sổ và trên máy chủ nên chưa ghi đè/,
    );
  });

  it("does not overwrite numbers while a push of this report is still waiting to be sent", async () => {
    const data = commune();
    const o = await pullIntoWorkbook(view(HEAD, COMMENTS), excelLike(data), noBase(1));
    expect(data.sheet("Biểu 01").peek("E19")?.v).toBe("95%");
    expect(pullMessage(vi, o).lines.join("\n")).toMatch(/Còn 1 lần gửi chưa tới máy chủ nên chưa thay số/);
  });

  it("writes nothing into a workbook that says it is another commune's or period's", async () => {
    const data = commune();
    const settings = {
      "ntm.orgCode": "18502",
      "ntm.set": "vn-xa-ntm-2021-2025",
      "ntm.period": "2023",
      "ntm.baseRevision": "2",
    };
    const o = await pullIntoWorkbook(view(HEAD, COMMENTS), excelLike(data, settings), noBase());
    expect(o.kind).toBe("other-workbook");
    expect(data.sheet("Biểu 01").peek("E19")?.v).toBe("95%");
    expect(data.comments.find((c) => c.cell === "E19")?.content).toBe(OLD_NOTE);
    expect(pullMessage(vi, o).lines[0]).toMatch(/sổ của đơn vị 18502, kỳ 2023.*chưa ghi gì vào bảng/);
  });

  it("outside Excel says the file on disk is not changed", async () => {
    const o = await pullIntoWorkbook(view(HEAD, COMMENTS), standaloneHost(defaultStore()), noBase());
    expect(o.kind).toBe("standalone");
    expect(pullMessage(vi, o).lines[0]).toMatch(/tệp trên máy không bị thay đổi/);
    expect(pullMessage(paneText("en"), o).lines[0]).toMatch(/file on this computer is not changed/);
  });
});

/** A workbook the reader understands: TT, name, target, result, as communes keep it. */
function readable(rows: [string, string, string, string | number, { z?: string }?][]): FakeWorkbookData {
  const wb = new FakeWorkbookData();
  const ws = wb.addSheet("Biểu 01");
  ws.set("A1", "BÁO CÁO KẾT QUẢ XÃ SƠN HỒNG NĂM 2023");
  ws.set("A3", "TT");
  ws.set("B3", "Nội dung");
  ws.set("C3", "Chỉ tiêu");
  ws.set("D3", "Kết quả");
  rows.forEach(([code, name, target, result, extra], i) => {
    ws.set(`A${4 + i}`, code);
    ws.set(`B${4 + i}`, name);
    ws.set(`C${4 + i}`, target);
    ws.set(`D${4 + i}`, result, extra ?? {});
  });
  return wb;
}

describe("pull merges with what the clerk typed and did not push", () => {
  const vi = paneText("vi");
  const host = (data: FakeWorkbookData, before?: () => void) => excelLike(data, IDENTITY, before);
  const v = (value: number, cell: string, unit?: string) => ({
    value,
    sheet: "Biểu 01",
    cell,
    ...(unit ? { unit } : {}),
  });
  // Revision 3: what the workbook held when it was last pushed.
  const BASE: IndicatorValues = { "2.3": v(95, "D4", "%"), "10": v(48, "D5"), "17.1": v(50, "D6", "%") };
  const deps: PullDeps = { unsent: () => 0, revisionValues: async (_k, n) => (n === 3 ? BASE : undefined) };
  const workbook = () =>
    readable([
      ["2.3", "Tỷ lệ hộ có nhà ở đạt chuẩn", "≥ 90%", "95%"],
      ["10", "Thu nhập bình quân đầu người", "≥ 45", 50], // typed here: 48 → 50, not pushed
      ["17.1", "Tỷ lệ hộ được sử dụng nước sạch", "≥ 60%", 0.6, { z: "0%" }], // typed here: 50 % → 60 %
    ]);
  // Revision 4 on the server: 2.3 changed there only, 10 changed there too (to 52), 17.1 untouched.
  const head: IndicatorValues = { "2.3": v(96, "D4", "%"), "10": v(52, "D5"), "17.1": v(50, "D6", "%") };

  it("writes what only the server changed, keeps what only the clerk changed, and holds the rest as a conflict", async () => {
    const data = workbook();
    const o = await pullIntoWorkbook(view(head, {}), host(data), deps);
    const ws = data.sheet("Biểu 01");
    expect(ws.peek("D4")?.v).toBe("96%"); // issue 11: text stays text in the workbook's own form
    expect(ws.peek("D5")?.v).toBe(50); // not overwritten: both changed it
    expect(ws.peek("D6")?.v).toBe(0.6); // the clerk's unpushed number stays
    if (o.kind !== "written") throw new Error(o.kind);
    expect(o.keptLocal).toEqual(["17.1"]);
    expect(o.conflicts.map((c) => [c.code, c.mine?.value, c.theirs?.value, c.base?.value])).toEqual([
      ["10", 50, 52, 48],
    ]);
    const lines = pullMessage(vi, o).lines.join("\n");
    expect(lines).toMatch(/1 ô được thay số/);
    expect(lines).toMatch(/1 chỉ tiêu bị sửa cả trong sổ và trên máy chủ/);
    expect(lines).toMatch(/Giữ nguyên số đã sửa trong sổ mà chưa gửi \(chỉ tiêu 17\.1\)\. Bấm “Gửi số liệu”/);
    expect(pullMessage(paneText("en"), o).lines.join("\n")).toMatch(
      /Kept the values changed in the workbook and not pushed yet \(indicator 17\.1\)/,
    );
  });

  it("the same change on both sides is no conflict", async () => {
    const data = workbook();
    const o = await pullIntoWorkbook(view({ ...head, "10": v(50, "D5") }, {}), host(data), deps);
    if (o.kind !== "written") throw new Error(o.kind);
    expect(o.conflicts).toEqual([]);
    expect(data.sheet("Biểu 01").peek("D5")?.v).toBe(50);
  });

  it("a conflict is written only as the person chooses: theirs goes in, mine stays", async () => {
    const data = workbook();
    const first = await pullIntoWorkbook(view(head, {}), host(data), deps);
    if (first.kind !== "written") throw new Error(first.kind);
    const pending = { view: view(head, {}), conflicts: first.conflicts };
    const none = await settlePulled(pending, {}, host(data));
    if (none.kind !== "written") throw new Error(none.kind);
    expect(none.conflicts.map((c) => c.code)).toEqual(["10"]);
    expect(data.sheet("Biểu 01").peek("D5")?.v).toBe(50);

    const mine = await settlePulled(pending, { "10": "mine" }, host(data));
    expect(data.sheet("Biểu 01").peek("D5")?.v).toBe(50);
    expect(mine.kind === "written" && mine.keptLocal).toEqual(["10"]);

    const theirs = await settlePulled(pending, { "10": "theirs" }, host(data));
    expect(data.sheet("Biểu 01").peek("D5")?.v).toBe(52);
    expect(theirs.kind === "written" && theirs.conflicts).toEqual([]);
  });

  it("a number typed between reading and writing is not overwritten but asked about", async () => {
    const data = workbook();
    const o = await pullIntoWorkbook(
      view(head, {}),
      host(data, () => data.sheet("Biểu 01").set("D4", "97%")),
      deps,
    );
    expect(data.sheet("Biểu 01").peek("D4")?.v).toBe("97%");
    if (o.kind !== "written") throw new Error(o.kind);
    expect(o.conflicts.map((c) => [c.code, c.mine?.value, c.theirs?.value])).toEqual([
      ["10", 50, 52],
      ["2.3", 97, 96],
    ]);
  });
});

describe("hostile values from the server, in Excel", () => {
  const host = (data: FakeWorkbookData) => excelLike(data, IDENTITY);

  it("text that starts like a formula stays text, goes only to the reader's cell; prose and over-long values are listed, not written", async () => {
    const data = readable([
      ["2.3", "Tỷ lệ hộ có nhà ở đạt chuẩn", "≥ 90%", "95%"],
      ["10", "Thu nhập bình quân đầu người", "≥ 45", 50],
      ["13.4", "Làng nghề", "Có", "Không có làng nghề"],
    ]);
    const base: IndicatorValues = {
      "2.3": { value: 95, unit: "%" },
      "10": { value: 50 },
      "13.4": { value: null },
    };
    const formula = '=HYPERLINK("http://evil.example","bấm vào đây")';
    const head: IndicatorValues = {
      "2.3": { value: formula, sheet: "__proto__", cell: "!ref" },
      "10": { value: "y".repeat(40000), sheet: "Biểu 01", cell: "A1" },
      "13.4": { value: 5, sheet: "Biểu 01", cell: "B6" },
    };
    const o = await pullIntoWorkbook(view(head, {}), host(data), {
      unsent: () => 0,
      revisionValues: async (_k, n) => (n === 3 ? base : undefined),
    });
    if (o.kind !== "written") throw new Error(o.kind);
    const ws = data.sheet("Biểu 01");
    expect(ws.peek("D4")).toEqual(expect.objectContaining({ v: formula })); // text, the reader's cell
    expect(ws.peek("D4")?.f).toBeUndefined();
    expect(ws.peek("A1")?.v).toBe("BÁO CÁO KẾT QUẢ XÃ SƠN HỒNG NĂM 2023"); // the server's cell: untouched
    expect(ws.peek("D5")?.v).toBe(50);
    expect(ws.peek("D6")?.v).toBe("Không có làng nghề");
    expect(ws.peek("B6")?.v).toBe("Làng nghề");
    expect(o.report).toMatchObject({ tooLong: ["Biểu 01!D5"], proseCells: ["Biểu 01!D6"] });
    expect(({} as Record<string, unknown>).cell).toBeUndefined();
    const lines = pullMessage(paneText("vi"), o).lines.join("\n");
    expect(lines).toMatch(/Không ghi đè ô có chữ: Biểu 01!D6/);
    expect(lines).toMatch(/Không ghi được vào Biểu 01!D5/);
  });
});
