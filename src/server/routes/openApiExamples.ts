/**
 * Example bodies for /api/openapi.json and /api/docs. Each is parsed by its own wire schema in
 * test/serverApiDocs.test.ts, so an example can never show a body the server would refuse.
 */
import type { PushRequest, ReviewRequest } from "../../domain/sync/protocol";

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
