/**
 * The pane's outbox is sent again without the person asking: when the browser says the network is
 * back, and every `everyMs` while anything is queued — never while a send is under way or a
 * conflict waits for the person's choice (sending it again would only ask the same question).
 */
import type { SyncSession } from "./syncSession";

export function startAutoRetry(
  sync: Pick<SyncSession, "entries" | "getState" | "flush">,
  win: Pick<Window, "addEventListener" | "removeEventListener"> | undefined,
  everyMs = 15000,
): () => void {
  const retry = () => {
    const state = sync.getState();
    if (sync.entries().length && state.session && state.phase !== "sending" && state.phase !== "conflict")
      void sync.flush();
  };
  win?.addEventListener("online", retry);
  const timer = setInterval(retry, everyMs);
  // In Node (tests, the CLI) a forgotten stop must not keep the process alive; browsers have no unref.
  (timer as { unref?: () => void }).unref?.();
  return () => {
    win?.removeEventListener("online", retry);
    clearInterval(timer);
  };
}
