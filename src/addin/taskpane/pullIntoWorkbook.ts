/**
 * What "Nhận về" does with a pulled report besides showing it: in Excel, put it into the open
 * workbook; outside Excel, nothing (the file on disk is never changed), and say so.
 *
 * Invariant: values go into a workbook only when it is this report's workbook (its remembered
 * identity, when it has one, names the same org unit, set and period) and no unsent push of this
 * report is waiting — otherwise the clerk's own unsent numbers would be overwritten; reviewer notes
 * are written in both cases, since they never replace a number.
 */
import type { ReportKey, ReportView } from "../../domain/sync/protocol";
import { planPulledCells, type PulledPlan } from "../../domain/sync/pulledCells";
import type { PullWriteReport } from "../excel/writePulledReport";
import { identityFromSettings, type SyncIdentity } from "../excel/workbookIdentity";
import type { WorkbookHost } from "./host/workbookHost";

export type PullOutcome =
  | { kind: "no-head" }
  | { kind: "standalone"; plan: PulledPlan }
  | { kind: "other-workbook"; identity: SyncIdentity }
  | { kind: "written"; plan: PulledPlan; report: PullWriteReport; head: number; unsent: number };

export async function pullIntoWorkbook(view: ReportView, workbook: WorkbookHost, unsent: (key: ReportKey) => number): Promise<PullOutcome> {
  if (!view.head) return { kind: "no-head" };
  if (!workbook.writePulled) return { kind: "standalone", plan: planPulledCells(view, { values: false }) };
  const identity = identityFromSettings(await workbook.readSettings());
  if (identity && (identity.orgCode !== view.org || identity.set !== view.set || identity.period !== view.period)) return { kind: "other-workbook", identity };
  const waiting = unsent({ org: view.org, set: view.set, period: view.period });
  const plan = planPulledCells(view, { values: waiting === 0 });
  const report = await workbook.writePulled(plan.cells);
  return { kind: "written", plan, report, head: view.head.number, unsent: waiting };
}
