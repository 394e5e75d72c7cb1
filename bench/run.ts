/**
 * `npm run bench [NAME…]`: runs every bench/*.bench.ts (or those whose name contains NAME).
 * Each prints its own figures and a ratio against a floor measured in the same run.
 */
import * as fs from "node:fs";
import * as path from "node:path";

async function runAll(filters: string[]): Promise<void> {
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => !filters.length || filters.some((n) => f.includes(n)))
    .sort();
  if (!files.length) {
    console.error("no benchmark matched");
    process.exitCode = 1;
    return;
  }
  for (const file of files) {
    console.log(`\n== ${file.replace(/\.bench\.ts$/, "")} ==`);
    const mod = (await import(path.join(__dirname, file))) as { default: () => Promise<void> };
    await mod.default();
  }
}

runAll(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
