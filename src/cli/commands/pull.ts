/**
 * `ntm pull --server URL --token T --org CODE --set ID --period P -o FILE.xlsx`: the head revision
 * and the reviewers' comments, written into the workbook. When FILE exists (the commune's own
 * workbook), each value goes back to the sheet and cell it was read from and each comment becomes
 * a cell comment there; otherwise a new workbook lists them. The sync state is set to the head,
 * so the next `ntm push` merges from it.
 */
import type { Command } from "commander";
import * as fs from "node:fs";
// eslint-disable-next-line no-restricted-imports -- the sync issue replaces this SheetJS round trip with the in-place package patch
import * as XLSX from "xlsx";
import type { CliIo } from "../cliIo";
import { SyncClient, SyncHttpError } from "../../client/syncClient";
import type { ReportView } from "../../domain/sync";
import { latestComments, pulledCellValue as cellValue } from "../../domain/sync/reviewerComments";
import { loadSyncState, saveSyncState } from "./syncState";

interface PullOptions {
  server: string;
  token: string;
  org: string;
  set: string;
  period: string;
  output: string;
}

export function registerPull(program: Command, io: CliIo): void {
  program
    .command("pull")
    .description(
      "Lấy phiên bản mới nhất và nhận xét về sổ / pull the head values and reviewer comments into a workbook",
    )
    .requiredOption("--server <url>", "địa chỉ máy chủ / server URL")
    .requiredOption("--token <token>", "mã truy cập / access token")
    .requiredOption("--org <code>", "mã đơn vị / org unit code")
    .requiredOption("--set <id>", "bộ tiêu chí / criteria set id")
    .requiredOption("--period <p>", "kỳ báo cáo / period")
    .requiredOption("-o, --output <file>", "sổ .xlsx để ghi / workbook to write")
    .action(async (o: PullOptions) => {
      io.exitCode = await pull(o, io);
    });
}

async function pull(o: PullOptions, io: CliIo): Promise<number> {
  const client = new SyncClient({ baseUrl: o.server, token: o.token });
  const key = { org: o.org, set: o.set, period: o.period };
  let view: ReportView;
  try {
    view = await client.getReport(key);
  } catch (e) {
    io.err(`${e instanceof SyncHttpError ? e.message : (e as Error).message}\n`);
    return 1;
  }
  if (!view.head) {
    io.err(
      "Chưa có phiên bản nào trên kho cho báo cáo này. / The store has no revision of this report yet.\n",
    );
    return 1;
  }
  const comments = latestComments(view);
  const values = view.head.values;
  const exists = fs.existsSync(o.output);
  const wb = exists
    ? XLSX.read(fs.readFileSync(o.output), { type: "buffer", cellStyles: true })
    : XLSX.utils.book_new();
  let placed = 0;
  const unplaced: string[] = [];
  if (exists) {
    for (const [code, v] of Object.entries(values)) {
      const ws = v.sheet ? wb.Sheets[v.sheet] : wb.Sheets[wb.SheetNames[0]];
      if (!ws || !v.cell) {
        unplaced.push(code);
        continue;
      }
      const val = cellValue(v);
      const prev = ws[v.cell] as XLSX.CellObject | undefined;
      const cell: XLSX.CellObject = {
        ...(prev ?? {}),
        t: typeof val === "number" ? "n" : typeof val === "boolean" ? "b" : val === null ? "z" : "s",
        v: val ?? undefined,
      };
      delete cell.w;
      delete cell.f;
      if (comments[code]) cell.c = [{ a: "NTM", t: comments[code] }];
      ws[v.cell] = cell;
      placed++;
    }
  }
  const rows = [
    ["Mã chỉ tiêu", "Giá trị", "Trang", "Ô", "Đánh giá của máy chủ", "Nhận xét của người duyệt"],
    ...Object.entries(values).map(([code, v]) => [
      code,
      cellValue(v),
      v.sheet ?? "",
      v.cell ?? "",
      view.head!.evaluation.indicators[code]?.status ?? "",
      comments[code] ?? "",
    ]),
  ];
  if (comments["*"]) rows.push(["*", "", "", "", "", comments["*"]]);
  const sheetName = "NTM kho dữ liệu";
  if (wb.SheetNames.includes(sheetName)) delete wb.Sheets[sheetName];
  else wb.SheetNames.push(sheetName);
  wb.Sheets[sheetName] = XLSX.utils.aoa_to_sheet([
    [
      `${view.orgName} (${view.org}) — ${view.set} — ${view.period} — phiên bản ${view.head.number}, ${view.reviewState}`,
    ],
    ...rows,
  ]);
  XLSX.writeFile(wb, o.output);

  const state = loadSyncState(o.output, o.server, key);
  state.baseRevision = view.head.number;
  state.baseValues = view.head.values;
  saveSyncState(o.output, state);
  io.out(
    `Đã ghi phiên bản ${view.head.number} (${Object.keys(values).length} chỉ tiêu${exists ? `, ${placed} vào ô gốc` : ""}, ${Object.keys(comments).length} nhận xét) vào ${o.output}. / ` +
      `Wrote revision ${view.head.number} to ${o.output}.\n`,
  );
  if (unplaced.length)
    io.err(`Không rõ ô cho / no cell known for: ${unplaced.join(", ")} (xem trang "${sheetName}")\n`);
  return 0;
}
