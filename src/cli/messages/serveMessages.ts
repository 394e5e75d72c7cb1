/** What `ntm serve` says before it listens: the seeding it did and a port it cannot use. */
import { LOG_LEVELS } from "../../server/requestLog";
import { both, countEn } from "./cliText";

export const serveMessages = {
  seeded: (sets: number, units: number) =>
    both(
      `Đã nạp dữ liệu ban đầu: ${sets} bộ tiêu chí, ${units} đơn vị`,
      `seeded ${countEn(sets, "criteria set")}, ${countEn(units, "org unit")}`,
    ) + "\n",
  badLogLevel: (value: string) =>
    both(
      `mức nhật ký "${value}" không có (dùng: ${LOG_LEVELS.join(", ")})`,
      `unknown log level "${value}" (use: ${LOG_LEVELS.join(", ")})`,
    ),
  badPort: (value: string) =>
    both(
      `cổng "${value}" không hợp lệ: cần số từ 0 đến 65535`,
      `port "${value}" is invalid: give a number from 0 to 65535`,
    ),
};
