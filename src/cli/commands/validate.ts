/**
 * `ntm validate FILE|DIR… [--set ID] [--region R | --group N] [--json] [--out report.xlsx]`:
 * read each workbook the way communes keep it, evaluate it, and report per file: set, org unit,
 * period, criteria met and every finding with sheet!cell — or, with --json, one JSON array with one
 * object per file (FileValidation).
 * Exit codes: 0 every file read and no error-level finding; 1 some finding is an error; 2 a file
 * could not be read or the command was misused. One bad file never stops the others.
 */
import type { Command } from "commander";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { collectFiles } from "../collectSpreadsheetFiles";
import type { FileValidation } from "../../domain/consolidate/fileValidation";
import { getCriteriaSet } from "../../domain/criteria/registry";
import { COMMUNE_GROUPS, REGIONS, type CommuneGroup, type Region } from "../../domain/criteria/schema";
import { checkWorkbook } from "../../domain/check/checkWorkbook";
import { checkHeadline, headlineText } from "../../domain/check/checkHeadline";
import { WORK_VOLUME_SET_ID } from "../../domain/sheet/readReport";
import { readWorkbookFile } from "../../io/xlsx/readWorkbook";
import { isWorkbookReadError } from "../../io/xlsx/workbookReadError";
import { formatNumber } from "../../domain/i18n/formatNumber";

interface ValidateOptions {
  set?: string;
  region?: string;
  group?: string;
  json?: boolean;
  out?: string;
}

function validateFile(
  file: string,
  o: { setId?: string; region?: Region; group?: CommuneGroup },
): FileValidation {
  try {
    const grids = readWorkbookFile(file);
    return checkWorkbook(grids, {
      file,
      fileName: path.basename(file),
      ...(o.setId ? { setId: o.setId } : {}),
      ...(o.region ? { region: o.region } : {}),
      ...(o.group ? { group: o.group } : {}),
    }).validation;
  } catch (e) {
    if (isWorkbookReadError(e)) return { file, ok: false, error: { code: e.code, message: e.message } };
    // Never a stack trace: one line that says what happened and what to do.
    const msg = (e as Error)?.message?.split("\n")[0] ?? String(e);
    return {
      file,
      ok: false,
      error: {
        code: "internal",
        message: `Không xử lý được tệp (${msg}); hãy gửi tệp này cho nhóm hỗ trợ. / Could not process the file (${msg}); please send it to support.`,
      },
    };
  }
}

function percent(n: number): string {
  return formatNumber(n * 100, "vi", 1);
}

function textReport(v: FileValidation): string {
  const lines: string[] = [`${v.file}`];
  if (v.error) {
    lines.push(`  LỖI / ERROR [${v.error.code}] ${v.error.message}`);
    return lines.join("\n") + "\n";
  }
  lines.push(`  Bộ tiêu chí / set: ${v.set?.id}${v.set?.version ? ` (${v.set.version})` : ""}`);
  lines.push(
    `  Đơn vị / org unit: ${v.orgUnit?.name ?? "(không rõ / unknown)"} · Kỳ / period: ${v.period ?? "(không rõ / unknown)"}`,
  );
  // The same head line the pane shows (checkHeadline); a table with no criteria has none.
  const head = checkHeadline(v);
  if ((head.kind === "criteria" && head.total > 0) || head.kind === "villages")
    lines.push(`  ${headlineText(head)}`);
  for (const u of v.units ?? []) {
    lines.push(
      `  ${u.name}: ${u.criteriaMet}/${u.criteriaTotal} tiêu chí đạt / criteria met (${percent(u.progress ?? 0)} %)`,
    );
  }
  if (v.workItems?.length) lines.push(`  Khối lượng / work items: ${v.workItems.length}`);
  if (v.indicators?.length) lines.push(`  Chỉ tiêu đọc được / indicators read: ${v.indicators.length}`);
  const findings = v.findings ?? [];
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(
    `  Phát hiện / findings: ${count("error")} lỗi / errors, ${count("warning")} cảnh báo / warnings, ${count("info")} thông tin / info`,
  );
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  for (const f of sorted) {
    const tag = f.severity === "error" ? "LỖI/ERROR" : f.severity === "warning" ? "CẢNH BÁO/WARNING" : "INFO";
    lines.push(`    ${tag} ${f.message.replace(/\n/g, "\n      ")}`);
  }
  return lines.join("\n") + "\n";
}

