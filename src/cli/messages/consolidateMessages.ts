/**
 * What `ntm consolidate` says: its refusals and the account of a run (files read, consolidated,
 * not read, duplicates, left out and why), Vietnamese first, English with its plurals right.
 */
import type { ConsolidationSummary } from "../../domain/consolidate/summaryModel";
import { both, countEn, num } from "./cliText";

type Pair = [vi: string, en: string];

export const consolidateRefusals = {
  needOut: ["cần -o TỆP.xlsx hoặc --json", "give -o FILE.xlsx or --json"] as Pair,
  unknownSet: (id: string, known: string): Pair => [
    `không có bộ tiêu chí "${id}" (có: ${known})`,
    `no criteria set "${id}" (known: ${known})`,
  ],
  workers: ["--workers cần số nguyên ≥ 0", "--workers needs an integer ≥ 0"] as Pair,
  codeTable: (why: string): Pair => [
    `không đọc được bảng mã xã: ${why}`,
    "cannot read the commune code table",
  ],
  missingInputs: (paths: string[]): Pair => [
    `không có ${paths.map((p) => `"${p}"`).join(", ")}: không tổng hợp, không ghi gì; kiểm tra lại đường dẫn`,
    `${paths.map((p) => `"${p}"`).join(", ")} ${paths.length === 1 ? "does" : "do"} not exist: nothing consolidated or written; check the path`,
  ],
  nothingRead: (out: string): Pair => [
    `không đọc được tệp nào nên không ghi ${out}`,
    `no file could be read, so ${out} was not written`,
  ],
};

function readLine(c: ConsolidationSummary["counts"], seconds: number): string {
  return both(
    `Đã đọc ${c.files} tệp trong ${num(seconds, "vi")} giây: ${c.consolidated} được tổng hợp, ${c.failed} không đọc được, ${c.duplicates} trùng lặp, ${c.skipped} không tổng hợp.`,
    `Read ${countEn(c.files, "file")} in ${num(seconds, "en")} s: ${c.consolidated} consolidated, ${c.failed} unreadable, ` +
      `${countEn(c.duplicates, "duplicate")}, ${c.skipped} left out.`,
  );
}

function matrixLine(m: ConsolidationSummary["matrices"][number]): string {
  const t = m.totals;
  const average = t.communes ? t.criteriaMet / t.communes : 0;
  return (
    `  ${m.set.id}: ` +
    both(
      `${t.communes} xã; đạt đủ tiêu chí: ${t.allMet}; bình quân ${num(average, "vi")} tiêu chí`,
      `${countEn(t.communes, "commune")}; all criteria met: ${t.allMet}; average ${num(average, "en")} criteria`,
    )
  );
}

/** Read errors start with the file's base name; the list already shows the path. */
function stripFilePrefix(message: string, file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return message.startsWith(`${base}: `) ? message.slice(base.length + 2) : message;
}

export function consolidationAccount(
  s: ConsolidationSummary,
  out: string | undefined,
  seconds: number,
): string {
  const c = s.counts;
  const lines: string[] = [readLine(c, seconds)];
  if (c.files === 0) lines.push(both("Không tìm thấy tệp bảng tính nào.", "No spreadsheet files found."));
  for (const m of s.matrices) lines.push(matrixLine(m));
  if (s.villages.length) lines.push(`  ${both("Khu dân cư", "villages")}: ${s.villages.length}`);
  if (s.volumes.length) lines.push(`  ${both("Khối lượng", "work items")}: ${s.volumes.length}`);
  if (s.failedFiles.length) {
    lines.push(`${both("Tệp không đọc được", "unreadable files")}:`);
    for (const f of s.failedFiles) lines.push(`  ${f.file}: ${stripFilePrefix(f.message, f.file)}`);
  }
  if (s.duplicates.length) {
    lines.push(`${both("Tệp trùng (không tổng hợp)", "duplicates (left out)")}:`);
    for (const d of s.duplicates) lines.push(`  ${d.file} → ${both("dùng", "using")} ${d.keptFile}`);
  }
  const unidentified = s.skipped.filter((k) => k.reason === "commune");
  if (unidentified.length) {
    lines.push(`${both("Không xác định được xã (không tổng hợp)", "commune not identified (left out)")}:`);
    for (const k of unidentified) lines.push(`  ${k.file}`);
  }
  const byChoice = s.skipped.length - unidentified.length;
  if (byChoice)
    lines.push(
      `${both("Không thuộc bộ/kỳ đã chọn", "left out by --set/--period")}: ${byChoice} (${both('xem trang "Tệp lỗi"', 'see the "Tệp lỗi" sheet')})`,
    );
  const flagged = s.findings.filter((f) => f.type === "commune/matched-without-diacritics").length;
  if (flagged)
    lines.push(
      both(
        `${flagged} tệp được nhận xã theo tên không dấu hoặc tên tệp: kiểm tra trang "Phát hiện".`,
        `${countEn(flagged, "file")} matched to a commune by a name without diacritics or the file name: check the "Phát hiện" sheet.`,
      ),
    );
  if (out) lines.push(`${both("Đã ghi", "written")}: ${out}`);
  return lines.join("\n") + "\n";
}
