/**
 * What the API says when it refuses: Vietnamese first, English second, and what to do about it.
 * One place, so every route answers the same refusal the same way.
 */
import { UNKNOWN_CODES_LISTED } from "../domain/sync/protocol";

export const httpMessages = {
  unauthenticated: {
    error: "unauthenticated",
    message:
      "Chưa xác thực: mã truy cập thiếu, sai, đã hết hạn hoặc bị thu hồi. Nhập mã quản trị viên đã cấp (phần bổ trợ: ô Mã truy cập; dòng lệnh: --token hoặc NTM_TOKEN), hoặc xin mã mới. / " +
      "Not signed in: the access token is missing, wrong, expired or revoked. Enter the token an administrator gave you (add-in: the token box; command line: --token or NTM_TOKEN), or ask for a new one.",
  },
  tooManyFailures: {
    error: "too-many-failed-authentications",
    message:
      "Quá nhiều lần xác thực sai từ địa chỉ này: chờ một phút rồi thử lại với mã đúng. / " +
      "Too many failed authentications from this address: wait a minute, then retry with a valid token.",
  },
  forbiddenRole: (role: string, action: string) => ({
    error: "forbidden",
    message:
      `Vai trò "${role}" không được phép ${actionVi[action] ?? action}; liên hệ quản trị viên nếu cần quyền này. / ` +
      `The role "${role}" may not ${actionEn[action] ?? action}; ask an administrator if you need this.`,
  }),
  forbiddenScope: (code: string) => ({
    error: "forbidden",
    message:
      `Đơn vị ${code} nằm ngoài phạm vi của bạn: chỉ làm việc với đơn vị được giao, hoặc xin quản trị viên mở rộng phạm vi. / ` +
      `Unit ${code} is outside your scope: work on the units assigned to you, or ask an administrator to widen your scope.`,
  }),
  unknownOrgUnit: (code: string) => ({
    error: "unknown-org-unit",
    message: `Không có đơn vị mã ${code}: kiểm tra mã GSO của xã/thôn. / There is no org unit with code ${code}: check the GSO code.`,
  }),
  unitNotAtPeriod: (
    unit: { code: string; name: string; valid_from: string | null; valid_to: string | null },
    lifetime: "ended" | "not-yet",
    successor?: { code: string; name: string },
  ) =>
    lifetime === "not-yet"
      ? {
          error: "org-unit-not-yet",
          message:
            `Đơn vị ${unit.code} (${unit.name}) chỉ có từ ${unit.valid_from}: kỳ báo cáo này trước ngày đó; kiểm tra kỳ hoặc mã đơn vị. / ` +
            `Unit ${unit.code} (${unit.name}) exists only from ${unit.valid_from}: this period is earlier; check the period or the unit code.`,
        }
      : {
          error: "org-unit-ended",
          message: successor
            ? `Đơn vị ${unit.code} (${unit.name}) đã thôi tồn tại từ ${unit.valid_to}; kỳ này thuộc đơn vị kế thừa ${successor.code} (${successor.name}): gửi báo cáo với mã ${successor.code}. / ` +
              `Unit ${unit.code} (${unit.name}) ceased to exist on ${unit.valid_to}; this period belongs to its successor ${successor.code} (${successor.name}): report under code ${successor.code}.`
            : `Đơn vị ${unit.code} (${unit.name}) đã thôi tồn tại từ ${unit.valid_to} và không có đơn vị kế thừa trong danh mục: hỏi quản trị viên mã đơn vị đúng cho kỳ này. / ` +
              `Unit ${unit.code} (${unit.name}) ceased to exist on ${unit.valid_to} and the directory names no successor: ask an administrator for the right unit code for this period.`,
          ...(successor ? { successor: { code: successor.code, name: successor.name } } : {}),
        },
  unknownSet: (id: string) => ({
    error: "unknown-criteria-set",
    message: `Không có bộ tiêu chí "${id}": xem danh sách ở /api/criteria-sets. / There is no criteria set "${id}": see /api/criteria-sets.`,
  }),
  setRequired: {
    error: "set-required",
    message:
      "Cần tham số set (mã bộ tiêu chí), hoặc kind=work-volume để tổng hợp khối lượng. / The set parameter (criteria set id) is required, or kind=work-volume for work volumes.",
  },
  noReport: {
    error: "no-report",
    message:
      "Chưa có báo cáo cho đơn vị, bộ tiêu chí và kỳ này: hãy đồng bộ (push) trước. / No report for this unit, set and period yet: push one first.",
  },
  conflict: (head: number, base: number) => ({
    error: "stale-base",
    message:
      `Báo cáo đã có phiên bản ${head} mới hơn phiên bản ${base} bạn sửa: gộp các thay đổi kèm theo rồi gửi lại với baseRevision ${head}. / ` +
      `The report has revision ${head}, newer than the revision ${base} you edited: merge the changes included here and push again with baseRevision ${head}.`,
  }),
  locked: {
    error: "locked",
    message:
      "Báo cáo đã được phê duyệt nên bị khóa: đề nghị người duyệt mở lại (reopen) nếu cần sửa. / " +
      "The report is approved and therefore locked: ask a reviewer to reopen it if it must change.",
  },
  unknownBase: (base: number, head: number) => ({
    error: "unknown-base",
    message:
      `Máy chủ không có phiên bản ${base} của báo cáo này (mới nhất là ${head}): tải về (pull) bản mới nhất rồi gửi lại với baseRevision ${head}. / ` +
      `The server has no revision ${base} of this report (the latest is ${head}): pull the latest and push again with baseRevision ${head}.`,
  }),
  opReused: {
    error: "op-id-reused",
    message:
      "Mã thao tác (opId) này đã dùng cho báo cáo khác: tạo opId mới cho mỗi lần gửi. / This opId was used for another report: make a new opId for each push.",
  },
  /** Lists the first UNKNOWN_CODES_LISTED codes and counts the rest: the answer stays short. */
  unknownIndicators: (codes: string[]) => {
    const listed = codes.slice(0, UNKNOWN_CODES_LISTED);
    const more = codes.length - listed.length;
    const vi = listed.join(", ") + (more > 0 ? ` và ${more} mã khác (tổng ${codes.length})` : "");
    const en = listed.join(", ") + (more > 0 ? ` and ${more} more (${codes.length} in all)` : "");
    return {
      error: "unknown-indicators",
      message: `Chỉ tiêu không có trong bộ tiêu chí: ${vi}; sửa mã chỉ tiêu trong sổ rồi gửi lại. / Indicators not in the criteria set: ${en}; fix the codes in the workbook and push again.`,
      codes: listed,
      count: codes.length,
    };
  },
  /** A review comment keyed by a code the report's set does not have ("*" is the whole report). */
  unknownCommentIndicators: (codes: string[]) => {
    const listed = codes.slice(0, UNKNOWN_CODES_LISTED);
    const more = codes.length - listed.length;
    const vi = listed.join(", ") + (more > 0 ? ` và ${more} mã khác` : "");
    const en = listed.join(", ") + (more > 0 ? ` and ${more} more` : "");
    return {
      error: "unknown-comment-indicators",
      message:
        `Nhận xét cho chỉ tiêu không có trong bộ tiêu chí của báo cáo: ${vi}; chọn chỉ tiêu trong danh sách của bộ, hoặc dùng "*" cho nhận xét chung. / ` +
        `Comments on indicators the report's criteria set does not have: ${en}; pick an indicator of the set, or use "*" for a general comment.`,
      codes: listed,
      count: codes.length,
    };
  },
  staleReview: (judged: number, head: number, changed: string[]) => {
    const listed = changed.slice(0, UNKNOWN_CODES_LISTED);
    const more = changed.length - listed.length;
    const vi = changed.length
      ? `các chỉ tiêu thay đổi: ${listed.join(", ")}${more > 0 ? ` và ${more} chỉ tiêu khác` : ""}`
      : "không chỉ tiêu nào thay đổi giá trị";
    const en = changed.length
      ? `changed indicators: ${listed.join(", ")}${more > 0 ? ` and ${more} more` : ""}`
      : "no indicator changed its value";
    return {
      error: "stale-review",
      message:
        `Xã đã gửi phiên bản ${head} sau phiên bản ${judged} bạn đang xem (${vi}): mở lại báo cáo, xem phiên bản ${head} rồi duyệt. / ` +
        `The commune pushed revision ${head} after the revision ${judged} you were reviewing (${en}): open the report again, read revision ${head}, then review it.`,
    };
  },
  unknownRevision: (judged: number, head: number) => ({
    error: "unknown-revision",
    message:
      `Báo cáo không có phiên bản ${judged} (mới nhất là ${head}): mở lại báo cáo rồi duyệt phiên bản đang hiện. / ` +
      `The report has no revision ${judged} (the latest is ${head}): open the report again and review the revision it shows.`,
  }),
  nothingToReview: {
    error: "no-revision",
    message:
      "Báo cáo chưa có phiên bản nào để duyệt: chờ xã gửi báo cáo. / The report has no revision to review yet: wait for the commune to push one.",
  },
  notApproved: {
    error: "not-approved",
    message:
      "Báo cáo chưa được phê duyệt nên không cần mở lại. / The report is not approved, so there is nothing to reopen.",
  },
  /** Targets or a calendar whose content the domain refused: every problem listed, nothing stored. */
  invalidSettings: (problems: { row?: number; column?: string; vi: string; en: string }[]) => ({
    error: "invalid-settings",
    message:
      `Có ${problems.length} lỗi, chưa lưu gì; sửa các dòng được nêu rồi gửi lại. / ` +
      `${problems.length} problem(s); nothing was saved — fix the rows listed and send again.`,
    issues: problems.map((p) => ({
      path: [p.row === undefined ? "" : String(p.row), p.column ?? ""].filter(Boolean).join("/"),
      message: `${p.vi} / ${p.en}`,
    })),
  }),
  invalidRequest: (detail: string) => ({
    error: "invalid-request",
    message: `Yêu cầu không hợp lệ: ${detail}. Sửa nội dung gửi theo /api/openapi.json. / Invalid request: ${detail}. Fix the request as /api/openapi.json describes.`,
  }),
  /** A schema refusal: the first UNKNOWN_CODES_LISTED problems and how many, so 100,000 bad cells make a short answer. */
  notFound: {
    error: "not-found",
    message: "Không tìm thấy địa chỉ này. / Not found.",
  },
  internal: {
    error: "internal",
    message:
      "Lỗi máy chủ: thử lại sau; nếu còn lỗi, báo quản trị viên. / Server error: retry later; if it persists, tell the administrator.",
  },
};

const actionVi: Record<string, string> = {
  read: "xem báo cáo",
  push: "gửi báo cáo",
  review: "duyệt báo cáo",
  consolidate: "xem tổng hợp",
  configure: "đặt chỉ tiêu kỳ và lịch nộp báo cáo",
};
const actionEn: Record<string, string> = {
  read: "read reports",
  push: "push reports",
  review: "review reports",
  consolidate: "read consolidations",
  configure: "set period targets and reporting calendars",
};
