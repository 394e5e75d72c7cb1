/**
 * `ntm criteria`: list and show the shipped criteria sets, export any set as an authoring workbook,
 * compile an authoring workbook into a set (JSON). A broken workbook exits 1 with every mistake
 * located by sheet, row and column, Vietnamese then English.
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { countEn } from "../messages/cliText";
import { targetsProvenance } from "../messages/criteriaSetMessages";
import { type AuthoringError, formatAuthoringErrorBilingual } from "../../domain/criteria/authoring";
import { describeCriteriaSet, type CriteriaSetSummary } from "../../domain/criteria/describeCriteriaSet";
import { getCriteriaSet, listCriteriaSets } from "../../domain/criteria/registry";
import type { CriteriaSet } from "../../domain/criteria/schema";
import { compileAuthoringWorkbookFile, writeAuthoringWorkbookFile } from "../../io/xlsx/authoringWorkbook";
import { isWorkbookReadError } from "../../io/xlsx/workbookReadError";

function summaryLine(s: CriteriaSetSummary): string {
  const official = s.officialIndicatorCount ? ` (văn bản / decision: ${s.officialIndicatorCount})` : "";
  return (
    `${s.id}\n  ${s.title.vi}\n  ${s.title.en ?? ""}\n  ${s.version} · ${s.level} · ` +
    `${s.criteria} tiêu chí / criteria · ${s.indicators} chỉ tiêu / indicators${official} · ` +
    `${targetsProvenance(s)}\n`
  );
}

/** Cells compiled as read that may have meant something else, each at its cell (Vietnamese, English). */
export function warningLines(book: string, warnings: AuthoringError[]): string {
  return (
    `${path.basename(book)}: ${warnings.length} cảnh báo / warning(s)\n` +
    warnings.map((w) => formatAuthoringErrorBilingual(w)).join("\n") +
    "\n"
  );
}

function unknownSet(io: CliIo, id: string): void {
  io.err(
    `Không có bộ tiêu chí "${id}"; xem danh sách bằng "ntm criteria list". / No criteria set "${id}"; see "ntm criteria list".\n`,
  );
  io.exitCode = 1;
}

function showSet(set: CriteriaSet): string {
  const lines = [summaryLine(describeCriteriaSet(set))];
  if (set.note) lines.push(`  ${set.note}\n`);
  for (const c of set.criteria) {
    lines.push(`  ${c.code}. ${c.name.vi}${c.name.en ? ` / ${c.name.en}` : ""}\n`);
    for (const i of c.indicators) {
      const t = i.targets.general;
      const target =
        i.op === "yes"
          ? "Đạt"
          : t && t.value !== null
            ? `${i.op} ${t.value}${i.unit ? ` ${i.unit}` : ""}`
            : `${i.op} ? (chưa có mức / no confirmed level)`;
      const verified = t ? (t.provenance.verified ? "✓" : "chưa xác minh / unverified") : "";
      lines.push(`     ${i.code}  ${i.name.vi}  [${target}] ${verified}\n`);
    }
  }
  return lines.join("");
}

export function registerCriteria(program: Command, io: CliIo): void {
  const criteria = program.command("criteria").description("Bộ tiêu chí / criteria sets");

  criteria
    .command("list")
    .description("Liệt kê các bộ tiêu chí / list the criteria sets")
    .option("--json", "xuất JSON / print JSON")
    .action((o: { json?: boolean }) => {
      const all = listCriteriaSets().map(describeCriteriaSet);
      if (o.json) io.out(JSON.stringify(all, null, 2) + "\n");
      else for (const s of all) io.out(summaryLine(s));
    });

  criteria
    .command("show <id>")
    .description("Xem một bộ tiêu chí / show one criteria set")
    .option("--json", "xuất cả bộ dạng JSON / print the whole set as JSON")
    .action((id: string, o: { json?: boolean }) => {
      const set = getCriteriaSet(id);
      if (!set) return unknownSet(io, id);
      if (o.json) io.out(JSON.stringify({ summary: describeCriteriaSet(set), set }, null, 2) + "\n");
      else io.out(showSet(set));
    });

  criteria
    .command("export <id>")
    .description("Ghi bộ tiêu chí thành sổ tính soạn thảo / write a set as an authoring workbook")
    .requiredOption("-o, --out <book.xlsx>", "tệp .xlsx ghi ra / the .xlsx file to write")
    .action((id: string, o: { out: string }) => {
      const set = getCriteriaSet(id);
      if (!set) return unknownSet(io, id);
      writeAuthoringWorkbookFile(set, o.out);
      io.out(`Đã ghi / wrote ${o.out}\n`);
    });

  criteria
    .command("compile <book>")
    .description("Dịch sổ tính soạn thảo thành bộ tiêu chí JSON / compile an authoring workbook into a set")
    .requiredOption("-o, --out <set.json>", "tệp JSON ghi ra / the JSON file to write")
    .action((book: string, o: { out: string }) => {
      let result;
      try {
        result = compileAuthoringWorkbookFile(book);
      } catch (e) {
        if (!isWorkbookReadError(e)) throw e;
        io.err(`Không đọc được ${path.basename(book)}: ${e.message}\n`);
        io.exitCode = 1;
        return;
      }
      if (!result.ok) {
        io.err(
          `${path.basename(book)}: ${result.errors.length} lỗi / ${countEn(result.errors.length, "error")}\n` +
            result.errors.map((e) => formatAuthoringErrorBilingual(e)).join("\n") +
            "\n",
        );
        io.exitCode = 1;
        return;
      }
      if (result.warnings.length) io.err(warningLines(book, result.warnings));
      fs.writeFileSync(o.out, JSON.stringify(result.set, null, 2) + "\n");
      const s = describeCriteriaSet(result.set);
      io.out(
        `Đã ghi / wrote ${o.out}: ${s.id}, ${s.criteria} tiêu chí / criteria, ${s.indicators} chỉ tiêu / indicators\n`,
      );
    });
}
