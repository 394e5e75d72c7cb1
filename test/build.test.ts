/**
 * The production build: dist-like output holds the task pane page, functions.json, the bundles and
 * a manifest pointing at ADDIN_URL that still passes the offline check.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkManifestFile } from "../scripts/manifest/checkManifest";
import { validateManifestFile } from "../scripts/manifest/validateManifestSchema";

const root = path.resolve(__dirname, "..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-build-"));
const ADDIN_URL = "https://ntm.hatinh.example.vn/addin";

beforeAll(() => {
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    {
      cwd: root,
      env: { ...process.env, ADDIN_URL },
      stdio: "pipe",
    },
  );
}, 180000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

it("writes the page, the bundles, functions.json, the icons and the manifest", () => {
  for (const f of [
    "taskpane.html",
    "taskpane.js",
    "functions.js",
    "commands.js",
    "functions.json",
    "manifest.xml",
    "assets/icon-80.png",
  ]) {
    expect(fs.existsSync(path.join(out, f))).toBe(true);
  }
  const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
  // The shared runtime page loads all three bundles.
  for (const js of ["functions.js", "commands.js", "taskpane.js"]) expect(html).toContain(js);
  const meta = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8"));
  expect(meta.functions.length).toBeGreaterThan(0);
});

it("points every manifest URL at ADDIN_URL and still passes the offline check and the published schema", () => {
  const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain(`${ADDIN_URL}/taskpane.html`);
  expect(manifest).toContain("<AppDomain>https://ntm.hatinh.example.vn</AppDomain>");
  expect(checkManifestFile(path.join(out, "manifest.xml"), { rootDir: out, baseUrl: ADDIN_URL })).toEqual([]);
  expect(validateManifestFile(path.join(out, "manifest.xml"))).toEqual({ valid: true, errors: [] });
});

it("refuses an ADDIN_URL that is not https", () => {
  expect(() =>
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out + "-bad"],
      {
        cwd: root,
        env: { ...process.env, ADDIN_URL: "http://plain.example" },
        stdio: "pipe",
      },
    ),
  ).toThrow(/ADDIN_URL must be an https URL/);
}, 60000);

describe("the Node build (what npm start and bin/ntm run)", () => {
  // Inside the repository, so the compiled code resolves node_modules as build/ does.
  fs.mkdirSync(path.join(root, "test", ".tmp"), { recursive: true });
  const nodeOut = fs.mkdtempSync(path.join(root, "test", ".tmp", "node-build-"));
  afterAll(() => fs.rmSync(nodeOut, { recursive: true, force: true }));

  it("compiles without errors and the compiled CLI runs", () => {
    execFileSync(
      process.execPath,
      [
        require.resolve("typescript/bin/tsc"),
        "-p",
        "tsconfig.build.json",
        "--outDir",
        nodeOut,
        "--tsBuildInfoFile",
        path.join(nodeOut, ".tsbuildinfo"),
      ],
      {
        cwd: root,
        stdio: "pipe",
      },
    );
    const out = execFileSync(
      process.execPath,
      [
        "-e",
        `require(${JSON.stringify(path.join(nodeOut, "cli", "main.js"))}).main(["node","ntm","criteria","list","--json"]).then(c=>process.exitCode=c)`,
      ],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    const sets = JSON.parse(out) as { id: string }[];
    expect(sets.map((s) => s.id)).toContain("vn-xa-ntm-2021-2025");
  }, 180000);
});
