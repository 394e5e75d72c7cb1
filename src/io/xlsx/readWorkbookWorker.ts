/**
 * The Web Worker that reads a file for the task pane (webpack entry `readWorkbookWorker`): the same
 * readWorkbookInBrowser, off the page's thread, so a 300,000-row file leaves the pane responsive
 * while it is checked, parsed and turned into grids. It answers one message per stage, then the
 * grids or the typed error (code and the one-line message, as `ntm validate` gives it), each
 * tagged with the request's id.
 */
import { loadSheetJs, readWorkbookInBrowser } from "./readWorkbookInBrowser";
import type { ReadRequest, ReadReply } from "./readWorkbookOffPage";
import { isWorkbookReadError } from "./workbookReadError";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: ReadReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const m = e.data;
  // Loaded while the network is there, so a file opened later (offline) still reads.
  if (m.type === "warm") return void loadSheetJs().catch(() => undefined);
  const { id, bytes, fileName, limits } = m;
  readWorkbookInBrowser(bytes, fileName, limits, (stage, done) =>
    scope.postMessage({ id, type: "progress", stage, ...(done !== undefined ? { done } : {}) }),
  ).then(
    (grids) => scope.postMessage({ id, type: "done", grids }),
    (err: unknown) =>
      scope.postMessage(
        isWorkbookReadError(err)
          ? { id, type: "error", code: err.code, message: err.message }
          : { id, type: "error", code: "corrupt", message: String((err as Error)?.message ?? err) },
      ),
  );
};
