import fc from "fast-check";
import { getCriteriaSet, listCriteriaSets } from "../src/domain/criteria/registry";
import { evaluate, rollup } from "../src/domain/evaluate";
import { formatFinding } from "../src/domain/i18n";
import { ReportSchema, type Report } from "../src/domain/report";
import { testSet } from "./criteriaTestSet";

const status = fc.constantFrom("met" as const, "unmet" as const, "unknown" as const);
const scalar = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.record({
    min: fc.double({ noNaN: true, noDefaultInfinity: true }),
    max: fc.double({ noNaN: true, noDefaultInfinity: true }),
  }),
  fc.string(),
  fc.constant(null),
);
const codes = [
  "1.1",
  "1.2",
  "2.1",
  "2.2",
  "2.3",
  "3.1",
  "3.2",
  "3.3",
  "3.4",
  "3.5",
  "3.6",
  "17.1",
  "10",
  "5",
  "x",
];
const reportValue = fc.record(
  {
    code: fc.constantFrom(...codes),
    value: scalar,
    unit: fc.constantFrom("%", "m", "km", "ha", "vườn", "triệu đồng"),
    workbookTarget: fc.record(
      {
        text: fc.string(),
        op: fc.constantFrom(">=", "<=", "=", "==", ">", "<", "yes"),
        value: fc.option(
          fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string()),
          { nil: null },
        ),
        unit: fc.constantFrom("%", "km", "m"),
      },
      { requiredKeys: ["text"] },
    ),
    selfAssessment: fc.constantFrom("met" as const, "unmet" as const, null),
    sheet: fc.string(),
    cell: fc.constantFrom("A1", "E19"),
  },
  { requiredKeys: ["code", "value"] },
);
const report = fc.record(
  {
    setId: fc.constant("x"),
    period: fc.constantFrom("2023", "2024-Q1", "2022-11", "2023-W14", "bad"),
    region: fc.constantFrom("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"),
    group: fc.constantFrom("1", "2", "3"),
    specialStatus: fc.subarray(["dac-biet-kho-khan", "an-toan-khu", "huyen-ngheo"] as const),
    values: fc.array(reportValue, { maxLength: 30 }),
    criteria: fc.array(
      fc.record({
        code: fc.constantFrom("1", "2", "3", "10"),
        selfAssessment: fc.constantFrom("met" as const, "unmet" as const, null),
      }),
      { maxLength: 4 },
    ),
    units: fc.array(
      fc.record(
        {
          name: fc.string(),
          values: fc.array(reportValue, { maxLength: 8 }),
          statedProgress: fc.option(fc.double({ noNaN: true, min: 0, max: 100 }), { nil: null }),
          goal: fc.double({ noNaN: true, min: 0, max: 100 }),
        },
        { requiredKeys: ["name", "values"] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ["setId", "values"] },
);

describe("evaluation properties", () => {
  it("a criterion under an all-indicators rule is met exactly when all its indicators are", () => {
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 20 }), (s) => {
        expect(rollup(s, { rule: "all" }).status === "met").toBe(s.every((x) => x === "met"));
      }),
    );
  });

  it("adding a met indicator never lowers a progress share (nor the roll-up status)", () => {
    const rank = { unmet: 0, unknown: 1, met: 2 };
    fc.assert(
      fc.property(fc.array(status, { maxLength: 30 }), fc.integer({ min: 0, max: 100 }), (s, goal) => {
        const before = rollup(s, { rule: "share", goal });
        const after = rollup([...s, "met"], { rule: "share", goal });
        expect(after.share).toBeGreaterThanOrEqual(before.share);
        if (s.length > 0) expect(rank[after.status]).toBeGreaterThanOrEqual(rank[before.status]);
      }),
    );
  });

  it("evaluate never throws on a report the schema accepts, for every shipped set, and every finding has a message", () => {
    const sets = [...listCriteriaSets(), testSet()];
    fc.assert(
      fc.property(report, fc.constantFrom(...sets), (r, set) => {
        const parsed: Report = ReportSchema.parse(r);
        const ev = evaluate(set, parsed);
        expect(ev.indicators.length).toBe(set.criteria.reduce((n, c) => n + c.indicators.length, 0));
        expect(ev.set.met + ev.set.unmet + ev.set.unknown).toBe(set.criteria.length);
        for (const f of ev.findings) {
          expect(formatFinding(f, "vi").length).toBeGreaterThan(0);
          expect(formatFinding(f, "en").length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a national-set report judged only by workbook targets never claims an official source", () => {
    const national = getCriteriaSet("vn-xa-ntm-2021-2025")!;
    fc.assert(
      fc.property(report, (r) => {
        const ev = evaluate(national, ReportSchema.parse(r));
        for (const i of ev.indicators) expect(i.targetSource).not.toBe("official-verified");
      }),
      { numRuns: 100 },
    );
  });
});
