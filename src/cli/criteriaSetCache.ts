/**
 * The criteria sets `--server URL` fetched, kept on disk (NTM_CACHE_DIR, else ~/.cache/ntm) so
 * `ntm validate --server` keeps judging by the installed versions when the server cannot be reached.
 * One file per server URL. Versions are immutable, so a kept one is never stale; the list of which
 * versions exist is refreshed on every run the server answers.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { KeptSets } from "../client/fetchInstalledSets";

export function cacheDir(): string {
  return process.env.NTM_CACHE_DIR || path.join(os.homedir(), ".cache", "ntm");
}

function cacheFile(server: string): string {
  const key = createHash("sha256").update(server.replace(/\/+$/, "")).digest("hex").slice(0, 16);
  return path.join(cacheDir(), `criteria-sets-${key}.json`);
}

export function loadKeptSets(server: string): KeptSets | undefined {
  try {
    const kept = JSON.parse(fs.readFileSync(cacheFile(server), "utf8")) as KeptSets;
    return Array.isArray(kept.sets) ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a run cut short never leaves half a cache. */
export function saveKeptSets(kept: KeptSets): void {
  const file = cacheFile(kept.server);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(kept));
  fs.renameSync(tmp, file);
}
