import { getCriteriaSet } from "../src/domain/criteria/registry";
import { evaluate, rollup } from "../src/domain/evaluate";
import { sumWorkVolumes } from "../src/domain/evaluate/workVolumes";
import { formatFinding, formatGap } from "../src/domain/i18n";
import type { Report, ReportValue } from "../src/domain/report";
import { testSet } from "./criteriaTestSet";

const set = testSet();
const report = (values: ReportValue[], extra: Partial<Report> = {}): Report => ({
  setId: set.id,
  values,
  ...extra,
});
const one = (v: ReportValue, ctx = {}, extra: Partial<Report> = {}) =>
  evaluate(set, report([v], extra), ctx).indicators.find((i) => i.code === v.code)!;
/** One entry whose workbook target stands at S!D9, evaluated, and its weaker-than-official finding. */
const targetAtD9 = (v: ReportValue) => {
  const ev = evaluate(set, report([{ sheet: "S", targetCell: "D9", ...v }]));
  return { ev, weaker: ev.findings.find((f) => f.type === "target/weaker-than-official")! };
};

describe("comparison per kind and op", () => {
  it.each([
    ["yesno yes, true", { code: "1.1", value: true }, "met"],
    ["yesno yes, false", { code: "1.1", value: false }, "unmet"],
    ["yesno = false (nhà tạm: Không is good)", { code: "1.2", value: false }, "met"],
    ["yesno = false, true", { code: "1.2", value: true }, "unmet"],
    ["percent ≥ 90, 90", { code: "2.1", value: 90 }, "met"],
    ["percent ≥ 90, 89.9", { code: "2.1", value: 89.9 }, "unmet"],
    ["percent ≤ 5, 5", { code: "2.2", value: 5 }, "met"],
    ["percent ≤ 5, 5.1", { code: "2.2", value: 5.1 }, "unmet"],
    ["length ≥ 2.5 km, 2500 m", { code: "2.3", value: 2500, unit: "m" }, "met"],
    ["length ≥ 2.5 km, 1.7 km", { code: "2.3", value: 1.7, unit: "km" }, "unmet"],
    ["amount ≥ 40", { code: "3.1", value: 41 }, "met"],
    ["count ≥ 1, 0", { code: "3.2", value: 0 }, "unmet"],
    ["area ≥ 2 ha, 25000 m²", { code: "3.3", value: 25000, unit: "m²" }, "met"],
    ["category = Tốt, 'tốt '", { code: "3.4", value: "tốt " }, "met"],
    ["category = Tốt, Khá", { code: "3.4", value: "Khá" }, "unmet"],
    ["range 92–95 ≥ 90", { code: "2.1", value: { min: 92, max: 95 } }, "met"],
    ["range 85–88 ≥ 90", { code: "2.1", value: { min: 85, max: 88 } }, "unmet"],
    ["range 88–92 ≥ 90 straddles", { code: "2.1", value: { min: 88, max: 92 } }, "unknown"],
    ["blank value", { code: "2.1", value: null }, "unknown"],
    ["text where a number is due", { code: "2.1", value: "đang cập nhật" }, "unknown"],
    ["m against ha is not comparable", { code: "3.3", value: 5, unit: "m" }, "unknown"],
  ] as [string, ReportValue, string][])("%s → %s", (_label, v, status) => {
    expect(one(v).status).toBe(status);
  });
});

