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
import type { Command } from "commander";
import { createHash, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { SyncClient, flushOutbox, type FlushReport } from "../../client/syncClient";
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
import { isRhythmKind } from "../../domain/rhythm/rhythmReportKinds";
import { loadSyncState, saveSyncState, syncStatePath, type SyncState } from "./syncState";
import { TAKE_HINT, collect, conflictLines, parseTake, readWorkbookValues, tokenOf } from "./syncWords";

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
    .option("--org <code>", "mã đơn vị (nếu sổ không ghi) / org unit code when the workbook does not say")
    .option("--set <id>", "bộ tiêu chí / criteria set id")
    .option("--period <p>", "kỳ báo cáo: 2023, 2023-Q2, 2023-11, 2023-W05 / period")
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
  const token = tokenOf(o.token, io);
  if (!token) return 2;
  const choices = parseTake(o.take ?? []);
  if (typeof choices === "string") {
    io.err(`${choices}\n`);
    return 2;
  }
  let read;
  try {
    read = readWorkbookValues(file, { set: o.set, period: o.period });
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  const org = o.org ?? read.org;
  const period = o.period ?? read.period;
  if (!org || !period) {
    io.err(
      `Sổ không ghi ${!org ? "mã đơn vị" : "kỳ báo cáo"}: thêm ${!org ? "--org MÃ" : "--period KỲ"}. / The workbook does not name its ${!org ? "org unit" : "period"}: pass ${!org ? "--org CODE" : "--period P"}.\n`,
    );
    return 2;
  }
  const { skipped, marksNotSent } = read;
  if (marksNotSent.length)
    io.err(
      `Tiêu chí ${marksNotSent.join(", ")} chỉ được đánh dấu đạt/chưa đạt nhưng được đo bằng số: dấu này không gửi được, hãy ghi số liệu của chỉ tiêu. / Criteria ${marksNotSent.join(", ")} are only marked met/unmet but are measured by a number: the mark is not sent; enter the indicator's figure.\n`,
    );
  if (skipped.length)
    io.err(
      `Bỏ qua các dòng không có trong bộ tiêu chí / skipped rows not in the set: ${skipped.join(", ")}\n`,
    );

  // A work-volume workbook is its work-volume report; a village checklist sends its progress too.
  const reports = [
    ...(isRhythmKind(read.set) ? [] : [{ set: read.set, values: read.values }]),
    ...read.rhythm.map((r) => ({ set: r.kind, values: r.values })),
  ];
  let code = 0;
  for (const r of reports) {
    // The workbook's first report keeps FILE.ntm-sync.json; a second one its own sidecar beside it,
    // so neither's outbox or base is ever overwritten by the other's.
    const stateFile = r === reports[0] ? file : `${file}.${r.set}`;
    const key = { org, set: r.set, period };
    code = Math.max(code, await pushReport(file, stateFile, o, io, token, choices, key, r.values));
  }
  return code;
}

/** One report of the workbook through its outbox (a sidecar per report key). */
async function pushReport(
  file: string,
  stateFile: string,
  o: PushOptions,
  io: CliIo,
  token: string,
  choices: PullChoices,
  key: ReportKey,
  values: IndicatorValues,
): Promise<number> {
  const { org, period } = key;
  const state = loadSyncState(stateFile, o.server, key);
  const client = new SyncClient({ baseUrl: o.server, token });
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
    io.out(
      `Không có gì mới để gửi (đã khớp phiên bản ${state.baseRevision}). / Nothing new to push (in step with revision ${state.baseRevision}).\n`,
    );
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
    io.out(
      `Đã gửi: phiên bản ${last.revision} của ${org}/${key.set}/${period}. / Pushed: revision ${last.revision}.\n`,
    );
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
  if (pending.length)
    io.err(
      `Chưa gửi được: số liệu vẫn nằm trong hàng chờ (${sidecar}), chạy lại ntm push để gửi. / Not pushed: the values wait in the outbox (${sidecar}); run ntm push again to send them.\n`,
    );
  if (locked.length)
    io.err(
      `Báo cáo đã được duyệt và khóa: ${locked.length} lần gửi chờ trong hàng chờ (${sidecar}) và sẽ được gửi khi người duyệt mở lại (chạy lại ntm push). / The report is approved and locked: ${locked.length} push(es) wait in the outbox and go when a reviewer reopens it (run ntm push again).\n`,
    );
  for (const e of conflict) {
    const fresh = result.conflicts.find((c) => c.opId === e.opId)?.conflicts ?? e.blocked?.conflicts ?? [];
    io.err(
      `Xung đột ở ${fresh.length || "một số"} chỉ tiêu — cả bạn và người khác đã sửa; lần gửi này chờ bạn chọn. / Conflicts — changed on both sides; this push waits for your choice:\n`,
    );
    io.err(conflictLines(fresh));
    io.err(`${TAKE_HINT}\n`);
  }
  for (const e of refused)
    io.err(
      `Bị từ chối (HTTP ${e.blocked?.status ?? "?"}): ${e.blocked?.message ?? ""} — không gửi lại; sửa lỗi rồi chạy ntm push --retry-refused, hoặc bỏ bằng --discard-refused. / Refused for good: not sent again; fix it and run ntm push --retry-refused, or drop it with --discard-refused.\n`,
    );
}
