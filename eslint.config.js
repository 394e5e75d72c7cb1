// ESLint flat config: TypeScript rules, React hooks rules for the pane, the Office add-in rules for
// the add-in code, and the layers of DESIGN.md as import restrictions (so a host that reaches into
// another, or a domain file that reaches the outside world, fails lint instead of review).
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const reactHooks = require("eslint-plugin-react-hooks");

const NODE_BUILTINS = require("node:module").builtinModules.filter((m) => !m.startsWith("_"));

// The domain core: pure TypeScript, runs unchanged in Excel, the browser, Node and the server.
const domainRestrictions = {
  paths: [
    ...NODE_BUILTINS,
    "xlsx",
    "exceljs",
    "react",
    "react-dom",
    "fastify",
    "kysely",
    "pg",
    "better-sqlite3",
    "commander",
  ].map((name) => ({
    name,
    message: "src/domain imports no host, I/O or library of a host (DESIGN.md: one domain core, thin hosts).",
  })),
  patterns: [
    {
      group: ["node:*", "@fluentui/*", "@fastify/*"],
      message: "src/domain imports no host or I/O (DESIGN.md).",
    },
    {
      group: ["**/io/*", "**/addin/*", "**/server/*", "**/cli/*", "**/client/*"],
      message: "src/domain imports no adapter: hosts call the domain, never the reverse.",
    },
  ],
};

// SheetJS is reached only through src/io/xlsx (the hardened reader, the package patcher).
const sheetJsOnlyThroughIo = {
  name: "xlsx",
  message: "Hosts reach SheetJS only through src/io/xlsx (bounded reads, in-place writes).",
};

module.exports = tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "test/fixtures/**", "bench/.tmp/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", domainRestrictions] },
  },
  {
    files: ["src/domain/sheet/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...domainRestrictions,
          patterns: [
            ...domainRestrictions.patterns,
            {
              group: ["**/consolidate", "**/consolidate/*"],
              message:
                "domain/sheet reads workbooks; consolidation builds on it, not the reverse (no cycle).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [sheetJsOnlyThroughIo],
          patterns: [
            {
              group: ["**/addin/*"],
              message: "The CLI does not import the add-in: shared client code lives in src/client.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/server/**/*.ts", "src/client/**/*.ts", "src/addin/**/*.ts", "src/addin/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [sheetJsOnlyThroughIo],
          patterns: [{ group: ["**/cli/*"], message: "Hosts do not import the CLI." }],
        },
      ],
    },
  },
  {
    // Tests read JSON printed by the CLI and the API; typing every probe would only restate it.
    files: ["test/**/*.ts", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/addin/**/*.tsx", "src/addin/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["src/addin/**/*.ts", "src/addin/**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    // Only the office-addins/* rules of the plugin's recommended set (its other entries are
    // prettier and style rules we do not use).
    rules: Object.fromEntries(
      officeAddins.configs.recommended
        .flatMap((c) => Object.entries(c.rules ?? {}))
        .filter(([name]) => name.startsWith("office-addins/")),
    ),
  },
);
