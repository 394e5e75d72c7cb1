/**
 * When the pane is signed in: fetch the server's installed criteria-set versions (each definition
 * once: versions never change) and keep them (keptSets.ts). Offline, the kept ones stay as they
 * are and keep judging; nothing is thrown away because the server could not be asked.
 */
import { fetchKeptSets } from "../../client/fetchInstalledSets";
import { isUnreachable, type SyncClient } from "../../client/syncClient";
import type { KeyValueStore } from "../sync/syncStorage";
import { loadKeptSets, saveKeptSets, type KeptSets } from "./keptSets";

export type RefreshOutcome = { kind: "fetched"; kept: KeptSets } | { kind: "offline"; kept?: KeptSets };

export async function refreshKeptSets(
  client: SyncClient,
  store: KeyValueStore,
  server: string,
  now: () => string,
): Promise<RefreshOutcome> {
  const before = loadKeptSets(store);
  const held = before && before.server === server ? before.sets : [];
  try {
    const kept: KeptSets = await fetchKeptSets(client, server, now(), held);
    saveKeptSets(store, kept);
    return { kind: "fetched", kept };
  } catch (e) {
    if (!isUnreachable(e)) throw e;
    return { kind: "offline", ...(before ? { kept: before } : {}) };
  }
}
