/**
 * The weekly rhythm through the store (issue 15's bar): a district's communes push two weeks of
 * registrations and results at set times; GET /api/completeness says who was on time, late or
 * missing for each deadline in Vietnam's time (including a result sent at 00:30 Monday, which UTC
 * still calls Sunday), and the district's weekly consolidation sums equal the pushed reports' sums.
 * Work-volume reports ride the indicator reports' push, review and lock.
 */
import { SHIPPED_WORK_ITEMS } from "../src/domain/rhythm/workItemCatalogue";
import {
  workVolumeEntries,
  workVolumeToValues,
  type WorkVolumeEntry,
} from "../src/domain/rhythm/workVolumeReport";
import { bearer, statusTable, newOpId, openFixture, type Fixture } from "./serverFixture";
import { communeWeek, seeded } from "./rhythmSamples";
import { testEngines } from "./storeEngines";

const DISTRICT = "439";
const COMMUNES = ["18133", "18136", "18139", "18142"];
const url = (org: string, week: string) => `/api/reports/${org}/work-volume/${week}/revisions`;

/** When each commune registers and reports each week (UTC instants; Vietnam is UTC+7). */
const SCHEDULE: Record<string, Record<string, { reg?: string; res?: string }>> = {
  "2023-W14": {
    "18133": { reg: "2023-03-30T09:00:00Z", res: "2023-04-09T16:50:00Z" }, // Thu 16:00, Sun 23:50
    "18136": { reg: "2023-03-30T10:30:00Z", res: "2023-04-09T17:30:00Z" }, // Thu 17:30 (late), Mon 00:30
    "18139": { reg: "2023-03-29T02:00:00Z", res: "2023-04-10T03:20:00Z" }, // Wed, Mon 10:20 (late)
  },
  "2023-W15": {
    "18133": { reg: "2023-04-06T08:00:00Z", res: "2023-04-17T01:00:00Z" },
    "18136": { reg: "2023-04-06T08:00:00Z", res: "2023-04-17T01:00:00Z" },
    "18139": { reg: "2023-04-06T08:00:00Z", res: "2023-04-17T01:00:00Z" },
    "18142": { reg: "2023-04-06T09:59:00Z", res: "2023-04-17T02:59:00Z" },
  },
};

