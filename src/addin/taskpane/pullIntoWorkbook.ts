/**
 * What "Nhận về" does with a pulled report besides showing it: in Excel, merge it into the open
 * workbook; outside Excel, nothing (the file on disk is never changed), and say so.
 *
 * Invariant: values go into a workbook only when it is this report's workbook (its remembered
 * identity, when it has one, names the same org unit, set and period) and no unsent push of this
 * report is waiting. Even then a value is written only where the workbook still holds what it held
 * at its base revision (src/domain/sync/planPull): a number the clerk typed and never pushed is
 * kept, and one the server changed too becomes a conflict the person settles (settlePulled).
 * Reviewer notes are written in every case, since they never replace a number.
 */
import type { IndicatorConflict } from "../../domain/sync/mergeIndicatorValues";
import type { ExpectedCell } from "../../domain/sync/pulledCellContent";
import { expectedOf, type PullChoice } from "../../domain/sync/planPull";
import type { IndicatorValues, ReportKey, ReportView } from "../../domain/sync/protocol";
import { planPulledCells, type PulledPlan } from "../../domain/sync/pulledCells";
import {
  inStepAfterPull,
  planWorkbookPull,
  settleWorkbookPull,
  type WorkbookPullPlan,
} from "../../domain/sync/workbookPull";
import type { PullWriteReport } from "../excel/writePulledReport";
import { identityFromSettings, mappingsFromSettings, type SyncIdentity } from "../excel/workbookIdentity";
import { analyseWorkbook } from "./check/analyseWorkbook";
import { valuesFor } from "./check/sendableReport";
import type { WorkbookHost } from "./host/workbookHost";

export interface PullDeps {
  /** Pushes of this report still waiting in the outbox. */
  unsent: (key: ReportKey) => number;
  /** A revision's values; undefined when the server has no such revision. */
  revisionValues: (key: ReportKey, revision: number) => Promise<IndicatorValues | undefined>;
}

/** Conflicts a pull left for the person, with what is needed to settle them. */
export interface PendingPull {
  view: ReportView;
  conflicts: IndicatorConflict[];
}

export type PullOutcome =
  | { kind: "no-head" }
  | { kind: "standalone"; plan: PulledPlan }
  | { kind: "other-workbook"; identity: SyncIdentity }
  | {
      kind: "written";
      plan: PulledPlan;
      report: PullWriteReport;
      head: number;
      unsent: number;
      /** Indicators changed only in this workbook: kept, still to be pushed. */
      keptLocal: string[];
      /** Changed here and on the server: not written until the person chooses. */
      conflicts: IndicatorConflict[];
      /**
       * The workbook may take the head as its base: nothing the head holds is missing from it
       * unexplained (see inStepAfterPull). False keeps the old base, so the difference is met again.
       */
      inStep: boolean;
    };

/**
 * What the workbook holds now for the report `set`, read the way the check tab reads it (with the
 * clerk's mappings): a work-volume report's own values, never the workbook's criteria values.
 */
async function readMine(
  workbook: WorkbookHost,
  settings: Record<string, string>,
  set: string,
): Promise<IndicatorValues> {
  const grids = await workbook.readGrids();
  if (!grids) return {};
  const result = analyseWorkbook(
    { ...grids, properties: { ...(grids.properties ?? {}), ...settings } },
    "vi",
    mappingsFromSettings(settings),
  );
  return valuesFor(result, set) ?? {};
}

function expectations(
  writes: IndicatorValues,
  mine: (code: string) => IndicatorConflict["mine"] | undefined,
): Record<string, ExpectedCell> {
  return Object.fromEntries(Object.keys(writes).map((code) => [code, expectedOf(mine(code))]));
}

/** Cells typed into between reading and writing become conflicts too: the person decides. */
function conflictsFromChanged(
  report: PullWriteReport,
  base: IndicatorValues | undefined,
  theirs: IndicatorValues,
): IndicatorConflict[] {
  return report.changed.map((c) => ({
    code: c.code,
    base: base?.[c.code] ?? null,
    mine: { value: c.now, raw: c.raw, sheet: c.sheet, cell: c.cell },
    theirs: theirs[c.code] ?? null,
  }));
}