describe("target resolution", () => {
  it.each([
    ["no region or group → general", {}, 90, "general"],
    ["region BTB", { region: "BTB" }, 80, "byRegion.BTB"],
    ["group 1", { group: "1" }, 95, "byGroup.1"],
    ["region wins over group", { region: "BTB", group: "1" }, 80, "byRegion.BTB"],
    [
      "special status in a poor district → TDMNPB",
      { region: "BTB", specialStatus: ["dac-biet-kho-khan", "huyen-ngheo"] },
      70,
      "byRegion.TDMNPB",
    ],
    [
      "safe zone in a poor district → TDMNPB",
      { region: "BTB", specialStatus: ["an-toan-khu", "huyen-ngheo"] },
      70,
      "byRegion.TDMNPB",
    ],
    [
      "very poor but district not poor → own region",
      { region: "BTB", specialStatus: ["dac-biet-kho-khan"] },
      80,
      "byRegion.BTB",
    ],
  ])("%s", (_l, ctx, value, axis) => {
    const r = one({ code: "2.1", value: 50 }, ctx);
    expect(r.target?.value).toBe(value);
    expect(r.target?.axis).toBe(axis);
    expect(r.targetSource).toBe("official-verified");
  });

  it.each([
    [2023, "BTB", 47, "byYear.2023.byRegion.BTB"],
    [2023, "TDMNPB", 40, "byYear.2023.byRegion.TDMNPB"],
    [2022, "BTB", 40, "general"],
  ])("income in %i, region %s → %i", (year, region, value, axis) => {
    const r = one({ code: "3.1", value: 45 }, { year, region });
    expect(r.target?.value).toBe(value);
    expect(r.target?.axis).toBe(axis);
  });

  it("takes the year from the report's period when the context has none", () => {
    expect(one({ code: "3.1", value: 45 }, {}, { period: "2023-Q2", region: "BTB" }).target?.value).toBe(47);
  });

  it("an empty year entry does not fall back to another number: it is unknown", () => {
    const r = one({ code: "3.1", value: 45 }, { year: 2024 });
    expect(r.status).toBe("unknown");
    expect(r.targetSource).toBe("none");
  });

  it("the special-status rule of the national set sends a BTB commune to TDMNPB targets", () => {
    const national = getCriteriaSet("vn-xa-ntm-2021-2025")!;
    const ev = evaluate(
      national,
      { setId: national.id, values: [] },
      { region: "BTB", specialStatus: ["an-toan-khu", "huyen-ngheo"] },
    );
    expect(ev.targetRegion).toBe("TDMNPB");
    expect(ev.indicators.find((i) => i.code === "2.2")?.target).toBeUndefined();
  });
});

describe("whose target", () => {
  it("uses the workbook's target where the catalog's is empty, and says so", () => {
    const r = one({
      code: "3.5",
      value: 70,
      workbookTarget: { text: "≥ 75%", op: ">=", value: 75, unit: "%" },
    });
    expect(r).toMatchObject({
      status: "unmet",
      targetSource: "workbook",
      gap: { amount: 5, unit: "%", direction: "short" },
    });
  });
  it("prefers the workbook over an unverified catalog number", () => {
    const r = one({ code: "3.6", value: 55, workbookTarget: { text: "≥ 50%", op: ">=", value: 50 } });
    expect(r).toMatchObject({ status: "met", targetSource: "workbook" });
  });
  it("falls back to an unverified catalog number, marked official-unverified", () => {
    expect(one({ code: "3.6", value: 55 })).toMatchObject({
      status: "unmet",
      targetSource: "official-unverified",
    });
  });
  it("keeps a verified official target over the workbook's and flags a weaker workbook target", () => {
    const { ev, weaker } = targetAtD9({
      code: "2.2",
      value: 6,
      workbookTarget: { text: "≤ 8%", op: "<=", value: 8 },
      cell: "E9",
    });
    const r = ev.indicators.find((i) => i.code === "2.2")!;
    expect(r).toMatchObject({
      status: "unmet",
      targetSource: "official-verified",
      gap: { amount: 1, direction: "over" },
    });
    expect(weaker).toMatchObject({ severity: "warning", sheet: "S", cell: "D9" });
    expect(formatFinding(weaker, "vi")).toContain("chỉ tiêu chính thức theo QĐ TEST");
  });
  it("flags a workbook target weaker than a known catalog number when the workbook's is used", () => {
    const f = targetAtD9({
      code: "3.6",
      value: 55,
      workbookTarget: { text: "≥ 50%", op: ">=", value: 50 },
    }).weaker;
    expect(f).toMatchObject({ severity: "warning", sheet: "S", cell: "D9", indicator: "3.6" });
    expect(formatFinding(f, "vi")).toContain("chưa đối chiếu");
  });
  it("no target at all → unknown with a warning saying what to do", () => {
    const ev = evaluate(set, report([{ code: "3.5", value: 70, sheet: "S", cell: "E5" }]));
    const f = ev.findings.find((x) => x.type === "indicator/unknown-target")!;
    expect(f.severity).toBe("warning");
    expect(formatFinding(f, "vi")).toMatch(/^\[S!E5\] Chỉ tiêu 3\.5: chưa có chỉ tiêu/);
    expect(formatFinding(f, "en")).toContain("Write the target");
  });
});

