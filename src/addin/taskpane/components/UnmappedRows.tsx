/** Rows the reader could not map: the person picks the indicator; the choice is saved in the workbook. */
import { useState } from "react";
import { Button, Caption1, Select, Subtitle2 } from "@fluentui/react-components";
import type { CheckResult } from "../check/analyseWorkbook";
import type { PaneText } from "../paneText";
import { usePaneStyles } from "./paneStyles";
import { Note } from "./Note";

export function UnmappedRows(props: {
  t: PaneText;
  result: CheckResult;
  onSave: (row: string, code: string) => void;
}) {
  const { t, result } = props;
  const p = usePaneStyles();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const codes = result.set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
  return (
    <div data-testid="unmapped">
      <Subtitle2 block>{t.unmappedRows}</Subtitle2>
      <Note>{t.unmappedHint}</Note>
      {result.unmapped.map((u) => {
        const key = `${u.sheet}!${u.row}`;
        const code = choice[key] ?? u.bestMatch ?? "";
        return (
          <div key={key} className={p.buttons}>
            <Caption1 className={p.grow}>
              {u.sheet}!{u.cell}: {u.text}
            </Caption1>
            <Select
              size="small"
              aria-label={t.mapTo}
              value={code}
              onChange={(_, d) => setChoice({ ...choice, [key]: d.value })}
            >
              <option value="">{t.mapTo}</option>
              {codes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
            <Button size="small" onClick={() => code && props.onSave(key, code)}>
              {t.mapSave}
            </Button>
          </div>
        );
      })}
    </div>
  );
}
