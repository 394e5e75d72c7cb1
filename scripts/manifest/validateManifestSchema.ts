/**
 * Validates an add-in manifest against the published XML schemas (../shared/office-manifest-xsd/,
 * see its README) with libxml2's xmllint, so a manifest Office would refuse to load fails here
 * first. Our own checkManifest.ts covers what the schema cannot say (resids, URLs, icons, sets).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const MANIFEST_XSD = path.resolve(
  __dirname,
  "../../../shared/office-manifest-xsd/OfficeAppManifestV1_1.xsd",
);

export interface SchemaResult {
  valid: boolean;
  /** xmllint's messages, one per line, with the file's line numbers. */
  errors: string[];
}

export function validateManifestFile(file: string, xsd = MANIFEST_XSD): SchemaResult {
  if (!fs.existsSync(xsd)) throw new Error(`manifest schema not found at ${xsd}`);
  const run = spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
  if (run.error)
    throw new Error(`xmllint is not installed (Debian: apt-get install libxml2-utils): ${run.error.message}`);
  const errors = run.stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/ validates$/.test(l) && !/ fails to validate$/.test(l));
  return { valid: run.status === 0, errors };
}

export function validateManifestXml(xml: string, xsd = MANIFEST_XSD): SchemaResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, xml);
    return validateManifestFile(file, xsd);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
