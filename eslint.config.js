// ESLint flat config: TypeScript rules plus the Office add-in rules for the add-in code.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

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
    // Tests read JSON printed by the CLI and the API; typing every probe would only restate it.
    files: ["test/**/*.ts", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
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
