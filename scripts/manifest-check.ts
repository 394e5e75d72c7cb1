// npm run manifest:check [FILE] — the offline manifest check; exit 1 with every problem listed.
import { checkManifestFile } from "./manifest/checkManifest";

const file = process.argv[2] ?? "manifest.xml";
const problems = checkManifestFile(file);
if (problems.length) {
  console.error(`${file}: ${problems.length} lỗi / problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`${file}: hợp lệ / OK (offline check)`);
