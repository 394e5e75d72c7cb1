/**
 * The set (chosen from the server's list) and the period a reviewer or an office works on, side by
 * side at the pane's width; a tab adds its own field or button after them (children).
 */
import type { ReactNode } from "react";
import { Field, Select } from "@fluentui/react-components";
import type { SetChoice } from "../hooks/useCriteriaSets";
import type { PaneText } from "../paneText";
import { usePaneStyles } from "./paneStyles";
import { TextField } from "./TextField";

export interface SetPeriodFieldsProps {
  t: PaneText;
  sets: SetChoice[];
  set: string;
  onSet: (id: string) => void;
  period: string;
  onPeriod: (period: string) => void;
  testId: string;
  children?: ReactNode;
}

export function SetPeriodFields(props: SetPeriodFieldsProps) {
  const { t, sets, set } = props;
  const p = usePaneStyles();
  // A set named by the workbook or typed before may be missing from the server's list: keep it choosable.
  const choices = sets.some((s) => s.id === set) ? sets : [{ id: set, name: set }, ...sets];
  return (
    <div className={p.fieldRowWide}>
      <Field label={t.set}>
        <Select
          className={p.shrink}
          value={set}
          onChange={(_, d) => props.onSet(d.value)}
          aria-label={t.setChoose}
          data-testid={`${props.testId}-set`}
        >
          {choices.map((s) => (
            <option key={s.id} value={s.id} title={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <TextField
        label={t.period}
        value={props.period}
        onChange={props.onPeriod}
        testId={`${props.testId}-period`}
      />
      {props.children}
    </div>
  );
}
