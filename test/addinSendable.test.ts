/**
 * What the pane's "Gửi số liệu" sends is what `ntm push` sends for the same workbook (issue 15):
 * a work-volume workbook its work-volume report — before, the pane sent it as an empty report of
 * the default criteria set — and a criteria workbook its indicator values, naming what it leaves to
 * `ntm push` (work volumes, village progress). The ribbon's "sync now" and a pull read the values of
 * the report the workbook syncs with (valuesFor), never another kind's.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { analyseWorkbook } from "../src/addin/taskpane/check/analyseWorkbook";
import { sendableReport, valuesFor } from "../src/addin/taskpane/check/sendableReport";
import { readWorkbookValues } from "../src/cli/commands/syncWords";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
const files = fs.readdirSync(SAMPLES).filter((f) => /\.(xlsx|csv)$/.test(f));

describe("the pane sends what ntm push sends", () => {
  it.each(files)("%s", (file) => {
    const abs = path.join(SAMPLES, file);
    const pane = sendableReport(analyseWorkbook(readWorkbookFile(abs), "vi", {}, file));
    const cli = readWorkbookValues(abs, {});
    const kinds = cli.rhythm.map((r) => r.kind);
    if (Object.keys(cli.values).length) {
      expect({ set: pane.set, values: pane.values, notSent: pane.notSent }).toEqual({
        set: cli.set,
        values: cli.values,
        notSent: kinds,
      });
    } else if (cli.rhythm.length) {
      expect({ set: pane.set, values: pane.values }).toEqual({
        set: cli.rhythm[0].kind,
        values: cli.rhythm[0].values,
      });
    } else expect(pane.values).toEqual({});
  });

  it("sends the Hà Linh work-volume workbook as its work-volume report, and reads nothing else for it", () => {
    const file = "xa-ha-linh-2022-11-khoi-luong.xlsx";
    const result = analyseWorkbook(readWorkbookFile(path.join(SAMPLES, file)), "vi", {}, file);
    const sent = sendableReport(result);
    expect(sent.set).toBe("work-volume");
    // The 15 work items the CLI lists ("Work volumes: 15 items"), each with its plan, done, cumulative, villages.
    expect(new Set(Object.keys(sent.values).map((k) => k.split(":")[0])).size).toBe(15);
    expect(valuesFor(result, "work-volume")).toEqual(sent.values);
    // The default criteria set is not a report this workbook holds: nothing to send under it.
    expect(valuesFor(result, "vn-xa-ntm-2021-2025")).toBeUndefined();
  });
});
