/**
 * Progress of a long run over many files (`ntm validate DIR`, `ntm consolidate DIR`): a bar on a
 * terminal (stderr), nothing otherwise, so piped and scripted runs (and --json on stdout) stay
 * clean. What a command prints while the bar runs goes through `log`, which clears the bar's line
 * first and draws it again after, so a report never lands in the middle of the bar.
 */
import { type GenericBar, SingleBar, Presets } from "cli-progress";
import type { CliIo } from "./cliIo";

export interface ProgressReporter {
  update(done: number, total: number): void;
  /** Print `text` on stdout without tearing the bar. */
  log(text: string): void;
  stop(): void;
}

export function progressReporter(io: CliIo, total: number): ProgressReporter {
  if (!io.isTty || total < 2) return { update: () => {}, log: (t) => io.out(t), stop: () => {} };
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
    log: (text) => {
      io.err("\r\x1b[K");
      io.out(text);
      // Forced: the bar's text has not changed, but its line was just cleared.
      (bar as GenericBar).render(true);
    },
    stop: () => bar.stop(),
  };
}
