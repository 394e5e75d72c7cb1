/**
 * The per-file job of a consolidation (run in a worker thread): read the file (io/xlsx), read and
 * evaluate it (domain/check checkWithInstalledSets — the same call as `ntm validate` and the pane), and return the
 * plain FileValidation, without the per-indicator list the summary does not use (less to copy back
 * across threads). A file that cannot be read comes back with its typed reason, never a throw.
 */
import type { FileValidation } from "../../domain/consolidate/fileValidation";
import { checkWithInstalledSets } from "../../domain/check/checkWithInstalledSets";
import type { InstalledSet } from "../../domain/criteria/installedSets";
import type { Region } from "../../domain/criteria/schema";
import { readWorkbookFile } from "../../io/xlsx/readWorkbook";
import { isWorkbookReadError } from "../../io/xlsx/workbookReadError";

/**
 * Hidden rows and columns need SheetJS's style parsing (≈40 % of the read time) and the reader does
 * not use them; test/consolidate.test.ts checks the results equal a default read's.
 */
export const CONSOLIDATION_LIMITS = { readHidden: false } as const;

export interface ConsolidationJobOptions {
  /** Keep each file's indicators in the result (--json consumers that want them). */
  keepIndicators?: boolean;
  /** Installed versions to judge by (--server, --set FILE), the one in force for each file's period. */
  installed?: InstalledSet[];
  /** The region of the person's scope on the server (--server): regional targets judged as pushes are. */
  region?: Region;
}

export function validateForConsolidation(
  absolutePath: string,
  display: string,
  options: unknown,
): FileValidation {
  const opts = (options ?? {}) as ConsolidationJobOptions;
  let grids;
  try {
    grids = readWorkbookFile(absolutePath, CONSOLIDATION_LIMITS);
  } catch (e) {
    if (isWorkbookReadError(e))
      return { file: display, ok: false, error: { code: e.code, message: e.message } };
    throw e;
  }
  const { validation } = checkWithInstalledSets(grids, opts.installed ?? [], {
    file: display,
    ...(opts.region ? { region: opts.region } : {}),
  });
  if (!opts.keepIndicators) delete validation.indicators;
  return validation;
}
