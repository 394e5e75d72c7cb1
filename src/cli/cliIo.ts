/** Where a command writes, how it asks and how it reports its exit code; tests pass a capturing one. */
import { createInterface } from "node:readline";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars only then). */
  isTty: boolean;
  exitCode?: number;
  /** Asks the person and returns the answer; absent when nobody can answer (no terminal, scripts). */
  ask?: (question: string) => Promise<string>;
}

function askOnTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    }),
  );
}

/**
 * `ntm … | head` closes stdout early: the reader has what it wanted, so stop quietly with success
 * rather than print a stack trace about a broken pipe.
 */
function endQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(0);
  });
}

export function nodeIo(): CliIo {
  endQuietlyOnClosedPipe();
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTty: Boolean(process.stderr.isTTY),
    ...(process.stdin.isTTY && process.stderr.isTTY ? { ask: askOnTerminal } : {}),
  };
}

/** An io that keeps what was written, for in-process tests. */
export function captureIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    isTty: false,
    exitCode: undefined as number | undefined,
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
  };
  return io;
}
