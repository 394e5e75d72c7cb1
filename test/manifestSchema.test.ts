/**
 * The manifest Office reads must be valid against the published add-in manifest schema, both as
 * checked in (development URLs) and as the build writes it for an office's own server; and the
 * requirements must let Excel 2016 (ExcelApi 1.1) install it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { validateManifestXml } from "../scripts/manifest/validateManifestSchema";

// webpack.config.js's own CommonJS helper.
const { builtManifest } = require("../scripts/manifest/builtManifest") as {
  builtManifest(content: string, url: string): string;
};

const root = path.resolve(__dirname, "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("manifest against the published XML schema (xmllint)", () => {
  it("manifest.xml validates", () => {
    expect(validateManifestXml(xml)).toEqual({ valid: true, errors: [] });
  });

  it("the built manifest for an office's server validates, by the function the build uses", () => {
    const built = builtManifest(xml, "https://ntm.hatinh.example.vn/addin");
    expect(built).toContain("https://ntm.hatinh.example.vn/addin/taskpane.html");
    expect(built).not.toContain("localhost");
    expect(validateManifestXml(built)).toEqual({ valid: true, errors: [] });
  });

  it("fails, naming the line, on what Office would refuse", () => {
    const bad = xml.replace('<bt:Set Name="SharedRuntime" MinVersion="1.1"/>', '<bt:Set MinVersion="1.1"/>');
    expect(bad).not.toEqual(xml);
    const r = validateManifestXml(bad);
    expect(r.valid).toBe(false);
    expect(r.errors.join("\n")).toMatch(/manifest\.xml:\d+: .*Set.*Name.*required/);
    const misplaced = xml.replace(/(<Permissions>.*<\/Permissions>)/, "$1$1");
    expect(validateManifestXml(misplaced).valid).toBe(false);
  });
});

describe("requirements: installs on Excel 2016, the rest only where Excel has it", () => {
  const base =
    /<\/Hosts>\s*(?:<!--[\s\S]*?-->\s*)?<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? "";
  const override = /<VersionOverrides[\s\S]*?<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? "";

  it("asks only ExcelApi 1.1 to install", () => {
    expect(
      [...base.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`),
    ).toEqual(["ExcelApi 1.1"]);
  });

  it("puts the ribbon, shared runtime and custom functions behind SharedRuntime in <VersionOverrides>", () => {
    expect(override).toMatch(/<bt:Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(base).not.toMatch(/SharedRuntime|CustomFunctionsRuntime/);
  });
});
