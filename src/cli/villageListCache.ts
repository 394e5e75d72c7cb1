/**
 * The villages of a commune as the store's org tree lists them, kept on disk per server and commune
 * (NTM_CACHE_DIR, else ~/.cache/ntm) each time `ntm push` reads them, so a push made offline still
 * splits a village checklist into one report per village and queues each in its outbox — rather
 * than sending nothing. A village list changes rarely; the kept one says when it was read.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { KeptVillages, VillageListKeeper } from "../client/villageList";
import { cacheDir } from "./criteriaSetCache";

function cacheFile(server: string, org: string): string {
  const key = createHash("sha256").update(server.replace(/\/+$/, "")).digest("hex").slice(0, 16);
  return path.join(cacheDir(), `villages-${key}-${org.replace(/[^\w-]/g, "_")}.json`);
}

/** The kept lists of one server, as villageListOf reads and writes them. */
export function villageKeeper(server: string): VillageListKeeper {
  return { load: (org) => loadVillages(server, org), save: (org, kept) => saveVillages(server, org, kept) };
}

function loadVillages(server: string, org: string): KeptVillages | undefined {
  try {
    const kept = JSON.parse(fs.readFileSync(cacheFile(server, org), "utf8")) as KeptVillages;
    return Array.isArray(kept.units) ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a run cut short never leaves half a list. */
function saveVillages(server: string, org: string, kept: KeptVillages): void {
  const file = cacheFile(server, org);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(kept));
  fs.renameSync(tmp, file);
}
