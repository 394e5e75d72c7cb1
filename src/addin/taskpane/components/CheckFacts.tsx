/** What the reader understood of the workbook: file, set, unit, period, rows recognised or not. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../../domain/i18n";
import type { CheckResult } from "../check/analyseWorkbook";
import type { PaneText } from "../paneText";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", marginBottom: tokens.spacingVerticalS },
  label: {
    padding: `1px ${tokens.spacingHorizontalSNudge} 1px 0`,
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
    verticalAlign: "top",
  },
  value: { padding: "1px 0", overflowWrap: "anywhere" },
});

export function CheckFacts(props: { t: PaneText; lang: Lang; result: CheckResult; fileName?: string }) {
  const { t, lang, result } = props;
  const s = useStyles();
  const fact = (label: string, value: string, testId?: string) => (
    <tr>
      <td className={s.label}>{label}</td>
      <td className={s.value} data-testid={testId}>
        {value}
      </td>
    </tr>
  );
  return (
    <table className={s.table} data-testid="facts">
      <tbody>
        {props.fileName && fact(t.file, props.fileName, "file-name")}
        {fact(
          t.set,
          result.judgedBySet
            ? (result.set.title[lang === "en" ? "en" : "vi"] ?? result.set.title.vi)
            : t.workVolumeReport,
        )}
        {result.judgedBySet &&
          fact(t.setVersion, result.validation.set?.installed ?? t.builtInSetVersion, "set-version")}
        {fact(t.orgUnit, result.report.orgUnit?.name ?? t.unknown)}
        {fact(t.period, result.report.period ?? t.unknown)}
        {fact(t.mappedRows, String(result.mapped.length), "mapped-count")}
        {fact(t.unmappedRows, String(result.unmapped.length), "unmapped-count")}
      </tbody>
    </table>
  );
}
