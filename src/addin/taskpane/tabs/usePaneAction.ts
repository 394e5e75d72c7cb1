/** A tab's actions and their one error line: each action clears the last error, and a failure shows as the pane's text (paneError). */
import { useState } from "react";
import { paneError } from "../paneError";
import type { PaneText } from "../paneText";

export interface PaneAction {
  error: string | undefined;
  setError: (message: string | undefined) => void;
  guard: (action: () => Promise<unknown>) => Promise<void>;
}

export function usePaneAction(t: PaneText): PaneAction {
  const [error, setError] = useState<string | undefined>();
  const guard = async (action: () => Promise<unknown>): Promise<void> => {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(paneError(t, e));
    }
  };
  return { error, setError, guard };
}
