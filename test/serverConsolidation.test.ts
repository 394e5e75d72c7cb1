/**
 * /api/consolidation counts as `ntm consolidate` does: the samples' values pushed to the store give
 * the same criteria met/total and per-criterion status as consolidate() over validateWorkbook of the
 * same files; the workbook served is the summary workbook the CLI writes; /api/reports lists what a
 * reviewer has to look at, within scope only.
 */
import * as path from "node:path";
import * as XLSX from "xlsx";
import { consolidate } from "../src/domain/consolidate/consolidate";
import { validateWorkbook } from "../src/domain/check/validateWorkbook";
import type { IndicatorValues } from "../src/domain/sync/protocol";
import { readWorkbookFile } from "../src/io/xlsx/readWorkbook";
import { SUMMARY_SHEETS } from "../src/io/xlsx/writeSummaryWorkbook";
import { type Fixture, bearer, newOpId, openFixture, OUT_COMMUNE, OUT_COMMUNE_NAME } from "./serverFixture";
import { testEngines } from "./storeEngines";

const SAMPLES = path.join(__dirname, "fixtures", "samples");
/**
 * The commune workbooks of the samples whose values carry their assessment, with the unit each is
 * pushed to (as `ntm push --org` does): Sơn Hồng under its GSO code; Đình Bàn (no province stated)
 * for Thị trấn Phố Châu of Hương Sơn. (The Kim Song Trường summary holds criterion-level "x" marks
 * and no indicator values: a push carries indicator values only, so the store cannot count it.)
 */
const COMMUNE_SAMPLES: [string, string][] = [
  ["xa-son-hong-2023-tu-danh-gia.xlsx", "18139"],
  ["xa-dinh-ban-2021-khong-dau.xlsx", "18133"],
];

function validated([file, org]: [string, string]) {
  const { validation, report } = validateWorkbook(file, readWorkbookFile(path.join(SAMPLES, file)));
  const values: IndicatorValues = {};
  for (const { code, ...rest } of report.values) values[code] = rest;
  return { file, validation, values, org, set: report.setId, period: report.period! };
}

