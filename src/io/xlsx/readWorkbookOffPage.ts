/**
 * Reads a file for the task pane in a Web Worker (readWorkbookWorker.ts) when the page can start
 * one, else in the page: the same reader, limits and typed errors either way. One worker lives with
 * the pane and loads SheetJS when the pane starts (warmReader), so a file opened after the network
 * went away still reads. A file opened while another is still being read replaces it: the busy
 * worker is ended and a new one started, so the old file can never answer for the new one.
 */
import type { WorkbookGrids } from "../../domain/sheet/grid";
import type { ReadLimits } from "./readLimits";
import { readWorkbookInBrowser, type ReadProgress, type ReadStage } from "./readWorkbookInBrowser";
import { WorkbookReadError, type WorkbookReadErrorCode } from "./workbookReadError";

export type ReadRequest =
  | { type: "warm" }
  | { type: "read"; id: number; bytes: ArrayBuffer; fileName: string; limits?: Partial<ReadLimits> };

export type ReadReply = { id: number } & (
  | { type: "progress"; stage: ReadStage; done?: number }
  | { type: "done"; grids: WorkbookGrids }
  | { type: "error"; code: WorkbookReadErrorCode; message: string }
);

/** Built beside taskpane.html by webpack (see webpack.config.js). */
export const WORKER_SCRIPT = "readWorkbookWorker.js";

let worker: Worker | undefined;
let busy = false;
let nextId = 0;

function startWorker(): Worker | undefined {
  if (typeof Worker === "undefined") return undefined;
  try {
    const w = new Worker(WORKER_SCRIPT);
    w.postMessage({ type: "warm" } satisfies ReadRequest);
    return w;
  } catch {
    return undefined;
  }
}

/** Starts the reader (and its SheetJS) ahead of the first file. */
export function warmReader(): void {
  worker ??= startWorker();
}

/** The worker's error as the reader's own: same code, same one-line message. */
function readError(code: WorkbookReadErrorCode, fileName: string, message: string): WorkbookReadError {
  const e = new WorkbookReadError(code, fileName);
  e.message = message;
  return e;
}

export function readWorkbookOffPage(
  bytes: ArrayBuffer,
  fileName: string,
  progress: ReadProgress = () => undefined,
  limits?: Partial<ReadLimits>,
): Promise<WorkbookGrids> {
  if (busy && worker) {
    worker.terminate();
    worker = undefined;
  }
  worker ??= startWorker();
  const w = worker;
  if (!w) return readWorkbookInBrowser(bytes, fileName, limits, progress);
  const id = ++nextId;
  busy = true;
  return new Promise<WorkbookGrids>((resolve, reject) => {
    const settle = () => {
      if (id === nextId) busy = false;
      w.removeEventListener("message", onMessage);
      w.removeEventListener("error", onError);
    };
    const onMessage = (e: MessageEvent<ReadReply>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === "progress") return progress(m.stage, m.done);
      settle();
      if (m.type === "done") resolve(m.grids);
      else reject(readError(m.code, fileName, m.message));
    };
    // A worker that cannot run (a host that blocks workers, a script that did not load) reads in the page.
    const onError = (e: ErrorEvent) => {
      e.preventDefault();
      settle();
      if (worker === w) worker = undefined;
      w.terminate();
      readWorkbookInBrowser(bytes, fileName, limits, progress).then(resolve, reject);
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", onError);
    // A copy goes to the worker: the page keeps its bytes for the fallback above.
    w.postMessage({
      type: "read",
      id,
      bytes: bytes.slice(0),
      fileName,
      ...(limits ? { limits } : {}),
    } satisfies ReadRequest);
  });
}
