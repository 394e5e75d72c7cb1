/**
 * The ISO week a weekly registration or result sheet names in its title: "Tuần 14 (từ 30/3 đến
 * 05/4/2023)", "TUẦN 14 NĂM 2023", "Tuần 52 (26/12/2022 - 01/01/2023)", or only the dates ("khối
 * lượng tuần từ ngày 03/4/2023 đến ngày 09/4/2023").
 * Invariant: a stated week number is kept; the dates only choose its year — the year whose week n
 * lies nearest the range's last day, so week 52 ending on 01/01/2023 is 2022-W52. Without a number
 * the week is the ISO week of the range's last day (offices that count Thursday to Wednesday name
 * the week the range ends in, as "Tuần 14 (30/3–05/4/2023)" does).
 */
import { isoWeekOfDate } from "../rhythm/vietnamTime";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Monday of ISO week n of `year`, as UTC milliseconds. */
function mondayOfWeek(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * 86_400_000 + (week - 1) * 7 * 86_400_000;
}

/** "2023-W14" for week n nearest the ISO date `near` (yyyy-mm-dd). */
export function weekNear(week: number, near: string): string | undefined {
  if (week < 1 || week > 53) return undefined;
  const [y, m, d] = near.split("-").map(Number);
  const at = Date.UTC(y, m - 1, d);
  let best: { year: number; distance: number } | undefined;
  for (const year of [y - 1, y, y + 1]) {
    // A week 53 exists only in long years: its Monday must still fall in that week-year.
    const monday = mondayOfWeek(year, week);
    if (isoWeekOfDate(dateText(monday)) !== `${year}-W${pad2(week)}`) continue;
    const distance = Math.abs(monday + 3 * 86_400_000 - at);
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best ? `${best.year}-W${pad2(week)}` : undefined;
}

function dateText(ms: number): string {
  const t = new Date(ms);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

function validDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** The last full date (dd/mm/yyyy or "ngày d tháng m năm y") a folded line writes. */
export function lastDateOf(folded: string): string | undefined {
  let last: { at: number; date: string } | undefined;
  const patterns = [/(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/g, /ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})/g];
  for (const re of patterns)
    for (const m of folded.matchAll(re)) {
      const date = validDate(Number(m[3]), Number(m[2]), Number(m[1]));
      if (date && (!last || m.index! > last.at)) last = { at: m.index!, date };
    }
  return last?.date;
}

/**
 * The week a folded title line names with a date range or a date, or undefined. "Tuần 14 năm 2023"
 * (no date) is left to periodFromText.
 */
export function weekOfTitleLine(folded: string): string | undefined {
  if (!/\btuan\b/.test(folded)) return undefined;
  const date = lastDateOf(folded);
  if (!date) return undefined;
  const n = /\btuan (?:thu )?(\d{1,2})\b/.exec(folded);
  if (n) return weekNear(Number(n[1]), date);
  // Only dates: a range "từ … đến …" names the week it ends in.
  return /\b(tu|den)\b|[-–]/.test(folded) ? isoWeekOfDate(date) : undefined;
}