function misuse(io: CliIo, vi: string, en: string): void {
  io.err(`ntm validate: ${vi} / ${en}\n`);
  io.exitCode = 2;
}

async function writeOut(io: CliIo, out: string, results: FileValidation[]): Promise<boolean> {
  // The report workbook writer belongs to io/xlsx; loaded by name so validate works before it exists.
  const modulePath = "../../io/xlsx/writeValidationReport";
  let mod: Record<string, unknown>;
  try {
    mod = (await import(modulePath)) as Record<string, unknown>;
  } catch {
    misuse(io, "chưa hỗ trợ --out trong bản này", "--out is not available in this build");
    return false;
  }
  const write = (mod.writeValidationReportFile ?? mod.writeValidationReport) as
    ((file: string, results: FileValidation[]) => unknown) | undefined;
  if (typeof write !== "function") {
    misuse(io, "chưa hỗ trợ --out trong bản này", "--out is not available in this build");
    return false;
  }
  try {
    await write(out, results);
    return true;
  } catch (e) {
    misuse(io, `không ghi được ${out} (${(e as Error).message})`, `could not write ${out}`);
    return false;
  }
}

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description("Kiểm tra bảng tính của xã / validate commune workbooks")
    .argument("<paths...>", "tệp hoặc thư mục / files or folders")
    .option("--set <id>", "bộ tiêu chí / criteria set id (see ntm criteria list)")
    .option("--region <region>", `vùng / region (${REGIONS.join(", ")})`)
    .option("--group <n>", `nhóm xã / commune group (${COMMUNE_GROUPS.join(", ")})`)
    .option("--json", "một mảng JSON trên stdout / one JSON array on stdout")
    .option("--out <file>", "ghi báo cáo ra bảng tính / write the report as a workbook")
    .action(async (paths: string[], o: ValidateOptions) => {
      if (o.region && o.group)
        return misuse(io, "chỉ dùng --region hoặc --group", "use --region or --group, not both");
      if (o.region && !(REGIONS as readonly string[]).includes(o.region)) {
        return misuse(
          io,
          `vùng không hợp lệ "${o.region}" (${REGIONS.join(", ")})`,
          `unknown region "${o.region}"`,
        );
      }
      if (o.group && !(COMMUNE_GROUPS as readonly string[]).includes(o.group)) {
        return misuse(
          io,
          `nhóm xã không hợp lệ "${o.group}" (1, 2, 3)`,
          `unknown commune group "${o.group}"`,
        );
      }
      if (o.set && o.set !== WORK_VOLUME_SET_ID && !getCriteriaSet(o.set)) {
        return misuse(
          io,
          `không có bộ tiêu chí "${o.set}" (xem ntm criteria list)`,
          `no criteria set "${o.set}" (see ntm criteria list)`,
        );
      }
      // The walker consolidation uses; a path that is missing or cannot be listed is still checked, so
      // the reader says why it could not be read.
      const collected = collectFiles(paths);
      const files = [...collected.files.map((f) => f.given), ...collected.missing];
      if (files.length === 0) return misuse(io, "không tìm thấy bảng tính nào", "no spreadsheet found");
      const results: FileValidation[] = [];
      for (const file of files) {
        const v = validateFile(file, {
          ...(o.set ? { setId: o.set } : {}),
          ...(o.region ? { region: o.region as Region } : {}),
          ...(o.group ? { group: o.group as CommuneGroup } : {}),
        });
        results.push(v);
        if (!o.json) io.out(textReport(v));
      }
      if (o.json) io.out(JSON.stringify(results, null, 2) + "\n");
      const unreadable = results.some((r) => r.error);
      const errors = results.some((r) => (r.findings ?? []).some((f) => f.severity === "error"));
      if (o.out && !(await writeOut(io, o.out, results))) return;
      io.exitCode = unreadable ? 2 : errors ? 1 : 0;
    });
}
