/** A small hand-made set for engine tests: one indicator per kind, targets on every axis. */
import { parseCriteriaSet, type CriteriaSet } from "../src/domain/criteria/schema";

const V = (value: number | boolean | string | null, verified = true) => ({
  value,
  provenance: { decision: "QĐ TEST", verified },
});

/** An indicator with one general target (`unit` for a quantity). */
const measured = (
  code: string,
  vi: string,
  kind: string,
  op: string,
  target: ReturnType<typeof V>,
  unit?: string,
) => ({
  code,
  name: { vi },
  kind,
  ...(unit ? { unit } : {}),
  op,
  targets: { general: target },
});

export function testSet(overrides: Record<string, unknown> = {}): CriteriaSet {
  return parseCriteriaSet({
    id: "test-set",
    title: { vi: "Bộ thử", en: "Test set" },
    version: { decision: "QĐ TEST" },
    level: "commune",
    regions: ["TDMNPB", "BTB"],
    communeGroups: ["1", "2"],
    specialStatusRules: [
      {
        anyOf: ["dac-biet-kho-khan", "an-toan-khu"],
        allOf: ["huyen-ngheo"],
        useRegion: "TDMNPB",
        provenance: { decision: "QĐ TEST", verified: true },
      },
    ],
    rollup: { rule: "all" },
    criteria: [
      {
        code: "1",
        name: { vi: "Một" },
        rollup: { rule: "all" },
        indicators: [
          { code: "1.1", name: { vi: "Có" }, kind: "yesno", op: "yes", targets: { general: V(true) } },
          { code: "1.2", name: { vi: "Nhà tạm" }, kind: "yesno", op: "=", targets: { general: V(false) } },
        ],
      },
      {
        code: "2",
        name: { vi: "Hai" },
        rollup: { rule: "atLeast", n: 2 },
        indicators: [
          {
            code: "2.1",
            name: { vi: "Tỷ lệ" },
            kind: "percent",
            unit: "%",
            op: ">=",
            targets: {
              general: V(90),
              byRegion: { TDMNPB: V(70), BTB: V(80) },
              byGroup: { "1": V(95), "2": V(85) },
            },
          },
          measured("2.2", "Nghèo", "percent", "<=", V(5), "%"),
          measured("2.3", "Đường", "length", ">=", V(2.5), "km"),
        ],
      },
      {
        code: "3",
        name: { vi: "Ba" },
        rollup: { rule: "all" },
        indicators: [
          {
            code: "3.1",
            name: { vi: "Thu nhập" },
            kind: "amount",
            unit: "triệu đồng/người/năm",
            op: ">=",
            targets: {
              general: V(40),
              byYear: {
                "2023": { byRegion: { BTB: V(47), TDMNPB: V(40) } },
                "2024": { general: V(null, false) },
              },
            },
          },
          measured("3.2", "Số HTX", "count", ">=", V(1), "HTX"),
          measured("3.3", "Diện tích", "area", ">=", V(2), "ha"),
          {
            code: "3.4",
            name: { vi: "Xếp loại" },
            kind: "category",
            op: "=",
            categories: ["Tốt", "Khá"],
            targets: { general: V("Tốt") },
          },
          measured("3.5", "Chưa rõ", "percent", ">=", V(null, false), "%"),
          measured("3.6", "Nhớ lại", "percent", ">=", V(60, false), "%"),
        ],
      },
    ],
    ...overrides,
  });
}
