/**
 * Setting the rhythm's data (issue 15 leftovers, items 2 and 4): a district's period targets from a
 * small CSV/JSON file and a province's reporting calendar from JSON, through `ntm admin targets|
 * calendar` on a real SQLite store and PUT/GET /api/targets and /api/calendars/{province} on every
 * engine — each problem of a refused file said with its row and column, Vietnamese first, and
 * nothing stored; the targets judged in the week's consolidation, the calendar in completeness; and
 * the month/quarter/year due days shown as unverified placeholders, once.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkCalendar } from "../src/domain/rhythm/calendarFile";
import { completeness } from "../src/domain/rhythm/completeness";
import { readTargetsText } from "../src/domain/rhythm/periodTargetsFile";
import { HA_TINH_CALENDAR } from "../src/domain/rhythm/reportingCalendar";
import { SHIPPED_WORK_ITEMS } from "../src/domain/rhythm/workItemCatalogue";
import { workVolumeEntries, workVolumeToValues } from "../src/domain/rhythm/workVolumeReport";
import { calendarExample, targetsExample } from "../src/server/routes/openApiExamples";
import { reportingCalendarSchema } from "../src/domain/rhythm/reportingCalendar";
import { targetsBodySchema } from "../src/domain/rhythm/settingsWire";
import { runCli } from "./cliRunner";
import { mulberry32 } from "../scripts/seededRandom";
import { bearer, newOpId, openFixture, type Fixture } from "./serverFixture";
import { testEngines } from "./storeEngines";

const HEADER = "Mã đơn vị;Kỳ;Hạng mục;Chỉ tiêu;ĐVT;Ghi chú";
const GOOD_ROWS = [
  "445;2021-Q2;kdc-kieu-mau;46;;Khu dân cư NTM kiểu mẫu",
  "445;2021-Q2;Vườn mẫu đạt chuẩn;252;;",
  "445;2021-Q2;hang-rao-xanh;1,5;km;",
  "18139;2021-Q2;hang-rao-xanh;1.250;m;",
];

/** Each way a row can be wrong, the column it must be reported in, and a word the message holds. */
const PLANTED: { row: (r: string[]) => string[]; column: string; says: RegExp }[] = [
  { row: (r) => [r[0], "2021-W53", ...r.slice(2)], column: "period", says: /chỉ có 52 tuần/ },
  { row: (r) => [r[0], r[1], "nạo vét kênh mương", ...r.slice(3)], column: "item", says: /danh mục/ },
  { row: (r) => [r[0], r[1], "hang-rao-xanh", r[3], "cây", r[5]], column: "unit", says: /không đổi được/ },
  { row: (r) => [r[0], r[1], r[2], "-3", ...r.slice(4)], column: "target", says: /không âm/ },
  { row: (r) => [r[0], r[1], r[2], "30–35", ...r.slice(4)], column: "target", says: /không âm/ },
  { row: (r) => ["", ...r.slice(1)], column: "org", says: /thiếu/ },
];

describe("reading a targets file", () => {
  it("reads Vietnamese headers and numbers, names or codes of items, the catalogue's unit by default", () => {
    const r = readTargetsText([HEADER, ...GOOD_ROWS].join("\n"), "csv");
    expect(r.problems).toEqual([]);
    expect(r.targets).toEqual([
      {
        org: "445",
        period: "2021-Q2",
        item: "kdc-kieu-mau",
        unit: "khu",
        target: 46,
        label: "Khu dân cư NTM kiểu mẫu",
      },
      { org: "445", period: "2021-Q2", item: "vuon-mau", unit: "vườn", target: 252 },
      { org: "445", period: "2021-Q2", item: "hang-rao-xanh", unit: "km", target: 1.5 },
      { org: "18139", period: "2021-Q2", item: "hang-rao-xanh", unit: "m", target: 1250 },
    ]);
    const json = readTargetsText(JSON.stringify(targetsExample), "json");
    expect(json.problems).toEqual([]);
    expect(json.targets.map((t) => [t.item, t.target, t.unit])).toEqual([
      ["kdc-kieu-mau", 46, "khu"],
      ["vuon-mau", 252, "vườn"],
      ["hang-rao-xanh", 50, "km"],
    ]);
  });

  it("a planted problem on any row is said at its row and column, and nothing is read (seeded)", () => {
    const rand = mulberry32(1515);
    for (let n = 0; n < 60; n++) {
      const rows = GOOD_ROWS.map((r) => r.split(";"));
      const at = Math.floor(rand() * rows.length);
      const plant = PLANTED[Math.floor(rand() * PLANTED.length)];
      rows[at] = plant.row(rows[at]);
      const r = readTargetsText([HEADER, ...rows.map((x) => x.join(";"))].join("\r\n"), "csv");
      expect(r.targets).toEqual([]);
      expect(r.problems).toEqual([
        expect.objectContaining({ row: at + 2, column: plant.column, vi: expect.stringMatching(plant.says) }),
      ]);
      expect(r.problems[0].vi).toMatch(new RegExp(`^Dòng ${at + 2}: `));
      expect(r.problems[0].en).toMatch(new RegExp(`^Row ${at + 2}: `));
    }
  });

  it("a repeated row, a header without the needed columns and broken JSON are refused, said", () => {
    const twice = readTargetsText([HEADER, GOOD_ROWS[0], GOOD_ROWS[0]].join("\n"), "csv");
    expect(twice.problems.map((p) => [p.row, p.column])).toEqual([[3, "item"]]);
    expect(twice.problems[0].vi).toMatch(/trùng với dòng 2/);
    const header = readTargetsText("org,item\n445,vuon-mau", "csv");
    expect(header.problems[0].vi).toMatch(/thiếu cột period, target/);
    expect(readTargetsText("{", "json").problems[0].vi).toMatch(/^Tệp JSON không đọc được/);
  });
});

