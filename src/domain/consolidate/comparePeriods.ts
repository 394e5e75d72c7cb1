/**
 * Which of two reports of the same commune is newer: the one whose period ends later ("2023" ends
 * after "2023-11"), then the one whose period starts later, then the one that names its commune
 * itself (not only by its file name), then the later file time, then the path
 * (so the choice never depends on the order files were read in).
 * Invariant: a total order on (period, rank, mtime, path); a missing or unreadable period is the oldest.
 */
import { periodStartDate } from "../sync/reportPeriod";

export interface PeriodBounds {
  start: string;
  /** First day after the period. */
  end: string;
}

const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])|-W(0[1-9]|[1-4]\d|5[0-3]))?$/;

export function periodBounds(period: string | null | undefined): PeriodBounds | undefined {
  if (!period || !PERIOD.test(period)) return undefined;
  let start: string;
  try {
    start = periodStartDate(period);
  } catch {
    return undefined;
  }
  const [y, m, d] = start.split("-").map(Number);
  const startMs = Date.UTC(y, m - 1, d);
  let endMs: number;
  if (/^\d{4}$/.test(period)) endMs = Date.UTC(y + 1, 0, 1);
  else if (/-Q[1-4]$/.test(period)) endMs = Date.UTC(y, m - 1 + 3, 1);
  else if (/-W\d{2}$/.test(period)) endMs = startMs + 7 * 86400000;
  else endMs = Date.UTC(y, m, 1);
  return { start, end: new Date(endMs).toISOString().slice(0, 10) };
}

export interface Dated {
  period?: string | null;
  /**
   * Among copies of one period, a file that names its commune itself (1) beats one known only by
   * its file name (0): a workbook beats its own CSV export whatever the file times say.
   */
  rank?: number;
  mtimeMs: number;
  path: string;
}

/** Negative when a is older than b, positive when newer. */
export function compareNewness(a: Dated, b: Dated): number {
  const pa = periodBounds(a.period);
  const pb = periodBounds(b.period);
  if (pa && !pb) return 1;
  if (!pa && pb) return -1;
  if (pa && pb) {
    const byEnd = pa.end.localeCompare(pb.end);
    if (byEnd !== 0) return byEnd;
    const byStart = pa.start.localeCompare(pb.start);
    if (byStart !== 0) return byStart;
  }
  const ra = a.rank ?? 1;
  const rb = b.rank ?? 1;
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a.mtimeMs !== b.mtimeMs) return a.mtimeMs < b.mtimeMs ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
