/** The pane's account of a pull: what went into the workbook, what did not and what to do about it. */
import type { PaneText } from "./paneText";
import type { PullOutcome } from "./pullIntoWorkbook";

export interface PullMessage {
  intent: "success" | "warning" | "info";
  lines: string[];
}

/** At most a few addresses, then a count, so the message stays readable. */
function some(items: string[], max = 6): string {
  return items.length <= max
    ? items.join(", ")
    : `${items.slice(0, max).join(", ")} … (+${items.length - max})`;
}

export function pullMessage(t: PaneText, o: PullOutcome): PullMessage {
  switch (o.kind) {
    case "no-head":
      return { intent: "info", lines: [t.pullNoHead] };
    case "standalone":
      return { intent: "info", lines: [t.pullStandalone] };
    case "other-workbook":
      return { intent: "warning", lines: [t.pullOtherWorkbook(o.identity.orgCode, o.identity.period)] };
    case "written": {
      const r = o.report;
      const lines = [t.pullWritten(o.head, r.valuesWritten, r.notesWritten)];
      if (o.unsent) lines.push(t.pullHeld(o.unsent));
      if (o.conflicts.length) lines.push(t.pullConflicts(o.conflicts.length));
      if (o.keptLocal.length) lines.push(t.pullKeptLocal(some(o.keptLocal)));
      if (r.valuesUnchanged) lines.push(t.pullUnchanged(r.valuesUnchanged));
      if (r.notesRemoved) lines.push(t.pullNotesRemoved(r.notesRemoved));
      if (r.formulaCells.length) lines.push(t.pullFormula(some(r.formulaCells)));
      if (r.proseCells.length) lines.push(t.pullProse(some(r.proseCells)));
      if (r.tooLong.length) lines.push(t.pullTooLong(some(r.tooLong)));
      if (r.foreignComments.length) lines.push(t.pullForeign(some(r.foreignComments)));
      if (r.missingSheets.length) lines.push(t.pullMissingSheets(some(r.missingSheets)));
      if (o.plan.unplaced.length) lines.push(t.pullUnplaced(some(o.plan.unplaced)));
      const trouble =
        o.unsent ||
        o.conflicts.length ||
        o.keptLocal.length ||
        r.formulaCells.length ||
        r.proseCells.length ||
        r.tooLong.length ||
        r.foreignComments.length ||
        r.missingSheets.length ||
        o.plan.unplaced.length;
      return { intent: trouble ? "warning" : "success", lines };
    }
  }
}
