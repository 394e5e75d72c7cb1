/**
 * The pane's shared looks, in Fluent tokens (never hex colours or inline styles), so the pane follows
 * the Office theme and a change of spacing is made once. Tab-specific looks stay in their tab.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  bar: { margin: `${tokens.spacingVerticalSNudge} 0` },
  /** Two or three fields side by side that shrink with the 320–420 px pane instead of overflowing. */
  fieldRow: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalSNudge,
    alignItems: "end",
  },
  fieldRowWide: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalSNudge,
    alignItems: "end",
  },
  shrink: { minWidth: 0 },
  grow: { flexGrow: 1, minWidth: 0 },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalSNudge,
    margin: `${tokens.spacingVerticalSNudge} 0`,
  },
  plainList: { margin: 0, paddingLeft: 0, listStyleType: "none" },
  bulletList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  section: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalSNudge,
    marginTop: tokens.spacingVerticalSNudge,
  },
  small: { fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  before: { color: tokens.colorPaletteRedForeground1 },
  after: { color: tokens.colorPaletteGreenForeground1 },
  cellPad: { paddingRight: tokens.spacingHorizontalS },
});
