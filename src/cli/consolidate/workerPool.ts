/**
 * Runs a per-file job over many files on worker threads (or in this thread when workers = 0).
 *
 * Invariants: every item gets exactly one result, in its own slot (results[i] is item i's); a job
 * that throws is a failed file; a worker that dies (out of memory on a hostile file) has its batch
 * retried one file at a time on a fresh worker, so only the file that kills a worker on its own
 * fails, and the run goes on; work is handed out in small batches on demand, so a slow file does
 * not hold up a whole share of the list.
 */
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import {
  internalFailure,
  loadJob,
  runJobSafely,
  type FromWorker,
  type JobSpec,
  type ToWorker,
  type WorkItem,
} from "./workerProtocol";

export interface PoolOptions {
  /** 0 = run in this thread; default: one per core. */
  workers?: number;
  job: JobSpec;
  /** Called after each finished file with the count done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Heap cap per worker (MB): one hostile file kills its worker, not the run. */
  maxHeapMb?: number;
}

export function defaultWorkerCount(): number {
  return Math.max(
    1,
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
  );
}

/** The worker entry next to this module: .ts when running from source (tsx/ts-jest), .js in build/. */
function workerEntry(): { file: string; execArgv?: string[] } {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `consolidateWorker${ext}`);
  return ext === ".ts" ? { file, execArgv: ["--require", require.resolve("tsx/cjs")] } : { file };
}

export async function runPool(items: readonly WorkItem[], options: PoolOptions): Promise<unknown[]> {
  const results: unknown[] = new Array(items.length);
  const workers = options.workers ?? defaultWorkerCount();
  if (workers <= 0 || items.length === 0) {
    const job = loadJob(options.job);
    items.forEach((item, i) => {
      results[i] = runJobSafely(job, item, options.job.options);
      options.onProgress?.(i + 1, items.length);
    });
    return results;
  }
  return runOnWorkers(items, Math.min(workers, items.length), options, results);
}

function runOnWorkers(
  items: readonly WorkItem[],
  count: number,
  options: PoolOptions,
  results: unknown[],
): Promise<unknown[]> {
  const entry = workerEntry();
  const slot = new Map<number, number>(items.map((it, i) => [it.index, i]));
  let next = 0;
  let done = 0;
  let live = 0;
  // Files of a batch whose worker died, to be tried again one at a time.
  const retry: WorkItem[] = [];
  const pending = () => next < items.length || retry.length > 0;
  return new Promise((resolve) => {
    const finish = (index: number, result: unknown) => {
      const i = slot.get(index)!;
      if (results[i] !== undefined) return;
      results[i] = result;
      done++;
      options.onProgress?.(done, items.length);
    };
    const batchSize = () => Math.max(1, Math.min(16, Math.floor((items.length - next) / (count * 4))));
    const start = () => {
      const worker = new Worker(entry.file, {
        execArgv: entry.execArgv,
        workerData: options.job,
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1536 },
      });
      live++;
      // Batches sent and not yet answered, oldest first (the worker answers in order). Two are kept
      // in flight so the worker starts the next batch while this thread handles the last results.
      const inFlight: WorkItem[][] = [];
      let stopped = false;
      // A file retried after a worker died runs alone on its worker, so a second death names it.
      let isolated = false;
      const feed = () => {
        while (!stopped && !isolated && inFlight.length < 2) {
          if (retry.length) {
            if (inFlight.length) return;
            isolated = true;
            send([retry.shift()!]);
            return;
          }
          if (next >= items.length) {
            if (inFlight.length === 0) {
              stopped = true;
              worker.postMessage({ type: "stop" } satisfies ToWorker);
            }
            return;
          }
          const batch = items.slice(next, next + batchSize());
          next += batch.length;
          send(batch);
        }
      };
      const send = (batch: WorkItem[]) => {
        inFlight.push(batch);
        worker.postMessage({ type: "batch", items: batch } satisfies ToWorker);
      };
      worker.on("message", (msg: FromWorker) => {
        if (msg.type === "results") {
          inFlight.shift();
          isolated = false;
          for (const r of msg.items) finish(r.index, r.result);
        }
        feed();
      });
      let ended = false;
      const end = (reason?: unknown) => {
        if (ended) return;
        ended = true;
        live--;
        // Alone, the file the worker held is the one that killed it; in a batch, any of them may be.
        const held = inFlight.flat();
        if (held.length === 1)
          finish(held[0].index, internalFailure(held[0].display, reason ?? new Error("worker stopped")));
        else retry.push(...held);
        inFlight.length = 0;
        if (pending()) start();
        if (live === 0) resolve(results);
      };
      worker.on("error", (e) => end(e));
      worker.on("exit", (code) => end(code === 0 ? undefined : new Error(`worker exited with code ${code}`)));
    };
    for (let i = 0; i < count; i++) start();
  });
}
