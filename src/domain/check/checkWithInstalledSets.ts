/**
 * checkWorkbook by the sets a host holds (issue 13): the pane signed in, `ntm validate --server`
 * and `--set FILE` all judge a workbook by the installed version in force for the workbook's own
 * period, and say which version that was.
 * Invariant: the version is chosen for the period the workbook is read as; when the first reading
 * (by the newest version) finds a period another version is in force for, the workbook is checked
 * again with that one, so the answer never depends on which version happened to be newest.
 */
import { installedVersionLabel } from "../criteria/criteriaSetVersion";
import { setLookup, type InstalledSet } from "../criteria/installedSets";
import { checkWorkbook, type CheckOptions, type WorkbookCheck } from "./checkWorkbook";
import type { WorkbookGrids } from "../sheet/grid";

export interface InstalledCheck extends WorkbookCheck {
  /** The installed version that judged the workbook; undefined when a built-in set did. */
  judgedBy?: InstalledSet;
}

function withVersion(check: WorkbookCheck, v: InstalledSet | undefined): InstalledCheck {
  if (!v || !check.validation.set) return check;
  const validation = {
    ...check.validation,
    set: { ...check.validation.set, installed: installedVersionLabel(v) },
  };
  return { ...check, validation, judgedBy: v };
}

export function checkWithInstalledSets(
  workbook: WorkbookGrids,
  installed: readonly InstalledSet[],
  options: CheckOptions = {},
): InstalledCheck {
  if (installed.length === 0) return checkWorkbook(workbook, options);
  const lookup = setLookup(installed, options.getSet);
  const first = checkWorkbook(workbook, { ...options, getSet: (id) => lookup.getSet(id) });
  const setId = first.report.setId;
  const period = first.report.period;
  const newest = lookup.versionOf(setId);
  const forPeriod = lookup.versionOf(setId, period);
  if (forPeriod === newest) return withVersion(first, newest);
  const again = checkWorkbook(workbook, {
    ...options,
    getSet: (id) => lookup.getSet(id, period),
  });
  return withVersion(again, lookup.versionOf(again.report.setId, period));
}
