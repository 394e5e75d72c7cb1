/**
 * Consolidation of 2,000 generated commune workbooks (scripts/generate-corpus.ts, in a temp dir):
 * files per second single-threaded and on 1, 2 (and all) worker threads, against bare SheetJS
 * `XLSX.read` of the same files in the same run.
 * Goals (issue 7): the whole consolidation ≤ 1.25× the bare read; 2 workers ≥ 1.7× faster than 1.
 * The figures are printed whether or not a goal is met, and a missed goal is said so.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import * as XLSX from "xlsx";
import { generateCorpus } from "../scripts/generate-corpus";
import { loadCommuneCodes } from "../src/cli/consolidate/loadCommuneCodes";
import { runConsolidation } from "../src/cli/consolidate/runConsolidation";
import { validateForConsolidation } from "../src/cli/consolidate/validateForConsolidation";
import { defaultWorkerCount } from "../src/cli/consolidate/workerPool";
import { consolidate } from "../src/domain/consolidate";
import type { ConsolidationFile } from "../src/domain/consolidate";
import { writeSummaryWorkbook } from "../src/io/xlsx/writeSummaryWorkbook";

const COUNT = Number(process.env.NTM_BENCH_FILES ?? 2000);

function bareRead(files: string[]): number {
  const t0 = performance.now();
  for (const f of files) {
    try {
      XLSX.read(fs.readFileSync(f), { type: "buffer" });
    } catch {
      // Broken files fail in SheetJS too; the time spent failing counts on both sides.
    }
  }
  return performance.now() - t0;
}

/**
 * Bare read and our per-file work (read + reader + evaluation) on the same chunks, alternately, so
 * a machine busy with other work slows both sides alike; the consolidation and the summary
 * workbook are then added once, as the whole run pays them once.
 */
function pairedPerFile(files: string[]): { bare: number; ours: number } {
  let bare = 0;
  let mine = 0;
  for (let i = 0; i < files.length; i += 50) {
    const chunk = files.slice(i, i + 50);
    bare += bareRead(chunk);
    const t0 = performance.now();
    for (const f of chunk) validateForConsolidation(f, path.basename(f), {});
    mine += performance.now() - t0;
  }
  return { bare, ours: mine };
}

async function ours(dir: string, workers: number): Promise<{ ms: number; files: number; consolidated: number }> {
  const communeCodes = loadCommuneCodes();
  const t0 = performance.now();
  const run = await runConsolidation([dir], { workers, communeCodes });
  writeSummaryWorkbook(run.summary);
  return { ms: performance.now() - t0, files: run.summary.counts.files, consolidated: run.summary.counts.consolidated };
}

/**
 * What two threads can get from this machine right now: a fixed CPU-bound loop on one worker, then
 * split over two. A busy machine (other processes on the cores) shows ≈1× here, and then no pool
 * can show its speed-up either.
 */
async function machineParallelism(): Promise<number> {
  const code = `const { parentPort, workerData } = require("node:worker_threads"); let x = 0; for (let i = 0; i < workerData; i++) x = (x + i * 7) % 1000003; parentPort.postMessage(x);`;
  const spin = (n: number) => new Promise<void>((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: n });
    w.once("message", () => resolve());
    w.once("error", reject);
  });
  const N = 400_000_000;
  let t0 = performance.now();
  await spin(N);
  const one = performance.now() - t0;
  t0 = performance.now();
  await Promise.all([spin(N / 2), spin(N / 2)]);
  return one / (performance.now() - t0);
}

const rate = (n: number, ms: number) => `${((n / ms) * 1000).toFixed(0)} files/s`;

export default async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-bench-consolidate-"));
  try {
    const entries = generateCorpus(dir, { count: COUNT, seed: 2000 });
    const files = entries.map((e) => path.join(dir, e.file));
    console.log(`${files.length} workbooks generated in ${dir}; ${os.cpus().length} cores`);

    // Warm both paths (JIT, module loading) on a slice before timing.
    bareRead(files.slice(0, 100));
    const warmDir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-bench-warm-"));
    for (const f of files.slice(0, 100)) fs.copyFileSync(f, path.join(warmDir, path.basename(f).replace(/^/, `${Math.random().toString(36).slice(2)}-`)));
    await ours(warmDir, 0);
    fs.rmSync(warmDir, { recursive: true, force: true });

    const paired = pairedPerFile(files);
    const bare = paired.bare;
    const single = await ours(dir, 0);
    // The once-per-run part (consolidate + summary workbook), timed on its own.
    const validations: ConsolidationFile[] = files.map((f, i) => ({ path: entries[i].file, mtimeMs: entries[i].mtimeMs, validation: validateForConsolidation(f, entries[i].file, {}) }));
    const t0 = performance.now();
    writeSummaryWorkbook(consolidate(validations, { communeCodes: loadCommuneCodes() }));
    const oncePerRun = performance.now() - t0;
    const one = await ours(dir, 1);
    const two = await ours(dir, 2);
    const all = defaultWorkerCount();
    const many = all > 2 ? await ours(dir, all) : undefined;

    const ratio = (paired.ours + oncePerRun) / bare;
    const available = await machineParallelism();
    const speedup = one.ms / two.ms;
    console.log(`bare SheetJS XLSX.read, 1 thread:      ${(bare / 1000).toFixed(2)} s  ${rate(files.length, bare)}`);
    console.log(`consolidation, this thread only:       ${(single.ms / 1000).toFixed(2)} s  ${rate(single.files, single.ms)}  (${single.consolidated} consolidated)`);
    console.log(`consolidation, 1 worker:               ${(one.ms / 1000).toFixed(2)} s  ${rate(one.files, one.ms)}`);
    console.log(`consolidation, 2 workers:              ${(two.ms / 1000).toFixed(2)} s  ${rate(two.files, two.ms)}`);
    if (many) console.log(`consolidation, ${all} workers:              ${(many.ms / 1000).toFixed(2)} s  ${rate(many.files, many.ms)}`);
    console.log(`per file, paired on the same chunks:   bare ${(bare / files.length).toFixed(2)} ms, ours ${(paired.ours / files.length).toFixed(2)} ms; once per run (consolidate + summary workbook) ${(oncePerRun / 1000).toFixed(2)} s`);
    console.log(`ratio to bare read (single thread):    ${ratio.toFixed(2)}×  (goal ≤ 1.25×: ${ratio <= 1.25 ? "met" : "MISSED"}; whole single-thread run vs bare: ${(single.ms / bare).toFixed(2)}×)`);
    console.log(`speed-up 2 workers vs 1:               ${speedup.toFixed(2)}×  (goal ≥ 1.7×: ${speedup >= 1.7 ? "met" : "MISSED"})`);
    console.log(`machine, CPU loop on 2 threads vs 1:   ${available.toFixed(2)}×  (what 2 threads could get here during this run)`);
    if (os.cpus().length < 2) console.log("(one core: the parallel speed-up cannot show here)");
    // Other work on the machine takes cores from the workers first; say how busy it was.
    const load = os.loadavg()[0];
    if (load > os.cpus().length) console.log(`(load average ${load.toFixed(1)} on ${os.cpus().length} cores during the run: the worker figures are not a quiet machine's)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
