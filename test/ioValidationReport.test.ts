/** `ntm validate --out report.xlsx`: the --json content as a workbook a reviewer can file. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import type { FileValidation } from "../src/domain/consolidate/fileValidation";
import { readZip } from "../src/io/xlsx/ooxml/zipArchive";
import { readWorkbookBuffer } from "../src/io/xlsx/readWorkbook";
import { REPORT_SHEETS, writeValidationReport } from "../src/io/xlsx/writeValidationReport";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
const BAD = path.join(__dirname, "fixtures", "bad");

const results: FileValidation[] = [
  {
    file: "xa-a.xlsx",
    ok: false,
    set: { id: "vn-xa-ntm-2021-2025", version: "QĐ 318/QĐ-TTg" },
    orgUnit: { name: "Xã Sơn Hồng" },
    period: "2023",
    indicators: [
      {
        code: "2.2",
        value: 88.6,
        unit: "%",
        target: "≥ 90%",
        targetSource: "workbook",
        selfAssessment: "met",
        status: "unmet",
        sheet: "Biểu 01",
        cell: "E18",
      },
    ],
    criteria: [{ code: "2", status: "unmet", indicatorsMet: 3, indicatorsTotal: 4 }],
    summary: { criteriaMet: 15, criteriaTotal: 19 },
    findings: [
      {
        type: "self-assessment/mismatch",
        severity: "error",
        sheet: "Biểu 01",
        cell: "F18",
        indicator: "2.2",
        message: "Biểu 01!F18: tự đánh giá Đạt nhưng 88,6% < 90% / self-assessed met but 88.6% < 90%",
      },
      {
        type: "mapping/unmatched-row",
        severity: "warning",
        sheet: "Biểu 01",
        cell: "A70",
        message: "Biểu 01!A70: không nhận ra dòng / row not recognised",
      },
    ],
  },
  {
    file: "hong.xlsx",
    ok: false,
    error: { code: "corrupt", message: "hong.xlsx: tệp bị hỏng / the file is corrupt" },
  },
  {
    file: "xa-b.csv",
    ok: true,
    set: { id: "vn-xa-ntm-2021-2025" },
    period: "2021",
    summary: { criteriaMet: 19, criteriaTotal: 19 },
    findings: [],
  },
];

/**
 * The table rows of a report sheet: under the official header, title and column-number row
 * "(1) (2) …" (issue 14 puts the house-style header block above every table).
 */
function body<T extends { cells: ({ v?: unknown } | null | undefined)[][] }>(s: T): T["cells"] {
  const numbers = s.cells.findIndex((r) => r?.[0]?.v === "(1)");
  expect(numbers).toBeGreaterThan(0);
  return s.cells.slice(numbers + 1);
}

describe("writeValidationReport", () => {
  const buf = writeValidationReport(results);
  const wb = readWorkbookBuffer(buf, "report.xlsx");
  const sheet = (name: string) => wb.sheets.find((s) => s.sheet === name)!;

  it("has a summary row per file, in order, with the read error and native totals", () => {
    const s = sheet(REPORT_SHEETS.summary);
    const rows = body(s);
    expect(rows.slice(0, 3).map((r) => r[0]?.v)).toEqual(["xa-a.xlsx", "hong.xlsx", "xa-b.csv"]);
    expect(rows[0].slice(3, 7).map((c) => c?.v)).toEqual(["Xã Sơn Hồng", "2023", 15, 19]);
    expect(rows[0][8]?.v).toBe(1); // one error
    expect(String(rows[1][11]?.v)).toContain("corrupt");
    const totals = rows[3];
    expect(totals[5]?.f).toBe("SUM(F7:F9)");
    expect(totals[10]?.f).toBe('COUNTIF(K7:K9,"Không đọc được*")');
    // The cached totals are the true ones, for viewers that do not recalculate.
    expect(Array.from(totals.slice(5, 11), (c) => c?.v ?? null)).toEqual([34, 38, null, 1, 1, 1]);
  });

  it("lists every finding with sheet!cell and its bilingual message, and the unreadable file", () => {
    const f = sheet(REPORT_SHEETS.findings);
    const rows = body(f).map((r) => ({
      file: r[0]?.v,
      where: r[3]?.v ?? null,
      sev: r[7]?.v,
      type: r[8]?.v,
      msg: r[9]?.v,
    }));
    expect(rows).toEqual([
      {
        file: "xa-a.xlsx",
        where: "Biểu 01!F18",
        sev: "Lỗi",
        type: "self-assessment/mismatch",
        msg: results[0].findings![0].message,
      },
      {
        file: "xa-a.xlsx",
        where: "Biểu 01!A70",
        sev: "Cảnh báo",
        type: "mapping/unmatched-row",
        msg: results[0].findings![1].message,
      },
      { file: "hong.xlsx", where: null, sev: "Lỗi", type: "file/corrupt", msg: results[1].error!.message },
    ]);
  });

  it("lists indicators with value, target and cell; colours errors; filters on headers", () => {
    const i = sheet(REPORT_SHEETS.indicators);
    expect(body(i)[0].map((c) => c?.v ?? null)).toEqual([
      "xa-a.xlsx",
      "2.2",
      88.6,
      "%",
      "≥ 90%",
      "workbook",
      "Đạt",
      "Chưa đạt",
      "Biểu 01!E18",
    ]);
    const xml = readZip(buf)
      .find((e) => e.name === "xl/worksheets/sheet2.xml")!
      .data.toString();
    expect(xml).toContain("<autoFilter");
    expect(xml).toContain("<conditionalFormatting");
  });

  it("ntm validate --out writes it for real files, broken ones included", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-rep-"));
    const out = path.join(dir, "report.xlsx");
    const io = captureIo();
    const code = await main(
      [
        "node",
        "ntm",
        "validate",
        path.join(SAMPLES, "xa-son-hong-2023-tu-danh-gia.xlsx"),
        path.join(BAD, "truncated.xlsx"),
        "--out",
        out,
      ],
      io,
    );
    expect(code).toBe(2);
    const back = readWorkbookBuffer(fs.readFileSync(out), "report.xlsx");
    const s = back.sheets.find((x) => x.sheet === REPORT_SHEETS.summary)!;
    expect(
      body(s)
        .slice(0, 2)
        .map((r) => r[0]?.v),
    ).toEqual([
      expect.stringContaining("xa-son-hong-2023-tu-danh-gia.xlsx"),
      expect.stringContaining("truncated.xlsx"),
    ]);
    const f = back.sheets.find((x) => x.sheet === REPORT_SHEETS.findings)!;
    expect(
      f.cells.some((r) => r[8]?.v === "self-assessment/mismatch" && /!F\d+$/.test(String(r[3]?.v))),
    ).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