describe("findings and severities", () => {
  it("an impossible value is an error and decides nothing", () => {
    const ev = evaluate(
      set,
      report([
        { code: "2.1", value: 120, sheet: "S", cell: "E3" },
        { code: "2.3", value: -1, unit: "km" },
      ]),
    );
    expect(ev.indicators.find((i) => i.code === "2.1")).toMatchObject({
      status: "unknown",
      unknownReason: "out-of-range",
    });
    const errs = ev.findings.filter((f) => f.type === "value/out-of-range");
    expect(errs.map((f) => [f.indicator, f.severity])).toEqual([
      ["2.1", "error"],
      ["2.3", "error"],
    ]);
    expect(formatFinding(errs[0], "vi")).toContain("0 đến 100 %");
  });
  it("a self-assessment that the numbers contradict is an error at the self-assessment cell; unmet is info", () => {
    const ev = evaluate(
      set,
      report([
        { code: "2.1", value: 85, selfAssessment: "met", sheet: "S", cell: "E4", selfAssessmentCell: "F4" },
      ]),
    );
    const types = ev.findings.map((f) => [f.type, f.severity, f.cell]);
    expect(types).toEqual([
      ["indicator/unmet", "info", "E4"],
      ["self-assessment/mismatch", "error", "F4"],
    ]);
    expect(formatFinding(ev.findings[1], "vi")).toContain("Sửa tự đánh giá thành “Chưa đạt”");
    expect(formatFinding(ev.findings[1], "en")).toContain("(cell E4)");
  });
  it("the reverse mismatch (Chưa đạt while the numbers meet) is also found", () => {
    const ev = evaluate(set, report([{ code: "2.1", value: 95, selfAssessment: "unmet" }]));
    expect(ev.findings.map((f) => f.type)).toEqual(["self-assessment/mismatch"]);
    expect(formatFinding(ev.findings[0], "vi")).toContain("Sửa tự đánh giá thành “Đạt”");
  });
});

describe("gaps in the indicator's unit", () => {
  it.each([
    [{ code: "2.1", value: 62 }, "vi", "còn thiếu 18 %"],
    [{ code: "2.3", value: 1700, unit: "m" }, "vi", "còn thiếu 0,8 km"],
    [{ code: "2.3", value: 1.7, unit: "km" }, "en", "0.8 km short"],
    [{ code: "2.2", value: 6.25 }, "vi", "vượt mức cho phép 1,25 %"],
    [{ code: "3.1", value: 45.2 }, "vi", "còn thiếu 1,8 triệu đồng/người/năm"],
  ] as [ReportValue, "vi" | "en", string][])("%j → %s", (v, lang, text) => {
    const r = one(v, { region: "BTB", year: 2023 });
    expect(formatGap(r.gap!, lang)).toBe(text);
  });
});

describe("roll-ups", () => {
  it.each([
    [["met", "met"], { rule: "all" }, "met"],
    [["met", "unmet"], { rule: "all" }, "unmet"],
    [["met", "unknown"], { rule: "all" }, "unknown"],
    [["met", "met", "unmet"], { rule: "atLeast", n: 2 }, "met"],
    [["met", "unmet", "unmet"], { rule: "atLeast", n: 2 }, "unmet"],
    [["met", "unknown", "unmet"], { rule: "atLeast", n: 2 }, "unknown"],
    [["met", "met", "unmet", "unmet"], { rule: "share", goal: 50 }, "met"],
    [["met", "unmet", "unmet", "unmet"], { rule: "share", goal: 50 }, "unmet"],
    [[], { rule: "all" }, "unknown"],
  ] as const)("%j under %j → %s", (statuses, rule, status) => {
    expect(rollup([...statuses], rule as any).status).toBe(status);
  });

  it("counts 2/3 criteria and names the ones not met", () => {
    const ev = evaluate(
      set,
      report([
        { code: "1.1", value: true },
        { code: "1.2", value: false },
        { code: "2.1", value: 95 },
        { code: "2.2", value: 9 },
        { code: "2.3", value: 3 },
        { code: "3.1", value: 10 },
      ]),
    );
    expect(ev.criteria.map((c) => c.effective)).toEqual(["met", "met", "unmet"]);
    expect(ev.set).toMatchObject({ status: "unmet", met: 2, total: 3 });
    expect(ev.criteriaNotMet).toEqual(["3"]);
  });

  it("village share and distance to a goal: 35 % met, 45 points short of 80 %", () => {
    const kdc = getCriteriaSet("ht-kdc-kieu-mau")!;
    const values: ReportValue[] = Array.from({ length: 20 }, (_, k) => ({
      code: String(k + 1),
      value: k < 7,
      workbookTarget: { text: "Đạt", op: "=", value: true },
    }));
    const ev = evaluate(kdc, { setId: kdc.id, values: [], units: [{ name: "Thôn 2", values, goal: 80 }] });
    expect(ev.units[0]).toMatchObject({ met: 7, total: 20, share: 0.35, goal: 80, distanceToGoal: 45 });
  });
});

