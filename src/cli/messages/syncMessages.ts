/**
 * What `ntm push` and `ntm pull` say: finding the org unit, what was sent or written, what waits
 * in the outbox and why, with counts in the right number ("1 indicator", "2 indicators"). The
 * words a conflict's values are shown with (mine / theirs / base) are in commands/syncWords.ts.
 */
import { REVIEW_STATE_TEXT } from "../../domain/i18n/reviewStateText";
import type { ReviewState } from "../../domain/sync/protocol";
import { both, countEn } from "./cliText";

export interface UnitChoice {
  code: string;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
}

function unitText(u: UnitChoice): string {
  const life = u.validTo ? ` ${u.validFrom ?? "…"}–${u.validTo}` : u.validFrom ? ` ${u.validFrom}–` : "";
  return `${u.code} ${u.name}${life}`;
}

export const orgMessages = {
  noName: both(
    "Sổ không ghi mã hay tên đơn vị: thêm --org MÃ",
    "The workbook names no org unit (code or name): pass --org CODE",
  ),
  matched: (written: string, u: UnitChoice) =>
    both(
      `Đơn vị theo tên trong sổ "${written}": ${u.code} ${u.name}`,
      `org unit from the workbook's name "${written}": ${u.code} ${u.name}`,
    ),
  none: (written: string) =>
    both(
      `Không có đơn vị tên "${written}" trong phạm vi của bạn: thêm --org MÃ (xem ntm admin org-units list)`,
      `No org unit named "${written}" within your scope: pass --org CODE (see ntm admin org-units list)`,
    ),
  several: (written: string, units: UnitChoice[]) =>
    both(
      `Có ${units.length} đơn vị tên "${written}"; chọn một bằng --org MÃ`,
      `${units.length} org units are named "${written}"; choose one with --org CODE`,
    ) + units.map((u) => `\n  ${unitText(u)}`).join(""),
  question: (written: string, units: UnitChoice[]) =>
    both(`Có ${units.length} đơn vị tên "${written}"`, `${units.length} org units are named "${written}"`) +
    ":\n" +
    units.map((u, i) => `  ${i + 1}) ${unitText(u)}\n`).join("") +
    `${both(`Chọn 1–${units.length}`, `choose 1–${units.length}`)}: `,
  badAnswer: both("Không chọn đơn vị nào: không gửi gì", "No org unit chosen: nothing sent"),
  lookupFailed: (why: string) =>
    `${why}\n` +
    both(
      "Không tra được đơn vị theo tên trong sổ khi không có máy chủ: thêm --org MÃ để số liệu vào hàng chờ",
      "The org unit cannot be looked up by the workbook's name without the server: pass --org CODE to queue the values",
    ),
};

/** "Xung đột ở 1 chỉ tiêu … / Conflicts on 1 indicator …" with the count in the right number. */
export function conflictsOnIndicators(n: number): string {
  return both(
    `Xung đột ở ${n} chỉ tiêu — cả sổ này và kho đã sửa; chưa ghi gì vào các ô này`,
    `${n === 1 ? "Conflict" : "Conflicts"} on ${countEn(n, "indicator")} — changed here and in the store; ${n === 1 ? "this cell was" : "these cells were"} not written`,
  );
}

export function pushesWaitLocked(n: number, sidecar: string): string {
  return both(
    `Báo cáo đã được duyệt và khóa: ${n} lần gửi chờ trong hàng chờ (${sidecar}) và sẽ được gửi khi người duyệt mở lại (chạy lại ntm push)`,
    `The report is approved and locked: ${countEn(n, "push", "pushes")} ${n === 1 ? "waits" : "wait"} in the outbox and ${n === 1 ? "goes" : "go"} when a reviewer reopens it (run ntm push again)`,
  );
}

