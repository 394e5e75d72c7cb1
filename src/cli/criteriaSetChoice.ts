/**
 * Which criteria sets `ntm validate` and `ntm consolidate` judge by (issue 13):
 * `--set ID` a built-in set (or, with --server, the server's versions of ID), `--set FILE.json |
 * BOOK.xlsx` a set file (a workbook is compiled first; one with errors is refused, each at its
 * cell), `--server URL` the versions installed in the store, kept on disk for when the server
 * cannot be reached. Every output then names the version that judged each file.
 * Invariant: with --server and the server down, the kept copy is used and said to be a copy; with
 * neither server nor copy, the command is refused — never silently judged by the built-in sets.
 */
import { createHash } from "node:crypto";
import type { CliIo } from "./cliIo";
import { fetchKeptSets, type KeptSets } from "../client/fetchInstalledSets";
import { SyncClient, SyncHttpError, isUnreachable } from "../client/syncClient";
import type { InstalledSet } from "../domain/criteria/installedSets";
import { getCriteriaSet } from "../domain/criteria/registry";
import { parseCriteriaSet, type Region } from "../domain/criteria/schema";
import { canonicalJson } from "../domain/sync/canonicalJson";
import { loadKeptSets, saveKeptSets } from "./criteriaSetCache";
import { looksLikeSetFile, readCriteriaSetFile } from "./criteriaSetFile";
import { warningLines } from "./commands/criteria";
import { criteriaSetMessages as say, type SetsFrom } from "./messages/criteriaSetMessages";

export interface CriteriaSetChoice {
  /** The set id every file is read with (--set), when one was named. */
  setId?: string;
  /** The installed versions to judge by, oldest first within an id; empty = the built-in sets. */
  installed: InstalledSet[];
  /** Where they came from, said once in the output ("file …", "server …", "the copy kept …"). */
  from?: SetsFrom;
  /** The region of the token's scope on the server: regional targets judged as the server does. */
  region?: Region;
}

export interface SetChoiceOptions {
  set?: string;
  server?: string;
  token?: string;
}

/** A refusal: the lines to print (exit 2). */
export type SetChoiceResult = { ok: true; choice: CriteriaSetChoice } | { ok: false; lines: string[] };

function fromFile(file: string, io: CliIo): SetChoiceResult {
  const read = readCriteriaSetFile(file);
  if (!read.ok) return { ok: false, lines: read.lines };
  if (read.warnings.length) io.err(warningLines(file, read.warnings));
  const hash = createHash("sha256").update(canonicalJson(read.set)).digest("hex");
  const installed: InstalledSet = {
    id: read.set.id,
    hash,
    inForceFrom: null,
    installedAt: "",
    set: read.set,
  };
  return { ok: true, choice: { setId: read.set.id, installed: [installed], from: say.fromFile(file) } };
}

/** The kept copy, every set checked again (a damaged file is not judged by). */
function keptCopy(server: string): KeptSets | undefined {
  const kept = loadKeptSets(server);
  if (!kept) return undefined;
  try {
    return { ...kept, sets: kept.sets.map((s) => ({ ...s, set: parseCriteriaSet(s.set) })) };
  } catch {
    return undefined;
  }
}

const regionOf = (k: KeptSets) => (k.region ? { region: k.region } : {});

async function fromServer(server: string, token: string | undefined): Promise<SetChoiceResult> {
  const kept = keptCopy(server);
  let why = "no token";
  if (token) {
    try {
      const client = new SyncClient({ baseUrl: server, token });
      const got = await fetchKeptSets(client, server, new Date().toISOString(), kept?.sets ?? []);
      saveKeptSets(got);
      return { ok: true, choice: { installed: got.sets, from: say.fromServer(server), ...regionOf(got) } };
    } catch (e) {
      // A refusal (a wrong token) is said as the server said it; only silence falls back to the copy.
      if (e instanceof SyncHttpError) return { ok: false, lines: [`${server}: ${e.message}`] };
      if (!isUnreachable(e)) throw e;
      why = (e as Error).message;
    }
  }
  if (kept)
    return {
      ok: true,
      choice: { installed: kept.sets, from: say.fromCache(server, kept.fetchedAt), ...regionOf(kept) },
    };
  return { ok: false, lines: [say.serverUnreachable(server, why)] };
}

export async function chooseCriteriaSets(o: SetChoiceOptions, io: CliIo): Promise<SetChoiceResult> {
  if (o.set && looksLikeSetFile(o.set)) return fromFile(o.set, io);
  if (!o.server) return { ok: true, choice: { ...(o.set ? { setId: o.set } : {}), installed: [] } };
  const got = await fromServer(o.server, o.token ?? process.env.NTM_TOKEN);
  if (!got.ok || !o.set) return got;
  if (!got.choice.installed.some((v) => v.id === o.set) && !getCriteriaSet(o.set))
    return { ok: false, lines: [say.serverUnknownSet(o.set, o.server)] };
  return { ok: true, choice: { ...got.choice, setId: o.set } };
}
