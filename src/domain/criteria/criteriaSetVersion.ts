/**
 * Installed versions of a criteria set (issue 13): a province installs its authored set as a new
 * immutable version with an "in force from" date; every host judges a report by the version in
 * force for the report's period, and says which one ("vn-xa-ntm-2021-2025 @ 3f2a9c1 (từ 01/01/2024)").
 *
 * Invariant (versionInForce): the version in force on a day is the one with the latest
 * `inForceFrom` on or before that day — a version without a date counts as in force from the
 * beginning — and among versions from the same day the one installed last (versions are given in
 * the order they were installed); a version dated after the day is never chosen. No clock is read:
 * the period says the day.
 */
import { periodStartDate } from "../sync/reportPeriod";

export interface CriteriaSetVersion {
  id: string;
  /** Content hash of the definition (sha256, hex). */
  hash: string;
  /** First day the version judges reports (YYYY-MM-DD); null = from the beginning (a built-in set). */
  inForceFrom: string | null;
  /** When it was installed (ISO time). */
  installedAt: string;
  installedBy?: string | null;
}

/** The characters of a hash a person reads and types (as git shows a commit). */
export const SHORT_HASH_LENGTH = 7;

function isoDay(date: string): string {
  return date.slice(0, 10);
}

/** The version in force on `day` (YYYY-MM-DD), or undefined when every version starts later. */
export function versionInForceOn<V extends CriteriaSetVersion>(
  versions: readonly V[],
  day: string,
): V | undefined {
  let best: V | undefined;
  for (const v of versions) {
    if (v.inForceFrom !== null && isoDay(v.inForceFrom) > day) continue;
    // ">=": of two versions from the same day, the one installed later (later in the list) wins.
    if (!best || (v.inForceFrom ?? "") >= (best.inForceFrom ?? "")) best = v;
  }
  return best;
}

/** The version in force on the first day of `period` ("2023", "2024-Q1", "2024-03", "2024-W05"). */
export function versionInForce<V extends CriteriaSetVersion>(
  versions: readonly V[],
  period: string,
): V | undefined {
  return versionInForceOn(versions, periodStartDate(period));
}

/** "01/01/2024" from "2024-01-01": dates as Vietnamese documents write them. */
export function vietnameseDate(day: string): string {
  const [y, m, d] = isoDay(day).split("-");
  return `${d}/${m}/${y}`;
}

/** "vn-xa-ntm-2021-2025 @ 3f2a9c1 (từ 01/01/2024)"; without a date, "… @ 3f2a9c1". */
export function installedVersionLabel(v: Pick<CriteriaSetVersion, "id" | "hash" | "inForceFrom">): string {
  const at = `${v.id} @ ${v.hash.slice(0, SHORT_HASH_LENGTH)}`;
  return v.inForceFrom ? `${at} (từ ${vietnameseDate(v.inForceFrom)})` : at;
}

/** Whether `text` names version `v`: its full hash or a prefix of at least SHORT_HASH_LENGTH characters. */
export function namesVersion(v: Pick<CriteriaSetVersion, "hash">, text: string): boolean {
  const t = text.trim().toLowerCase();
  return t.length >= SHORT_HASH_LENGTH && v.hash.toLowerCase().startsWith(t);
}
