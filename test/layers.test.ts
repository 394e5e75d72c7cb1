// The layers of DESIGN.md are lint rules (eslint.config.js). These cases show the rules bite: a
// domain file reaching Node or an adapter, the CLI reaching the add-in, a host importing SheetJS
// directly — and that the allowed imports stay allowed.
import { ESLint } from "eslint";
import * as path from "node:path";

// The config is passed in rather than discovered: ESLint loads config files with a dynamic import,
// which jest's VM does not allow.
const eslint = new ESLint({
  cwd: path.resolve(__dirname, ".."),
  overrideConfigFile: true,
  overrideConfig: require("../eslint.config.js"),
});

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, "..", file) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import layers", () => {
  it.each([
    ["src/domain/sheet/x.ts", 'import * as fs from "node:fs";\nexport const a = fs;'],
    ["src/domain/sheet/x.ts", 'import * as fs from "fs";\nexport const a = fs;'],
    ["src/domain/evaluate/x.ts", 'import * as XLSX from "xlsx";\nexport const a = XLSX;'],
    [
      "src/domain/evaluate/x.ts",
      'import { readWorkbookFile } from "../../io/xlsx/readWorkbook";\nexport const a = readWorkbookFile;',
    ],
    [
      "src/domain/sync/x.ts",
      'import { SyncClient } from "../../client/syncClient";\nexport const a = SyncClient;',
    ],
    ["src/domain/sheet/x.ts", 'import { consolidate } from "../consolidate";\nexport const a = consolidate;'],
    ["src/domain/review/x.ts", 'import React from "react";\nexport const a = React;'],
    [
      "src/cli/commands/x.ts",
      'import { loadSession } from "../../addin/sync/syncStorage";\nexport const a = loadSession;',
    ],
    ["src/cli/commands/x.ts", 'import * as XLSX from "xlsx";\nexport const a = XLSX;'],
    ["src/server/x.ts", 'import * as XLSX from "xlsx";\nexport const a = XLSX;'],
  ])("%s refuses %s", async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    [
      "src/domain/sheet/x.ts",
      'import { z } from "zod";\nimport { evaluate } from "../evaluate";\nexport const a = [z, evaluate];',
    ],
    [
      "src/domain/consolidate/x.ts",
      'import { readReport } from "../sheet/readReport";\nexport const a = readReport;',
    ],
    [
      "src/io/xlsx/x.ts",
      'import * as XLSX from "xlsx";\nimport * as fs from "node:fs";\nexport const a = [XLSX, fs];',
    ],
    [
      "src/cli/commands/x.ts",
      'import { SyncClient } from "../../client/syncClient";\nexport const a = SyncClient;',
    ],
  ])("%s allows %s", async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
