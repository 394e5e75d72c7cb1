/**
 * Village progress one report per village (issue 15 leftovers, item 3): a commune's model-area
 * checklist pushed with `ntm push` becomes a village-progress report for each village the org tree
 * lists (its own history, review and deadline), the commune keeping the villages the tree does not
 * know; GET /api/village-progress rolls them up ("3/4 thôn đạt ≥ 80 %"), and completeness counts
 * the commune as having reported through its villages.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { splitVillageReports, communeVillages } from "../src/domain/rhythm/villageReports";
import { villageProgressToValues } from "../src/domain/rhythm/villageProgress";
import { runCli } from "./cliRunner";
import { bearer, fixtureWithFolder } from "./serverFixture";
import { testEngines } from "./storeEngines";
import { SON_HONG_VILLAGES, villageChecklist } from "./villageChecklist";

const VILLAGES = SON_HONG_VILLAGES;
const checklist = () => villageChecklist();

describe("splitting a commune's village progress", () => {
  const values = villageProgressToValues(
    VILLAGES.map(([name, met]) => ({ name, met, total: 10, share: met / 10, goal: 80, targetYear: 2023 })),
  );
  const tree = [1, 2, 3].map((i) => ({ code: `18139-T0${i}`, name: `Thôn ${i}` }));

  it("gives each village the tree knows its own report, keeps the others in the commune's, loses none", () => {
    const split = splitVillageReports(values, tree);
    expect(split.villages.map((v) => v.org)).toEqual(["18139-T01", "18139-T02", "18139-T03"]);
    const r = communeVillages(
      split.commune,
      split.villages,
      tree.map((t) => t.name),
    );
    expect(r.villages.map((v) => [v.name, v.met, v.org ?? null])).toEqual([
      ["Thôn 1", 10, "18139-T01"],
      ["Thôn 2", 8, "18139-T02"],
      ["Thôn 3", 3, "18139-T03"],
      ["Xóm Mới", 9, null],
    ]);
    expect(r.rollup).toMatchObject({ atGoal: 3, of: 4, notReported: [] });
    // A village written without diacritics is the same village.
    expect(
      splitVillageReports(
        villageProgressToValues([
          { name: "thon 2", met: 1, total: 10, share: 0.1, goal: null, targetYear: null },
        ]),
        tree,
      ).villages[0].org,
    ).toBe("18139-T02");
  });

  it("a village of the tree that reported nothing counts as not there yet", () => {
    const split = splitVillageReports(values, tree);
    const r = communeVillages(
      undefined,
      split.villages.slice(0, 2),
      tree.map((t) => t.name),
    );
    expect(r.rollup).toMatchObject({ atGoal: 2, of: 3, reported: 2, notReported: ["Thôn 3"] });
    expect(r.rollup.text.vi).toBe("2/3 thôn đạt ≥ 80 % tiêu chí KDC kiểu mẫu");
  });
});

describe.each(testEngines.map((e) => [e.name, e] as const))(
  "village reports through ntm push on %s",
  (_n, engine) => {
    let now = new Date("2023-12-20T03:00:00Z");
    const fx = fixtureWithFolder("ntm-villages-", engine, { clock: () => now });
    const cacheBefore = process.env.NTM_CACHE_DIR;
    beforeAll(() => {
      process.env.NTM_CACHE_DIR = path.join(fx.dir, "cache"); // the village list ntm push keeps
    });
    afterAll(() => {
      if (cacheBefore === undefined) delete process.env.NTM_CACHE_DIR;
      else process.env.NTM_CACHE_DIR = cacheBefore;
    });

    const pushChecklist = (file: string) =>
      runCli(["push", file, "--server", fx.base, "--token", fx.tokens.clerk, "--org", "18139"]);

    it("each listed village gets its own report; the roll-up and completeness read them", async () => {
      const file = path.join(fx.dir, "son-hong-kdc-2023.xlsx");
      fs.writeFileSync(file, checklist());
      const push = await pushChecklist(file);
      expect([push.code, push.err]).toEqual([0, ""]);
      for (const key of [
        "18139/village-progress/2023",
        "18139-T01/village-progress/2023",
        "18139-T03/village-progress/2023",
      ])
        expect(push.out).toContain(key);

      const own = await fx.call({
        url: "/api/reports/18139-T02/village-progress/2023",
        headers: bearer(fx.tokens.office),
      });
      expect(own.statusCode).toBe(200);
      expect(own.json().head.evaluation).toMatchObject({ criteriaMet: 1, criteriaTotal: 1 });
      expect(Object.values(own.json().head.values).map((v) => (v as { label: string }).label)).toEqual(
        expect.arrayContaining(["Thôn 2"]),
      );
      expect(
        new Set(Object.values(own.json().head.values).map((v) => (v as { label: string }).label)),
      ).toEqual(new Set(["Thôn 2"]));

      const progress = await fx.call({
        url: "/api/village-progress?under=439&period=2023",
        headers: bearer(fx.tokens.office),
      });
      expect(progress.statusCode).toBe(200);
      const sonHong = progress.json().communes.find((c: { code: string }) => c.code === "18139");
      expect(sonHong.villages.map((v: { name: string; org?: string }) => [v.name, v.org ?? null])).toEqual([
        ["Thôn 1", "18139-T01"],
        ["Thôn 2", "18139-T02"],
        ["Thôn 3", "18139-T03"],
        ["Xóm Mới", null],
      ]);
      expect(sonHong.rollup.text.vi).toBe("3/4 thôn đạt ≥ 80 % tiêu chí KDC kiểu mẫu");

      // The year's report is due on a placeholder day in January: Sơn Hồng sent it, the others not yet.
      const c = await fx.call({
        url: "/api/completeness?under=439&kind=village-progress&period=2023",
        headers: bearer(fx.tokens.office),
      });
      const [deadline] = c.json().deadlines;
      expect(deadline.unverified).toBe(true);
      const statuses = Object.fromEntries(
        deadline.units.map((u: { code: string; status: string }) => [u.code, u.status]),
      );
      expect(statuses["18139"]).toBe("on-time");
      expect(Object.values(statuses).filter((s) => s === "on-time")).toHaveLength(1);
      expect(deadline.units.map((u: { code: string }) => u.code)).not.toContain("18139-T01");

      // The same workbook again: nothing new anywhere.
      now = new Date("2023-12-21T03:00:00Z");
      const again = await pushChecklist(file);
      expect(again.code).toBe(0);
      expect(again.out).not.toMatch(/Đã gửi: phiên bản 2/);
    });

    it("offline, the village list kept from the last push still splits the progress, each report queued", async () => {
      await fx.app.close(); // the server stops answering
      const file = path.join(fx.dir, "son-hong-kdc-2023-ban-2.xlsx");
      fs.writeFileSync(file, checklist());
      const push = await pushChecklist(file);
      expect(push.code).toBe(1);
      expect(push.err).toMatch(/chia tiến độ theo danh sách thôn đã lưu lúc/);
      expect(push.err).not.toMatch(/Chưa gửi tiến độ thôn/);
      for (const village of ["18139-T01", "18139-T02", "18139-T03"]) {
        const sidecar = JSON.parse(
          fs.readFileSync(`${file}.village-progress.${village}.ntm-sync.json`, "utf8"),
        );
        expect([village, sidecar.outbox.entries.length]).toEqual([village, 1]);
      }
    });
  },
);
