/**
 * Per-indicator choice between mine, theirs and base, for a push's conflict and a pull's alike; the
 * action waits for a choice on every conflicting indicator (none is settled without the person).
 */
import { Button, Field, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { IndicatorConflict } from "../../../domain/sync/mergeIndicatorValues";
import type { Choice } from "../../sync/syncSession";
import type { PaneText } from "../paneText";
import { showValue } from "./showValue";
import { Note } from "./Note";

const useStyles = makeStyles({
  box: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`,
    padding: tokens.spacingHorizontalSNudge,
    borderRadius: tokens.borderRadiusMedium,
    margin: `${tokens.spacingVerticalSNudge} 0`,
  },
});

export interface ConflictChooserProps {
  t: PaneText;
  hint: string;
  action: string;
  conflicts: IndicatorConflict[];
  choices: Record<string, Choice>;
  onChoose: (c: Record<string, Choice>) => void;
  onResolve: () => void;
  /** Test ids: "conflicts"/"conflict-<code>"/"resolve" for a push, "pull-conflicts"/… for a pull. */
  kind?: "push" | "pull";
}

export function ConflictChooser(props: ConflictChooserProps) {
  const { t, conflicts, choices } = props;
  const s = useStyles();
  const pull = props.kind === "pull";
  const prefix = pull ? "pull-conflict" : "conflict";
  return (
    <div data-testid={pull ? "pull-conflicts" : "conflicts"} className={s.box}>
      <Subtitle2 block>{t.conflictTitle}</Subtitle2>
      <Note>{props.hint}</Note>
      {conflicts.map((c) => (
        <Field key={c.code} label={t.indicator(c.code) + cellOf(c)} data-testid={`${prefix}-${c.code}`}>
          <RadioGroup
            layout="horizontal"
            value={choices[c.code] ?? ""}
            onChange={(_, d) => props.onChoose({ ...choices, [c.code]: d.value as Choice })}
          >
            <Radio value="mine" label={`${t.mine}: ${showValue(t, c.mine)}`} />
            <Radio value="theirs" label={`${t.theirs}: ${showValue(t, c.theirs)}`} />
            <Radio value="base" label={`${t.base}: ${showValue(t, c.base)}`} />
          </RadioGroup>
        </Field>
      ))}
      <Button
        appearance="primary"
        onClick={props.onResolve}
        disabled={conflicts.some((c) => !choices[c.code])}
        data-testid={pull ? "pull-conflict-resolve" : "resolve"}
      >
        {props.action}
      </Button>
    </div>
  );
}

function cellOf(c: IndicatorConflict): string {
  const at = [c.mine, c.theirs, c.base].find((v) => v?.sheet && v.cell);
  return at ? ` (${at.sheet}!${at.cell})` : "";
}
