// npm run manifest:check [FILE] — the offline manifest check, then the published XML schema
// (xmllint); exit 1 with every problem listed.
import { checkManifestFile } from "./manifest/checkManifest";
import { validateManifestFile } from "./manifest/validateManifestSchema";

const file = process.argv[2] ?? "manifest.xml";
const problems = checkManifestFile(file);
const schema = validateManifestFile(file);
if (!schema.valid) problems.push(...schema.errors.map((e) => `schema: ${e}`));
if (problems.length) {
  console.error(`${file}: ${problems.length} lỗi / problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`${file}: hợp lệ / OK (offline check and the published schema)`);
