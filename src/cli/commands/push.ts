/**
 * `ntm push FILE --server URL [--token T] [--org CODE] [--set ID] [--period P] [--take …]`: read the
 * workbook as the domain reader does, queue its values (src/domain/sync queuePush) and send the
 * outbox through the one flush (flushOutbox), as the pane does.
 *
 * Invariants: the values are in the outbox file before anything is sent; every run says what it
 * sent, what waits and why (network, approved and locked, a conflict to choose, refused for good);
 * the exit code is 0 only when the outbox is empty afterwards. Exit 1 something waits or was
 * refused, 2 unreadable file or misuse.
 */
import { loadVillages, saveVillages } from "../villageListCache";
import type { Command } from "commander";
import { createHash, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { periodOption } from "../commonOptions";
import { SyncClient, flushOutbox, isUnreachable, type FlushReport } from "../../client/syncClient";
import {
  type IndicatorValues,
  type PullChoices,
  type ReportKey,
  drop,
  entryState,
  headIsWorkbook,
  queuePush,
  settleConflictEntry,
} from "../../domain/sync";
import { VILLAGE_PROGRESS_KIND } from "../../domain/rhythm/reportingCalendar";
import { isRhythmKind } from "../../domain/rhythm/rhythmReportKinds";
import { splitVillageReports } from "../../domain/rhythm/villageReports";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import { loadSyncState, rememberedOrg, saveSyncState, syncStatePath, type SyncState } from "./syncState";
import { pushMessages as say, pushesWaitLocked } from "../messages/syncMessages";
import { orgFromName } from "./orgFromName";
import { TAKE_HINT, collect, conflictLines, readWorkbookValues, tokenAndChoices } from "./syncWords";

interface PushOptions {
  server: string;
  token?: string;
  org?: string;
  set?: string;
  period?: string;
  take: string[];
  retryRefused?: boolean;
  discardRefused?: boolean;
}

export function registerPush(program: Command, io: CliIo): void {
  program
    .command("push <file>")
    .description("Gửi sổ lên kho dữ liệu / push a workbook's values to the store")
    .requiredOption("--server <url>", "địa chỉ máy chủ / server URL, e.g. https://localhost:3000")
    .option("--token <token>", "mã truy cập (mặc định: biến NTM_TOKEN) / access token (default: $NTM_TOKEN)")
    .option(
      "--org <code>",
      "mã đơn vị (mặc định: mã trong sổ, hoặc tìm theo tên xã trong sổ) / org unit code (default: the workbook's code, or its commune name looked up)",
    )
    .option("--set <id>", "bộ tiêu chí / criteria set id")
    .addOption(periodOption())
    .option(
      "--take <choice>",
      "giải xung đột: mine|theirs|base, hoặc MÃ=mine|theirs|base (lặp lại được) / settle conflicts (repeatable)",
      collect,
      [],
    )
    .option("--retry-refused", "gửi lại các lần gửi bị từ chối / send refused pushes again")
    .option("--discard-refused", "bỏ các lần gửi bị từ chối / discard refused pushes")
    .action(async (file: string, o: PushOptions) => {
      io.exitCode = await push(file, o, io);
    });
}

async function push(file: string, o: PushOptions, io: CliIo): Promise<number> {
  const start = tokenAndChoices(o, io);
  if (!start) return 2;
  const { token, choices } = start;
  let read;
  try {
    read = readWorkbookValues(file, { set: o.set, period: o.period });
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  const period = o.period ?? read.period;
  if (!period) {
    io.err(`${say.noPeriod}\n`);
    return 2;
  }
  const client = new SyncClient({ baseUrl: o.server, token });
  // A workbook that names its commune but not its code: found in the org tree, as the pane does.
  const org =
    o.org ??
    read.org ??
    rememberedOrg(file, o.server, read.set, period) ??
    (await orgFromName(client, read.orgName, period, io));
  if (!org) return 2;
  const { skipped, marksNotSent } = read;
  if (marksNotSent.length) io.err(`${say.marksNotSent(marksNotSent)}\n`);
  if (skipped.length) io.err(`${say.skippedRows(skipped)}\n`);

  // A work-volume workbook is its work-volume report; a village checklist sends its progress too,
  // one report per village the org tree knows (villageReportsOf).
  const reports: { set: string; org: string; values: IndicatorValues }[] = [
    ...(isRhythmKind(read.set) ? [] : [{ set: read.set, org, values: read.values }]),
  ];
  let code = 0;
  for (const r of read.rhythm) {
    if (r.kind !== VILLAGE_PROGRESS_KIND) reports.push({ set: r.kind, org, values: r.values });
    else {
      const split = await villageReportsOf(client, o.server, org, period, r.values, io);
      if (!split) code = 1;
      else reports.push(...split.map((v) => ({ set: r.kind, ...v })));
    }
  }
  for (const r of reports) {
    // The workbook's first report keeps FILE.ntm-sync.json; every other one its own sidecar beside
    // it (FILE.KIND, or FILE.KIND.ORG for a village), so no outbox or base overwrites another's.
    const stateFile =
      r === reports[0] ? file : r.org === org ? `${file}.${r.set}` : `${file}.${r.set}.${r.org}`;
    const key = { org: r.org, set: r.set, period };
    code = Math.max(code, await pushReport(file, stateFile, o, io, client, choices, key, r.values));
  }
  return code;
}

/**
 * The commune's village progress split into one report per village the store's org tree knows
 * (the commune keeps the others). Offline, the village list kept from the last push splits it (each
 * report then waits in its outbox); undefined, said, when there is neither (nothing queued).
 */
async function villageReportsOf(
  client: SyncClient,
  server: string,
  org: string,
  period: string,
  values: IndicatorValues,
  io: CliIo,
): Promise<{ org: string; values: IndicatorValues }[] | undefined> {
  let units;
  try {
    units = await client.orgUnits({ under: org, at: periodStartDate(period) });
    saveVillages(server, org, { fetchedAt: new Date().toISOString(), units });
  } catch (e) {
    const kept = isUnreachable(e) ? loadVillages(server, org) : undefined;
    if (!kept) {
      io.err(`${say.villagesUnknown((e as Error).message)}\n`);
      return undefined;
    }
    io.err(`${say.villagesKept(kept.fetchedAt)}\n`);
    units = kept.units;
  }
  const villages = units.filter((u) => u.level === "village" && u.parentCode === org);
  const split = splitVillageReports(values, villages);
  return [
    ...(split.commune ? [{ org, values: split.commune }] : []),
    ...split.villages.map((v) => ({ org: v.org, values: v.values })),
  ];
}

/** One report of the workbook through its outbox (a sidecar per report key). */
async function pushReport(
  file: string,
  stateFile: string,
  o: PushOptions,
  io: CliIo,
  client: SyncClient,
  choices: PullChoices,
  key: ReportKey,
  values: IndicatorValues,
): Promise<number> {
  const { org, period } = key;
  const state = loadSyncState(stateFile, o.server, key);
  const workbookHash = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  state.outbox = queuePush(
    state.outbox,
    {
      opId: randomUUID(),
      key,
      baseRevision: state.baseRevision,
      values,
      enqueuedAt: new Date().toISOString(),
    },
    state.baseValues,
    workbookHash,
  ).outbox;
  if (o.discardRefused)
    for (const e of state.outbox.entries)
      if (entryState(e) === "refused") state.outbox = drop(state.outbox, e.opId);
  saveSyncState(stateFile, state); // the outbox survives a dropped connection from here on
  if (!state.outbox.entries.length) {
    io.out(`${say.nothingNew(state.baseRevision)}\n`);
    return 0;
  }
  const baseValues = async (k: ReportKey, rev: number): Promise<IndicatorValues> =>
    rev === state.baseRevision ? state.baseValues : client.valuesAt(k, rev);
  await settleChosen(state, client, choices, baseValues, io);
  saveSyncState(stateFile, state);

  const result = await flushOutbox(client, state.outbox, {
    newOpId: () => randomUUID(),
    now: () => new Date().toISOString(),
    baseValues,
    retryRefused: o.retryRefused,
  });
  state.outbox = result.outbox;
  const last = result.acknowledged.at(-1);
  if (last) {
    const head = await client
      .getReport(key)
      .then((v) => v.head)
      .catch(() => null);
    // The base moves only to a head that is this workbook as it is (nobody's change merged in).
    if (
      head &&
      head.number === last.revision &&
      !state.outbox.entries.length &&
      headIsWorkbook(values, head.values)
    ) {
      state.baseRevision = head.number;
      state.baseValues = head.values;
    }
    io.out(`${say.pushed(last.revision, `${org}/${key.set}/${period}`)}\n`);
  }
  saveSyncState(stateFile, state);
  sayWaiting(stateFile, state, result, io);
  return state.outbox.entries.length ? 1 : 0;
}

/** Settles blocked conflict entries with the person's `--take` choices (entries still missing one stay blocked). */
async function settleChosen(
  state: SyncState,
  client: SyncClient,
  choices: PullChoices,
  baseValues: (k: ReportKey, rev: number) => Promise<IndicatorValues>,
  io: CliIo,
): Promise<void> {
  const blocked = state.outbox.entries.filter((e) => entryState(e) === "blocked-conflict");
  if (!blocked.length || (!choices.all && !choices.byCode?.size)) return;
  for (const entry of blocked) {
    let view;
    try {
      view = await client.getReport(entry.key);
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      continue;
    }
    const settled = settleConflictEntry(
      state.outbox,
      entry,
      await baseValues(entry.key, entry.baseRevision),
      { number: view.head?.number ?? 0, values: view.head?.values ?? {} },
      (code) => choices.byCode?.get(code) ?? choices.all,
      randomUUID(),
    );
    state.outbox = settled.outbox;
  }
}

function sayWaiting(file: string, state: SyncState, result: FlushReport, io: CliIo): void {
  const sidecar = path.basename(syncStatePath(file));
  // One reason per distinct failure (a dead server fails every entry the same way).
  for (const message of new Set(result.failed.map((f) => f.message))) io.err(`${message}\n`);
  const byState = (s: string) => state.outbox.entries.filter((e) => entryState(e) === s);
  const pending = byState("pending");
  const locked = byState("blocked-locked");
  const conflict = byState("blocked-conflict");
  const refused = byState("refused");
  if (pending.length) io.err(`${say.notPushed(sidecar)}\n`);
  if (locked.length) io.err(`${pushesWaitLocked(locked.length, sidecar)}.\n`);
  for (const e of conflict) {
    const fresh = result.conflicts.find((c) => c.opId === e.opId)?.conflicts ?? e.blocked?.conflicts ?? [];
    io.err(`${say.conflicts(fresh.length)}\n`);
    io.err(conflictLines(fresh));
    io.err(`${TAKE_HINT}\n`);
  }
  for (const e of refused) io.err(`${say.refused(e.blocked?.status ?? "?", e.blocked?.message ?? "")}\n`);
}
