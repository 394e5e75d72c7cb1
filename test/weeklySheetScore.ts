/**
 * How a reading of a generated weekly sheet compares with its answer, row by row: the problems a
 * person would notice (a wrong week, a missing item, a wrong figure or village figure).
 */
import type { WeeklyAnswer } from "../scripts/weeklySheetGenerator";
import type { Report } from "../src/domain/report";

const close = (a: number | null | undefined, b: number | null) =>
  b === null ? a === null || a === undefined : typeof a === "number" && Math.abs(a - b) < 1e-6;

export function weeklyProblems(answer: WeeklyAnswer, report: Report): string[] {
  const problems: string[] = [];
  if (report.period !== answer.period) problems.push(`period ${report.period} ≠ ${answer.period}`);
  const read = report.workItems ?? [];
  if (read.length !== answer.items.length)
    problems.push(`${read.length} items read, ${answer.items.length} written`);
  answer.items.forEach((want, i) => {
    const got = read.find((w) => w.name === want.name);
    if (!got) return problems.push(`item ${i + 1} "${want.name}" not read`);
    if (got.unit !== want.unit) problems.push(`${want.name}: unit ${got.unit} ≠ ${want.unit}`);
    for (const f of ["plan", "done", "cumulative"] as const)
      if (!close(got[f], want[f])) problems.push(`${want.name}: ${f} ${got[f]} ≠ ${want[f]}`);
    const villages = (got.byUnit ?? []).map((u) => [u.name, u.value, u.plan ?? null]);
    const wanted = (want.villages ?? []).map((v) => [v.name, v.done, v.plan ?? null]);
    if (JSON.stringify(villages) !== JSON.stringify(wanted))
      problems.push(`${want.name}: villages ${JSON.stringify(villages)} ≠ ${JSON.stringify(wanted)}`);
  });
  return problems;
}
