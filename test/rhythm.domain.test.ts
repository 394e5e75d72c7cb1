/**
 * The weekly rhythm's domain: the work-item catalogue, the work-volume report as stored values,
 * completeness against the calendar, plausibility findings, the district's week and village
 * progress — each as an office or a reviewer would notice it.
 */
import fc from "fast-check";
import { completeness, type SubmittedRevision } from "../src/domain/rhythm/completeness";
import { consolidateWorkVolumes } from "../src/domain/rhythm/consolidateWorkVolumes";
import { plausibilityFindings } from "../src/domain/rhythm/plausibilityFindings";
import { HA_TINH_CALENDAR } from "../src/domain/rhythm/reportingCalendar";
import { formatFinding } from "../src/domain/i18n/formatFinding";
import {
  rollUpVillages,
  villageProgressFromValues,
  villageProgressToValues,
} from "../src/domain/rhythm/villageProgress";
import { SHIPPED_WORK_ITEMS, matchWorkItem } from "../src/domain/rhythm/workItemCatalogue";
import {
  workVolumeContent,
  workVolumeEntries,
  workVolumeFromValues,
  workVolumeToValues,
  type WorkVolumeEntry,
} from "../src/domain/rhythm/workVolumeReport";
import { communeWeek, haLinhCells, haLinhItems, seeded } from "./rhythmSamples";

const cat = SHIPPED_WORK_ITEMS;

