/** Messages between the consolidation pool and its workers (plain data, structured-cloned). */
export interface JobSpec {
  /** Absolute path of the module exporting the per-file function (a .ts under tsx, else .js). */
  module: string;
  /** Name of the export: `(absolutePath: string, displayName: string, options: unknown) => unknown`. */
  exportName: string;
  options: unknown;
}

export interface WorkItem {
  index: number;
  absolute: string;
  display: string;
}

export type ToWorker = { type: "batch"; items: WorkItem[] } | { type: "stop" };
export type FromWorker = { type: "ready" } | { type: "results"; items: { index: number; result: unknown }[] };

export type JobFunction = (absolutePath: string, displayName: string, options: unknown) => unknown;

/** Loads the job function; shared by the workers and the single-threaded path. */
export function loadJob(spec: JobSpec): JobFunction {
  const mod = require(spec.module) as Record<string, unknown>;
  const fn = mod[spec.exportName];
  if (typeof fn !== "function") throw new Error(`${spec.module} has no function ${spec.exportName}`);
  return fn as JobFunction;
}

/** A job that threw is a file that failed, never a stopped run. */
export function runJobSafely(fn: JobFunction, item: WorkItem, options: unknown): unknown {
  try {
    return fn(item.absolute, item.display, options);
  } catch (e) {
    return internalFailure(item.display, e);
  }
}

export function internalFailure(display: string, e: unknown): unknown {
  const reason = String((e as Error)?.message ?? e)
    .split("\n")[0]
    .slice(0, 200);
  return {
    file: display,
    ok: false,
    error: {
      code: "internal",
      message: `${display}: lỗi không mong đợi khi đọc tệp (${reason}); hãy gửi tệp này cho nhóm phát triển. / unexpected error reading the file (${reason}); send this file to the developers.`,
    },
  };
}
