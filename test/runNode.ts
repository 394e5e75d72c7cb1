/**
 * Runs a TypeScript entry point (the CLI, a reader script) in a child Node process, as a person's
 * shell would, and collects what it prints. Shared by the tests that must see the real process:
 * its exit code, its memory cap, its stderr free of stack traces.
 * stdout and stderr are decoded as one UTF-8 stream each: a chunk boundary may fall inside a
 * Vietnamese letter's bytes, and decoding chunk by chunk turned "Đạt" into "��ạt".
 */
import { spawn } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..");

export interface NodeRun {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

/** `node [nodeArgs…] --require tsx/cjs SCRIPT ARGS…` in the project root. */
export function runNode(script: string, args: string[], nodeArgs: string[] = []): Promise<NodeRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, "--require", "tsx/cjs", script, ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => resolve({ code, out, err, ms: Date.now() - started }));
  });
}
