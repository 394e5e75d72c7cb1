/**
 * Example bodies for /api/openapi.json and /api/docs. Each is parsed by its own wire schema in
 * test/serverApiDocs.test.ts, so an example can never show a body the server would refuse.
 */
import { HA_TINH_CALENDAR, type ReportingCalendar } from "../../domain/rhythm/reportingCalendar";
import type { TargetsBody } from "../../domain/rhythm/settingsWire";
import type { CriteriaSetVersionDto, Me, PushRequest, ReviewRequest } from "../../domain/sync/protocol";

export const pushExample: PushRequest = {
  opId: "3f1c9a2e-7b4d-4e8a-9c55-0d2b6f1e8a41",
  baseRevision: 0,
  values: {
    "17.5": { value: 0.62, unit: "%", sheet: "Tiêu chí", cell: "E40", raw: "62%" },
    "2.1": { value: 12.4, unit: "km", sheet: "Tiêu chí", cell: "E12", raw: "12,4" },
  },
  workbookHash: null,
};

export const reviewExample: ReviewRequest = {
  action: "return",
  revision: 3,
  comments: {
    "17.5": "Tỷ lệ hộ dùng nước sạch chưa khớp biên bản kiểm tra; bổ sung minh chứng.",
    "*": "Rà soát lại tiêu chí 17 trước khi gửi lại.",
  },
};

export const meExample: Me = {
  name: "can-bo-son-hong",
  role: "clerk",
  scope: { code: "18139", name: "Xã Sơn Hồng", level: "commune" },
  actions: ["read", "push"],
  region: "BTB",
};

/** A report key as the paths take it: a commune's GSO code, a set id, a period. */
export const reportKeyExample = { org: "18139", set: "vn-xa-ntm-2021-2025", period: "2023" };

export const criteriaSetIdExample = "vn-xa-ntm-2021-2025";

/** An installed version as `GET /api/criteria-sets/{id}` answers (definition shortened here). */
export const criteriaSetVersionExample: CriteriaSetVersionDto = {
  id: criteriaSetIdExample,
  version: "QĐ 318/QĐ-TTg + QĐ 211/QĐ-TTg",
  name: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025",
  indicatorCount: 57,
  hash: "3f2a9c1d5e7b8a90c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708192",
  label: "vn-xa-ntm-2021-2025 @ 3f2a9c1 (từ 01/01/2024)",
  inForceFrom: "2024-01-01",
  installedBy: "VPĐP NTM tỉnh Hà Tĩnh",
  installedAt: "2024-01-02T08:30:00.000Z",
  definition: { id: criteriaSetIdExample, criteria: ["…"] },
};

/** A district's targets for a quarter (Thạch Hà, Q2 2021: 46 model areas, 252 model gardens). */
export const targetsExample: TargetsBody = {
  targets: [
    { org: "445", period: "2021-Q2", item: "kdc-kieu-mau", target: 46, label: "Khu dân cư NTM kiểu mẫu" },
    { org: "445", period: "2021-Q2", item: "vuon-mau", target: 252 },
    { org: "445", period: "2021-Q2", item: "hang-rao-xanh", target: 50, unit: "km" },
  ],
};

/** Hà Tĩnh's weekly rhythm, as a province would send its own calendar. */
export const calendarExample: ReportingCalendar = {
  province: "42",
  kinds: { "work-volume": HA_TINH_CALENDAR.kinds["work-volume"].filter((r) => r.periodKind === "week") },
};
