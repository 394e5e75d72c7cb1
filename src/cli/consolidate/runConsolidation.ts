/**
 * A whole consolidation run on files: collect → validate each (worker pool) → consolidate (domain).
 * The command, the bench and the tests call this; the server and add-in call the domain directly.
 */
import * as path from "node:path";
import { consolidate } from "../../domain/consolidate/consolidate";
import type { CommuneCodeMap } from "../../domain/consolidate/communeCodeMap";
import type { ConsolidationFile, FileValidation } from "../../domain/consolidate/fileValidation";
import type { ConsolidationSummary } from "../../domain/consolidate/summaryModel";
import { setLookup } from "../../domain/criteria/installedSets";
import { WorkbookReadError } from "../../io/xlsx/workbookReadError";
import { collectFiles } from "../collectSpreadsheetFiles";
import type { ConsolidationJobOptions } from "./validateForConsolidation";
import { runPool } from "./workerPool";

export interface RunConsolidationOptions {
  setId?: string;
  period?: string;
  /** 0 = this thread only; default one worker per core. */
  workers?: number;
  communeCodes?: CommuneCodeMap;
  job?: ConsolidationJobOptions;
  onStart?: (total: number) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface ConsolidationRun {
  summary: ConsolidationSummary;
  /** Each file's validation, in the order read (for --json and for checking totals). */
  files: ConsolidationFile[];
}

/** The job module next to this one: .ts from source (tsx in the workers), .js from build/. */
export function consolidationJobModule(): string {
  return path.join(__dirname, `validateForConsolidation${path.extname(__filename)}`);
}

export async function runConsolidation(
  inputs: readonly string[],
  options: RunConsolidationOptions = {},
): Promise<ConsolidationRun> {
  const { files, missing } = collectFiles(inputs);
  options.onStart?.(files.length);
  const results = await runPool(
    files.map((f, index) => ({ index, absolute: f.absolute, display: f.display })),
    {
      workers: options.workers,
      job: {
        module: consolidationJobModule(),
        exportName: "validateForConsolidation",
        options: options.job ?? {},
      },
      onProgress: options.onProgress,
    },
  );
  const consolidationFiles: ConsolidationFile[] = files.map((f, i) => ({
    path: f.display,
    mtimeMs: f.mtimeMs,
    validation: results[i] as FileValidation,
  }));
  for (const m of missing) {
    const e = new WorkbookReadError("not-found", path.basename(m));
    consolidationFiles.push({
      path: m,
      mtimeMs: 0,
      validation: { file: m, ok: false, error: { code: e.code, message: e.message } },
    });
  }
  const summary = consolidate(consolidationFiles, {
    ...(options.setId ? { setId: options.setId } : {}),
    ...(options.period ? { period: options.period } : {}),
    ...(options.communeCodes ? { communeCodes: options.communeCodes } : {}),
    ...(options.job?.installed?.length ? { getSet: setLookup(options.job.installed).getSet } : {}),
  });
  return { summary, files: consolidationFiles };
}
