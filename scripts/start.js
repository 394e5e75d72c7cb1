#!/usr/bin/env node
// `npm start`: build when build/ or dist/ is missing or older than the sources, then run
// `ntm serve` on ./data/ntm.sqlite, seeding it (criteria sets, Hà Tĩnh org units, one demo user
// per role, whose tokens are printed once) on first run. Extra arguments go to `ntm serve`
// (e.g. `npm start -- --http --port 8080`).
"use strict";
const { spawnSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const dbFile = path.join(root, "data", "ntm.sqlite");

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) {
    if (e === "node_modules" || e.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e)));
  }
  return newest;
}

function oldestOutput(p) {
  return fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0;
}

const sources = Math.max(
  newestMtime(path.join(root, "src")),
  newestMtime(path.join(root, "manifest.xml")),
  newestMtime(path.join(root, "assets")),
);
const cliMain = path.join(root, "build", "cli", "main.js");
const taskpane = path.join(root, "dist", "taskpane.html");
const stale =
  !fs.existsSync(cliMain) ||
  !fs.existsSync(taskpane) ||
  Math.min(oldestOutput(cliMain), oldestOutput(taskpane)) < sources;
if (stale) {
  console.log("Đang build (lần đầu hoặc mã nguồn đã đổi) / building (first run or sources changed)…");
  const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) {
    console.error("Build thất bại / build failed: xem lỗi ở trên / see the errors above.");
    process.exit(r.status || 1);
  }
  // tsc leaves unchanged outputs untouched; mark the build as fresh so the next start does not rebuild.
  const now = new Date();
  for (const f of [cliMain, taskpane]) if (fs.existsSync(f)) fs.utimesSync(f, now, now);
}

const firstRun = !fs.existsSync(dbFile);
const args = [
  cliMain,
  "serve",
  "--db",
  dbFile,
  "--static",
  path.join(root, "dist"),
  "--seed",
  ...(firstRun ? ["--demo-users"] : []),
  ...process.argv.slice(2),
];
if (!firstRun)
  console.log(
    `Dùng kho có sẵn / using the existing store ${path.relative(root, dbFile)} (demo tokens were printed on its first run; new ones: ntm admin user add …)`,
  );
// bin/ntm.js's job, inlined so the server gets signals directly.
const child = spawn(
  process.execPath,
  [
    "-e",
    `require(${JSON.stringify(cliMain)}).main(${JSON.stringify(["node", "ntm", ...args.slice(1)])}).then(c => { process.exitCode = c; })`,
  ],
  { cwd: root, stdio: "inherit" },
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
