/**
 * The row of inputs the office tabs share (Tổng hợp, Tiến độ nộp): what to ask for, the period and
 * the unit to ask under — one layout, so the two tabs read alike.
 */
import type { ReactNode } from "react";
import { Field, Input } from "@fluentui/react-components";
import type { PaneText } from "../paneText";

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
    <div
      style={{
        display: "grid",
        gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)",
        gap: 6,
      }}
    >
      {first}
      <Field label={t.period}>
        <Input style={{ minWidth: 0 }} value={period} onChange={(_, d) => onPeriod(d.value)} />
      </Field>
      <Field label={t.under}>
        <Input style={{ minWidth: 0 }} value={under} onChange={(_, d) => onUnder(d.value)} />
      </Field>
    </div>
  );
}