describe("reading a calendar", () => {
  it("names where a rule is wrong and what to write, Vietnamese first", () => {
    const bad = structuredClone(calendarExample) as any;
    bad.kinds["work-volume"][0].time = "25:00";
    bad.kinds["work-volume"][1].periodKind = "fortnight";
    const r = checkCalendar(bad);
    expect(r.calendar).toBeUndefined();
    expect(r.problems.map((p) => p.column)).toEqual([
      "kinds.work-volume[0].time",
      "kinds.work-volume[1].periodKind",
    ]);
    expect(r.problems[0].vi).toBe("kinds.work-volume[0].time: giờ dạng HH:MM");
    expect(r.problems[1].vi).toMatch(/chỉ nhận một trong: week, month, quarter, year/);
    expect(checkCalendar(calendarExample).problems).toEqual([]);
  });
});

describe("placeholder due days", () => {
  const expected = [{ code: "A", name: "Xã A" }];
  const judge = (period: string) =>
    completeness({
      calendar: HA_TINH_CALENDAR,
      kind: "work-volume",
      period,
      expected,
      submissions: new Map(),
      asOf: "2024-01-01T00:00:00Z",
    });

  it("the month, quarter and year deadlines are unverified and said once; the week's are not", () => {
    for (const period of ["2023-11", "2023-Q2", "2022"]) {
      const r = judge(period);
      expect(r.deadlines.map((d) => d.unverified)).toEqual([true]);
      expect(r.unverifiedNote?.vi).toMatch(/giả định, chưa xác nhận/);
    }
    const week = judge("2023-W14");
    expect(week.deadlines.map((d) => d.unverified)).toEqual([undefined, undefined]);
    expect(week.unverifiedNote).toBeUndefined();
    for (const rules of Object.values(HA_TINH_CALENDAR.kinds))
      for (const r of rules) expect(Boolean(r.unverified)).toBe(r.periodKind !== "week");
  });
});

