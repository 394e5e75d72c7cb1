/**
 * One finding as the check shows it: its cell (a button that selects the cell in Excel) and the
 * message in the pane's language, with the severity as the left rule's colour.
 */
import { Badge, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { FindingView } from "../check/analyseWorkbook";
import { usePaneStyles } from "./paneStyles";

const SEVERITY_COLOUR = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  item: { margin: `${tokens.spacingVerticalXS} 0`, listStyleType: "none" },
  button: {
    display: "block",
    width: "100%",
    textAlign: "left",
    backgroundColor: "transparent",
    border: "none",
    borderLeft: `${tokens.strokeWidthThicker} solid`,
    padding: `0 0 0 ${tokens.spacingHorizontalSNudge}`,
    font: "inherit",
    color: "inherit",
    cursor: "default",
  },
  pointer: { cursor: "pointer" },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
});

export function FindingRow({ f, onSelect }: { f: FindingView; onSelect?: () => void }) {
  const s = useStyles();
  const where = f.finding.sheet && f.finding.cell ? `${f.finding.sheet}!${f.finding.cell}` : "";
  const selectable = Boolean(onSelect && where);
  return (
    <li
      data-testid="finding"
      data-type={f.finding.type}
      data-indicator={f.finding.indicator ?? ""}
      data-cell={where}
      className={s.item}
    >
      <button
        type="button"
        onClick={onSelect}
        disabled={!selectable}
        className={mergeClasses(s.button, s[f.finding.severity], selectable && s.pointer)}
      >
        <Badge size="small" appearance="outline" color={SEVERITY_COLOUR[f.finding.severity]}>
          {where || "—"}
        </Badge>{" "}
        <Caption1>{f.shown.replace(/^\[[^\]]*\]\s*/, "")}</Caption1>
      </button>
    </li>
  );
}

/** Findings as a plain list; `select` (in Excel) makes each finding's cell a button that selects it. */
export function FindingList(props: { findings: FindingView[]; select?: (f: FindingView) => () => void }) {
  const p = usePaneStyles();
  return (
    <ul className={p.plainList}>
      {props.findings.map((f, i) => (
        <FindingRow key={i} f={f} onSelect={props.select?.(f)} />
      ))}
    </ul>
  );
}
