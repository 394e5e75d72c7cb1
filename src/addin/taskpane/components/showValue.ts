/**
 * An indicator value as the pane shows it (conflicts, diffs, pulled values): numbers the way the
 * pane's language writes them (domain/i18n formatDecimal: every stored decimal, never rounded),
 * marks and blanks in the pane's words.
 */
import type { IndicatorValue } from "../../../domain/sync/protocol";
import { formatDecimal } from "../../../domain/i18n/formatNumber";
import type { PaneText } from "../paneText";

export function showValue(t: PaneText, v: IndicatorValue | null | undefined): string {
  if (!v) return "—";
  const x = v.value;
  const num = (n: number) => formatDecimal(n, t.lang);
  const text =
    x === true
      ? t.valueMet
      : x === false
        ? t.valueNotMet
        : x === null
          ? t.valueBlank
          : typeof x === "object"
            ? `${num(x.min)}–${num(x.max)}`
            : typeof x === "number"
              ? num(x)
              : String(x);
  return v.unit && typeof x === "number" ? `${text} ${v.unit}` : text;
}
