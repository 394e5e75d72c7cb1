/**
 * `ntm consolidate DIR|FILE… -o SUMMARY.xlsx [--set ID] [--period P] [--json] [--workers N]`:
 * every workbook under the folders (and the files named), read in parallel, into one summary.
 * Exit 0 when every file was consolidated (duplicates are reported, not errors), 1 when the summary
 * was made but some file could not be read, 2 when no file could be read (or none was found), on
 * misuse, or when the summary could not be written — as the README says.
 * `--kind work-volume --period P` is the district's week instead (cli/consolidate/consolidateWorkVolumes).
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import type { CliIo } from "../cliIo";
import { periodBounds } from "../../domain/consolidate/comparePeriods";
import type { ConsolidationSummary } from "../../domain/consolidate/summaryModel";
import { getCriteriaSet, listCriteriaSets } from "../../domain/criteria/registry";
import { WORK_VOLUME_SET_ID } from "../../domain/sheet/readReport";
import { formatNumber } from "../../domain/i18n/formatNumber";
import { writeSummaryWorkbook } from "../../io/xlsx/writeSummaryWorkbook";
import { consolidateWorkVolumesCommand } from "../consolidate/consolidateWorkVolumes";
import { loadCommuneCodes } from "../consolidate/loadCommuneCodes";
import { progressReporter, type ProgressReporter } from "../consolidate/progressReporter";
import { runConsolidation } from "../consolidate/runConsolidation";
import { defaultWorkerCount } from "../consolidate/workerPool";

interface ConsolidateOptions {
  out?: string;
  set?: string;
  period?: string;
  json?: boolean;
  workers?: string;
  orgUnits?: string;
  kind?: string;
  server?: string;
  under?: string;
  token?: string;
}

export function registerConsolidate(program: Command, io: CliIo): void {
  program
    .command("consolidate")
    .description(
      "Tổng hợp nhiều tệp của các xã thành một bảng tổng hợp / consolidate many commune workbooks into one summary",
    )
    .argument("[inputs...]", "thư mục (đọc cả thư mục con) hoặc tệp / folders (recursively) or files")
    .option("-o, --out <file>", "tệp tổng hợp .xlsx cần ghi / summary workbook to write")
    .option("--set <id>", "chỉ tổng hợp các tệp của bộ tiêu chí này / only files of this criteria set")
    .option("--period <p>", "chỉ tổng hợp kỳ này: 2023, 2023-Q2, 2023-11, 2023-W14 / only this period")
    .option("--json", "in nội dung tổng hợp dạng JSON ra stdout / print the summary as JSON on stdout")
    .option(
      "--workers <n>",
      `số luồng đọc tệp (0 = không dùng luồng phụ; mặc định ${defaultWorkerCount()}) / worker threads`,
    )
    .option(
      "--org-units <csv>",
      "bảng mã xã (gso_code_2023, name_2023, district_2023, successor_code_2025, successor_name_2025) thay bảng Hà Tĩnh có sẵn / commune code table",
    )
    .option("--kind <kind>", "criteria (mặc định) | work-volume: khối lượng tuần/tháng / what to consolidate")
    .option("--server <url>", "work-volume: đọc từ kho thay vì tệp / read the store instead of files")
    .option("--under <code>", "work-volume từ kho: mã đơn vị (huyện, tỉnh) / unit to consolidate under")
    .option("--token <token>", "mã truy cập (mặc định: NTM_TOKEN) / access token")
    .action(async (inputs: string[], opts: ConsolidateOptions) => {
      io.exitCode = await consolidateCommand(inputs, opts, io);
    });
}

function misuse(io: CliIo, vi: string, en: string): number {
  io.err(`ntm consolidate: ${vi} / ${en}\n`);
  return 2;
}

async function consolidateCommand(inputs: string[], opts: ConsolidateOptions, io: CliIo): Promise<number> {
  if (!opts.out && !opts.json) {
    return misuse(io, "cần -o TỆP.xlsx hoặc --json", "give -o FILE.xlsx or --json");
  }
  if (opts.set && opts.set !== WORK_VOLUME_SET_ID && !getCriteriaSet(opts.set)) {
    const ids = [...listCriteriaSets().map((s) => s.id), WORK_VOLUME_SET_ID].join(", ");
    return misuse(
      io,
      `không có bộ tiêu chí "${opts.set}" (có: ${ids})`,
      `no criteria set "${opts.set}" (known: ${ids})`,
    );
  }
  if (opts.period && !periodBounds(opts.period)) {
    return misuse(
      io,
      `kỳ "${opts.period}" không hợp lệ; dùng 2023, 2023-Q2, 2023-11 hoặc 2023-W14`,
      `invalid period "${opts.period}"; use 2023, 2023-Q2, 2023-11 or 2023-W14`,
    );
  }
  let workers: number | undefined;
  if (opts.workers !== undefined) {
    workers = Number(opts.workers);
    if (!Number.isInteger(workers) || workers < 0)
      return misuse(io, `--workers cần số nguyên ≥ 0`, `--workers needs an integer ≥ 0`);
  }
  let communeCodes;
  try {
    communeCodes = loadCommuneCodes(opts.orgUnits);
  } catch (e) {
    return misuse(
      io,
      `không đọc được bảng mã xã: ${(e as Error).message}`,
      "cannot read the commune code table",
    );
  }

  if (opts.kind === "work-volume")
    return consolidateWorkVolumesCommand(
      inputs,
      { ...opts, workers, communeCodes, token: opts.token ?? process.env.NTM_TOKEN },
      io,
    );
  if (opts.kind && opts.kind !== "criteria")
    return misuse(io, `--kind là criteria hoặc work-volume`, `--kind is criteria or work-volume`);
  if (!inputs.length) return misuse(io, "cần thư mục hoặc tệp", "give folders or files");

  let progress: ProgressReporter = { update: () => {}, stop: () => {} };
  const started = Date.now();
  const run = await runConsolidation(inputs, {
    setId: opts.set,
    period: opts.period,
    workers,
    communeCodes,
    onStart: (total) => (progress = progressReporter(io, total)),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.stop();
  const { summary } = run;
  const seconds = (Date.now() - started) / 1000;

  if (opts.out) {
    try {
      fs.writeFileSync(opts.out, writeSummaryWorkbook(summary));
    } catch (e) {
      io.err(
        `ntm consolidate: không ghi được ${opts.out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); kiểm tra thư mục và tệp có đang mở trong Excel không. / ` +
          `cannot write ${opts.out}; check the folder and whether the file is open in Excel.\n`,
      );
      return 2;
    }
  }
  if (opts.json) io.out(JSON.stringify(summary, null, 2) + "\n");
  // With --json, stdout is the JSON alone; the account goes to stderr.
  const say = opts.json ? (t: string) => io.err(t) : (t: string) => io.out(t);
  say(report(summary, opts.out, seconds));
  if (summary.counts.files === 0) return 2;
  // Nothing read at all is "could not be read" (2), not a summary with a few bad files (1).
  if (summary.counts.failed > 0 && summary.counts.failed === summary.counts.files) return 2;
  return summary.counts.failed > 0 ? 1 : 0;
}

function report(s: ConsolidationSummary, out: string | undefined, seconds: number): string {
  const c = s.counts;
  const lines: string[] = [];
  lines.push(
    `Đã đọc ${c.files} tệp trong ${formatNumber(seconds, "vi", 1)} giây: ${c.consolidated} được tổng hợp, ${c.failed} không đọc được, ${c.duplicates} trùng lặp, ${c.skipped} không thuộc lựa chọn. / ` +
      `Read ${c.files} files in ${seconds.toFixed(1)} s: ${c.consolidated} consolidated, ${c.failed} unreadable, ${c.duplicates} duplicates, ${c.skipped} left out.`,
  );
  if (c.files === 0) lines.push("Không tìm thấy tệp bảng tính nào. / No spreadsheet files found.");
  for (const m of s.matrices) {
    lines.push(
      `  ${m.set.id}: ${m.totals.communes} xã / communes; đạt đủ tiêu chí / all criteria met: ${m.totals.allMet}; ` +
        `bình quân / average ${(m.totals.communes ? m.totals.criteriaMet / m.totals.communes : 0).toFixed(1)} tiêu chí / criteria`,
    );
  }
  if (s.villages.length) lines.push(`  Khu dân cư / villages: ${s.villages.length}`);
  if (s.volumes.length) lines.push(`  Khối lượng / work items: ${s.volumes.length}`);
  if (s.failedFiles.length) {
    lines.push("Tệp không đọc được / unreadable files:");
    for (const f of s.failedFiles) lines.push(`  ${f.file}: ${stripFilePrefix(f.message, f.file)}`);
  }
  if (s.duplicates.length) {
    lines.push("Tệp trùng (không tổng hợp) / duplicates (left out):");
    for (const d of s.duplicates) lines.push(`  ${d.file} → dùng / using ${d.keptFile}`);
  }
  if (s.skipped.length)
    lines.push(
      `Không thuộc bộ/kỳ đã chọn / left out by --set/--period: ${s.skipped.length} (xem trang "Tệp lỗi")`,
    );
  if (out) lines.push(`Đã ghi / written: ${out}`);
  return lines.join("\n") + "\n";
}

/** Read errors start with the file's base name; the list already shows the path. */
function stripFilePrefix(message: string, file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return message.startsWith(`${base}: `) ? message.slice(base.length + 2) : message;
}
