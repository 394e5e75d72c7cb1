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
import { villageKeeper } from "../villageListCache";
import type { Command } from "commander";
import { createHash, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { periodOption } from "../commonOptions";
import { SyncClient, flushOutbox, type FlushReport } from "../../client/syncClient";
import { villageListOf } from "../../client/villageList";
import {
  type IndicatorValues,
  type PullChoices,
  type ReportKey,
  drop,
  entryState,
  headIsWorkbook,
  queuePush,
  sameKey,
  settleConflictEntry,
} from "../../domain/sync";
import { needsVillages, workbookReports, workbookSet } from "../../domain/sync/workbookReports";
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

  // Every report the workbook holds, as the pane sends them (domain workbookReports): its criteria
  // values, its work volumes, and its village progress one report per village the org tree knows.
  let units;
  let code = 0;
  if (needsVillages(read)) {
    const list = await villageListOf(client, org, period, villageKeeper(o.server), () =>
      new Date().toISOString(),
    );
    if (list.units) units = list.units;
    else {
      io.err(`${say.villagesUnknown(list.error)}\n`);
      code = 1;
    }
    if (list.units && list.keptFrom) io.err(`${say.villagesKept(list.keptFrom)}\n`);
  }
  const { reports } = workbookReports(read, org, units);
  const identity = workbookSet(read);
  for (const r of reports) {
    // The report the workbook syncs with keeps FILE.ntm-sync.json; every other one its own sidecar
    // beside it (FILE.KIND, or FILE.KIND.ORG for a village), so no outbox or base overwrites another's.
    const own = r.org === org;
    const stateFile =
      own && r.set === identity ? file : own ? `${file}.${r.set}` : `${file}.${r.set}.${r.org}`;
    const key = { org: r.org, set: r.set, period };
    code = Math.max(code, await pushReport(file, stateFile, o, io, client, choices, key, r.values));
  }
  return code;
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
    sameKey(k, state.key) && rev === state.baseRevision ? state.baseValues : client.valuesAt(k, rev);
  await settleChosen(state, client, choices, baseValues, io);
  saveSyncState(stateFile, state);

  // Entries of another report of this workbook (left from another period or set) go too, but only
  // this report's acknowledgement (or a rebased entry's, under a new opId) speaks of this report.
  const others = new Set(state.outbox.entries.filter((e) => !sameKey(e.key, key)).map((e) => e.opId));
  const result = await flushOutbox(client, state.outbox, {
    newOpId: () => randomUUID(),
    now: () => new Date().toISOString(),
    baseValues,
    retryRefused: o.retryRefused,
  });
  state.outbox = result.outbox;
  const last = result.acknowledged.filter((a) => !others.has(a.opId)).at(-1);
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
