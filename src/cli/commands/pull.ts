/**
 * `ntm pull --server URL [--token T] --org CODE --set ID --period P -o FILE.xlsx [--take …]`: the head
 * revision merged into the commune's own workbook through the one pull of src/domain/sync
 * (planWorkbookPull), written by patching only the cells it changes (io/xlsx/ooxml/writePulledCells).
 *
 * Invariants: an unpushed local edit is never overwritten (the three-way merge keeps it); a conflict
 * is written only with the person's `--take` choice, otherwise listed (mine / theirs / base, sheet
 * and cell) and the exit code is 1; every other package part keeps its bytes; the file is replaced
 * atomically, after a backup (FILE.bak.xlsx) unless --no-backup; the sync state moves to the head
 * only when nothing the head holds is still missing from the workbook unexplained. Reviewer comments
 * are printed, not written into the file (a comment part would change the package). Without an
 * existing FILE a new workbook lists the head's values and comments.
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import type { CliIo } from "../cliIo";
import { periodOption } from "../commonOptions";
import { SyncClient, SyncHttpError } from "../../client/syncClient";
import {
  type IndicatorValues,
  type ReportView,
  inStepAfterPull,
  planWorkbookPull,
  type WorkbookPullPlan,
} from "../../domain/sync";
import { latestComments, pulledCellValue as cellValue } from "../../domain/sync/reviewerComments";
import { writeXlsxPackage } from "../../io/xlsx/ooxml/writeXlsxPackage";
import { MAX_CELL_TEXT, writePulledCells, type CellWriteReport } from "../../io/xlsx/ooxml/writePulledCells";
import { loadSyncState, saveSyncState } from "./syncState";
import { conflictsOnIndicators, pullMessages as words } from "../messages/syncMessages";
import { TAKE_HINT, collect, conflictLines, readWorkbookValues, tokenAndChoices } from "./syncWords";

interface PullOptions {
  server: string;
  token?: string;
  org: string;
  set: string;
  period: string;
  output: string;
  take: string[];
  backup: boolean;
}

export function registerPull(program: Command, io: CliIo): void {
  program
    .command("pull")
    .description(
      "Lấy phiên bản mới nhất và nhận xét về sổ / pull the head values and reviewer comments into a workbook",
    )
    .requiredOption("--server <url>", "địa chỉ máy chủ / server URL")
    .option("--token <token>", "mã truy cập (mặc định: biến NTM_TOKEN) / access token (default: $NTM_TOKEN)")
    .requiredOption("--org <code>", "mã đơn vị / org unit code")
    .requiredOption("--set <id>", "bộ tiêu chí / criteria set id")
    .addOption(periodOption().makeOptionMandatory())
    .requiredOption("-o, --output <file>", "sổ .xlsx để ghi / workbook to write")
    .option(
      "--take <choice>",
      "giải xung đột: mine|theirs|base, hoặc MÃ=mine|theirs|base (lặp lại được) / settle conflicts (repeatable)",
      collect,
      [],
    )
    .option("--no-backup", "không giữ bản sao FILE.bak.xlsx / keep no backup of the workbook")
    .action(async (o: PullOptions) => {
      io.exitCode = await pull(o, io);
    });
}

export function backupPathOf(file: string): string {
  return /\.xlsx$/i.test(file) ? `${file.slice(0, -5)}.bak.xlsx` : `${file}.bak`;
}

/** Replaces the file in one rename, so a crash leaves the old workbook or the new one, never half. */
function replaceFile(file: string, bytes: Buffer): void {
  const tmp = `${file}.ntm-tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

async function pull(o: PullOptions, io: CliIo): Promise<number> {
  const start = tokenAndChoices(o, io);
  if (!start) return 2;
  const { token, choices } = start;
  const client = new SyncClient({ baseUrl: o.server, token });
  const key = { org: o.org, set: o.set, period: o.period };
  let view: ReportView;
  try {
    view = await client.getReport(key);
  } catch (e) {
    io.err(`${e instanceof SyncHttpError ? e.message : (e as Error).message}\n`);
    return 1;
  }
  if (!view.head) {
    io.err(`${words.noRevision}\n`);
    return 1;
  }
  if (!fs.existsSync(o.output)) return writeNewWorkbook(o, view, io);

  let read: IndicatorValues;
  try {
    const r = readWorkbookValues(o.output, { set: o.set, period: o.period });
    // Another commune's workbook never takes this report's values.
    if (r.org && r.org !== o.org) {
      io.err(`${words.otherUnit(o.output, r.org, o.org)}\n`);
      return 2;
    }
    read = r.values;
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  const state = loadSyncState(o.output, o.server, key);
  const base = state.baseRevision > 0 ? state.baseValues : undefined;
  const plan = planWorkbookPull(view, base, read, choices);
  const before = fs.readFileSync(o.output);
  const { xlsx, report } = writePulledCells(before, plan.cells, o.output);
  if (report.written.length) {
    if (o.backup !== false) fs.writeFileSync(backupPathOf(o.output), before);
    replaceFile(o.output, xlsx);
  }
  const after = report.written.length
    ? readWorkbookValues(o.output, { set: o.set, period: o.period }).values
    : read;
  const changedConflicts = report.changed.map((c) => ({
    code: c.code,
    base: base?.[c.code] ?? null,
    mine: read[c.code] ?? null,
    theirs: view.head!.values[c.code] ?? null,
  }));
  const open = [...plan.conflicts, ...changedConflicts];
  if (!open.length && inStepAfterPull(plan, after, view.head.values)) {
    state.baseRevision = view.head.number;
    state.baseValues = view.head.values;
  }
  saveSyncState(o.output, state);
  say(o, view, plan, report, io);
  if (open.length) {
    io.err(`${conflictsOnIndicators(open.length)}:\n`);
    io.err(conflictLines(open));
    io.err(`${TAKE_HINT}\n`);
    return 1;
  }
  return 0;
}

function say(o: PullOptions, view: ReportView, plan: WorkbookPullPlan, r: CellWriteReport, io: CliIo): void {
  const head = view.head!;
  const backup = r.written.length && o.backup !== false ? backupPathOf(o.output) : undefined;
  io.out(`${words.wrote(head.number, view.reviewState, r.written.length, o.output, backup)}\n`);
  for (const w of r.written) io.out(`  ${w.code}: ${w.sheet}!${w.cell}\n`);
  if (plan.keptLocal.length) io.out(`${words.keptLocal(plan.keptLocal)}\n`);
  const left = words.leftAlone;
  const list = (label: string, items: string[]) => {
    if (items.length) io.err(`${label}: ${items.join(", ")}\n`);
  };
  list(left.unknownTargets, plan.unknownTargets);
  list(left.formulaCells, r.formulaCells);
  list(left.proseCells, r.proseCells);
  list(
    left.badTargets,
    r.badTargets.map((t) => `${t.code} (${t.sheet.slice(0, 40)}!${t.cell.slice(0, 20)})`),
  );
  list(
    left.unwritable,
    r.unwritable.map((t) => `${t.code} (${t.sheet}!${t.cell})`),
  );
  for (const c of plan.cells)
    if (c.note) io.out(`${words.comment(c.code, `${c.sheet}!${c.cell}`, c.note)}\n`);
  if (plan.general) io.out(`${words.general(plan.general.text)}\n`);
  list(left.unplaced, plan.unplaced);
}

/** No workbook at the path: a new one listing the head's values and the comments. */
function writeNewWorkbook(o: PullOptions, view: ReportView, io: CliIo): number {
  const head = view.head!;
  const comments = latestComments(view);
  const text = (s: string) => ({ t: "s" as const, v: s.slice(0, MAX_CELL_TEXT) });
  const cell = (x: string | number | boolean | null) =>
    x === null
      ? undefined
      : typeof x === "number"
        ? { t: "n" as const, v: x }
        : typeof x === "boolean"
          ? { t: "b" as const, v: x }
          : text(x);
  const rows = [
    [
      text(
        `${view.orgName} (${view.org}) — ${view.set} — ${view.period} — phiên bản ${head.number}, ${view.reviewState}`,
      ),
    ],
    ["Mã chỉ tiêu", "Giá trị", "Trang", "Ô", "Đánh giá của máy chủ", "Nhận xét của người duyệt"].map(text),
    ...Object.entries(head.values).map(([code, v]) => [
      text(code),
      cell(cellValue(v)),
      text(v.sheet ?? ""),
      text(v.cell ?? ""),
      text(head.evaluation.indicators[code]?.status ?? ""),
      text(comments[code] ?? ""),
    ]),
    ...(comments["*"] ? [[text("*"), undefined, undefined, undefined, undefined, text(comments["*"])]] : []),
  ];
  replaceFile(o.output, writeXlsxPackage([{ name: "NTM kho dữ liệu", rows }]));
  const state = loadSyncState(o.output, o.server, { org: o.org, set: o.set, period: o.period });
  state.baseRevision = head.number;
  state.baseValues = head.values;
  saveSyncState(o.output, state);
  io.out(
    `${words.wroteNew(head.number, Object.keys(head.values).length, Object.keys(comments).length, o.output)}\n`,
  );
  return 0;
}
