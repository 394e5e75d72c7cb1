/**
 * checkWorkbook as the hosts use it: the rows a clerk mapped by hand in the pane (saved in the
 * workbook as "ntm.mappings") count for `ntm validate` and consolidation too, so a reviewer sees
 * what the clerk saw; the head line of a file where nothing was recognised is "not read", not 0/19.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { analyseWorkbook } from "../src/addin/taskpane/check/analyseWorkbook";
import { checkWorkbook } from "../src/domain/check/checkWorkbook";
import { headlineText } from "../src/domain/check/checkHeadline";
import { validateWorkbook } from "../src/domain/check/validateWorkbook";
import { readWorkbookBuffer, readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { generateLayouts } from "../scripts/layoutGenerator";

const FILE = path.join(__dirname, "fixtures", "samples", "xa-son-hong-2023-tu-danh-gia.xlsx");
const expected = JSON.parse(fs.readFileSync(FILE.replace(/\.xlsx$/, ".expected.json"), "utf8"));
const row176 = Number(
  /\d+/.exec(expected.indicators.find((i: { code: string }) => i.code === "17.6").cell)![0],
);

describe("rows mapped by hand in the pane", () => {
  const grids = readWorkbookFile(FILE);
  const saved = {
    ...grids,
    properties: {
      ...(grids.properties ?? {}),
      "ntm.mappings": JSON.stringify({ [`Biểu 01!${row176}`]: "17.7" }),
    },
  };

  it("count for ntm validate as they do in the pane", () => {
    const cli = validateWorkbook("x.xlsx", saved).validation;
    expect(cli.indicators!.find((i) => i.code === "17.7")?.cell).toBe(`E${row176}`);
    const pane = analyseWorkbook(saved, "vi", {}, "x.xlsx");
    expect({ ...pane.validation, file: "x.xlsx" }).toEqual(cli);
  });

  it("a mapping given by the pane replaces the saved ones; an unreadable saved value is none", () => {
    const broken = { ...grids, properties: { ...(grids.properties ?? {}), "ntm.mappings": "{not json" } };
    expect(checkWorkbook(broken).validation).toEqual(checkWorkbook(grids).validation);
    const given = checkWorkbook(saved, { manualMappings: { [`Biểu 01!${row176}`]: "17.6" } });
    expect(given.report.values.find((v) => v.code === "17.6")?.cell).toBe(`E${row176}`);
  });

  it("never changes the person's grids", () => {
    const before = JSON.stringify(saved);
    checkWorkbook(saved);
    expect(JSON.stringify(saved)).toBe(before);
  });
});

describe("the head line", () => {
  it("says a file with no table was not read instead of 0 criteria met", () => {
    const c = checkWorkbook({
      sheets: [
        { sheet: "Sheet1", rowCount: 1, colCount: 1, cells: [[{ v: "Danh sách cán bộ" }]], merges: [] },
      ],
    });
    expect(c.validation.ok).toBe(false);
    expect(c.headline).toEqual({ kind: "unread", code: "no-table" });
    expect(headlineText(c.headline)).toMatch(/^Không đọc được tệp \/ file not read/);
    expect(c.flags).toEqual([]);
  });

  it("gives criteria met for an indicator report, with one flag per located finding", () => {
    const c = checkWorkbook(readWorkbookFile(FILE));
    expect(headlineText(c.headline)).toBe(
      `Tiêu chí đạt / criteria met: ${expected.summary.criteriaMet}/${expected.summary.criteriaTotal}`,
    );
    expect(c.flags).toHaveLength(c.findings.filter((f) => f.sheet && f.cell).length);
    expect(c.flags.find((f) => f.cell === "F19")).toMatchObject({ indicator: "2.3", criterion: "2" });
  });

  it("counts the villages meeting every criterion for a matrix of villages, not the commune's 0/10", () => {
    const file = path.join(__dirname, "fixtures/layouts/03-thon-theo-cot.xlsx");
    const c = checkWorkbook(readWorkbookFile(file), { file });
    const units = c.validation.units ?? [];
    expect(units.length).toBeGreaterThan(1);
    const complete = units.filter((u) => u.criteriaMet === u.criteriaTotal).length;
    expect(c.headline).toEqual({ kind: "villages", complete, count: units.length });
    expect(headlineText(c.headline)).toBe(
      `Thôn đạt đủ tiêu chí / villages meeting every criterion: ${complete}/${units.length}`,
    );
  });
});

describe("periods side by side", () => {
  // Generated tables with "Năm 2022 | Năm 2023" (or two quarters): the earlier period's entries are
  // listed too, each with its period and judged on its own, not dropped or given this period's verdict.
  const twoPeriods = generateLayouts(200, 1).filter((g) => (g.answer.periods?.length ?? 0) > 1);

  it("lists every entry of the earlier period with its period and its own cell", () => {
    expect(twoPeriods.length).toBeGreaterThan(5);
    for (const g of twoPeriods) {
      const c = checkWorkbook(readWorkbookBuffer(g.bytes, g.answer.file), { file: g.answer.file });
      const earlier = g.answer.indicators.filter(
        (e) => e.period && e.period !== g.answer.period && !e.village,
      );
      const listed = (c.validation.indicators ?? []).filter((i) => i.period !== undefined);
      expect([g.answer.file, listed.map((i) => [i.code, i.cell, i.period])]).toEqual([
        g.answer.file,
        earlier.map((e) => [e.code, e.cell, e.period]),
      ]);
    }
  });
});
