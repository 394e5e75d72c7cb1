/** What changed since the previous revision, indicator by indicator (the first 60: a pane, not a report). */
import type { IndicatorChange } from "../../../domain/sync/protocol";
import type { PaneText } from "../paneText";
import { usePaneStyles } from "./paneStyles";
import { showValue } from "./showValue";
import { Note } from "./Note";

export function ChangesTable({ t, changes }: { t: PaneText; changes: IndicatorChange[] }) {
  const p = usePaneStyles();
  if (!changes.length) return <Note>{t.noDiff}</Note>;
  return (
    <table className={p.small} data-testid="review-diff">
      <tbody>
        {changes.slice(0, 60).map((c) => (
          <tr key={c.code}>
            <td className={p.cellPad}>{c.code}</td>
            <td className={p.before}>{showValue(t, c.before)}</td>
            <td>→</td>
            <td className={p.after}>{showValue(t, c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
