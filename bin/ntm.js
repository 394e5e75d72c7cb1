#!/usr/bin/env node
// The `ntm` command: runs the compiled CLI (npm run build:node makes build/).
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const main = path.join(__dirname, "..", "build", "cli", "main.js");
if (!fs.existsSync(main)) {
  console.error(
    "ntm: chưa biên dịch — hãy chạy `npm run build` trước. / not built yet: run `npm run build` first.",
  );
  process.exit(2);
}
require(main)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
