/** A job for test/consolidatePool.test.ts: echoes, throws, or kills its worker, by file name. */
import { isMainThread } from "node:worker_threads";

export function echoJob(absolutePath: string, display: string, options: unknown): unknown {
  if (display.includes("throws")) throw new Error("bad cell\nsecond line");
  if (display.includes("kills") && !isMainThread) process.exit(3);
  return { file: display, ok: true, options, thread: isMainThread ? "main" : "worker" };
}
