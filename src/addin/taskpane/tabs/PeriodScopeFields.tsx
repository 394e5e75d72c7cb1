/**
 * The row of inputs the office tabs share (Tổng hợp, Tiến độ nộp): what to ask for, the period and
 * the unit to ask under — one layout, so the two tabs read alike.
 */
import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { PaneText } from "../paneText";
import { TextField } from "../components/TextField";

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalSNudge,
  },
});

export function PeriodScopeFields({
  t,
  first,
  period,
  onPeriod,
  under,
  onUnder,
}: {
  t: PaneText;
  /** The first field: the set, or the kind of report. */
  first: ReactNode;
  period: string;
  onPeriod: (value: string) => void;
  under: string;
  onUnder: (value: string) => void;
}) {
  return (
    <div className={useStyles().row}>
      {first}
      <TextField label={t.period} value={period} onChange={onPeriod} />
      <TextField label={t.under} value={under} onChange={onUnder} />
    </div>
  );
}