describe.each(testEngines.map((e) => [e.name, e] as const))("the weekly rhythm on %s", (_n, engine) => {
  let fx: Fixture;
  let now = new Date("2023-03-20T00:00:00Z");
  /** What each commune reported per week, as the domain entries pushed. */
  const pushed = new Map<string, WorkVolumeEntry[]>();
  const findings = new Map<string, string[]>();

  beforeAll(async () => {
    fx = await openFixture(engine, { clock: () => now });
    const rand = seeded(1415);
    const carry = new Map(COMMUNES.map((c) => [c, new Map<string, number>()]));
    const pushes: {
      at: string;
      org: string;
      week: string;
      entries: WorkVolumeEntry[];
      kind: "reg" | "res";
    }[] = [];
    for (const [week, byCommune] of Object.entries(SCHEDULE))
      for (const [org, t] of Object.entries(byCommune)) {
        const entries = workVolumeEntries(SHIPPED_WORK_ITEMS, communeWeek(rand, carry.get(org)));
        // 18139's second week states a cumulative below its first: a plausibility finding.
        if (org === "18139" && week === "2023-W15") entries[0] = { ...entries[0], cumulative: 1 };
        pushed.set(`${org}/${week}`, entries);
        const registration = entries.map((e) => ({
          ...e,
          done: null,
          cumulative: null,
          villages: undefined,
        }));
        if (t.reg) pushes.push({ at: t.reg, org, week, entries: registration, kind: "reg" });
        if (t.res) pushes.push({ at: t.res, org, week, entries, kind: "res" });
      }
    const heads = new Map<string, number>();
    for (const p of pushes.sort((a, b) => a.at.localeCompare(b.at))) {
      now = new Date(p.at);
      const key = `${p.org}/${p.week}`;
      const res = await fx.call({
        method: "POST",
        url: url(p.org, p.week),
        headers: bearer(fx.tokens.admin),
        payload: {
          opId: newOpId(),
          baseRevision: heads.get(key) ?? 0,
          values: workVolumeToValues(p.entries),
        },
      });
      expect(res.statusCode).toBe(201);
      heads.set(key, res.json().revision.number);
      findings.set(
        key,
        res.json().revision.evaluation.findings.map((f: { type: string }) => f.type),
      );
    }
    now = new Date("2023-04-20T00:00:00Z");
  });
  afterAll(async () => fx.cleanup());

  const completeness = async (week: string) => {
    const res = await fx.call({
      url: `/api/completeness?under=${DISTRICT}&kind=work-volume&period=${week}`,
      headers: bearer(fx.tokens.office),
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it("lists on time, late and missing per commune for registration and results (2023-W14)", async () => {
    const body = await completeness("2023-W14");
    const [reg, res] = body.deadlines;
    expect([reg.id, reg.dueLocal, res.id, res.dueLocal]).toEqual([
      "registration",
      "2023-03-30 17:00",
      "results",
      "2023-04-10 10:00",
    ]);
    // Each commune: [registration, results].
    expect(statusTable([reg, res], COMMUNES)).toEqual({
      "18133": ["on-time", "on-time"],
      "18136": ["late", "on-time"],
      "18139": ["on-time", "late"],
      "18142": ["missing", "missing"],
    });
    const r36 = res.units.find((u: { code: string }) => u.code === "18136");
    expect(r36).toMatchObject({
      submittedAt: "2023-04-09T17:30:00.000Z",
      submittedLocal: "2023-04-10 00:30",
    });
    // Every other commune of the district was expected and is missing; none counted twice.
    expect(res.counts.expected).toBe(res.units.length);
    expect(res.counts).toMatchObject({
      submitted: 3,
      onTime: 2,
      late: 1,
      missing: res.units.length - 3,
      pending: 0,
    });
    expect(res.units.every((u: { parentName: string }) => u.parentName === "Huyện Hương Sơn")).toBe(true);
  });

  it("in the second week everyone of the four is on time, the one who was missing too", async () => {
    const [reg, res] = (await completeness("2023-W15")).deadlines;
    const allOnTime = Object.fromEntries(COMMUNES.map((c) => [c, ["on-time", "on-time"]]));
    expect(statusTable([reg, res], COMMUNES)).toEqual(allOnTime);
  });

  it("before Monday 10:00 a missing result is pending, and a result sent later does not count yet", async () => {
    now = new Date("2023-04-10T02:00:00Z"); // Monday 09:00 in Hà Tĩnh
    const res = (await completeness("2023-W14")).deadlines[1];
    now = new Date("2023-04-20T00:00:00Z");
    expect(statusTable([res], COMMUNES)).toEqual({
      "18133": ["on-time"],
      "18136": ["on-time"],
      "18139": ["pending"],
      "18142": ["pending"],
    });
  });

  it("the district's week sums equal the sums of the pushed reports, and names who did not report", async () => {
    for (const week of Object.keys(SCHEDULE)) {
      const res = await fx.call({
        url: `/api/consolidation?kind=work-volume&period=${week}&under=${DISTRICT}`,
        headers: bearer(fx.tokens.office),
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const reports = [...pushed.entries()].filter(([k]) => k.endsWith(week)).map(([, e]) => e);
      expect(body.totals.length).toBe(reports[0].length);
      for (const line of body.totals) {
        const parts = reports.flatMap((r) => r.filter((e) => e.key === line.key));
        for (const f of ["plan", "done", "cumulative"] as const)
          expect(line[f]).toBeCloseTo(
            parts.reduce((s, e) => s + (e[f] ?? 0), 0),
            6,
          );
      }
      const reported = Object.keys(SCHEDULE[week]);
      expect(body.counts.reported).toBe(reported.length);
      expect(body.notReported.map((u: { code: string }) => u.code)).not.toEqual(
        expect.arrayContaining(reported),
      );
      expect(body.notReported.length).toBe(body.counts.expected - reported.length);
    }
  });

  it("a district's quarterly target stored as data is judged in each of its weeks against what was achieved", async () => {
    const tree = await fx.store.tree();
    await fx.store.rhythmData.setTargets([
      {
        unitId: tree.resolve(DISTRICT)!.id,
        period: "2023-Q2",
        item: "hang-rao-xanh",
        unit: "km",
        target: 50,
      },
    ]);
    const res = await fx.call({
      url: `/api/consolidation?kind=work-volume&period=2023-W15&under=${DISTRICT}`,
      headers: bearer(fx.tokens.office),
    });
    const body = res.json();
    const hedge = body.totals.find((l: { key: string }) => l.key === "hang-rao-xanh");
    expect(body.targets).toEqual([
      expect.objectContaining({
        org: DISTRICT,
        period: "2023-Q2",
        target: 50,
        basis: "cumulative",
        achieved: expect.closeTo(hedge.cumulative / 1000, 9),
      }),
    ]);
    // 2023-W13 lies in Q1: the Q2 target does not apply.
    const before = await fx.call({
      url: `/api/consolidation?kind=work-volume&period=2023-W13&under=${DISTRICT}`,
      headers: bearer(fx.tokens.office),
    });
    expect(before.json().targets).toEqual([]);
  });

  it("a cumulative that went down is a reviewer finding; plausible weeks have none", () => {
    expect(findings.get("18139/2023-W15")).toContain("volume/cumulative-decreased");
    for (const [key, types] of findings) if (key !== "18139/2023-W15") expect(types).toEqual([]);
  });

  it("review and lock work on a work-volume report as on any report", async () => {
    const head = await fx.call({
      url: `/api/reports/18133/work-volume/2023-W14`,
      headers: bearer(fx.tokens.reviewer),
    });
    expect(head.statusCode).toBe(200);
    const revision = head.json().head.number;
    const approve = await fx.call({
      method: "POST",
      url: `/api/reports/18133/work-volume/2023-W14/review`,
      headers: bearer(fx.tokens.reviewer),
      payload: { action: "approve", revision },
    });
    expect(approve.statusCode).toBe(200);
    const push = await fx.call({
      method: "POST",
      url: url("18133", "2023-W14"),
      headers: bearer(fx.tokens.admin),
      payload: { opId: newOpId(), baseRevision: revision, values: { "hang-rao-xanh:d": { value: 1 } } },
    });
    expect(push.statusCode).toBe(423);
  });

  it("refuses values that are not work-volume figures, naming them", async () => {
    const res = await fx.call({
      method: "POST",
      url: url("18142", "2023-W16"),
      headers: bearer(fx.tokens.admin),
      payload: { opId: newOpId(), baseRevision: 0, values: { "17.1": { value: 3 } } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().codes).toEqual(["17.1"]);
  });
});
