/**
 * The weekly registration and result sheets communes send (issue 15 leftovers, item 1): the reader
 * gets every row of seeded, randomly composed sheets right — the week, each item's unit, plan, done,
 * cumulative and village figures — and a registration sheet pushed before Thursday 17:00 and a
 * result sheet before Monday 10:00 (Vietnam time) count as registered and reported on time; later
 * ones as late, none as missing.
 */
import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { captureIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";
import { periodFromText } from "../src/domain/sheet/detectTitle";
import { readReport } from "../src/domain/sheet/readReport";
import { rhythmReportsOf } from "../src/domain/rhythm/rhythmReportsOf";
import { addDays, isoWeekOfDate, periodDays } from "../src/domain/rhythm/vietnamTime";
import {
  workVolumeContent,
  workVolumeFromValues,
  workVolumeToValues,
  type WorkVolumeEntry,
} from "../src/domain/rhythm/workVolumeReport";
import { mergeIndicatorValues } from "../src/domain/sync/mergeIndicatorValues";
import { readWorkbookBuffer } from "../src/io/xlsx/readWorkbook";
import {
  generateWeeklySheet,
  generateWeeklySheets,
  type VillageLayout,
  type WeeklyAnswer,
} from "../scripts/weeklySheetGenerator";
import { bearer, fixtureWithFolder, statusTable } from "./serverFixture";
import { testEngines } from "./storeEngines";
import { weeklyProblems } from "./weeklySheetScore";

const COUNT = Number(process.env.NTM_WEEKLY_SHEETS ?? 400);

describe("the reader on weekly registration and result sheets", () => {
  const sheets = generateWeeklySheets(COUNT, Number(process.env.NTM_LAYOUT_SEED ?? 1));
  const read = sheets.map((g) => ({
    g,
    result: readReport(readWorkbookBuffer(g.bytes, g.answer.file), { fileName: g.answer.file }),
  }));

  it(`reads every row of ${COUNT} generated sheets right, with the week`, () => {
    const failures = read
      .map(({ g, result }) => ({ a: g.answer, problems: weeklyProblems(g.answer, result.report) }))
      .filter((f) => f.problems.length);
    const traits = new Map<string, number>();
    for (const { a } of failures) for (const t of a.traits) traits.set(t, (traits.get(t) ?? 0) + 1);
    if (failures.length)
      console.log(
        `${failures.length}/${COUNT} sheets misread; by trait ${JSON.stringify([...traits])}\n` +
          failures
            .slice(0, 6)
            .map((f) => `${f.a.file} [${f.a.traits.join(" ")}]: ${f.problems.slice(0, 3).join("; ")}`)
            .join("\n"),
      );
    expect(failures).toEqual([]);
    // The family is composed, not one layout: every way of writing villages and the week occurs.
    const seen = new Set(sheets.flatMap((g) => g.answer.traits));
    for (const t of [
      "villages-columns",
      "villages-columns-under-figures",
      "villages-rows",
      "week-file-only",
      "header-period-over-figures",
    ])
      expect(seen).toContain(t);
  });

  it("a registration per village keeps each village's plan through the store's values", () => {
    const perVillage = read.filter(({ g }) =>
      g.answer.items.some((i) => i.villages?.some((v) => v.plan != null)),
    );
    expect(perVillage.length).toBeGreaterThan(10);
    expect(perVillage.some(({ g }) => g.answer.kind === "registration")).toBe(true);
    for (const { g, result } of perVillage) {
      const [wv] = rhythmReportsOf(result.report, undefined, result.layout.workItemCells);
      const back = workVolumeFromValues(wv.values);
      for (const want of g.answer.items) {
        const item = back.find((e) => e.name === want.name)!;
        const plans = (item.villages ?? []).map((v) => [v.name, v.plan ?? null]);
        expect({ file: g.answer.file, item: want.name, plans }).toEqual({
          file: g.answer.file,
          item: want.name,
          plans: (want.villages ?? []).map((v) => [v.name, v.plan ?? null]),
        });
      }
      // A registration's villages send no empty done figure (the results fill them later).
      if (g.answer.kind === "registration")
        expect(Object.keys(wv.values).some((k) => /:v:[0-9a-f]{6}$/.test(k))).toBe(false);
    }
  });

  it("a registration sends plans only, results send done figures", () => {
    for (const { g, result } of read.slice(0, 80)) {
      const [wv] = rhythmReportsOf(result.report, undefined, result.layout.workItemCells);
      expect(wv.kind).toBe("work-volume");
      expect(wv.count).toBe(g.answer.items.length);
      expect(workVolumeContent(wv.values)).toEqual({
        plan: g.answer.kind === "registration" || g.answer.items.some((i) => i.plan !== null),
        done: g.answer.kind === "results",
      });
    }
  });
});

describe("the week a title states", () => {
  const dm = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}`;
  const dmy = (iso: string) => `${dm(iso)}/${iso.slice(0, 4)}`;
  const anyWeek = fc
    .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 11, 31) })
    .map((ms) => isoWeekOfDate(new Date(ms).toISOString().slice(0, 10)));

  it("Thursday-to-Wednesday and Monday-to-Sunday ranges, across new year and in 53-week years", () => {
    fc.assert(
      fc.property(anyWeek, (week) => {
        const monday = periodDays(week).start;
        const n = Number(week.slice(6));
        expect(
          periodFromText(`Tuần ${n} (từ ${dm(addDays(monday, -4))} đến ${dmy(addDays(monday, 2))})`),
        ).toBe(week);
        expect(periodFromText(`Tuần ${n} (${dmy(monday)} - ${dmy(addDays(monday, 6))})`)).toBe(week);
        expect(
          periodFromText(`khối lượng tuần từ ngày ${dmy(monday)} đến ngày ${dmy(addDays(monday, 6))}`),
        ).toBe(week);
      }),
    );
    expect(periodFromText("Tuần 14 (từ 30/3 đến 05/4/2023)")).toBe("2023-W14");
    expect(periodFromText("Tuần 52 (26/12/2022 - 01/01/2023)")).toBe("2022-W52");
  });
});

describe("results pushed after the registration, from another file", () => {
  const hedge = (over: Partial<WorkVolumeEntry>): WorkVolumeEntry => ({
    key: "hang-rao-xanh",
    name: "Trồng hàng rào xanh",
    unit: "m",
    plan: 500,
    done: null,
    cumulative: null,
    sheet: "Tuần",
    ...over,
  });
  const registration = workVolumeToValues([hedge({ group: "II. MÔI TRƯỜNG", cells: { plan: "D9" } })]);

  it("fill the done figures and restate the plan elsewhere without a conflict", () => {
    const results = workVolumeToValues([hedge({ done: 420, cells: { plan: "D12", done: "E12" } })]);
    const { merged, conflicts } = mergeIndicatorValues({}, results, registration);
    expect(conflicts).toEqual([]);
    expect(workVolumeFromValues(merged)[0]).toMatchObject({ plan: 500, done: 420 });
  });

  it("leave the registered plan standing when they have no plan column", () => {
    const results = workVolumeToValues([hedge({ plan: null, done: 420, cells: { done: "E12" } })]);
    const { merged, conflicts } = mergeIndicatorValues({}, results, registration);
    expect(conflicts).toEqual([]);
    expect(workVolumeFromValues(merged)[0]).toMatchObject({ plan: 500, done: 420 });
  });

  it("keep the registration's group when they restate the plan without it; a differing assessment still conflicts", () => {
    const results = workVolumeToValues([hedge({ done: 420, cells: { plan: "D12", done: "E12" } })]);
    const { merged } = mergeIndicatorValues({}, results, registration);
    expect(workVolumeFromValues(merged)[0].group).toBe("II. MÔI TRƯỜNG");
    const v = { value: 80, unit: "%", sheet: "Tiêu chí", cell: "E40" };
    const assessed = mergeIndicatorValues(
      {},
      { "17.5": { ...v, selfAssessment: "met" } },
      { "17.5": { ...v, cell: "F41", selfAssessment: "unmet" } },
    );
    expect(assessed.conflicts.map((c) => c.code)).toEqual(["17.5"]);
  });

  it("state another plan: a conflict showing both", () => {
    const results = workVolumeToValues([hedge({ plan: 450, done: 420 })]);
    const { conflicts } = mergeIndicatorValues({}, results, registration);
    expect(conflicts.map((c) => [c.code, c.mine?.value, c.theirs?.value])).toEqual([
      ["hang-rao-xanh:p", 450, 500],
    ]);
  });
});

describe("ntm consolidate over a folder holding both sheets of a week", () => {
  it("takes the plans from the registration and the rest from the results, each commune once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-week-folder-"));
    const sheets = [
      ["18133", "Phố Châu"],
      ["18139", "Sơn Hồng"],
    ].map(([code, commune], i) => {
      const reg = generateWeeklySheet(900 + i, {
        kind: "registration",
        period: "2023-W14",
        commune,
        villageLayout: "none",
        noDiacritics: false,
      });
      // Results kept per village: no plan column of the commune's own.
      const res = generateWeeklySheet(950 + i, { registered: reg.answer, villageLayout: "columns" });
      const regFile = path.join(dir, `${code}-dang-ky${path.extname(reg.answer.file)}`);
      const resFile = path.join(dir, `${code}-ket-qua${path.extname(res.answer.file)}`);
      fs.writeFileSync(resFile, res.bytes);
      fs.writeFileSync(regFile, reg.bytes);
      // The registration copied in last: newer on disk than the results, yet not "the newer copy".
      fs.utimesSync(regFile, new Date("2023-04-12T00:00:00Z"), new Date("2023-04-12T00:00:00Z"));
      fs.utimesSync(resFile, new Date("2023-04-10T00:00:00Z"), new Date("2023-04-10T00:00:00Z"));
      return { reg: reg.answer, res: res.answer };
    });
    const io = captureIo();
    const exit = await main(
      [
        "node",
        "ntm",
        "consolidate",
        dir,
        "--kind",
        "work-volume",
        "--period",
        WEEK,
        "--json",
        "--workers",
        "0",
      ],
      io,
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(exit).toBe(1); // the district's other communes sent nothing
    const { week } = JSON.parse(io.stdout);
    expect(week.counts.reported).toBe(2);
    const sum = (f: "plan" | "done", name: string, from: "reg" | "res") =>
      sheets.reduce((s, x) => s + (x[from].items.find((i) => i.name === name)?.[f] ?? 0), 0);
    for (const line of week.totals) {
      expect([line.name, line.plan]).toEqual([line.name, expect.closeTo(sum("plan", line.name, "reg"), 6)]);
      expect([line.name, line.done]).toEqual([line.name, expect.closeTo(sum("done", line.name, "res"), 6)]);
    }
  });
});

const WEEK = "2023-W14";

interface CommuneWeek {
  org: string;
  commune: string;
  /** UTC instants of the pushes; Vietnam is UTC+7. */
  reg?: string;
  res?: string;
  regLayout: VillageLayout;
  resLayout: VillageLayout;
}

const COMMUNES: CommuneWeek[] = [
  // Registered Thu 16:30, reported Mon 09:30: both on time.
  {
    org: "18133",
    commune: "Phố Châu",
    reg: "2023-03-30T09:30:00Z",
    res: "2023-04-10T02:30:00Z",
    regLayout: "none",
    resLayout: "none",
  },
  // Registered Thu 17:20 and reported Mon 10:05: both late, per village.
  {
    org: "18136",
    commune: "Sơn Hàm",
    reg: "2023-03-30T10:20:00Z",
    res: "2023-04-10T03:05:00Z",
    regLayout: "columns",
    resLayout: "rows",
  },
  // Registered on Wednesday; reported Sunday 23:30, which is Sunday 16:30 in UTC: both on time.
  {
    org: "18139",
    commune: "Sơn Hồng",
    reg: "2023-03-29T03:00:00Z",
    res: "2023-04-09T16:30:00Z",
    regLayout: "columns-under-figures",
    resLayout: "columns",
  },
  // Registered on time, never reported.
  { org: "18142", commune: "Sơn Tiến", reg: "2023-03-30T01:00:00Z", regLayout: "rows", resLayout: "none" },
];

describe.each(testEngines.map((e) => [e.name, e] as const))(
  "a registration and a result sheet pushed with ntm push on %s",
  (_n, engine) => {
    let now = new Date("2023-03-20T00:00:00Z");
    const fx = fixtureWithFolder("ntm-weekly-", engine, { clock: () => now });
    const answers = new Map<string, { reg?: WeeklyAnswer; res?: WeeklyAnswer }>();

    beforeAll(async () => {
      const pushes: { at: string; org: string; file: string }[] = [];
      COMMUNES.forEach((c, i) => {
        const reg = generateWeeklySheet(1400 + i, {
          kind: "registration",
          period: WEEK,
          commune: c.commune,
          villageLayout: c.regLayout,
          noDiacritics: false,
        });
        const res = generateWeeklySheet(1500 + i, {
          registered: reg.answer,
          villageLayout: c.resLayout,
          noDiacritics: false,
        });
        answers.set(c.org, { reg: reg.answer, ...(c.res ? { res: res.answer } : {}) });
        for (const [at, g] of [
          [c.reg, reg],
          [c.res, res],
        ] as const) {
          if (!at) continue;
          const file = path.join(fx.dir, `${c.org}-${g.answer.file}`);
          fs.writeFileSync(file, g.bytes);
          pushes.push({ at, org: c.org, file });
        }
      });
      for (const p of pushes.sort((a, b) => a.at.localeCompare(b.at))) {
        now = new Date(p.at);
        const io = captureIo();
        const args = ["push", p.file, "--server", fx.base, "--token", fx.tokens.admin, "--org", p.org];
        const exit = await main(["node", "ntm", ...args], io);
        expect([path.basename(p.file), exit, io.stderr]).toEqual([path.basename(p.file), 0, ""]);
        expect(io.stdout).toContain(`${p.org}/work-volume/${WEEK}`);
      }
      now = new Date("2023-04-20T00:00:00Z");
    });

    it("completeness says who registered and reported on time, late, or not at all", async () => {
      const res = await fx.call({
        url: `/api/completeness?under=439&kind=work-volume&period=${WEEK}`,
        headers: bearer(fx.tokens.office),
      });
      expect(res.statusCode).toBe(200);
      const [registration, results] = res.json().deadlines;
      expect([registration.id, registration.dueLocal]).toEqual(["registration", "2023-03-30 17:00"]);
      expect([results.id, results.dueLocal]).toEqual(["results", "2023-04-10 10:00"]);
      // Each commune: [registration, results].
      expect(
        statusTable(
          [registration, results],
          COMMUNES.map((c) => c.org),
        ),
      ).toEqual({
        "18133": ["on-time", "on-time"],
        "18136": ["late", "late"],
        "18139": ["on-time", "on-time"],
        "18142": ["on-time", "missing"],
      });
      const sonHong = results.units.find((u: { code: string }) => u.code === "18139");
      expect(sonHong.submittedLocal).toBe("2023-04-09 23:30");
    });

    it("the store holds the registered plans and the reported figures, village by village", async () => {
      for (const c of COMMUNES) {
        const { reg, res } = answers.get(c.org)!;
        const head = await fx.call({
          url: `/api/reports/${c.org}/work-volume/${WEEK}`,
          headers: bearer(fx.tokens.office),
        });
        const items = workVolumeFromValues(head.json().head.values);
        for (const want of reg!.items) {
          const got = items.find((e) => e.name === want.name)!;
          expect([c.org, want.name, got?.plan]).toEqual([c.org, want.name, want.plan]);
          const done = res?.items.find((i) => i.name === want.name);
          expect(got.done).toEqual(done ? done.done : null);
          // The store keeps values by code: villages come back in code order, not sheet order.
          const byName = (xs: { name: string; done: number | null }[] = []) =>
            xs.map((v) => [v.name, v.done]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
          if (done?.villages) expect(byName(got.villages)).toEqual(byName(done.villages));
        }
      }
    });
  },
);
