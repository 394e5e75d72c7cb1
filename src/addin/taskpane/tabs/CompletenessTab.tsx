/**
 * Tiến độ nộp: for offices and reviewers, who within a district has registered and reported the
 * week's work (or a month's village progress), on time, late or not at all — the store's answer
 * (GET /api/completeness), judged against the province's calendar in Vietnam's time. The pane only
 * shows it; the statuses are the domain's.
 */
import { useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { CompletenessBody } from "../../../domain/rhythm/rhythmWire";
import { statusText } from "../../../domain/rhythm/rhythmMessages";
import type { PaneLang, PaneText } from "../paneText";
import type { SyncSession, SyncState } from "../../sync/syncSession";
import { completenessText } from "./completenessText";
import { ErrorBar } from "../components/ErrorBar";
import { PeriodScopeFields } from "./PeriodScopeFields";
import { usePaneAction } from "./usePaneAction";
import { Note } from "../components/Note";
import { usePaneStyles } from "../components/paneStyles";

/** Each status in the Office theme's own palette, so a dark theme keeps them readable. */
const useStyles = makeStyles({
  show: { marginTop: tokens.spacingVerticalSNudge },
  deadline: { marginTop: tokens.spacingVerticalS },
  table: { fontSize: tokens.fontSizeBase200, borderCollapse: "collapse", width: "100%" },
  status: { fontWeight: tokens.fontWeightSemibold, paddingRight: tokens.spacingHorizontalSNudge },
  "on-time": { color: tokens.colorPaletteGreenForeground1 },
  late: { color: tokens.colorPaletteMarigoldForeground1 },
  missing: { color: tokens.colorPaletteRedForeground1 },
  pending: { color: tokens.colorNeutralForeground3 },
});
type StatusClass = "on-time" | "late" | "missing" | "pending";

export function CompletenessTab({
  t,
  lang,
  sync,
  state,
  period: suggested,
}: {
  t: PaneText;
  lang: PaneLang;
  sync: SyncSession;
  state: SyncState;
  period: string | undefined;
}) {
  const c = completenessText(lang);
  const styles = useStyles();
  const pane = usePaneStyles();
  const scope = state.session?.scopeCode ?? "";
  const [kind, setKind] = useState("work-volume");
  const [period, setPeriod] = useState(suggested ?? "2023-W14");
  const [under, setUnder] = useState(scope);
  const [data, setData] = useState<CompletenessBody | undefined>();
  const { error, guard } = usePaneAction(t);
  if (!state.session) return <Note>{t.needSignIn}</Note>;
  const show = () =>
    guard(async () => setData(await sync.api().completeness({ under: under || scope, kind, period })));
  return (
    <div data-testid="completeness-tab">
      <PeriodScopeFields
        t={t}
        first={
          <Field label={c.kind}>
            <Select value={kind} onChange={(_, d) => setKind(d.value)} data-testid="completeness-kind">
              {Object.entries(c.kinds).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        }
        period={period}
        onPeriod={setPeriod}
        under={under}
        onUnder={setUnder}
      />
      <Button
        appearance="primary"
        className={styles.show}
        onClick={() => void show()}
        data-testid="completeness-show"
      >
        {c.show}
      </Button>
      {error && <ErrorBar text={error} />}
      {data && !data.deadlines.length && <Note>{c.noDeadline}</Note>}
      {data?.unverifiedNote && (
        <Note testId="completeness-unverified">{data.unverifiedNote[lang === "vi" ? "vi" : "en"]}</Note>
      )}
      {data?.deadlines.map((d) => (
        <section key={d.id} className={styles.deadline} data-testid={`deadline-${d.id}`}>
          <Subtitle2 block>{c.due(`${d.label}${d.unverified ? " *" : ""}`, d.dueLocal)}</Subtitle2>
          <Caption1 block>{c.counts(d.counts)}</Caption1>
          <table className={styles.table}>
            <tbody>
              {d.units.map((u) => (
                <tr key={u.code} data-status={u.status}>
                  <td className={pane.cellPad}>{u.name}</td>
                  <td className={mergeClasses(styles.status, styles[u.status as StatusClass])}>
                    {statusText(u.status, lang)}
                  </td>
                  <td className={pane.muted}>{u.submittedLocal ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
