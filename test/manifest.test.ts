import * as fs from "node:fs";
import * as path from "node:path";
import { checkManifestXml, checkManifestFile } from "../scripts/manifest/checkManifest";

const root = path.resolve(__dirname, "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const check = (text: string) => checkManifestXml(text, { rootDir: root });

describe("offline manifest check", () => {
  it("passes on the shipped manifest.xml", () => {
    expect(checkManifestFile(path.join(root, "manifest.xml"))).toEqual([]);
  });

  it("declares Vietnamese first with English overrides, the NTM namespace and the three ribbon buttons", () => {
    expect(xml).toContain("<DefaultLocale>vi-VN</DefaultLocale>");
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="NTM"\/>/);
    for (const id of ["NTM.OpenPane", "NTM.CheckAndFlag", "NTM.SyncNow"]) expect(xml).toContain(`id="${id}"`);
  });

  // Each broken copy must be caught, with a message that says what is wrong.
  const broken: [string, (s: string) => string, RegExp][] = [
    ["malformed XML", (s) => s.replace("</Hosts>", ""), /not well-formed/],
    [
      "an undefined resid",
      (s) => s.replace('<Label resid="Check.Label"/>', '<Label resid="Check.Missing"/>'),
      /resid "Check.Missing".*not defined/,
    ],
    [
      "a resid in the wrong table",
      (s) => s.replace('<Label resid="Sync.Label"/>', '<Label resid="Sync.Tooltip"/>'),
      /resid "Sync.Tooltip".*short/,
    ],
    [
      "a plain-http URL",
      (s) => s.replace("https://localhost:3000/functions.js", "http://localhost:3000/functions.js"),
      /must be https/,
    ],
    [
      "a URL outside the base",
      (s) => s.replace("https://localhost:3000/functions.json", "https://evil.example/functions.json"),
      /not under the add-in's base URL/,
    ],
    [
      "elements out of order",
      (s) => s.replace(/(<ProviderName>.*<\/ProviderName>)\s*(<DefaultLocale>.*<\/DefaultLocale>)/, "$2$1"),
      /out of order/,
    ],
    [
      "a missing required element",
      (s) => s.replace(/<Permissions>.*<\/Permissions>/, ""),
      /<Permissions> is missing/,
    ],
    [
      "the shared runtime required to install",
      (s) =>
        s.replace(
          '<Set Name="ExcelApi" MinVersion="1.1"/>',
          '<Set Name="ExcelApi" MinVersion="1.1"/><Set Name="SharedRuntime" MinVersion="1.1"/>',
        ),
      /SharedRuntime in the base <Requirements> stops the add-in installing/,
    ],
    [
      "no SharedRuntime behind the ribbon",
      (s) =>
        s.replace(
          '<bt:Set Name="SharedRuntime" MinVersion="1.1"/>',
          '<bt:Set Name="AddinCommands" MinVersion="1.1"/>',
        ),
      /SharedRuntime 1.1 is not declared in <VersionOverrides>/,
    ],
    [
      "too new an ExcelApi to install on Excel 2016",
      (s) => s.replace('<Set Name="ExcelApi" MinVersion="1.1"/>', '<Set Name="ExcelApi" MinVersion="1.13"/>'),
      /must ask for ExcelApi 1.1 exactly \(declared 1.13\)/,
    ],
    [
      "an icon of the wrong size",
      (s) => s.replace('size="80" resid="Icon.80x80"', 'size="80" resid="Icon.32x32"'),
      /declared 80×80/,
    ],
    [
      "a missing icon file",
      (s) => s.replace("assets/icon-16.png", "assets/icon-17.png"),
      /icon-17.png.*does not exist/,
    ],
    ["a short-lived runtime", (s) => s.replace('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
    [
      "no English display name",
      (s) => s.replace('<Override Locale="en-US" Value="NTM Tracker – New Rural Development"/>', ""),
      /DisplayName> needs an English/,
    ],
  ];
  it.each(broken)("fails on %s", (_name, breakIt, expected) => {
    const mutated = breakIt(xml);
    expect(mutated).not.toEqual(xml);
    const problems = check(mutated);
    expect(problems.join("\n")).toMatch(expected);
  });
});
