/**
 * What `ntm push` and `ntm pull` say about finding the org unit, and the counted phrases of their
 * accounts ("1 indicator", "2 indicators"). The conflict and outbox texts live beside them in
 * commands/syncWords.ts and push.ts; new text goes here.
 */
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
