/**
 * What `ntm push` and `ntm pull` share: the token (from --token or NTM_TOKEN, so it stays out of
 * shell history), the person's `--take` choices for conflicts, reading a workbook's values as the
 * pane reads them (with where the reader found each indicator), and the words a conflict is shown
 * with — mine / theirs / base with sheet and cell, like the pane.
 */
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { getCriteriaSet } from "../../domain/criteria/registry";
import { formatDecimal } from "../../domain/i18n/formatNumber";
import { rhythmReportsOf, type RhythmReport } from "../../domain/rhythm/rhythmReportsOf";
import { readReport } from "../../domain/sheet/readReport";
import type {
  IndicatorConflict,
  IndicatorValue,
  IndicatorValues,
  PullChoice,
  PullChoices,
} from "../../domain/sync";
import { syncValuesOf } from "../../domain/sync";
import { readWorkbookFile } from "../../io/xlsx/readWorkbook";

/** The token to send, or undefined after saying how to give one. */
export function tokenOf(given: string | undefined, io: CliIo): string | undefined {
  const token = given ?? process.env.NTM_TOKEN;
  if (token) return token;
  io.err(
    "Thiếu mã truy cập: thêm --token MÃ hoặc đặt biến môi trường NTM_TOKEN. / No access token: pass --token T or set NTM_TOKEN.\n",
  );
  return undefined;
}

const SIDES: readonly PullChoice[] = ["mine", "theirs", "base"];

/** `--take mine`, `--take 17.5=theirs` (repeatable) → choices; an error text for a bad one. */
export function parseTake(takes: readonly string[]): PullChoices | string {
  const byCode = new Map<string, PullChoice>();
  let all: PullChoice | undefined;
  for (const t of takes) {
    const eq = t.lastIndexOf("=");
    const side = (eq < 0 ? t : t.slice(eq + 1)).trim() as PullChoice;
    if (!SIDES.includes(side))
      return `--take "${t}": hãy dùng mine, theirs, base hoặc MÃ=mine|theirs|base. / use mine, theirs, base or CODE=mine|theirs|base.`;
    if (eq < 0) all = side;
    else byCode.set(t.slice(0, eq).trim(), side);
  }
  return { ...(all ? { all } : {}), byCode };
}

/** The token and the `--take` choices every sync command starts from, or undefined after saying what is wrong. */
export function tokenAndChoices(
  o: { token?: string; take?: string[] },
  io: CliIo,
): { token: string; choices: PullChoices } | undefined {
  const token = tokenOf(o.token, io);
  if (!token) return undefined;
  const choices = parseTake(o.take ?? []);
  if (typeof choices === "string") {
    io.err(`${choices}\n`);
    return undefined;
  }
  return { token, choices };
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The values of a workbook as the reader reads them, with their sheet and cell. */
export function readWorkbookValues(
  file: string,
  opts: { set?: string; period?: string },
): {
  values: IndicatorValues;
  skipped: string[];
  marksNotSent: string[];
  org?: string;
  /** The commune as the workbook names it, when it gives no code. */
  orgName?: string;
  period?: string;
  set: string;
  /** The workbook's work volumes and village progress, sent as reports of their own kind. */
  rhythm: RhythmReport[];
} {
  const { report, layout } = readReport(readWorkbookFile(file), {
    setId: opts.set,
    period: opts.period,
    fileName: path.basename(file),
  });
  const set = getCriteriaSet(report.setId);
  const sv = syncValuesOf(report, set);
  return {
    ...sv,
    rhythm: rhythmReportsOf(report, set, layout.workItemCells),
    set: report.setId,
    ...(report.orgUnit?.code ? { org: report.orgUnit.code } : {}),
    ...(report.orgUnit?.name ? { orgName: report.orgUnit.name } : {}),
    ...(report.period ? { period: report.period } : {}),
  };
}

/** A value as a person reads it: 96,4 %, Đạt, 10–12, (trống / empty). */
export function shown(v: IndicatorValue | null | undefined): string {
  const x = v?.value;
  if (x === null || x === undefined) return "(trống / empty)";
  if (typeof x === "boolean") return x ? "Đạt" : "Không đạt";
  const unit = v?.unit === "%" ? " %" : v?.unit ? ` ${v.unit}` : "";
  const num = (n: number) => formatDecimal(n);
  if (typeof x === "number") return `${num(x)}${unit}`;
  if (typeof x === "object") return `${num(x.min)}–${num(x.max)}${unit}`;
  return JSON.stringify(x).slice(0, 200);
}

function where(c: IndicatorConflict): string {
  const at = [c.mine, c.theirs, c.base].find((v) => v?.sheet && v.cell);
  return at ? `${at.sheet}!${at.cell}` : "(không rõ ô / no cell)";
}

/** One line per conflict: where, mine, theirs, base. */
export function conflictLines(conflicts: readonly IndicatorConflict[]): string {
  return conflicts
    .map(
      (c) =>
        `  ${c.code} ở / at ${where(c)}: của bạn / mine ${shown(c.mine)} · trên kho / theirs ${shown(c.theirs)} · gốc / base ${shown(c.base)}\n`,
    )
    .join("");
}

export const TAKE_HINT =
  "Chọn bằng --take mine|theirs (mọi chỉ tiêu) hoặc --take MÃ=mine|theirs (từng chỉ tiêu), ví dụ --take 17.5=theirs. / Choose with --take mine|theirs (all) or --take CODE=mine|theirs (one indicator), e.g. --take 17.5=theirs.";
