/**
 * `ntm consolidate DIR|FILE… -o SUMMARY.xlsx [--set ID|FILE] [--server URL] [--period P] [--json]
 * [--workers N]`: every workbook under the folders (and the files named), read in parallel, into
 * one summary, judged by the built-in sets, a set file, or the versions installed on a server.
 * Exit 0 when every file was consolidated (duplicates are reported, not errors), 1 when the summary
 * was made but some file could not be read, 2 when no file could be read (or none was found), on
 * misuse, or when the summary could not be written — as the README says.
 * `--kind work-volume --period P` is the district's week instead (cli/consolidate/consolidateWorkVolumes).
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import type { CliIo } from "../cliIo";
import { getCriteriaSet, listCriteriaSets } from "../../domain/criteria/registry";
import { WORK_VOLUME_SET_ID } from "../../domain/sheet/readReport";
import { writeSummaryWorkbook } from "../../io/xlsx/writeSummaryWorkbook";
import { consolidateWorkVolumesCommand } from "../consolidate/consolidateWorkVolumes";
import { loadCommuneCodes } from "../consolidate/loadCommuneCodes";
import { progressReporter, type ProgressReporter } from "../progressReporter";
import { runConsolidation } from "../consolidate/runConsolidation";
import { defaultWorkerCount } from "../consolidate/workerPool";
import { periodOption } from "../commonOptions";
import { misuse } from "../messages/cliText";
import { cannotWrite, optionHelp } from "../messages/commonMessages";
import { consolidateRefusals as say, consolidationAccount } from "../messages/consolidateMessages";
import { criteriaSetMessages as setsSay } from "../messages/criteriaSetMessages";
import { chooseCriteriaSets } from "../criteriaSetChoice";

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
    .option(
      "--set <id|file>",
      "chỉ tổng hợp các tệp của bộ tiêu chí này (mã, tệp .json hoặc sổ soạn thảo .xlsx) / only files of this criteria set (id, .json or authoring .xlsx)",
    )
    .addOption(periodOption("--period <p>", `chỉ tổng hợp kỳ này / only this period: ${optionHelp.period}`))
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
    .option(
      "--server <url>",
      "work-volume: đọc từ kho thay vì tệp; criteria: chấm theo bộ tiêu chí đã cài trên máy chủ / work-volume: read the store; criteria: judge by the sets installed on the server",
    )
    .option("--under <code>", "work-volume từ kho: mã đơn vị (huyện, tỉnh) / unit to consolidate under")
    .option("--token <token>", "mã truy cập (mặc định: NTM_TOKEN) / access token")
    .action(async (inputs: string[], opts: ConsolidateOptions) => {
      io.exitCode = await consolidateCommand(inputs, opts, io);
    });
}

function refuse(io: CliIo, [vi, en]: [string, string]): number {
  misuse(io, "consolidate", vi, en);
  return 2;
}

async function consolidateCommand(inputs: string[], opts: ConsolidateOptions, io: CliIo): Promise<number> {
  if (!opts.out && !opts.json) return refuse(io, say.needOut);

  let workers: number | undefined;
  if (opts.workers !== undefined) {
    workers = Number(opts.workers);
    if (!Number.isInteger(workers) || workers < 0) return refuse(io, say.workers);
  }
  // A mistyped folder is a mistake to fix, not a summary of nothing (or of the other folders only).
  const missing = inputs.filter((p) => !fs.existsSync(p));
  if (missing.length) return refuse(io, say.missingInputs(missing));
  let communeCodes;
  try {
    communeCodes = loadCommuneCodes(opts.orgUnits);
  } catch (e) {
    return refuse(io, say.codeTable((e as Error).message));
  }

  if (opts.kind === "work-volume")
    return consolidateWorkVolumesCommand(
      inputs,
      { ...opts, workers, communeCodes, token: opts.token ?? process.env.NTM_TOKEN },
      io,
    );
  if (opts.kind && opts.kind !== "criteria")
    return refuse(io, ["--kind là criteria hoặc work-volume", "--kind is criteria or work-volume"]);
  if (!inputs.length) return refuse(io, ["cần thư mục hoặc tệp", "give folders or files"]);
  const chosen = await chooseCriteriaSets(opts, io);
  if (!chosen.ok) {
    io.err(chosen.lines.join("\n") + "\n");
    return 2;
  }
  const { setId, installed, from, region } = chosen.choice;
  const known = (id: string) => getCriteriaSet(id) || installed.some((v) => v.id === id);
  if (setId && setId !== WORK_VOLUME_SET_ID && !known(setId)) {
    const ids = [...listCriteriaSets().map((s) => s.id), WORK_VOLUME_SET_ID].join(", ");
    return refuse(io, say.unknownSet(setId, ids));
  }
  if (from) io.err(setsSay.setsFrom(from) + "\n");
  if (region) io.err(setsSay.scopeRegion(region) + "\n");

  let progress: ProgressReporter = { update: () => {}, log: (t) => io.out(t), stop: () => {} };
  const started = Date.now();
  const run = await runConsolidation(inputs, {
    ...(setId ? { setId } : {}),
    period: opts.period,
    workers,
    job: { installed, ...(region ? { region } : {}) },
    communeCodes,
    onStart: (total) => (progress = progressReporter(io, total)),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.stop();
  const { summary } = run;
  const seconds = (Date.now() - started) / 1000;
  const c = summary.counts;
  // Nothing read at all is "could not be read" (2), not a summary with a few bad files (1); and a
  // summary of nothing is not written over a good one.
  const nothingRead = c.files === 0 || c.failed === c.files;
  // With --json, stdout is the JSON alone; the account goes to stderr.
  const tell = opts.json ? (t: string) => io.err(t) : (t: string) => io.out(t);
  if (opts.out && nothingRead) {
    tell(consolidationAccount(summary, undefined, seconds));
    return refuse(io, say.nothingRead(opts.out));
  }
  if (opts.out) {
    try {
      fs.writeFileSync(opts.out, writeSummaryWorkbook(summary));
    } catch (e) {
      return refuse(io, cannotWrite(opts.out, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    }
  }
  if (opts.json) io.out(JSON.stringify(summary, null, 2) + "\n");
  tell(consolidationAccount(summary, opts.out, seconds));
  for (const [label, n] of versionsUsed(run.files)) tell(setsSay.versionUsed(label, n));
  if (nothingRead) return 2;
  return c.failed > 0 ? 1 : 0;
}

/** Each installed version that judged some file, with how many files it judged. */
function versionsUsed(
  files: readonly { validation: { set?: { installed?: string } } }[],
): Map<string, number> {
  const used = new Map<string, number>();
  for (const f of files) {
    const label = f.validation.set?.installed;
    if (label) used.set(label, (used.get(label) ?? 0) + 1);
  }
  return used;
}
