/** Issue 4, item 7: `ntm template` writes a workbook that works without the add-in and validates back. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import { validateWorkbook } from "../src/domain/check/validateWorkbook";
import { readZip } from "../src/io/xlsx/ooxml/zipArchive";
import { readWorkbookBuffer } from "../src/io/xlsx/readWorkbook";
import { TEMPLATE_SHEETS } from "../src/io/xlsx/writeTemplate";
import { flagList, runCli } from "./cliRunner";
import { itWithLibreOffice, recalculateWithLibreOffice } from "./libreOffice";

const SET = "vn-xa-ntm-2021-2025";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-tpl-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function indicatorCodes(): string[] {
  return getCriteriaSet(SET)!.criteria.flatMap((c) => c.indicators.map((i) => i.code));
}

function sheetXml(buf: Buffer, n: number): string {
  return readZip(buf)
    .find((e) => e.name === `xl/worksheets/sheet${n}.xml`)!
    .data.toString("utf8");
}

/** Types a value and "Đạt" for every indicator, as a clerk would; returns code → value cell. */
function fill(buf: Buffer): { filled: Buffer; cells: Map<string, { cell: string; value: unknown }> } {
  const wb = XLSX.read(buf, { type: "buffer", cellFormula: true, cellNF: true });
  const ws = wb.Sheets[TEMPLATE_SHEETS.criteria];
  const set = getCriteriaSet(SET)!;
  const kinds = new Map(set.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i] as const)));
  const cells = new Map<string, { cell: string; value: unknown }>();
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  for (let r = 0; r <= range.e.r; r++) {
    const tt = ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v;
    const ind = typeof tt === "string" ? kinds.get(tt) : undefined;
    if (!ind) continue;
    const a1 = `F${r + 1}`;
    if (ind.kind === "percent") {
      ws[a1] = { t: "n", v: 0.9, z: "0.0%" };
      cells.set(ind.code, { cell: a1, value: 90 });
    } else if (ind.kind === "yesno" || ind.op === "yes") {
      ws[a1] = { t: "s", v: "Đạt" };
      cells.set(ind.code, { cell: a1, value: true });
    } else {
      ws[a1] = { t: "n", v: 12 };
      cells.set(ind.code, { cell: a1, value: 12 });
    }
    ws[`G${r + 1}`] = { t: "s", v: "Đạt" };
  }
  return { filled: XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer, cells };
}

