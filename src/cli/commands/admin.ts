/**
 * `ntm admin`: users and tokens, org units, backups — straight on the store (the same file or
 * database the server uses; SQLite's WAL lets this run while the server runs).
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import * as path from "node:path";
import { readTableRows } from "../../io/xlsx/readTableRows";
import type { CliIo } from "../cliIo";
import { roleSchema } from "../../domain/sync/protocol";
import {
  type TableRow,
  parseCsvTable,
  unitsFromGsoExtract,
  unitsFromPlainTable,
} from "../../server/seed/orgUnitRows";
import { seedStore } from "../../server/seed/seedStore";
import { Store } from "../../server/store/store";
import { displayLocation, storeLocation } from "./storeLocation";

async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open({ location: storeLocation(db) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const dbOption = [
  "--db <file|url>",
  "tệp SQLite hoặc postgres://… / SQLite file or postgres:// URL",
] as const;

export function registerAdmin(program: Command, io: CliIo): void {
  const admin = program.command("admin").description("Quản trị kho dữ liệu / administer the store");
  const user = admin.command("user").description("Người dùng và mã truy cập / users and tokens");

  user
    .command("add")
    .description("Thêm người dùng; dòng cuối là mã truy cập / add a user; the last line printed is the token")
    .requiredOption("--name <name>", "tên đăng nhập / user name")
    .requiredOption("--role <role>", "clerk | reviewer | office | admin")
    .requiredOption("--scope <code>", "mã đơn vị phạm vi (CODE hoặc CODE@YYYY-MM-DD) / scope unit code")
    .option("--days <n>", "số ngày hiệu lực của mã / token lifetime in days", "365")
    .option(...dbOption)
    .action(async (o: { name: string; role: string; scope: string; days: string; db?: string }) => {
      const days = tokenDays(o.days);
      if (days === undefined) {
        io.err(invalidDays(o.days));
        io.exitCode = 2;
        return;
      }
      const role = roleSchema.safeParse(o.role);
      if (!role.success) {
        io.err(
          `Vai trò không hợp lệ "${o.role}": dùng clerk, reviewer, office hoặc admin. / Invalid role: use clerk, reviewer, office or admin.\n`,
        );
        io.exitCode = 2;
        return;
      }
      await withStore(o.db, async (store) => {
        const tree = await store.tree();
        const [code, date] = o.scope.split("@");
        const scope = tree.resolve(code, date);
        if (!scope) {
          io.err(
            `Không có đơn vị mã ${o.scope}: nhập đơn vị trước (ntm admin org-units import / ntm admin seed). / No org unit ${o.scope}: import org units first.\n`,
          );
          io.exitCode = 1;
          return;
        }
        if (await store.findUserByName(o.name)) {
          io.err(
            `Người dùng "${o.name}" đã có: chọn tên khác. / User "${o.name}" exists: choose another name.\n`,
          );
          io.exitCode = 1;
          return;
        }
        const { token } = await store.createUser({
          name: o.name,
          role: role.data,
          scopeId: scope.id,
          tokenDays: days,
        });
        io.out(
          `Đã thêm / added ${o.name} (${role.data}, scope ${scope.code} ${scope.name}). Mã truy cập, chỉ hiện một lần / token, shown once:\n${token}\n`,
        );
      });
    });

  user
    .command("token <name>")
    .description(
      "Cấp thêm một mã truy cập cho người dùng đã có (mã cũ vẫn dùng được tới khi thu hồi); dòng cuối là mã / issue another token for an existing user (old tokens stay valid until revoked); the last line printed is the token",
    )
    .option("--days <n>", "số ngày hiệu lực của mã / token lifetime in days", "365")
    .option(...dbOption)
    .action(async (name: string, o: { days: string; db?: string }) => {
      const days = tokenDays(o.days);
      if (days === undefined) {
        io.err(invalidDays(o.days));
        io.exitCode = 2;
        return;
      }
      await withStore(o.db, async (store) => {
        const found = await store.findUserByName(name);
        if (!found || found.disabled_at) {
          io.err(
            found
              ? `Người dùng "${name}" đã bị thu hồi: thêm người dùng mới (ntm admin user add). / User "${name}" was revoked: add a new user instead.\n`
              : `Không có người dùng "${name}" (xem ntm admin user list). / No user "${name}" (see ntm admin user list).\n`,
          );
          io.exitCode = 1;
          return;
        }
        const { token, expiresAt } = await store.issueToken(found.id, days);
        io.out(
          `Mã truy cập mới cho / new token for ${name}, hết hạn / expires ${expiresAt}; các mã cũ vẫn dùng được tới khi thu hồi / older tokens stay valid until revoked. Chỉ hiện một lần / shown once:\n${token}\n`,
        );
      });
    });

  user
    .command("list")
    .description("Liệt kê người dùng / list users")
    .option(...dbOption)
    .action(async (o: { db?: string }) => {
      await withStore(o.db, async (store) => {
        for (const u of await store.listUsers()) {
          io.out(
            `${u.name}\t${u.role}\t${u.scopeCode} ${u.scopeName}\t${u.disabled ? "revoked" : "active"}\ttokens:${u.activeTokens}\t${u.createdAt}\n`,
          );
        }
      });
    });

  user
    .command("revoke <name>")
    .description("Thu hồi mọi mã của người dùng / revoke all of a user's tokens")
    .option(...dbOption)
    .action(async (name: string, o: { db?: string }) => {
      await withStore(o.db, async (store) => {
        if (await store.revokeUser(name)) io.out(`Đã thu hồi / revoked: ${name}\n`);
        else {
          io.err(`Không có người dùng "${name}" (xem ntm admin user list). / No user "${name}".\n`);
          io.exitCode = 1;
        }
      });
    });

  admin
    .command("org-units")
    .description("Đơn vị hành chính / org units")
    .command("import <file>")
    .description(
      "Nhập đơn vị từ .csv/.xlsx: dạng trích GSO (gso_code_2023,…) hoặc code,name,level,parent_code,valid_from,valid_to,successor_code",
    )
    .option(...dbOption)
    .action(async (file: string, o: { db?: string }) => {
      const rows = readTable(file);
      await withStore(o.db, async (store) => {
        const units =
          "gso_code_2023" in (rows[0] ?? {})
            ? unitsFromGsoExtract(rows)
            : unitsFromPlainTable(rows, await store.db.selectFrom("org_units").selectAll().execute());
        const n = await store.upsertOrgUnits(units);
        await store.audit({
          action: "org-units.import",
          status: 200,
          target: path.basename(file),
          detail: `${n} units`,
        });
        io.out(`Đã nhập / imported ${n} org units from ${file}\n`);
      });
    });

  admin
    .command("seed")
    .description("Nạp bộ tiêu chí và cây đơn vị Hà Tĩnh / seed criteria sets and the Hà Tĩnh org tree")
    .option(...dbOption)
    .action(async (o: { db?: string }) => {
      await withStore(o.db, async (store) => {
        const r = await seedStore(store, { demoUsers: false });
        io.out(
          `seeded ${r.sets} criteria sets, ${r.units} org units into ${displayLocation(storeLocation(o.db))}\n`,
        );
      });
    });

  admin
    .command("backup")
    .description("Sao lưu nhất quán khi máy chủ đang chạy / a consistent copy while the server runs")
    .requiredOption("-o, --output <file>", "tệp sao lưu / backup file")
    .option(...dbOption)
    .action(async (o: { output: string; db?: string }) => {
      await withStore(o.db, async (store) => {
        fs.mkdirSync(path.dirname(path.resolve(o.output)), { recursive: true });
        const r = await store.backup(o.output);
        io.out(
          r.engine === "sqlite"
            ? `Đã sao lưu / backed up (SQLite online backup) to ${o.output}\n`
            : `Đã sao lưu / backed up one snapshot of ${Object.entries(r.tables ?? {})
                .map(([t, n]) => `${t}:${n}`)
                .join(" ")} as JSON lines to ${o.output} (full restore: use pg_dump/pg_restore)\n`,
        );
      });
    });
}

function readTable(file: string): TableRow[] {
  if (/\.csv$/i.test(file)) return parseCsvTable(fs.readFileSync(file, "utf8"));
  return readTableRows(file);
}

/** Ten years: longer-lived tokens are a leak waiting to happen; rotate them instead. */
export const MAX_TOKEN_DAYS = 3650;

function invalidDays(text: string): string {
  return (
    `--days "${text}" không hợp lệ: cần số ngày nguyên từ 1 đến ${MAX_TOKEN_DAYS} (mã 0 ngày đã hết hạn ngay khi cấp). / ` +
    `--days "${text}" is invalid: give a whole number of days from 1 to ${MAX_TOKEN_DAYS} (a 0-day token is expired when issued).\n`
  );
}

/** A token lifetime from `--days`: a whole number 1…MAX_TOKEN_DAYS, else undefined (refused). */
export function tokenDays(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_TOKEN_DAYS ? n : undefined;
}