describe("work-item catalogue", () => {
  it("knows every item of the Hà Linh report, each as a different entry", () => {
    const codes = haLinhItems().map((w) => matchWorkItem(cat, w.name, w.unit)?.code);
    expect(codes.every(Boolean)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("matches the same item written by other communes, keeps an unknown one under its own name", () => {
    expect(matchWorkItem(cat, "trong hang rao xanh", "m")?.code).toBe("hang-rao-xanh");
    expect(matchWorkItem(cat, "Hàng rào xanh (trồng mới)", "km")?.code).toBe("hang-rao-xanh");
    expect(matchWorkItem(cat, "Bê tông hóa đường GTNT", "km")?.code).toBe("duong-gtnt");
    // A hedge counted in trees is not metres of hedge.
    expect(matchWorkItem(cat, "Trồng hàng rào xanh", "cây")).toBeUndefined();
    expect(matchWorkItem(cat, "Nạo vét kênh mương nội đồng", "m")).toBeUndefined();
    const [e] = workVolumeEntries(cat, [{ name: "Nạo vét kênh mương nội đồng", unit: "m", done: 120 }]);
    expect(e).toMatchObject({ name: "Nạo vét kênh mương nội đồng", done: 120 });
    expect(e.key).toMatch(/^x-[0-9a-f]{8}$/);
  });
});

describe("work-volume report as stored values", () => {
  it("the sample goes to the store and back with every figure, unit, village and cell", () => {
    const entries = workVolumeEntries(cat, haLinhItems(), haLinhCells());
    const back = workVolumeFromValues(workVolumeToValues(entries));
    expect(back).toEqual(entries);
    const hedge = back.find((e) => e.key === "hang-rao-xanh")!;
    expect(hedge).toMatchObject({ unit: "m", plan: 30000, done: 5615, cumulative: 16850 });
    expect(hedge.villages?.map((v) => v.name)).toEqual(["Thôn 1", "Thôn 2", "Thôn 3"]);
    for (const code of Object.keys(workVolumeToValues(entries))) expect(code.length).toBeLessThanOrEqual(32);
  });

  it("round-trips any report (seeded names, figures, villages)", () => {
    const item = fc.record({
      name: fc.string({ minLength: 1, maxLength: 40 }),
      unit: fc.option(fc.constantFrom("m", "km", "cái", "tấn", "lượt người"), { nil: undefined }),
      plan: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
      done: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
      cumulative: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
      byUnit: fc.option(
        fc.uniqueArray(
          fc.record({
            name: fc.constantFrom("Thôn 1", "Thôn 2", "Xóm Đông", "Bản Mới"),
            value: fc.option(fc.integer(), { nil: null }),
          }),
          {
            selector: (v) => v.name,
            maxLength: 4,
          },
        ),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (items) => {
        const entries = workVolumeEntries(cat, items);
        expect(workVolumeFromValues(workVolumeToValues(entries))).toEqual(entries);
      }),
    );
  });

  it("tells a registration (plans only) from results (done figures)", () => {
    const reg = workVolumeToValues(
      workVolumeEntries(cat, [{ name: "Trồng hàng rào xanh", unit: "m", plan: 500 }]),
    );
    expect(workVolumeContent(reg)).toEqual({ plan: true, done: false });
    const res = workVolumeToValues(
      workVolumeEntries(cat, [{ name: "Trồng hàng rào xanh", unit: "m", plan: 500, done: 420 }]),
    );
    expect(workVolumeContent(res)).toEqual({ plan: true, done: true });
  });
});

describe("completeness against the calendar (2023-W14, Vietnam time)", () => {
  const expected = ["A", "B", "C", "D"].map((c) => ({ code: c, name: `Xã ${c}` }));
  const rev = (number: number, at: string, plan: boolean, done: boolean): SubmittedRevision => ({
    number,
    at,
    plan,
    done,
  });
  const submissions = new Map<string, SubmittedRevision[]>([
    // Registered Thu 16:59, results Sunday 23:50 Vietnam time (16:50 UTC) — both on time.
    ["A", [rev(1, "2023-03-30T09:59:00.000Z", true, false), rev(2, "2023-04-09T16:50:00.000Z", true, true)]],
    // Registered Thu 17:05 (late); results at 00:30 Monday Vietnam time, which UTC calls Sunday — on time.
    ["B", [rev(1, "2023-03-30T10:05:00.000Z", true, false), rev(2, "2023-04-09T17:30:00.000Z", true, true)]],
    // Results only, Monday 10:20 — late; never registered — missing.
    ["C", [rev(1, "2023-04-10T03:20:00.000Z", false, true)]],
  ]);
  const at = (asOf: string) =>
    completeness({
      calendar: HA_TINH_CALENDAR,
      kind: "work-volume",
      period: "2023-W14",
      expected,
      submissions,
      asOf,
    });

  it("lists on time, late and missing per commune for each deadline, with the submission time", () => {
    const r = at("2023-04-12T00:00:00.000Z");
    const [reg, res] = r.deadlines;
    expect(reg.units.map((u) => [u.code, u.status])).toEqual([
      ["A", "on-time"],
      ["B", "late"],
      ["C", "missing"],
      ["D", "missing"],
    ]);
    expect(res.units.map((u) => [u.code, u.status, u.submittedLocal])).toEqual([
      ["A", "on-time", "2023-04-09 23:50"],
      ["B", "on-time", "2023-04-10 00:30"],
      ["C", "late", "2023-04-10 10:20"],
      ["D", "missing", null],
    ]);
    expect(res.counts).toEqual({ expected: 4, submitted: 3, onTime: 2, late: 1, missing: 1, pending: 0 });
    expect(res.dueLocal).toBe("2023-04-10 10:00");
  });

  it("before the Monday deadline nobody is late for the results: they are pending", () => {
    const res = at("2023-04-10T02:00:00.000Z").deadlines[1];
    expect(res.units.map((u) => u.status)).toEqual(["on-time", "on-time", "pending", "pending"]);
  });

  it("counts every expected unit exactly once per deadline, whatever the submissions and the time", () => {
    const arbRev = fc.record({
      number: fc.integer({ min: 1, max: 9 }),
      at: fc
        .integer({ min: Date.UTC(2023, 2, 25), max: Date.UTC(2023, 3, 15) })
        .map((ms) => new Date(ms).toISOString()),
      plan: fc.boolean(),
      done: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(arbRev, { maxLength: 4 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: Date.UTC(2023, 2, 25), max: Date.UTC(2023, 3, 20) }),
        (revs, asOfMs) => {
          const subs = new Map(expected.map((u, i) => [u.code, revs[i]]));
          const r = completeness({
            calendar: HA_TINH_CALENDAR,
            kind: "work-volume",
            period: "2023-W14",
            expected,
            submissions: subs,
            asOf: new Date(asOfMs).toISOString(),
          });
          for (const d of r.deadlines) {
            const c = d.counts;
            expect(c.onTime + c.late + c.missing + c.pending).toBe(c.expected);
            for (const u of d.units)
              if (u.submittedAt) expect(Date.parse(u.submittedAt)).toBeLessThanOrEqual(asOfMs);
          }
        },
      ),
    );
  });
});

describe("plausibility against the previous periods", () => {
  const entries = (items: Parameters<typeof workVolumeEntries>[1]) => workVolumeEntries(cat, items);
  const hedge = (plan: number | null, done: number | null, cumulative: number | null, unit = "m") =>
    entries([{ name: "Trồng hàng rào xanh", unit, plan, done, cumulative, sheet: "Tuần", cell: "E12" }]);
  const history = [
    { period: "2023-W10", items: hedge(600, 500, 1000) },
    { period: "2023-W11", items: hedge(600, 520, 1520) },
    { period: "2023-W12", items: hedge(600, 480, 2000) },
    { period: "2023-W13", items: hedge(600, 510, 2510) },
  ];
  const types = (items: WorkVolumeEntry[], opts = {}) =>
    plausibilityFindings({ period: "2023-W14", items }, history, "week", opts).map((f) => f.type);

  it("stays quiet on a plausible week, and on the sample month with no or a consistent history", () => {
    expect(types(hedge(600, 500, 3010))).toEqual([]);
    const nov = workVolumeEntries(cat, haLinhItems(), haLinhCells());
    const oct = nov.map((e) => ({ ...e, cumulative: (e.cumulative ?? 0) - (e.done ?? 0) }));
    expect(plausibilityFindings({ period: "2022-11", items: nov }, [], "month")).toEqual([]);
    expect(
      plausibilityFindings({ period: "2022-11", items: nov }, [{ period: "2022-10", items: oct }], "month"),
    ).toEqual([]);
  });

  it("a cumulative below last week's, with both values and both periods", () => {
    const [f] = plausibilityFindings({ period: "2023-W14", items: hedge(600, 500, 2400) }, history, "week");
    expect(f).toMatchObject({
      type: "volume/cumulative-decreased",
      params: { value: 2400, previousValue: 2510, period: "2023-W14", previousPeriod: "2023-W13" },
    });
    expect(formatFinding(f, "vi")).toMatch(/^\[Tuần!E12\] .*2\.400 m.*2023-W13.*2\.510 m/);
  });

  it("a week far outside the commune's own history (robust z-score); the same figure in km is no outlier", () => {
    expect(types(hedge(6000, 5000, 7510))).toContain("volume/outlier");
    expect(types(hedge(0.6, 0.5, 3.01, "km"))).toEqual([]);
  });

  it("a figure outside the province's min–max", () => {
    const bounds = [{ item: "hang-rao-xanh", periodKind: "week" as const, unit: "m", max: 520 }];
    expect(types(hedge(600, 530, 3040), { bounds })).toEqual(["volume/out-of-bounds"]);
  });

  it("a share above 100 % of the plan", () => {
    const f = plausibilityFindings({ period: "2023-W14", items: hedge(400, 500, 3010) }, [], "week");
    expect(f.map((x) => [x.type, x.params.share, x.cell])).toEqual([["volume/share-over-100", 125, "E12"]]);
    const month = plausibilityFindings({ period: "2022-11", items: hedge(3000, 500, 3010) }, [], "month");
    expect(month.map((x) => [x.type, x.params.value, x.params.plan])).toEqual([
      ["volume/share-over-100", 3010, 3000],
    ]);
  });

  it("a plan much below last week's done", () => {
    const f = plausibilityFindings({ period: "2023-W14", items: hedge(200, null, null) }, history, "week");
    expect(f).toEqual([
      expect.objectContaining({
        type: "volume/plan-below-last-done",
        params: expect.objectContaining({ value: 200, previousValue: 510, previousPeriod: "2023-W13" }),
      }),
    ]);
  });
});

describe("the district's week", () => {
  const communes = ["18502", "18505", "18508", "18511"];
  const root = {
    code: "444",
    name: "Huyện Hương Khê",
    level: "district",
    children: communes.map((c) => ({
      code: c,
      name: `Xã ${c}`,
      level: "commune",
      villages: ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4"],
    })),
  };

  it("a village that only registered its plan has not reported what it did", () => {
    const entry = (villages: { name: string; done: number | null; plan?: number }[]) => ({
      key: "hang-rao-xanh",
      name: "Trồng hàng rào xanh",
      unit: "m",
      plan: 900,
      done: null,
      cumulative: null,
      villages,
    });
    const reports = new Map([
      [
        "18502",
        {
          items: [
            entry([
              { name: "Thôn 1", done: 120, plan: 300 },
              { name: "Thôn 2", done: null, plan: 300 },
              { name: "Thôn 3", done: 80 },
              { name: "Thôn 4", done: null },
            ]),
          ],
        },
      ],
    ]);
    const r = consolidateWorkVolumes({ root, period: "2023-W14", reports, targets: [] });
    // Thôn 2 registered 300 m and stated nothing done; Thôn 4 wrote an empty done figure (as before).
    expect(r.root.children[0].villagesNotReported).toEqual(["Thôn 2"]);
  });

  it("sums equal the per-commune sums, non-reporters and missing villages are named, targets judged", () => {
    const rand = seeded(15);
    const reports = new Map(
      communes.slice(0, 3).map((c) => [c, { items: workVolumeEntries(cat, communeWeek(rand, new Map())) }]),
    );
    const r = consolidateWorkVolumes({
      root,
      period: "2023-W14",
      reports,
      targets: [{ org: "444", period: "2023-Q2", item: "hang-rao-xanh", unit: "km", target: 50 }],
    });
    for (const line of r.totals) {
      const parts = [...reports.values()].flatMap((x) => x.items.filter((e) => e.key === line.key));
      expect(line.done).toBeCloseTo(
        parts.reduce((s, e) => s + (e.done ?? 0), 0),
        6,
      );
      expect(line.plan).toBeCloseTo(
        parts.reduce((s, e) => s + (e.plan ?? 0), 0),
        6,
      );
      expect(line.cumulative).toBeCloseTo(
        parts.reduce((s, e) => s + (e.cumulative ?? 0), 0),
        6,
      );
    }
    expect(r.notReported).toEqual([{ code: "18511", name: "Xã 18511", parentName: "Huyện Hương Khê" }]);
    expect(r.counts).toEqual({ expected: 4, reported: 3 });
    expect(r.root.children[0].villagesNotReported).toEqual(["Thôn 4"]);
    const hedgeCum = r.totals.find((l) => l.key === "hang-rao-xanh")!.cumulative!;
    expect(r.targets[0]).toMatchObject({
      achieved: hedgeCum / 1000,
      basis: "cumulative",
      name: "Trồng hàng rào xanh",
    });
  });
});

describe("village progress", () => {
  it("is stored per village and rolled up as '3 of 12 villages ≥ 80 %'", () => {
    const names = Array.from({ length: 12 }, (_, i) => `Thôn ${i + 1}`);
    const villages = names.slice(0, 10).map((name, i) => ({
      name,
      met: i < 3 ? 10 : 4,
      total: 12,
      share: null,
      goal: 80,
      targetYear: 2023,
    }));
    const back = villageProgressFromValues(villageProgressToValues(villages));
    expect(back.map((v) => [v.name, v.met, v.total, v.goal])).toEqual(
      villages.map((v) => [v.name, v.met, v.total, 80]),
    );
    const r = rollUpVillages(back, names);
    expect(r).toMatchObject({ atGoal: 3, of: 12, reported: 10, notReported: ["Thôn 11", "Thôn 12"] });
    expect(r.text.en).toBe("3 of 12 villages ≥ 80 %");
  });
});
