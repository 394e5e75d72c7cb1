/**
 * Progress of a long consolidation: a bar on a terminal (stderr), nothing otherwise, so piped and
 * scripted runs (and --json on stdout) stay clean.
 */
import { SingleBar, Presets } from "cli-progress";
import type { CliIo } from "../cliIo";

export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressReporter(io: CliIo, total: number): ProgressReporter {
  if (!io.isTty || total < 2) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    {
      format: "Đang đọc / reading {bar} {value}/{total} tệp/files | {eta_formatted}",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
