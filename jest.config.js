// Unit tests sit next to their modules (src/**/*.test.ts); cross-module and browser tests in test/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // Type errors are `npm run typecheck`'s job; here isolated transpiling keeps tests fast.
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock 4 reaches an ESM-only file through office-addin-manifest (STACK-NOTES.md).
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 30000,
  maxWorkers: 2,
};
