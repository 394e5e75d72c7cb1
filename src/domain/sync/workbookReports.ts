/**
 * Every report one workbook sends to the store, in the order they are sent — the one list `ntm push`
 * and the pane's "Gửi số liệu" both send: its criteria values under its set, its work volumes as a
 * work-volume report, and its villages' checklist progress as one village-progress report per
 * village the org tree knows under the commune (splitVillageReports; the commune keeps the others).
 *
 * Before this, each host composed the list itself and they drifted: the pane sent a village
 * checklist's progress unsplit under the commune, `ntm push` one report per village.
 *
 * Invariants: a workbook that holds only rhythm reports sends no empty criteria report; every
 * village of the checklist is in exactly one report; without a village list (offline, never
 * fetched) the village progress is held back whole and said (`villagesHeld`), never sent unsplit.
 */
import { VILLAGE_PROGRESS_KIND } from "../rhythm/reportingCalendar";
import { isRhythmKind } from "../rhythm/rhythmReportKinds";
import type { RhythmReport } from "../rhythm/rhythmReportsOf";
import { splitVillageReports } from "../rhythm/villageReports";
import type { IndicatorValues, OrgUnitDto } from "./protocol";

/** What a host read from the workbook: its criteria values under `set`, and its rhythm reports. */
export interface WorkbookRead {
  set: string;
  values: IndicatorValues;
  rhythm: readonly RhythmReport[];
}

export interface WorkbookReport {
  set: string;
  org: string;
  values: IndicatorValues;
  /** The village's name, for a village's own progress report. */
  village?: string;
}

export interface WorkbookReports {
  reports: WorkbookReport[];
  /** The village progress not sent because no village list was at hand (how many villages). */
  villagesHeld?: number;
}

/** The report the workbook syncs with (its identity): its criteria set, or its first rhythm kind. */
export function workbookSet(read: WorkbookRead): string {
  return sendsCriteria(read) ? read.set : (read.rhythm[0]?.kind ?? read.set);
}

/** Whether the rhythm reports include village progress (the host then needs the commune's villages). */
export function needsVillages(read: WorkbookRead): boolean {
  return read.rhythm.some((r) => r.kind === VILLAGE_PROGRESS_KIND);
}

/**
 * The reports of a workbook of the commune `org`. `units`: the org tree under the commune (its
 * villages are those of level "village" whose parent is `org`); undefined when it could not be had.
 */
export function workbookReports(
  read: WorkbookRead,
  org: string,
  units: readonly OrgUnitDto[] | undefined,
): WorkbookReports {
  const reports: WorkbookReport[] = sendsCriteria(read) ? [{ set: read.set, org, values: read.values }] : [];
  let villagesHeld: number | undefined;
  for (const r of read.rhythm) {
    if (r.kind !== VILLAGE_PROGRESS_KIND) reports.push({ set: r.kind, org, values: r.values });
    else if (!units) villagesHeld = r.count;
    else {
      const villages = units.filter((u) => u.level === "village" && u.parentCode === org);
      const split = splitVillageReports(r.values, villages);
      if (split.commune) reports.push({ set: r.kind, org, values: split.commune });
      for (const v of split.villages)
        reports.push({ set: r.kind, org: v.org, values: v.values, village: v.name });
    }
  }
  return { reports, ...(villagesHeld !== undefined ? { villagesHeld } : {}) };
}

/** A criteria report goes unless the workbook is a rhythm report only (no indicator value read). */
function sendsCriteria(read: WorkbookRead): boolean {
  if (isRhythmKind(read.set)) return false;
  return Object.keys(read.values).length > 0 || read.rhythm.length === 0;
}
