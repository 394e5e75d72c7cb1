/**
 * Validating 500 commune workbooks (the visible samples and the generated layouts, cycled): the
 * whole path `ntm validate` takes per file — bounded read (zip inspection, SheetJS, Grid), layout
 * detection, mapping, evaluation and the JSON result — against the floor of bare SheetJS
 * `XLSX.read` of the same buffers in the same run. Goal: ratio ≤ 1.25.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { validateWorkbook } from "../src/domain/sheet/validateWorkbook";
import { readWorkbookBuffer } from "../src/io/xlsx/readWorkbook";

const FILES = 500;
const ROUNDS = 3;

function inputs(): { name: string; buf: Buffer }[] {
  const dirs = ["samples", "layouts"].map((d) => path.join(__dirname, "..", "test", "fixtures", d));
  const pool: { name: string; buf: Buffer }[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (/\.(xlsx|xlsm|xls|ods)$/i.test(f)) pool.push({ name: f, buf: fs.readFileSync(path.join(dir, f)) });
    }
  }
  return Array.from({ length: FILES }, (_, k) => pool[k % pool.length]);
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export default async function run(): Promise<void> {
  const files = inputs();
  let sink = 0;
  const bare = () => {
    for (const f of files) sink += XLSX.read(f.buf, { type: "buffer" }).SheetNames.length;
  };
  const ours = () => {
    for (const f of files) sink += validateWorkbook(f.name, readWorkbookBuffer(f.buf, f.name)).validation.indicators!.length;
  };
  const grids = files.map((f) => readWorkbookBuffer(f.buf, f.name));
  const readOnly = () => {
    for (const f of files) sink += readWorkbookBuffer(f.buf, f.name).sheets.length;
  };
  const domainOnly = () => {
    grids.forEach((g, k) => (sink += validateWorkbook(files[k].name, g).validation.indicators!.length));
  };
  // Warm both paths (JIT, module caches), then take the best of a few rounds of each, interleaved.
  bare();
  ours();
  let bareMs = Infinity;
  let oursMs = Infinity;
  let readMs = Infinity;
  let domainMs = Infinity;
  for (let k = 0; k < ROUNDS; k++) {
    bareMs = Math.min(bareMs, time(bare));
    oursMs = Math.min(oursMs, time(ours));
    readMs = Math.min(readMs, time(readOnly));
    domainMs = Math.min(domainMs, time(domainOnly));
  }
  const perSec = (ms: number) => ((files.length / ms) * 1000).toFixed(0);
  console.log(`files: ${files.length} (${new Set(files.map((f) => f.name)).size} distinct workbooks)`);
  console.log(`bare SheetJS XLSX.read: ${bareMs.toFixed(0)} ms, ${perSec(bareMs)} files/s`);
  console.log(`ntm validate (read + detect + map + evaluate): ${oursMs.toFixed(0)} ms, ${perSec(oursMs)} files/s`);
  console.log(`  of which bounded read to Grids (io/xlsx): ${readMs.toFixed(0)} ms; reader + evaluation + JSON (domain): ${domainMs.toFixed(0)} ms`);
  console.log(`ratio: ${(oursMs / bareMs).toFixed(2)}x (goal ≤ 1.25x)${sink < 0 ? "" : ""}`);
}

if (require.main === module) void run();
