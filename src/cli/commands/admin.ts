/**
 * `ntm admin`: users and tokens, org units, seeding, backups — straight on the store (the same file
 * or database the server uses; SQLite's WAL lets this run while the server runs). Each command says
 * which store it works on when --db is not given (adminStore.ts).
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { roleSchema, type Role } from "../../domain/sync/protocol";
import { seedStore } from "../../server/seed/seedStore";
import { misuse } from "../messages/cliText";
import { adminMessages as say } from "../messages/adminMessages";
import { registerAdminCriteria } from "./adminCriteria";
import { registerAdminOrgUnits } from "./adminOrgUnits";
import { registerAdminRhythmSettings } from "./adminRhythmSettings";
import { resolveScope } from "./adminScope";
import { onCheckedStore, onStore, refuse } from "./adminStore";
import { displayLocation, storeLocation } from "./storeLocation";

const daysOption = ["--days <n>", "số ngày hiệu lực của mã / token lifetime in days", "365"] as const;

/** The lifetime asked for, or undefined after refusing it (exit 2). */
function daysOf(text: string, io: CliIo): number | undefined {
  const days = tokenDays(text);
  if (days === undefined) misuse(io, "admin", ...say.invalidDays(text, MAX_TOKEN_DAYS));
  return days;
}

function registerUsers(admin: Command, io: CliIo): void {
  const user = admin.command("user").description("Người dùng và mã truy cập / users and tokens");

  onCheckedStore<{ name: string; role: string; scope: string; days: string }, { days: number; role: Role }>(
    user
      .command("add")
      .description(
        "Thêm người dùng; dòng cuối là mã truy cập / add a user; the last line printed is the token",
      )
      .requiredOption("--name <name>", "tên đăng nhập / user name")
      .requiredOption("--role <role>", "clerk | reviewer | office | admin")
      .requiredOption(
        "--scope <unit>",
        'đơn vị phạm vi: mã hoặc tên, tùy chọn @YYYY-MM-DD (18502, "Xã Hà Linh") / scope unit: code or name, optionally @YYYY-MM-DD',
      )
      .option(...daysOption),
    io,
    (o) => {
      const days = daysOf(o.days, io);
      if (days === undefined) return undefined;
      const role = roleSchema.safeParse(o.role);
      if (role.success) return { days, role: role.data };
      io.err(say.invalidRole(o.role));
      io.exitCode = 2;
      return undefined;
    },
    async (store, { o, prepared: { days, role } }) => {
      const today = new Date().toISOString().slice(0, 10);
      const scope = resolveScope(await store.tree(), o.scope, today, io);
      if (!scope) {
        io.exitCode = 1; // resolveScope has said why
        return;
      }
      if (await store.findUserByName(o.name)) return refuse(io, say.userExists(o.name));
      const { token } = await store.createUser({ name: o.name, role, scopeId: scope.id, tokenDays: days });
      io.out(`${say.added(o.name, role, `${scope.code} ${scope.name}`)}${token}\n`);
    },
  );

  onCheckedStore<{ days: string }, number>(
    user
      .command("token <name>")
      .description(
        "Cấp thêm một mã truy cập cho người dùng đã có (mã cũ vẫn dùng được tới khi thu hồi); dòng cuối là mã / issue another token for an existing user (old tokens stay valid until revoked); the last line printed is the token",
      )
      .option(...daysOption),
    io,
    (o) => daysOf(o.days, io),
    async (store, { args: [name = ""], prepared: days }) => {
      const found = await store.findUserByName(name);
      if (!found || found.disabled_at) return refuse(io, found ? say.revokedUser(name) : say.noUser(name));
      const { token, expiresAt } = await store.issueToken(found.id, days);
      io.out(`${say.newToken(name, expiresAt)}${token}\n`);
    },
  );

  onStore(user.command("list").description("Liệt kê người dùng / list users"), io, async (store) => {
    for (const u of await store.listUsers()) {
      const state = u.disabled ? "revoked" : "active";
      io.out(
        `${u.name}\t${u.role}\t${u.scopeCode} ${u.scopeName}\t${state}\ttokens:${u.activeTokens}\t${u.createdAt}\n`,
      );
    }
  });

  onStore(
    user
      .command("revoke <name>")
      .description("Thu hồi mọi mã của người dùng / revoke all of a user's tokens"),
    io,
    async (store, { args: [name = ""] }) => {
      if (await store.revokeUser(name)) io.out(say.revoked(name));
      else refuse(io, say.noUser(name));
    },
  );
}

export function registerAdmin(program: Command, io: CliIo): void {
  const admin = program.command("admin").description("Quản trị kho dữ liệu / administer the store");
  registerUsers(admin, io);
  registerAdminOrgUnits(admin, io);
  registerAdminCriteria(admin, io);
  registerAdminRhythmSettings(admin, io);

  onStore(
    admin
      .command("seed")
      .description("Nạp bộ tiêu chí và cây đơn vị Hà Tĩnh / seed criteria sets and the Hà Tĩnh org tree"),
    io,
    async (store, { o }) => {
      const r = await seedStore(store, { demoUsers: false });
      io.out(say.seeded(r.sets, r.units, displayLocation(storeLocation(o.db))));
    },
  );

  onStore<{ output: string }>(
    admin
      .command("backup")
      .description("Sao lưu nhất quán khi máy chủ đang chạy / a consistent copy while the server runs")
      .requiredOption("-o, --output <file>", "tệp sao lưu / backup file"),
    io,
    async (store, { o }) => {
      fs.mkdirSync(path.dirname(path.resolve(o.output)), { recursive: true });
      const r = await store.backup(o.output);
      const tables = Object.entries(r.tables ?? {})
        .map(([t, n]) => `${t}:${n}`)
        .join(" ");
      io.out(r.engine === "sqlite" ? say.backedUpSqlite(o.output) : say.backedUpPostgres(tables, o.output));
    },
  );
}

/** Ten years: longer-lived tokens are a leak waiting to happen; rotate them instead. */
export const MAX_TOKEN_DAYS = 3650;

/** A token lifetime from `--days`: a whole number 1…MAX_TOKEN_DAYS, else undefined (refused). */
export function tokenDays(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_TOKEN_DAYS ? n : undefined;
}