describe("ntm admin targets and calendar on a SQLite store", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-settings-"));
  const db = path.join(dir, "settings.sqlite");
  const admin = (...args: string[]) => runCli(["admin", ...args, "--db", db]);
  const file = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  beforeAll(async () => {
    expect((await admin("seed")).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("targets set from CSV, then listed under the district (and its communes), by period", async () => {
    const set = await admin("targets", "set", file("q2.csv", [HEADER, ...GOOD_ROWS].join("\n")));
    expect([set.code, set.err]).toEqual([0, ""]);
    expect(set.out).toBe("Đã đặt 4 chỉ tiêu kỳ / set 4 period targets\n");
    const list = await admin("targets", "list", "--under", "445", "--period", "2021-W20", "--json");
    expect(list.code).toBe(0);
    expect(
      JSON.parse(list.out).targets.map((t: { item: string; target: number }) => [t.item, t.target]),
    ).toEqual([
      ["hang-rao-xanh", 1.5],
      ["kdc-kieu-mau", 46],
      ["vuon-mau", 252],
    ]);
    // A week outside the quarter has none; the commune's target shows under its own district.
    const q3 = await admin("targets", "list", "--under", "445", "--period", "2021-W30");
    expect(q3.out).toMatch(/^Chưa có chỉ tiêu kỳ nào trong 445/);
    const huongSon = await admin("targets", "list", "--under", "439");
    expect(huongSon.out.split("\n")[1]).toBe("18139\t2021-Q2\thang-rao-xanh\t1250\tm\t");
  });

  it("a refused file says each problem with its row, stores nothing, exits 1", async () => {
    const rows = [HEADER, GOOD_ROWS[0], "445;2021-Q2;nạo vét kênh mương;20;m;", "99999;2021-Q2;vuon-mau;3;;"];
    const r = await admin("targets", "set", file("bad.csv", rows.join("\n")));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^bad\.csv: 1 lỗi, chưa lưu gì — sửa rồi chạy lại \/ bad\.csv: 1 problem, nothing saved/m,
    );
    expect(r.err).toMatch(
      /^ {2}Dòng 3: hạng mục "nạo vét kênh mương" không có trong danh mục .* \/ Row 3: /m,
    );
    // Content right, but a code no unit had: said too, nothing stored.
    const unknown = await admin("targets", "set", file("org.csv", [HEADER, rows[3]].join("\n")));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/không có đơn vị mã 99999 trong kỳ 2021-Q2/);
    const list = await admin("targets", "list", "--under", "445", "--json");
    expect(JSON.parse(list.out).targets).toHaveLength(3);
    expect((await admin("targets", "set", path.join(dir, "none.csv"))).code).toBe(2);
  });

  it("calendar show marks the placeholder days once; set stores a province's own, refused when wrong", async () => {
    const shown = await admin("calendar", "show");
    expect(shown.out.split("\n")[0]).toMatch(/^Tỉnh 42 chưa lưu lịch riêng: áp dụng lịch Hà Tĩnh/);
    expect(shown.out).toMatch(/^work-volume\tweek\tregistration\tstart-4d 17:00\tplan\t.*[^*]$/m);
    expect(shown.out).toMatch(/^work-volume\tmonth\tresults\tend\+4d 17:00\tdone\t.* \*$/m);
    expect(shown.out.match(/Hạn nộp giả định/g)).toHaveLength(1);

    const bad = structuredClone(calendarExample) as any;
    bad.kinds["work-volume"][0].time = "17h";
    const refused = await admin("calendar", "set", file("bad.json", JSON.stringify(bad)));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^ {2}kinds\.work-volume\[0\]\.time: giờ dạng HH:MM \/ /m);
    const district = await admin(
      "calendar",
      "set",
      file("d.json", JSON.stringify({ ...calendarExample, province: "445" })),
    );
    expect(district.code).toBe(1);
    expect(district.err).toMatch(/không phải là tỉnh/);

    const own = structuredClone(calendarExample);
    own.kinds["work-volume"][0] = { ...own.kinds["work-volume"][0], offsetDays: -3, time: "12:00" };
    const set = await admin("calendar", "set", file("own.json", JSON.stringify(own)));
    expect([set.code, set.out]).toEqual([
      0,
      "Đã đặt lịch nộp báo cáo của tỉnh 42 / reporting calendar of province 42 set\n",
    ]);
    const after = await admin("calendar", "show", "--json");
    expect(JSON.parse(after.out)).toMatchObject({ stored: true, unverified: [] });
    expect(JSON.parse(after.out).calendar.kinds["work-volume"][0]).toMatchObject({
      offsetDays: -3,
      time: "12:00",
    });
  });
});

