/**
 * The real server for browser tests: `ntm serve --http` spawned from source on a free port with a
 * fresh SQLite file, seeded with the Hà Tĩnh tree and one demo user per role (tokens read from its
 * output). `stop()` ends the process; `start()` again on the same port and file brings it back
 * (the outbox replay test needs the server to go away and return).
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DIST, ROOT } from "./harness";

export interface NtmServer {
  url: string;
  port: number;
  /** The SQLite file it serves (`ntm admin …` may work on it while it runs). */
  db: string;
  tokens: Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function launch(args: string[]): Promise<{ child: ChildProcess; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", "tsx/cjs", "src/cli/main.ts", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`ntm serve did not start:\n${out}\n${err}`)), 60000);
    child.stdout!.on("data", (d) => {
      out += String(d);
      if (/listening on http:\/\/\S+/.test(out)) {
        clearTimeout(timer);
        resolve({ child, out });
      }
    });
    child.stderr!.on("data", (d) => (err += String(d)));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`ntm serve exited with ${code}:\n${out}\n${err}`));
    });
  });
}

/**
 * Ends the server and everything of it that could keep jest's worker alive: the SIGKILL fallback
 * timer is cleared once the process is gone (a pending 5 s timer was what kept the worker from
 * exiting), and its output pipes are closed.
 */
function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child) return Promise.resolve();
  const release = () => {
    child.stdout?.destroy();
    child.stderr?.destroy();
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    release();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
    killer.unref();
    child.once("exit", () => {
      clearTimeout(killer);
      release();
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startNtmServer(): Promise<NtmServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-browser-"));
  const db = path.join(dir, "ntm.sqlite");
  const serve = (port: string, ...first: string[]) =>
    launch(["serve", "--http", "--port", port, "--db", db, "--static", DIST, ...first]);
  const first = await serve("0", "--seed", "--demo-users");
  const url = /listening on (http:\/\/\S+)/.exec(first.out)![1].replace(/\/$/, "");
  const port = Number(new URL(url).port);
  const tokens: Record<string, string> = {};
  for (const line of first.out.split("\n")) {
    const m = /^\s+(clerk|reviewer|office|admin)\s+\S+\s+scope\s+\S+\s+(\S+)\s*$/.exec(line);
    if (m) tokens[m[1]] = m[2];
  }
  let child: ChildProcess | undefined = first.child;
  return {
    url,
    port,
    db,
    tokens,
    async stop() {
      await stopChild(child);
      child = undefined;
    },
    async start() {
      child = (await serve(String(port))).child;
    },
    async close() {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One call of the server's API as the holder of `token`: the status and the parsed JSON body. */
export async function api(server: NtmServer, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(server.url + url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}
