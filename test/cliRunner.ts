/**
 * The `ntm` command line run in-process as the tests drive it: what it printed, its exit code, and
 * the argument lists of the commands many tests repeat (push, pull, admin user add), so a test
 * says only what differs.
 */
import { captureIo, type CliIo } from "../src/cli/cliIo";
import { main } from "../src/cli/main";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `ntm ARGS…` with a capturing io; `ask` answers a question as a person at a terminal would. */
export async function runCli(args: string[], ask?: CliIo["ask"]): Promise<CliRun> {
  const io = captureIo();
  if (ask) (io as CliIo).ask = ask;
  const code = await main(["node", "ntm", ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

/** `push FILE --server S --token T` and any `--flag value` pairs given. */
export function pushArgs(
  file: string,
  server: string,
  token: string,
  flags: Record<string, string> = {},
): string[] {
  return ["push", file, "--server", server, "--token", token, ...flagList(flags)];
}

/** `pull --server S --token T --org O --set SET --period P -o FILE` and any further flags. */
export function pullArgs(
  file: string,
  server: string,
  token: string,
  key: { org: string; set: string; period: string },
  flags: Record<string, string> = {},
): string[] {
  return ["pull", ...flagList({ server, token, ...key }), "-o", file, ...flagList(flags)];
}

/** `admin user add --name N --role R --scope S --db DB` and any further flags. */
export function userAddArgs(
  db: string,
  user: { name: string; role: string; scope: string },
  flags: Record<string, string> = {},
): string[] {
  return ["admin", "user", "add", ...flagList({ ...user, ...flags }), "--db", db];
}

/** `--key value` for each entry, in order. */
export function flagList(flags: Record<string, string>): string[] {
  return Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]);
}
