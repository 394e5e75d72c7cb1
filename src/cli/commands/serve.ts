/**
 * `ntm serve`: the sync server with the built add-in. Runs until SIGINT/SIGTERM; the first line on
 * stdout says where it listens (tests and scripts/start.js read it). After it, the server logs one
 * JSON line per request and every error with its cause (pino), to stdout or `--log FILE`.
 */
import { type Command, InvalidArgumentError, Option } from "commander";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { buildApp } from "../../server/app";
import { ensureDevCertificate } from "../../server/devCertificate";
import { LOG_LEVELS, type LogLevel } from "../../server/requestLog";
import { seedStore } from "../../server/seed/seedStore";
import { Store } from "../../server/store/store";
import { serveMessages } from "../messages/serveMessages";
import { displayLocation, storeLocation } from "./storeLocation";

function parseLogLevel(value: string): string {
  if (!LOG_LEVELS.includes(value as LogLevel))
    throw new InvalidArgumentError(serveMessages.badLogLevel(value));
  return value;
}

/** A TCP port, 0–65535 (0: any free one), refused at parse time before a certificate is made. */
function parsePort(value: string): string {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) throw new InvalidArgumentError(serveMessages.badPort(value));
  return String(n);
}

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  http?: boolean;
  seed?: boolean;
  demoUsers?: boolean;
  static: string;
  corsOrigin: string[];
  log?: string;
  logLevel: string;
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command("serve")
    .description(
      "Chạy máy chủ đồng bộ / run the sync server (HTTPS with the Office dev certificate unless --http)",
    )
    .option(
      "--db <file|url>",
      "tệp SQLite hoặc postgres://… / SQLite file or postgres:// URL (default: $DATABASE_URL or data/ntm.sqlite)",
    )
    .addOption(
      new Option("--port <n>", "cổng / port (0 = any free port)").default("3000").argParser(parsePort),
    )
    .option("--host <addr>", "địa chỉ lắng nghe / listen address", "127.0.0.1")
    .option("--http", "HTTP thường (sau proxy) / plain HTTP behind a proxy")
    .option(
      "--seed",
      "nạp bộ tiêu chí và đơn vị Hà Tĩnh nếu kho trống / seed criteria sets and the Hà Tĩnh org tree when empty",
    )
    .option(
      "--demo-users",
      "tạo người dùng mẫu (một mỗi vai trò) nếu chưa có, in mã một lần / create demo users once and print their tokens",
    )
    .option("--static <dir>", "thư mục add-in đã build / built add-in directory", "dist")
    .option(
      "--cors-origin <origin>",
      "nguồn được phép gọi API (lặp lại được) / allowed browser origin (repeatable)",
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option("--log <file>", "ghi nhật ký vào tệp này (mặc định: stdout) / append the log to this file")
    .addOption(
      new Option("--log-level <level>", `mức nhật ký / log level: ${LOG_LEVELS.join(", ")}`)
        .default("info")
        .argParser(parseLogLevel),
    )
    .action(async (opts: ServeOptions) => {
      io.exitCode = await serve(opts, io);
    });
}

async function serve(opts: ServeOptions, io: CliIo): Promise<number> {
  const location = storeLocation(opts.db);
  const store = await Store.open({ location });
  // Shipped criteria sets are content-addressed: saving them again adds only changed definitions.
  const treeSize = (await store.tree()).size;
  if (opts.seed || opts.demoUsers) {
    const seeded = await seedStore(store, { demoUsers: Boolean(opts.demoUsers) });
    if (treeSize === 0) io.out(serveMessages.seeded(seeded.sets, seeded.units));
    if (seeded.demoTokens.length) {
      io.out("Mã truy cập mẫu (chỉ hiện một lần) / demo tokens (shown once, only hashes are stored):\n");
      for (const t of seeded.demoTokens)
        io.out(`  ${t.role.padEnd(8)} ${t.name.padEnd(26)} scope ${t.scope.padEnd(6)} ${t.token}\n`);
    }
  }
  let https: { key: Buffer; cert: Buffer } | undefined;
  if (!opts.http) {
    const cert = await ensureDevCertificate();
    https = { key: cert.key, cert: cert.cert };
    if (cert.generated)
      io.out(
        `Đã tạo chứng chỉ phát triển / generated the dev certificate in ${cert.files.dir} (trust ca.crt: npx office-addin-dev-certs install)\n`,
      );
  }
  const app = await buildApp({
    store,
    https,
    staticDir: path.resolve(opts.static),
    corsOrigins: opts.corsOrigin,
    logger: { level: opts.logLevel as LogLevel, ...(opts.log ? { file: path.resolve(opts.log) } : {}) },
  });
  await app.listen({ port: Number(opts.port), host: opts.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : Number(opts.port);
  const base = `${opts.http ? "http" : "https"}://${opts.host === "127.0.0.1" && !opts.http ? "localhost" : opts.host}:${port}`;
  io.out(`ntm serve: listening on ${base} (store ${store.engine}: ${displayLocation(location)})\n`);
  io.out(
    `  task pane: ${base}/taskpane.html\n  manifest:  ${base}/manifest.xml\n  API docs:  ${base}/api/docs (${base}/api/openapi.json)\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await app.close();
  await store.close();
  return 0;
}
