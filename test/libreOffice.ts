/**
 * LibreOffice Calc for the tests that check the formulas we write by having another spreadsheet
 * program recalculate them. Like Chromium and PostgreSQL: missing on a developer's machine, the test
 * is skipped with a notice; missing in CI, the test fails, so CI never passes by skipping it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const SOFFICE = [
  "/usr/bin/soffice",
  "/usr/bin/libreoffice",
  "/usr/lib/libreoffice/program/soffice",
].find((p) => fs.existsSync(p));

if (!SOFFICE && !process.env.CI)
  console.log(
    "LibreOffice is not installed: formula recalculation tests are skipped / bỏ qua kiểm tra tính lại công thức (apt-get install libreoffice-calc-nogui)",
  );

/** `it` when LibreOffice is here; in CI without it, a test that fails saying so; else skipped. */
export function itWithLibreOffice(name: string, fn: () => void, timeout?: number): void {
  if (SOFFICE) it(name, fn, timeout);
  else if (process.env.CI)
    it(name, () => {
      throw new Error("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc-nogui");
    });
  else it.skip(name, fn);
}

/**
 * Opens `file` in LibreOffice with a fresh profile set to recalculate every formula on load (its
 * default trusts the cached values we wrote, which would prove nothing), saves it as .xlsx into
 * `outDir` and returns the saved file's path.
 */
export function recalculateWithLibreOffice(file: string, outDir: string): string {
  return convertWithLibreOffice([file], outDir, "xlsx", { recalculate: true })[0];
}

/**
 * Converts `files` in one LibreOffice run (it starts in seconds, so a test converts all it needs
 * at once) to PDF — as they print — or to .xlsx; with `recalculate`, every formula is recomputed
 * on load first. Returns the output paths, in order.
 */
export function convertWithLibreOffice(
  files: string[],
  outDir: string,
  to: "pdf" | "xlsx",
  opts: { recalculate?: boolean } = {},
): string[] {
  const profile = fs.mkdtempSync(path.join(path.dirname(outDir), "lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  const mode = opts.recalculate ? 0 : 1;
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item></oor:items>`,
  );
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    SOFFICE!,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      to === "pdf" ? "pdf" : "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      ...files,
    ],
    {
      env: { ...process.env, HOME: profile },
      timeout: 300_000,
      stdio: "ignore",
    },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  return files.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, `.${to}`)));
}
