/**
 * Worker thread of the consolidation pool: loads the job once, then validates the batches of files
 * the pool sends and posts back plain results. Runs from source (.ts under tsx) or from build/ (.js).
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadJob, runJobSafely, type FromWorker, type JobSpec, type ToWorker } from "./workerProtocol";

const spec = workerData as JobSpec;
const port = parentPort!;
const job = loadJob(spec);

port.on("message", (msg: ToWorker) => {
  if (msg.type === "stop") {
    port.close();
    return;
  }
  const items = msg.items.map((item) => ({
    index: item.index,
    result: runJobSafely(job, item, spec.options),
  }));
  port.postMessage({ type: "results", items } satisfies FromWorker);
});
port.postMessage({ type: "ready" } satisfies FromWorker);
