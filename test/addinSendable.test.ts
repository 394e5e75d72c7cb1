/**
 * What the pane's "Gửi số liệu" sends is what `ntm push` sends for the same workbook (issue 15):
 * both read the workbook through the same domain pieces and list its reports through the one
 * domain entry workbookReports — a criteria workbook its indicator values, a work-volume workbook
 * its work-volume report (before, the pane sent it as an empty report of the default set), a
 * village checklist one report per village the org tree knows (before, the pane sent it unsplit
 * under the commune). The ribbon's "sync now" and a pull read the values of the report the workbook
 * syncs with (valuesFor), never another kind's.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { analyseWorkbook } from "../src/addin/taskpane/check/analyseWorkbook";
import { sendableReport, valuesFor } from "../src/addin/taskpane/check/sendableReport";
import { readWorkbookValues } from "../src/cli/commands/syncWords";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { villageProgressFromValues } from "../src/domain/rhythm/villageProgress";
import type { OrgUnitDto } from "../src/domain/sync/protocol";
import { workbookReports, workbookSet } from "../src/domain/sync/workbookReports";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
const files = fs.readdirSync(SAMPLES).filter((f) => /\.(xlsx|csv)$/.test(f));

/** A commune's org tree with a village of each name, as GET /api/org-units?under= gives it. */
const tree = (org: string, names: string[]): OrgUnitDto[] =>
  names.map((name, i) => ({
    code: `${org}-T${i + 1}`,
    name,
    level: "village",
    parentCode: org,
    validFrom: null,
    validTo: null,
    successorCode: null,
  }));

describe("the pane sends what ntm push sends", () => {
  it.each(files)("%s", (file) => {
    const abs = path.join(SAMPLES, file);
    const pane = sendableReport(analyseWorkbook(readWorkbookFile(abs), "vi", {}, file));
    const cli = readWorkbookValues(abs, {});
    expect(pane.set).toBe(workbookSet(cli));
    expect(pane.marksNotSent).toEqual(cli.marksNotSent);
    // The same reports, whatever the tree: without one, with the checklist's villages, with others.
    const names = villageProgressFromValues(
      cli.rhythm.find((r) => r.kind === "village-progress")?.values ?? {},
    ).map((v) => v.name);
    for (const units of [undefined, tree("C1", names), tree("C1", ["Thôn Khác"])])
      expect(workbookReports(pane.read, "C1", units)).toEqual(workbookReports(cli, "C1", units));
  });

  it("sends a village checklist as the village's own report when the tree knows the village", () => {
    const file = "thon-2-kdc-kieu-mau-2023.xlsx";
    const { read, set } = sendableReport(
      analyseWorkbook(readWorkbookFile(path.join(SAMPLES, file)), "vi", {}, file),
    );
    expect(set).toBe("village-progress");
    const sent = workbookReports(read, "C1", tree("C1", ["Thôn 1", "Thôn 2"]));
    expect(sent.reports.map((r) => [r.org, r.set, r.village])).toEqual([
      ["C1-T2", "village-progress", "Thôn 2"],
    ]);
    // Offline with no village list kept: nothing is sent unsplit, and the held villages are counted.
    expect(workbookReports(read, "C1", undefined)).toEqual({ reports: [], villagesHeld: 1 });
  });

  it("sends the Hà Linh work-volume workbook as its work-volume report, and reads nothing else for it", () => {
    const file = "xa-ha-linh-2022-11-khoi-luong.xlsx";
    const result = analyseWorkbook(readWorkbookFile(path.join(SAMPLES, file)), "vi", {}, file);
    const { reports } = workbookReports(sendableReport(result).read, "C1", undefined);
    expect(reports.map((r) => r.set)).toEqual(["work-volume"]);
    // The 15 work items the CLI lists ("Work volumes: 15 items"), each with its plan, done, cumulative, villages.
    expect(new Set(Object.keys(reports[0].values).map((k) => k.split(":")[0])).size).toBe(15);
    expect(valuesFor(result, "work-volume")).toEqual(reports[0].values);
    // The default criteria set is not a report this workbook holds: nothing to send under it.
    expect(valuesFor(result, "vn-xa-ntm-2021-2025")).toBeUndefined();
  });
});
