/**
 * `ntm validate FILE|DIR… [--set ID|FILE.json|BOOK.xlsx] [--server URL [--token T]] [--region R |
 * --group N] [--lang vi|en] [--json] [--out report.xlsx|findings.csv]`: read each workbook the way communes keep it, evaluate it, and
 * report per file — set (and the installed version that judged it, issue 13), org unit, period, criteria met and one line per finding with sheet!cell in
 * the chosen language — then one closing total; or, with --json, one JSON array with one object per
 * file (FileValidation). A bar shows progress on a terminal.
 * Exit codes: 0 every file read and no error-level finding; 1 some finding is an error; 2 a file
 * could not be read or the command was misused. One bad file never stops the others.
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import type { CliIo } from "../cliIo";
import { collectFiles } from "../collectSpreadsheetFiles";
import { groupOption, langOption, regionAndGroup, regionOption } from "../commonOptions";
import { loadCommuneCodes } from "../consolidate/loadCommuneCodes";
import { progressReporter } from "../progressReporter";
import { chooseCriteriaSets } from "../criteriaSetChoice";
import { checkFile } from "../validate/checkFile";
import { fileReport } from "../validate/fileReport";
import { findingsCsv } from "../validate/findingsCsv";
import type { FileValidation } from "../../domain/consolidate/fileValidation";
import { validationTotals } from "../../domain/consolidate/validationTotals";
import { getCriteriaSet } from "../../domain/criteria/registry";
import { WORK_VOLUME_SET_ID } from "../../domain/sheet/readReport";
import { writeValidationReportFile } from "../../io/xlsx/writeValidationReport";
import { misuse, type Lang } from "../messages/cliText";
import { cannotWrite, optionHelp } from "../messages/commonMessages";
import { criteriaSetMessages as say } from "../messages/criteriaSetMessages";
import { setKindWarning, totalsLine, validateRefusals as refuse } from "../messages/validateMessages";

interface ValidateOptions {
  set?: string;
  server?: string;
  token?: string;
  region?: string;
  group?: string;
  lang: Lang;
  json?: boolean;
  out?: string;
}

/** Where --out writes: a workbook or a CSV by the name's ending, nothing else. */
function outKind(out: string): "xlsx" | "csv" | undefined {
  return /\.xlsx$/i.test(out) ? "xlsx" : /\.csv$/i.test(out) ? "csv" : undefined;
}

function writeOut(io: CliIo, out: string, results: FileValidation[]): boolean {
  try {
    if (outKind(out) === "csv") fs.writeFileSync(out, findingsCsv(results));
    else writeValidationReportFile(out, results);
    return true;
  } catch (e) {
    misuse(io, "validate", ...cannotWrite(out, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    return false;
  }
}

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description("Kiểm tra bảng tính của xã / validate commune workbooks")
    .argument("<paths...>", "tệp hoặc thư mục / files or folders")
    .option("--set <id|file>", optionHelp.setOrFile)
    .option("--server <url>", optionHelp.setsServer)
    .option("--token <token>", optionHelp.token)
    .addOption(regionOption())
    .addOption(groupOption())
    .addOption(langOption())
    .option("--json", "một mảng JSON trên stdout / one JSON array on stdout")
    .option("--out <file>", "ghi báo cáo: .xlsx (sổ) hoặc .csv (phát hiện) / write the report: .xlsx or .csv")
    .action(async (paths: string[], o: ValidateOptions) => {
      const chosen = await chooseCriteriaSets(o, io);
      if (!chosen.ok) {
        io.err(chosen.lines.join("\n") + "\n");
        io.exitCode = 2;
        return;
      }
      const { setId, installed, from } = chosen.choice;
      // Regional targets: the region asked for, else the one the server judges this person's pushes by.
      const placed =
        o.region || o.group
          ? regionAndGroup(o)
          : chosen.choice.region
            ? { region: chosen.choice.region }
            : {};
      const known = (id: string) => getCriteriaSet(id) || installed.some((v) => v.id === id);
      if (setId && setId !== WORK_VOLUME_SET_ID && !known(setId))
        return misuse(io, "validate", ...refuse.unknownSet(setId));
      // On stderr, so --json keeps stdout to the JSON alone.
      if (from) io.err(say.setsFrom(from) + "\n");
      if (!o.region && !o.group && chosen.choice.region) io.err(say.scopeRegion(chosen.choice.region) + "\n");
      if (o.out && !outKind(o.out)) return misuse(io, "validate", ...refuse.outKind(o.out));
      // The walker consolidation uses; a path that is missing or cannot be listed is still checked, so
      // the reader says why it could not be read.
      const collected = collectFiles(paths);
      const files = [...collected.files.map((f) => f.given), ...collected.missing];
      if (files.length === 0) return misuse(io, "validate", ...refuse.noSpreadsheet);
      const progress = progressReporter(io, files.length);
      const results: FileValidation[] = [];
      for (const file of files) {
        const checked = checkFile(file, { ...(setId ? { setId } : {}), installed, ...placed });
        results.push(checked.validation);
        if (checked.otherKind)
          io.err(setKindWarning(file, checked.otherKind.chosen, checked.otherKind.found));
        if (!o.json) progress.log(fileReport(checked.validation, checked.findings, o.lang));
        progress.update(results.length, files.length);
      }
      progress.stop();
      if (o.json) io.out(JSON.stringify(results, null, 2) + "\n");
      else if (results.length > 1)
        io.out(totalsLine(validationTotals(results, loadCommuneCodes()), o.lang) + "\n");
      const unreadable = results.some((r) => r.error);
      const errors = results.some((r) => (r.findings ?? []).some((f) => f.severity === "error"));
      if (o.out && !writeOut(io, o.out, results)) return;
      io.exitCode = unreadable ? 2 : errors ? 1 : 0;
    });
}