export const pushMessages = {
  noPeriod: both(
    "Sổ không ghi kỳ báo cáo: thêm --period KỲ.",
    "The workbook does not name its period: pass --period P.",
  ),
  marksNotSent: (codes: string[]) =>
    both(
      `Tiêu chí ${codes.join(", ")} chỉ được đánh dấu đạt/chưa đạt nhưng được đo bằng số: dấu này không gửi được, hãy ghi số liệu của chỉ tiêu.`,
      `${codes.length === 1 ? "Criterion" : "Criteria"} ${codes.join(", ")} ${codes.length === 1 ? "is" : "are"} only marked met/unmet but ${codes.length === 1 ? "is" : "are"} measured by a number: the mark is not sent; enter the indicator's figure.`,
    ),
  skippedRows: (codes: string[]) =>
    `${both("Bỏ qua các dòng không có trong bộ tiêu chí", "skipped rows not in the set")}: ${codes.join(", ")}`,
  nothingNew: (revision: number) =>
    both(
      `Không có gì mới để gửi (đã khớp phiên bản ${revision}).`,
      `Nothing new to push (in step with revision ${revision}).`,
    ),
  pushed: (revision: number, key: string) =>
    both(`Đã gửi: phiên bản ${revision} của ${key}.`, `Pushed: revision ${revision}.`),
  villagesKept: (fetchedAt: string) =>
    both(
      `Máy chủ không trả lời: chia tiến độ theo danh sách thôn đã lưu lúc ${fetchedAt}; các báo cáo thôn nằm trong hàng chờ`,
      `The server did not answer: village progress split by the village list kept at ${fetchedAt}; the village reports wait in their outboxes`,
    ),
  villagesUnknown: (why: string) =>
    both(
      `Chưa gửi tiến độ thôn: không đọc được danh sách thôn của xã từ kho (${why}); chạy lại ntm push khi có mạng.`,
      `Village progress not sent: the commune's villages could not be read from the store (${why}); run ntm push again when online.`,
    ),
  notPushed: (sidecar: string) =>
    both(
      `Chưa gửi được: số liệu vẫn nằm trong hàng chờ (${sidecar}), chạy lại ntm push để gửi.`,
      `Not pushed: the values wait in the outbox (${sidecar}); run ntm push again to send them.`,
    ),
  conflicts: (n: number) =>
    both(
      `Xung đột ở ${n || "một số"} chỉ tiêu — cả bạn và người khác đã sửa; lần gửi này chờ bạn chọn.`,
      `${n === 1 ? "Conflict on 1 indicator" : n ? `Conflicts on ${n} indicators` : "Conflicts"} — changed on both sides; this push waits for your choice:`,
    ),
  refused: (status: number | string, message: string) =>
    both(
      `Bị từ chối (HTTP ${status}): ${message} — không gửi lại; sửa lỗi rồi chạy ntm push --retry-refused, hoặc bỏ bằng --discard-refused.`,
      `Refused for good: not sent again; fix it and run ntm push --retry-refused, or drop it with --discard-refused.`,
    ),
};

export const pullMessages = {
  noRevision: both(
    "Chưa có phiên bản nào trên kho cho báo cáo này.",
    "The store has no revision of this report yet.",
  ),
  otherUnit: (file: string, theirs: string, wanted: string) =>
    both(
      `Sổ ${file} là của đơn vị ${theirs}, không phải ${wanted}: không ghi gì.`,
      `${file} is the workbook of org unit ${theirs}, not ${wanted}: nothing written.`,
    ),
  wrote: (revision: number, state: ReviewState, cells: number, file: string, backup: string | undefined) =>
    both(
      `Phiên bản ${revision} (${REVIEW_STATE_TEXT.vi[state].toLowerCase()}): đã ghi ${cells} ô vào ${file}${backup ? ` (bản cũ: ${backup})` : ""}.`,
      `Revision ${revision} (${REVIEW_STATE_TEXT.en[state].toLowerCase()}): wrote ${countEn(cells, "cell")} into ${file}.`,
    ),
  wroteNew: (revision: number, indicators: number, comments: number, file: string) =>
    both(
      `Đã ghi phiên bản ${revision} (${indicators} chỉ tiêu, ${comments} nhận xét) vào sổ mới ${file}.`,
      `Wrote revision ${revision} (${countEn(indicators, "indicator")}, ${countEn(comments, "comment")}) to the new workbook ${file}.`,
    ),
  keptLocal: (codes: string[]) =>
    `${both("Giữ số liệu của sổ (chưa gửi, chạy ntm push)", "kept this workbook's values (not pushed yet)")}: ${codes.join(", ")}`,
  comment: (code: string, at: string, note: string) =>
    `${both("Nhận xét", "comment")} ${code} (${at}): ${note}`,
  general: (text: string) => `${both("Nhận xét chung", "on the whole report")}: ${text}`,
  /** The lists of what a pull left alone, each a label in both languages. */
  leftAlone: {
    unknownTargets: both(
      "Không tìm thấy chỉ tiêu trong sổ này, không ghi",
      "not located in this workbook, not written",
    ),
    formulaCells: both("Ô có công thức, giữ nguyên", "formula cells, left as they are"),
    proseCells: both(
      "Ô có chữ, giữ nguyên (hãy sửa tay)",
      "cells holding text, left as they are (edit by hand)",
    ),
    badTargets: both("Ô hoặc trang không hợp lệ, không ghi", "targets that are no cell of this workbook"),
    unwritable: both(
      "Giá trị quá dài hoặc có ký tự không ghi được",
      "values too long or with characters a cell cannot hold",
    ),
    unplaced: both("Nhận xét không rõ ô", "comments with no located cell"),
  },
};