describe.each(testEngines.map((e) => [e.name, e] as const))(
  "PUT/GET targets and calendars on %s",
  (_n, engine) => {
    let fx: Fixture;
    let now = new Date("2023-03-20T00:00:00Z");
    beforeAll(async () => {
      fx = await openFixture(engine, { clock: () => now });
    });
    afterAll(async () => fx.cleanup());
    const put = (url: string, token: string, payload: object) =>
      fx.call({ method: "PUT", url, headers: bearer(token), payload });
    /** Sơn Hồng's clerk sends the week's work volumes as a first revision. */
    const pushVolumes = (week: string, items: ReturnType<typeof workVolumeEntries>) =>
      fx.call({
        method: "POST",
        url: `/api/reports/18139/work-volume/${week}/revisions`,
        headers: bearer(fx.tokens.clerk),
        payload: { opId: newOpId(), baseRevision: 0, values: workVolumeToValues(items) },
      });

    it("a district's targets: set by its administrator, refused for others and outside scope, judged in the week", async () => {
      const body = {
        targets: [{ org: "439", period: "2023-Q2", item: "hang-rao-xanh", target: 2, unit: "km" }],
      };
      for (const who of ["clerk", "reviewer", "office"] as const)
        expect((await put("/api/targets", fx.tokens[who], body)).statusCode).toBe(403);
      const out = await put("/api/targets", fx.tokens.admin, {
        targets: [{ ...body.targets[0], org: "444" }],
      });
      expect(out.statusCode).toBe(403);
      const bad = await put("/api/targets", fx.tokens.admin, {
        targets: [body.targets[0], { ...body.targets[0], item: "nạo vét kênh mương" }],
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().issues).toEqual([
        {
          path: "2/item",
          message: expect.stringMatching(/^Dòng 2: hạng mục "nạo vét kênh mương" .* \/ Row 2: /),
        },
      ]);
      const ok = await put("/api/targets", fx.tokens.admin, body);
      expect([ok.statusCode, ok.json()]).toEqual([200, { saved: 1 }]);
      // Nothing of the refused requests was stored: the one target listed is the accepted one.
      const list = await fx.call({
        url: "/api/targets?under=439&period=2023-W15",
        headers: bearer(fx.tokens.clerk),
      });
      expect(list.statusCode).toBe(403); // a clerk reads only within the commune
      const office = await fx.call({
        url: "/api/targets?under=439&period=2023-W15",
        headers: bearer(fx.tokens.office),
      });
      expect(office.json().targets).toEqual([expect.objectContaining({ org: "439", target: 2, unit: "km" })]);
      expect((await fx.store.auditLog(50)).filter((a) => a.action === "targets.set")).toHaveLength(1);

      // The week's consolidation judges what was done against it.
      now = new Date("2023-04-12T00:00:00Z");
      const items = workVolumeEntries(SHIPPED_WORK_ITEMS, [
        { name: "Trồng hàng rào xanh", unit: "m", plan: 600, done: 500, cumulative: 1500 },
      ]);
      expect((await pushVolumes("2023-W15", items)).statusCode).toBe(201);
      const week = await fx.call({
        url: "/api/consolidation?kind=work-volume&period=2023-W15&under=439",
        headers: bearer(fx.tokens.office),
      });
      expect(week.json().targets).toEqual([
        expect.objectContaining({ org: "439", target: 2, achieved: 1.5, basis: "cumulative", share: 75 }),
      ]);
    });

    it("a province's calendar: set by the province's administrator only, then completeness judges by it", async () => {
      const own = structuredClone(calendarExample);
      // Registration due Friday 12:00 instead of Thursday 17:00.
      own.kinds["work-volume"][0] = { ...own.kinds["work-volume"][0], offsetDays: -3, time: "12:00" };
      expect((await put("/api/calendars/42", fx.tokens.admin, own)).statusCode).toBe(403); // district admin
      expect((await put("/api/calendars/439", fx.tokens.provinceAdmin, own)).statusCode).toBe(422);
      const before = await fx.call({ url: "/api/calendars/42", headers: bearer(fx.tokens.clerk) });
      expect(before.json()).toMatchObject({ province: "42", stored: false });
      expect(before.json().unverified).toContain("work-volume month results");

      now = new Date("2023-03-30T10:30:00Z"); // Thursday 17:30 in Hà Tĩnh: late by Thursday's rule
      const items = workVolumeEntries(SHIPPED_WORK_ITEMS, [
        { name: "Trồng hàng rào xanh", unit: "m", plan: 600 },
      ]);
      expect((await pushVolumes("2023-W14", items)).statusCode).toBe(201);
      now = new Date("2023-04-12T00:00:00Z");
      const status = async () =>
        (
          await fx.call({
            url: "/api/completeness?under=439&kind=work-volume&period=2023-W14",
            headers: bearer(fx.tokens.office),
          })
        )
          .json()
          .deadlines[0].units.find((u: { code: string }) => u.code === "18139").status;
      expect(await status()).toBe("late");
      const set = await put("/api/calendars/42", fx.tokens.provinceAdmin, own);
      expect(set.statusCode).toBe(200);
      expect(set.json()).toMatchObject({ province: "42", stored: true, unverified: [] });
      expect(await status()).toBe("on-time");
      expect((await fx.store.auditLog(50)).map((a) => a.action)).toContain("calendar.set");
    });

    it("the API page shows the settings bodies with examples the server's schemas accept", async () => {
      const doc = (await fx.call({ url: "/api/openapi.json" })).json();
      const example = (p: string) => doc.paths[p].put.requestBody.content["application/json"].example;
      expect(example("/api/targets")).toEqual(targetsExample);
      expect(example("/api/calendars/{province}")).toEqual(calendarExample);
      expect(targetsBodySchema.safeParse(targetsExample).success).toBe(true);
      expect(reportingCalendarSchema.safeParse(calendarExample).success).toBe(true);
      expect(doc.paths["/api/targets"].put).toMatchObject({ operationId: "setTargets", tags: ["settings"] });
      expect(doc.paths["/api/calendars/{province}"].get).toMatchObject({ operationId: "getCalendar" });
    });
  },
);