describe("kiểu mẫu rules (QĐ 319) against the nâng cao result", () => {
  const nc = getCriteriaSet("vn-xa-ntm-nang-cao-2021-2025")!;
  const km = getCriteriaSet("vn-xa-ntm-kieu-mau-2021-2025")!;
  const ncReport = (allMet: boolean, income: number): Report => ({
    setId: nc.id,
    values: nc.criteria.map((c) =>
      c.code === "10"
        ? { code: "10", value: income, workbookTarget: { text: "≥ 60", op: ">=", value: 60 } }
        : { code: c.code, value: allMet || c.code !== "3" },
    ),
  });
  const kmReport = (income: number, smart: number, fields: number): Report => ({
    setId: km.id,
    values: [
      { code: "2", value: income },
      { code: "3", value: smart },
      { code: "4", value: fields },
    ],
  });
  it.each([
    ["all rules hold", true, 70, 66, 1, 1, "met", []],
    ["not yet nâng cao", false, 70, 66, 1, 1, "unmet", ["1"]],
    ["income under nâng cao level + 10 %", true, 70, 65.9, 1, 1, "unmet", ["2"]],
    ["no smart village", true, 70, 66, 0, 1, "unmet", ["3"]],
    ["no outstanding field", true, 70, 66, 1, 0, "unmet", ["4"]],
  ] as const)("%s", (_l, allMet, ncIncome, kmIncome, smart, fields, status, notMet) => {
    const basis = evaluate(nc, ncReport(allMet, ncIncome));
    const ev = evaluate(km, kmReport(kmIncome, smart, fields), { bases: { [nc.id]: basis } });
    expect(ev.set.status).toBe(status);
    expect(ev.criteriaNotMet).toEqual(notMet);
    const income = ev.indicators.find((i) => i.code === "2")!;
    expect(income.target).toMatchObject({ value: 66, source: "workbook" });
  });
  it("without a nâng cao evaluation the first rule is unknown, not assumed", () => {
    const ev = evaluate(km, kmReport(66, 1, 1));
    expect(ev.indicators[0].status).toBe("unknown");
    expect(ev.set.status).toBe("unknown");
  });
});

describe("work volumes up the org tree", () => {
  it("sums villages into the commune and communes into the district, converting m to km", () => {
    const tree = {
      name: "Huyện",
      children: [
        {
          name: "Xã A",
          workItems: [{ name: "Đường giao thông", unit: "km", plan: 6.5, done: 1.8, cumulative: 5.2 }],
          children: [
            { name: "Thôn 1", workItems: [{ name: "Hàng rào xanh", unit: "m", plan: 1000, done: 300 }] },
            { name: "Thôn 2", workItems: [{ name: "hàng rào  xanh", unit: "m", plan: 500, done: 200 }] },
          ],
        },
        {
          name: "Xã B",
          workItems: [{ name: "Đường giao thông", unit: "m", plan: 3500, done: 200, cumulative: 1800 }],
        },
      ],
    };
    const t = sumWorkVolumes(tree);
    const road = t.totals.find((x) => x.name === "Đường giao thông")!;
    expect(road).toMatchObject({ unit: "km", plan: 10, done: 2, cumulative: 7, ratio: 70 });
    const hedge = t.totals.find((x) => x.unit === "m")!;
    expect(hedge).toMatchObject({ plan: 1500, done: 500, ratio: 33.333333 });
    expect(t.children[0].totals.find((x) => x.unit === "m")?.done).toBe(500);
  });
});
