/**
 * What `ntm admin targets` and `ntm admin calendar` say: what was set, what is stored, and each
 * problem of a refused file with its row and column — Vietnamese first, English second.
 */
import type { InputProblem } from "../../domain/rhythm/periodTargetsFile";
import { both, countEn } from "./cliText";

export const rhythmSettingsMessages = {
  unreadable: (file: string, why: string) =>
    both(`Không đọc được tệp ${file}: ${why}`, `Cannot read ${file}: ${why}`) + "\n",
  refused: (file: string, problems: readonly InputProblem[]) =>
    both(
      `${file}: ${problems.length} lỗi, chưa lưu gì — sửa rồi chạy lại`,
      `${file}: ${countEn(problems.length, "problem")}, nothing saved — fix and run again`,
    ) +
    "\n" +
    problems.map((p) => `  ${both(p.vi, p.en)}\n`).join(""),
  targetsSet: (n: number) => both(`Đã đặt ${n} chỉ tiêu kỳ`, `set ${countEn(n, "period target")}`) + "\n",
  noTargets: (under: string) =>
    both(`Chưa có chỉ tiêu kỳ nào trong ${under}`, `No period targets within ${under}`) + "\n",
  targetsHeader:
    "Đơn vị / unit\tKỳ / period\tHạng mục / item\tChỉ tiêu / target\tĐVT / unit\tGhi chú / label\n",
  calendarSet: (province: string) =>
    both(`Đã đặt lịch nộp báo cáo của tỉnh ${province}`, `reporting calendar of province ${province} set`) +
    "\n",
  calendarSource: (province: string, stored: boolean) =>
    (stored
      ? both(
          `Lịch nộp báo cáo của tỉnh ${province} (đã lưu)`,
          `reporting calendar of province ${province} (stored)`,
        )
      : both(
          `Tỉnh ${province} chưa lưu lịch riêng: áp dụng lịch Hà Tĩnh`,
          `Province ${province} has stored no calendar: Hà Tĩnh's applies`,
        )) + "\n",
  unverified: (rules: readonly string[]) =>
    both(
      `* Hạn nộp giả định, chưa xác nhận từ văn bản: ${rules.join("; ")}`,
      `* placeholder due days, not confirmed from a decision: ${rules.join("; ")}`,
    ) + "\n",
  notProvince: (code: string) =>
    both(`${code} không phải là mã tỉnh`, `${code} is not a province code`) + "\n",
};