describe("ntm template", () => {
  const out = path.join(tmp, "mau.xlsx");

  it("writes the workbook from the command line", async () => {
    const flags = { set: SET, org: "Xã Sơn Hồng", period: "2023", region: "BTB" };
    const run = await runCli(["template", ...flagList(flags), "-o", out]);
    expect([run.err, run.code]).toEqual(["", 0]);
    expect(run.out).toMatch(/19 tiêu chí, 57 chỉ tiêu/);
    expect(fs.existsSync(out)).toBe(true);
  });

  it("misuse exits 2 with a bilingual reason", async () => {
    for (const args of [
      ["--set", "khong-co", "--org", "X", "--period", "2023", "-o", path.join(tmp, "a.xlsx")],
      [
        "--set",
        SET,
        "--org",
        "X",
        "--period",
        "2023",
        "--region",
        "BTB",
        "--group",
        "1",
        "-o",
        path.join(tmp, "a.xlsx"),
      ],
      ["--set", SET, "--org", "X", "--period", "2023", "--region", "MARS", "-o", path.join(tmp, "a.xlsx")],
      ["--set", SET, "--org", "X", "-o", path.join(tmp, "a.xlsx")],
    ]) {
      const io = captureIo();
      expect(await main(["node", "ntm", "template", ...args], io)).toBe(2);
      expect(io.stderr.length).toBeGreaterThan(0);
    }
  });

  it("stores org unit, set and period in a hidden sheet and custom properties", () => {
    const buf = fs.readFileSync(out);
    const wb = readWorkbookBuffer(buf, "mau.xlsx");
    expect(wb.sheets.map((s) => s.sheet)).toEqual([
      TEMPLATE_SHEETS.criteria,
      TEMPLATE_SHEETS.villages,
      TEMPLATE_SHEETS.volumes,
    ]);
    expect(wb.properties).toMatchObject({
      "ntm.set": SET,
      "ntm.orgUnit": "Xã Sơn Hồng",
      "ntm.period": "2023",
      "ntm.region": "BTB",
    });
    const parts = readZip(buf);
    expect(parts.find((p) => p.name === "xl/workbook.xml")!.data.toString()).toMatch(
      /name="_ntm"[^>]*state="hidden"/,
    );
    expect(parts.find((p) => p.name === "docProps/custom.xml")!.data.toString()).toContain('name="ntm.set"');
  });

  it("holds real formulas, drop-downs, conditional formatting and a chart", () => {
    const buf = fs.readFileSync(out);
    const g = readWorkbookBuffer(buf, "mau.xlsx").sheets[0];
    const formulas = g.cells.flatMap((row) => row.filter((c) => c?.f).map((c) => c!.f!));
    expect(formulas.some((f) => /COUNTIF\(I\d+:I\d+,"Đạt"\)/.test(f))).toBe(true);
    expect(formulas.some((f) => f.endsWith('&"/19"'))).toBe(true);
    const xml = sheetXml(buf, 1);
    expect(xml).toMatch(
      /<dataValidation [^>]*type="list"[^>]*><formula1>&quot;Đạt,Chưa đạt&quot;<\/formula1>/,
    );
    expect(xml).toContain("<conditionalFormatting");
    expect(readZip(buf).some((e) => e.name === "xl/charts/chart1.xml")).toBe(true);
    // No target is invented: the national draft has none confirmed, so every indicator row's note
    // says so, and its target cell holds a readable target or nothing — never the mark itself.
    const codes = new Set(indicatorCodes());
    const rows = g.cells.filter((r) => codes.has(String(r[0]?.v)));
    expect(rows).toHaveLength(57);
    for (const r of rows) {
      expect(String(r[7]?.v)).toMatch(/^(Chưa xác minh|Mức của xã)$/);
      expect(String(r[4]?.v ?? "")).not.toMatch(/xác minh|của xã/);
      // A readable target ("≥ 80%", "Đạt") or a blank for the commune's own ("≥ …%").
      expect(String(r[4]?.v)).toMatch(/^(Đạt|Không|[≥≤=] (…|\d[\d,]*)(%| .+)?)$/);
    }
    const legend = g.cells
      .flatMap((r) => r.map((c) => c?.v))
      .filter((v) => String(v).startsWith("Ghi chú: "));
    expect(legend).toHaveLength(1);
    expect(String(legend[0])).toContain("“Chưa xác minh” — mức lấy từ QĐ 318/QĐ-TTg");
  });

  it("validates back with every indicator mapped, empty and filled", () => {
    const buf = fs.readFileSync(out);
    const empty = validateWorkbook("mau.xlsx", readWorkbookBuffer(buf, "mau.xlsx"), {});
    expect(empty.validation.set?.id).toBe(SET);
    expect(empty.validation.indicators?.map((i) => i.code).sort()).toEqual(indicatorCodes().sort());
    expect(empty.findings.filter((f) => f.type.startsWith("mapping/"))).toEqual([]);

    const { filled, cells } = fill(buf);
    const v = validateWorkbook("mau.xlsx", readWorkbookBuffer(filled, "mau.xlsx"), {});
    expect(v.findings.filter((f) => f.type.startsWith("mapping/") || f.type.startsWith("value/"))).toEqual(
      [],
    );
    for (const ind of v.validation.indicators ?? []) {
      const want = cells.get(ind.code)!;
      expect({ code: ind.code, cell: ind.cell, value: ind.value, sa: ind.selfAssessment }).toEqual({
        code: ind.code,
        cell: want.cell,
        value: want.value,
        sa: "met",
      });
    }
    expect(v.validation.indicators).toHaveLength(57);
    expect(v.validation.orgUnit?.name).toBe("Xã Sơn Hồng");
    expect(v.validation.period).toBe("2023");
  });

  it("judges every indicator once the commune types its own target where the set has none", () => {
    // The house-style header block sits above the table: the target cell (E) is still read.
    const wb = XLSX.read(fill(fs.readFileSync(out)).filled, { type: "buffer" });
    const ws = wb.Sheets[TEMPLATE_SHEETS.criteria];
    const kinds = new Map(
      getCriteriaSet(SET)!.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i] as const)),
    );
    const range = XLSX.utils.decode_range(ws["!ref"]!);
    for (let r = 0; r <= range.e.r; r++) {
      const ind = kinds.get(String(ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v));
      // The set has no value here: the target cell is a blank ("≥ …%") for the commune's own target.
      if (!ind || !String(ws[`E${r + 1}`]?.v).includes("…")) continue;
      const op = ind.op === "<=" ? "≤" : "≥";
      ws[`E${r + 1}`] = { t: "s", v: ind.kind === "percent" ? `${op} 80%` : `${op} 10` };
    }
    const typed = XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
    const v = validateWorkbook("mau.xlsx", readWorkbookBuffer(typed, "mau.xlsx"), {});
    expect(v.validation.indicators).toHaveLength(57);
    expect(v.validation.indicators!.filter((i) => i.status === "unknown").map((i) => i.code)).toEqual([]);
    expect(v.findings.filter((f) => f.type === "indicator/unknown-target")).toEqual([]);
  });

  itWithLibreOffice(
    "LibreOffice opens it and the native formulas count 19/19 self-assessed",
    () => {
      const { filled } = fill(fs.readFileSync(out));
      const dir = fs.mkdtempSync(path.join(tmp, "lo-"));
      const src = path.join(dir, "filled.xlsx");
      fs.writeFileSync(src, filled);
      const g = readWorkbookBuffer(
        fs.readFileSync(recalculateWithLibreOffice(src, path.join(dir, "out"))),
        "lo.xlsx",
      ).sheets[0];
      const texts = g.cells
        .flatMap((row) => row.map((c) => c?.v))
        .filter((v) => typeof v === "string" && /^\d+\/19$/.test(v));
      expect(texts).toContain("19/19");
    },
    150_000,
  );
});
