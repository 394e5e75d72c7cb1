/**
 * What `ntm admin` says: which store it works on, users and tokens, org units, seeding and backups.
 * Vietnamese first, English second; English counts in the right number.
 */
import { both, countEn } from "./cliText";

type Pair = [vi: string, en: string];

export const adminMessages = {
  /** Said on stderr when --db is not given, so nobody administers the wrong store unknowingly. */
  storeInUse: (location: string, from: "env" | "default") =>
    both(
      `Kho dữ liệu: ${location} (${from === "env" ? "theo biến DATABASE_URL" : "mặc định"}; chọn kho khác bằng --db)`,
      `store: ${location} (${from === "env" ? "from DATABASE_URL" : "the default"}; choose another with --db)`,
    ) + "\n",
  invalidRole: (role: string) =>
    `Vai trò không hợp lệ "${role}": dùng clerk, reviewer, office hoặc admin. / Invalid role "${role}": use clerk, reviewer, office or admin.\n`,
  noUnit: (scope: string) =>
    both(
      `Không có đơn vị mã hoặc tên "${scope}": nhập đơn vị trước (ntm admin org-units import / ntm admin seed), xem ntm admin org-units list`,
      `No org unit with code or name "${scope}": import org units first, see ntm admin org-units list`,
    ) + "\n",
  severalUnits: (scope: string, units: { code: string; name: string; level: string }[]) =>
    both(
      `Có ${units.length} đơn vị tên "${scope}": dùng --scope MÃ`,
      `${units.length} org units are named "${scope}": use --scope CODE`,
    ) +
    units.map((u) => `\n  ${u.code} ${u.name} (${u.level})`).join("") +
    "\n",
  scopeMatched: (scope: string, u: { code: string; name: string }) =>
    both(
      `Phạm vi "${scope}" là đơn vị ${u.code} ${u.name}`,
      `scope "${scope}" is org unit ${u.code} ${u.name}`,
    ) + "\n",
  userExists: (name: string) =>
    `Người dùng "${name}" đã có: chọn tên khác. / User "${name}" exists: choose another name.\n`,
  added: (name: string, role: string, scope: string) =>
    `Đã thêm / added ${name} (${role}, scope ${scope}). Mã truy cập, chỉ hiện một lần / token, shown once:\n`,
  revokedUser: (name: string) =>
    `Người dùng "${name}" đã bị thu hồi: thêm người dùng mới (ntm admin user add). / User "${name}" was revoked: add a new user instead.\n`,
  noUser: (name: string) =>
    `Không có người dùng "${name}" (xem ntm admin user list). / No user "${name}" (see ntm admin user list).\n`,
  newToken: (name: string, expiresAt: string) =>
    `Mã truy cập mới cho / new token for ${name}, hết hạn / expires ${expiresAt}; các mã cũ vẫn dùng được tới khi thu hồi / older tokens stay valid until revoked. Chỉ hiện một lần / shown once:\n`,
  revoked: (name: string) => `Đã thu hồi / revoked: ${name}\n`,
  imported: (n: number, file: string) =>
    both(`Đã nhập ${n} đơn vị từ ${file}`, `imported ${countEn(n, "org unit")} from ${file}`) + "\n",
  seeded: (sets: number, units: number, location: string) =>
    both(
      `Đã nạp ${sets} bộ tiêu chí, ${units} đơn vị vào ${location}`,
      `seeded ${countEn(sets, "criteria set")}, ${countEn(units, "org unit")} into ${location}`,
    ) + "\n",
  backedUpSqlite: (file: string) => `Đã sao lưu / backed up (SQLite online backup) to ${file}\n`,
  backedUpPostgres: (tables: string, file: string) =>
    `Đã sao lưu / backed up one snapshot of ${tables} as JSON lines to ${file} (full restore: use pg_dump/pg_restore)\n`,
  noUnitUnder: (code: string) =>
    both(
      `Không có đơn vị mã ${code} (xem ntm admin org-units list)`,
      `No org unit ${code} (see ntm admin org-units list)`,
    ) + "\n",
  unitCount: (n: number) => both(`${n} đơn vị`, countEn(n, "org unit")) + "\n",
  invalidDays: (text: string, max: number): Pair => [
    `--days "${text}" không hợp lệ: cần số ngày nguyên từ 1 đến ${max} (mã 0 ngày đã hết hạn ngay khi cấp)`,
    `--days "${text}" is invalid: give a whole number of days from 1 to ${max} (a 0-day token is expired when issued)`,
  ],
};
