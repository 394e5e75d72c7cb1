/**
 * Issue 14's bar "a template filled with the sample's values validates back with every indicator
 * judged": the template `ntm template` writes for the national set, filled as Xã Sơn Hồng's clerk
 * would from the commune's own workbook (each value, its self-assessment, and the commune's target
 * where the set leaves the target to the province), is read back with no "no target to compare"
 * and the same verdict on every indicator as the commune's own workbook.
 */
import * as path from "node:path";
import * as XLSX from "xlsx";
import { validateWorkbook } from "../src/domain/check/validateWorkbook";
import { getCriteriaSet } from "../src/domain/criteria/registry";
import { readWorkbookBuffer, readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { TEMPLATE_SHEETS, writeTemplate } from "../src/io/xlsx/writeTemplate";

const SAMPLE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const SET = "vn-xa-ntm-2021-2025";
/** What the template writes in the target cell where the set has no target of its own: a blank, "≥ …%". */
const NO_TARGET = "…";

const sample = validateWorkbook("xa-son-hong.xlsx", readWorkbookFile(SAMPLE));

function filledTemplate(): Buffer {
  const byCode = new Map(sample.report.values.map((v) => [v.code, v]));
  const wb = XLSX.read(writeTemplate({ set: getCriteriaSet(SET)!, org: "Xã Sơn Hồng", period: "2023" }), {
    type: "buffer",
    cellFormula: true,
    cellNF: true,
  });
  const ws = wb.Sheets[TEMPLATE_SHEETS.criteria];
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  for (let r = 0; r <= range.e.r; r++) {
    const v = byCode.get(String(ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v));
    if (!v) continue;
    const row = r + 1;
    if (typeof v.value === "number") ws[`F${row}`] = { t: "n", v: v.value };
    else if (typeof v.value === "boolean") ws[`F${row}`] = { t: "s", v: v.value ? "Đạt" : "Chưa đạt" };
    else if (typeof v.raw === "string") ws[`F${row}`] = { t: "s", v: v.raw };
    if (v.selfAssessment) ws[`G${row}`] = { t: "s", v: v.selfAssessment === "met" ? "Đạt" : "Chưa đạt" };
    if (String(ws[`E${row}`]?.v ?? "").includes(NO_TARGET) && v.workbookTarget)
      ws[`E${row}`] = { t: "s", v: v.workbookTarget.text };
  }
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

describe("a template filled with the sample's values", () => {
  const back = validateWorkbook("mau.xlsx", readWorkbookBuffer(filledTemplate(), "mau.xlsx"), {});

  it("judges every indicator: none without a target to compare", () => {
    expect(back.validation.set?.id).toBe(SET);
    expect(back.validation.indicators).toHaveLength(sample.validation.indicators!.length);
    expect(back.findings.filter((f) => f.type === "indicator/unknown-target")).toEqual([]);
    // Unknown only where the commune itself has no value yet (as in its own workbook).
    const unknown = back.validation.indicators!.filter((i) => i.status === "unknown");
    expect(unknown.every((i) => i.value === null || i.value === undefined)).toBe(true);
  });

  it("gives each indicator the verdict the commune's own workbook gets", () => {
    const verdict = (v: typeof sample.validation) =>
      Object.fromEntries(v.indicators!.map((i) => [i.code, i.status]));
    expect(verdict(back.validation)).toEqual(verdict(sample.validation));
    expect(back.validation.summary).toEqual(sample.validation.summary);
  });
});