describe.each(testEngines.map((e) => [e.name, e] as const))(
  "consolidation served by the store on %s",
  (_name, engine) => {
    let fx: Fixture;
    const samples = COMMUNE_SAMPLES.map(validated);
    beforeAll(async () => {
      fx = await openFixture(engine);
      for (const s of samples) {
        const url = `/api/reports/${s.org}/${s.set}/${s.period}/revisions`;
        const r = await fx.call({
          method: "POST",
          url,
          headers: bearer(fx.tokens.provinceAdmin),
          payload: { opId: newOpId(), baseRevision: 0, values: s.values },
        });
        expect(r.statusCode).toBe(201);
      }
      // A report outside the Hương Sơn users' scope (Hà Linh, Hương Khê), which must never show to them.
      const out = await fx.call({
        method: "POST",
        url: `/api/reports/${OUT_COMMUNE}/${samples[0].set}/2023/revisions`,
        headers: bearer(fx.tokens.provinceAdmin),
        payload: { opId: newOpId(), baseRevision: 0, values: samples[0].values },
      });
      expect(out.statusCode).toBe(201);
    });
    afterAll(async () => fx.cleanup());

    it.each(COMMUNE_SAMPLES.map(([f], i) => [f, i] as const))(
      "%s: the API's criteria met and statuses equal ntm consolidate's",
      async (_f, i) => {
        const s = samples[i];
        const cli = consolidate([{ path: s.validation.file, mtimeMs: 0, validation: s.validation }], {
          setId: s.set,
          period: s.period,
        });
        const expected = cli.matrices[0].communes[0];
        const res = await fx.call({
          url: `/api/consolidation?set=${s.set}&period=${s.period}&under=439`,
          headers: bearer(fx.tokens.office),
        });
        expect(res.statusCode).toBe(200);
        const row = res.json().communes.find((r: { org: string }) => r.org === s.org);
        expect(row).toMatchObject({
          criteriaMet: expected.criteriaMet,
          criteriaTotal: expected.criteriaTotal,
          revision: 1,
          reviewState: "submitted",
        });
        expect(row.criteria).toEqual(expected.criteria);
        const served = res.json();
        expect(served.perCriterion).toEqual(cli.matrices[0].perCriterion);
        expect(served.totals).toMatchObject({ reported: 1, criteriaMet: expected.criteriaMet });
      },
    );

    it("lists a village's checklist pushed to the village among the villages, with its review state", async () => {
      const file = "thon-2-kdc-kieu-mau-2023.xlsx";
      const { report } = validateWorkbook(file, readWorkbookFile(path.join(SAMPLES, file)));
      // As `ntm push` does: the rows the set lacks (items 11 and 12 of this provincial list) stay home.
      const known = new Set(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
      const values: IndicatorValues = {};
      for (const { code, ...rest } of report.units![0].values) if (known.has(code)) values[code] = rest;
      const push = await fx.call({
        method: "POST",
        url: `/api/reports/18628-T02/${report.setId}/2023/revisions`,
        headers: bearer(fx.tokens.provinceAdmin),
        payload: { opId: newOpId(), baseRevision: 0, values },
      });
      expect(push.statusCode).toBe(201);
      const stored = push.json().revision.evaluation;
      const res = await fx.call({
        url: `/api/consolidation?set=${report.setId}&period=2023&under=18628`,
        headers: bearer(fx.tokens.provinceAdmin),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().villages).toEqual([
        expect.objectContaining({
          org: "18628-T02",
          name: "Thôn 2",
          level: "village",
          revision: 1,
          reviewState: "submitted",
          criteriaMet: stored.criteriaMet,
          criteriaTotal: 10,
        }),
      ]);
      expect(res.json().villages[0].progress).toBeCloseTo(stored.criteriaMet / 10, 4);
    });

    it("serves the summary workbook of ntm consolidate, with the review state in the source column", async () => {
      const s = samples[0];
      const res = await fx.call({
        url: `/api/consolidation?set=${s.set}&period=${s.period}&under=439&format=xlsx`,
        headers: bearer(fx.tokens.office),
      });
      expect(res.statusCode).toBe(200);
      const wb = XLSX.read(res.rawPayload, { type: "buffer" });
      // Issue 15: the store's workbook adds Tiến độ nộp (who sent it, on time or late) after Khối lượng.
      const names = Object.values(SUMMARY_SHEETS) as string[];
      expect(wb.SheetNames).toEqual([...names.slice(0, 4), "Tiến độ nộp", ...names.slice(4)]);
      const progress = XLSX.utils.sheet_to_csv(wb.Sheets["Tiến độ nộp"]);
      expect(progress).toContain("Xã Sơn Hồng,Huyện Hương Sơn,Trễ hạn");
      const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[SUMMARY_SHEETS.matrix], { header: 1 });
      const sonHong = rows.find((r) => r[1] === s.org)!;
      expect(sonHong).toBeDefined();
      expect(sonHong.at(-1)).toMatch(/bản 1, Đã gửi$/);
      expect(JSON.stringify(rows)).not.toContain(OUT_COMMUNE_NAME);
    });

    it("lists the reports within scope, filtered by set, period and review state", async () => {
      const s = samples[0];
      const list = await fx.call({
        url: `/api/reports?under=439&set=${s.set}&period=${s.period}&state=submitted`,
        headers: bearer(fx.tokens.reviewer),
      });
      expect(list.statusCode).toBe(200);
      const body = list.json();
      expect(body.under).toBe("439");
      expect(body.reports).toEqual([
        expect.objectContaining({
          org: s.org,
          orgName: "Xã Sơn Hồng",
          level: "commune",
          set: s.set,
          period: s.period,
          revision: 1,
          reviewState: "submitted",
          locked: false,
          criteriaMet: s.validation.summary!.criteriaMet,
          criteriaTotal: s.validation.summary!.criteriaTotal,
        }),
      ]);
      expect(Date.parse(body.reports[0].updatedAt)).not.toBeNaN();
      // Without `under`: the reviewer's whole scope, and nothing of Hà Linh outside it.
      const mine = await fx.call({ url: "/api/reports", headers: bearer(fx.tokens.reviewer) });
      expect(mine.json().reports.map((r: { org: string; period: string }) => `${r.org} ${r.period}`)).toEqual(
        ["18133 2021", "18139 2023"],
      );
      expect(mine.body).not.toContain(OUT_COMMUNE_NAME);
      expect(
        (await fx.call({ url: `/api/reports?under=${OUT_COMMUNE}`, headers: bearer(fx.tokens.reviewer) }))
          .statusCode,
      ).toBe(403);
      const province = (
        await fx.call({
          url: `/api/reports?period=2023&set=${s.set}`,
          headers: bearer(fx.tokens.provinceAdmin),
        })
      ).json();
      expect(province.reports.map((r: { org: string }) => r.org)).toEqual(["18139", OUT_COMMUNE]);
      const approved = (
        await fx.call({ url: `/api/reports?state=approved`, headers: bearer(fx.tokens.reviewer) })
      ).json();
      expect(approved.reports).toEqual([]);
      const bad = await fx.call({ url: `/api/reports?state=lost`, headers: bearer(fx.tokens.reviewer) });
      expect(bad.statusCode).toBe(400);
    });

    it("pages the list: pages in order add up to the whole list, and a page too large is refused", async () => {
      const whole = (await fx.call({ url: "/api/reports", headers: bearer(fx.tokens.provinceAdmin) })).json();
      expect(whole.total).toBe(whole.reports.length);
      expect(whole.total).toBeGreaterThanOrEqual(3);
      const pages: { org: string; set: string; period: string }[] = [];
      for (let offset = 0; offset < whole.total; offset += 2) {
        const page = (
          await fx.call({
            url: `/api/reports?limit=2&offset=${offset}`,
            headers: bearer(fx.tokens.provinceAdmin),
          })
        ).json();
        expect(page).toMatchObject({ total: whole.total, offset });
        expect(page.reports.length).toBe(Math.min(2, whole.total - offset));
        pages.push(...page.reports);
      }
      expect(pages).toEqual(whole.reports);
      const past = (
        await fx.call({ url: `/api/reports?offset=${whole.total}`, headers: bearer(fx.tokens.provinceAdmin) })
      ).json();
      expect(past).toMatchObject({ total: whole.total, reports: [] });
      for (const q of ["limit=0", "limit=5000", "offset=-1", "limit=abc"]) {
        const res = await fx.call({ url: `/api/reports?${q}`, headers: bearer(fx.tokens.provinceAdmin) });
        expect({ q, status: res.statusCode }).toEqual({ q, status: 400 });
        expect(res.json().message).toMatch(/limit|offset/);
      }
    });
  },
);
