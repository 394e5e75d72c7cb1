/**
 * The last pulled report: the server's revision and review state, the reviewer's comments in force
 * (one per indicator, the same ones a pull writes into the cells) and the values, each with its cell.
 */
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReportView } from "../../../domain/sync/protocol";
import { latestReviewerComments } from "../../../domain/sync/reviewerComments";
import type { PaneText } from "../paneText";
import { usePaneStyles } from "./paneStyles";
import { showValue } from "./showValue";

const useStyles = makeStyles({
  comments: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    padding: tokens.spacingHorizontalSNudge,
    borderRadius: tokens.borderRadiusMedium,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  table: { fontSize: tokens.fontSizeBase200, borderCollapse: "collapse" },
});

export function PulledReport({ t, view }: { t: PaneText; view: ReportView }) {
  const s = useStyles();
  const p = usePaneStyles();
  const comments = Object.entries(latestReviewerComments(view)).sort(([a], [b]) =>
    a === "*" ? -1 : b === "*" ? 1 : a.localeCompare(b, "vi", { numeric: true }),
  );
  return (
    <div data-testid="pulled">
      <Subtitle2 block>{t.headValues}</Subtitle2>
      <Caption1 as="p" block>
        {t.revision}: {view.head?.number ?? 0} · {t.reviewState}:{" "}
        <span data-testid="review-state" data-state={view.reviewState}>
          {t.reviewStates[view.reviewState] ?? view.reviewState}
        </span>
        {view.head
          ? ` · ${t.criteriaMet}: ${view.head.evaluation.criteriaMet}/${view.head.evaluation.criteriaTotal}`
          : ""}
      </Caption1>
      {comments.length > 0 && (
        <div data-testid="comments" className={s.comments}>
          <Subtitle2 block>{t.comments}</Subtitle2>
          <ul className={p.bulletList}>
            {comments.map(([code, c]) => {
              const v = view.head?.values[code];
              return (
                <li key={code}>
                  <b>{code === "*" ? t.commentAll : code}</b>
                  {v?.cell ? ` (${t.commentCell} ${v.sheet ?? ""}!${v.cell})` : ""}: {c.text}{" "}
                  <Caption1>
                    – {c.author}, {c.createdAt.slice(0, 10)}
                  </Caption1>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {view.head && (
        <details>
          <summary>
            <Caption1>{t.indicatorCount(Object.keys(view.head.values).length)}</Caption1>
          </summary>
          <table className={s.table}>
            <tbody>
              {Object.entries(view.head.values).map(([code, v]) => (
                <tr key={code}>
                  <td className={p.cellPad}>{code}</td>
                  <td className={p.cellPad}>{showValue(t, v)}</td>
                  <td className={p.muted}>{v.cell ? `${v.sheet ?? ""}!${v.cell}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
