/**
 * One send of the checked workbook, for the Đồng bộ tab's "Gửi số liệu" and the ribbon's "sync
 * now": every report the workbook holds (domain workbookReports, the list `ntm push` sends) queued
 * and sent in one flush — its criteria values, its work volumes, and its village checklist as one
 * report per village of the commune (the village list read from the server, or the one kept from
 * the last send when offline).
 *
 * Each report has its own base: the workbook's identity report keeps ntm.baseRevision (the caller
 * moves it, useSyncKey or the ribbon), the others ntm.bases; a base moves only when the server
 * acknowledged that report as sent. The identity report goes last, so the state the pane shows
 * (revision, phase) is of the report the workbook syncs with.
 */
import { sameKey } from "../../domain/sync/outbox";
import type { ReportKey } from "../../domain/sync/protocol";
import { needsVillages, workbookReports } from "../../domain/sync/workbookReports";
import { localParts } from "../../domain/rhythm/vietnamTime";
import { basesFromSettings, basesToSettings } from "../excel/workbookIdentity";
import type { SyncSession, SyncState } from "../sync/syncSession";
import type { CheckResult } from "./check/analyseWorkbook";
import { sendableReport } from "./check/sendableReport";
import type { WorkbookHost } from "./host/workbookHost";
import type { PaneText } from "./paneText";

export interface SendOutcome {
  state: SyncState;
  /** The revision the identity report now stands at, when the server took it as it was sent. */
  identityRevision?: number;
  /** What did not go as the person may think (marks that cannot travel, villages held or split by a kept list). */
  warnings: string[];
  /** What went besides the report shown (work volumes, each village's own report). */
  alsoSent: string[];
}

const keyText = (k: ReportKey) => `${k.org}/${k.set}/${k.period}`;

export async function sendWorkbook(
  sync: Pick<SyncSession, "pushAll" | "villageList">,
  workbook: Pick<WorkbookHost, "readSettings" | "writeSettings">,
  result: CheckResult,
  identity: { key: ReportKey; base: number },
  t: PaneText,
): Promise<SendOutcome> {
  const { key } = identity;
  const { read, marksNotSent } = sendableReport(result);
  const warnings = marksNotSent.length ? [t.marksNotSent(marksNotSent.join(", "))] : [];
  const list = needsVillages(read) ? await sync.villageList(key.org, key.period) : undefined;
  const { reports, villagesHeld } = workbookReports(read, key.org, list?.units);
  if (list?.units && list.keptFrom) warnings.push(t.villagesKept(shownInstant(list.keptFrom)));
  if (list && !list.units && villagesHeld) warnings.push(t.villagesHeld(villagesHeld, list.error));
  const bases = basesFromSettings(await workbook.readSettings());
  const items = reports
    .map((r) => ({ key: { org: r.org, set: r.set, period: key.period }, values: r.values }))
    .map((r) => ({
      ...r,
      baseRevision: sameKey(r.key, key) ? identity.base : (bases.get(keyText(r.key)) ?? 0),
    }))
    .sort((a, b) => Number(sameKey(a.key, key)) - Number(sameKey(b.key, key)));
  const others = [...new Set(reports.filter((r) => r.set !== key.set).map((r) => r.set))];
  const alsoSent: string[] = [];
  if (others.length) alsoSent.push(t.alsoSent(others.map((k) => t.kindWords[k] ?? k).join(", ")));
  const villages = reports.flatMap((r) => (r.village ? [r.village] : []));
  if (villages.length) alsoSent.push(t.villagesSent(villages.join(", ")));

  const { state, inStep } = await sync.pushAll(items);
  let moved = false;
  for (const s of inStep)
    if (!sameKey(s.key, key) && (bases.get(keyText(s.key)) ?? 0) < s.revision) {
      bases.set(keyText(s.key), s.revision);
      moved = true;
    }
  if (moved) await workbook.writeSettings(basesToSettings(bases));
  const own = inStep.filter((s) => sameKey(s.key, key)).at(-1);
  return { state, warnings, alsoSent, ...(own ? { identityRevision: own.revision } : {}) };
}

/** "17:05 2023-12-20" in Vietnam's time, whatever the machine's zone. */
function shownInstant(instant: string): string {
  const { date, time } = localParts(instant);
  return `${time} ${date}`;
}