/** The one pull's plan as the pane shows it: indicators it could not place are listed with the unplaced. */
function asPulledPlan(p: WorkbookPullPlan): PulledPlan {
  return {
    cells: p.cells,
    unplaced: [...new Set([...p.unplaced, ...p.unknownTargets])].sort(),
    ...(p.general ? { general: p.general } : {}),
  };
}

export async function pullIntoWorkbook(
  view: ReportView,
  workbook: WorkbookHost,
  deps: PullDeps,
): Promise<PullOutcome> {
  if (!view.head) return { kind: "no-head" };
  if (!workbook.writePulled) return { kind: "standalone", plan: planPulledCells(view, { values: false }) };
  const settings = await workbook.readSettings();
  const identity = identityFromSettings(settings);
  if (
    identity &&
    (identity.orgCode !== view.org || identity.set !== view.set || identity.period !== view.period)
  )
    return { kind: "other-workbook", identity };
  const key: ReportKey = { org: view.org, set: view.set, period: view.period };
  const waiting = deps.unsent(key);
  const head = view.head;
  if (waiting > 0) {
    // Notes only, placed where this workbook's reader found their indicators.
    const all = asPulledPlan(planWorkbookPull(view, undefined, await readMine(workbook, settings, view.set)));
    const plan = {
      ...all,
      cells: all.cells.filter((c) => c.note).map(({ value: _v, expect: _e, ...c }) => c),
    };
    const report = await workbook.writePulled(plan.cells);
    return written(plan, report, head.number, {
      unsent: waiting,
      keptLocal: [],
      conflicts: [],
      inStep: false,
    });
  }
  const baseNo = identity?.baseRevision ?? 0;
  const base =
    baseNo <= 0 ? undefined : baseNo === head.number ? head.values : await deps.revisionValues(key, baseNo);
  const mine = await readMine(workbook, settings, view.set);
  const merge = planWorkbookPull(view, base, mine);
  const plan = asPulledPlan(merge);
  const report = await workbook.writePulled(plan.cells);
  const conflicts = [...merge.conflicts, ...conflictsFromChanged(report, base, head.values)];
  const inStep =
    !conflicts.length && inStepAfterPull(merge, await readMine(workbook, settings, view.set), head.values);
  return written(plan, report, head.number, { unsent: 0, keptLocal: merge.keptLocal, conflicts, inStep });
}

type Written = Extract<PullOutcome, { kind: "written" }>;

/** A pull that wrote into the workbook: its plan and report against the head, and what is left. */
function written(
  plan: PulledPlan,
  report: PullWriteReport,
  head: number,
  left: Pick<Written, "unsent" | "keptLocal" | "conflicts" | "inStep">,
): Written {
  return { kind: "written", plan, report, head, ...left };
}

/**
 * Writes the person's choices for a pull's conflicts: theirs or base goes into the cell (if the cell
 * still holds what it held), mine stays and still needs a push; conflicts with no choice stay open.
 */
export async function settlePulled(
  pending: PendingPull,
  choices: Record<string, PullChoice | undefined>,
  workbook: WorkbookHost,
): Promise<PullOutcome> {
  const head = pending.view.head;
  if (!head) return { kind: "no-head" };
  if (!workbook.writePulled)
    return { kind: "standalone", plan: planPulledCells(pending.view, { values: false }) };
  const settled = settleWorkbookPull(pending.conflicts, choices);
  const byCode = new Map(pending.conflicts.map((c) => [c.code, c]));
  const plan = planPulledCells(pending.view, {
    values: true,
    writes: settled.writes,
    expect: expectations(settled.writes, (c) => byCode.get(c)?.mine),
  });
  const report = await workbook.writePulled(plan.cells);
  const again = report.changed.map((c) => ({
    ...byCode.get(c.code)!,
    mine: { value: c.now, raw: c.raw, sheet: c.sheet, cell: c.cell },
  }));
  return written(plan, report, head.number, {
    unsent: 0,
    keptLocal: settled.keptLocal,
    conflicts: [...settled.open, ...again],
    // Settled conflicts: the other indicators were merged by the pull before.
    inStep: !settled.open.length && !again.length,
  });
}
