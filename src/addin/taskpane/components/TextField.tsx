/**
 * A labelled text box that shrinks with the pane instead of overflowing it: the one shape of every
 * typed field of the tabs (org code, period, the unit to ask under), so they look and behave alike.
 */
import { Field, Input } from "@fluentui/react-components";
import { usePaneStyles } from "./paneStyles";

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}) {
  const p = usePaneStyles();
  return (
    <Field label={props.label}>
      <Input
        className={p.shrink}
        value={props.value}
        onChange={(_, d) => props.onChange(d.value)}
        data-testid={props.testId}
      />
    </Field>
  );
}
