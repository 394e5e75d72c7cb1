/**
 * Duyệt: submitted reports in scope, a report's findings and changes, approve or return with
 * comments on any indicator of the set. A return with no comment is confirmed first (the commune
 * would not know what to fix), and the list says what an action changed.
 */
import { useState } from "react";
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { evaluate } from "../../../domain/evaluate/evaluate";
import { formatFinding, type Lang } from "../../../domain/i18n";
import type { Finding } from "../../../domain/review/finding";
import { diffIndicatorValues } from "../../../domain/sync/mergeIndicatorValues";
import type { IndicatorChange, ReportKey, ReportView, ReviewAction } from "../../../domain/sync/protocol";
import { reportFromValues } from "../../../domain/sync/judgePushedValues";
import { DEFAULT_SET_ID, getCriteriaSet } from "../../../domain/criteria/registry";
import type { PaneText } from "../paneText";
import type { SyncSession, SyncState } from "../../sync/syncSession";
import { ReviewStaleError } from "../../../client/syncClient";
import { usePaneAction } from "./usePaneAction";
import { useReportList } from "../hooks/useReportList";
import { useSetPeriod } from "../hooks/useCriteriaSets";
import { ErrorBar } from "../components/ErrorBar";
import { SetPeriodFields } from "../components/SetPeriodFields";
import { ChangesTable } from "../components/ChangesTable";
import { usePaneStyles } from "../components/paneStyles";
import { Note } from "../components/Note";

interface Opened {
  key: ReportKey;
  view: ReportView;
  /** The revision shown (findings, changes): the one an approve or return judges. */
  revision: number;
  changes: IndicatorChange[];
  /** Kept as data: the text follows the pane's language at render. */
  findings: Finding[];
}

export function ReviewTab({
  t,
  lang,
  sync,
  state,
}: {
  t: PaneText;
  lang: Lang;
  sync: SyncSession;
  state: SyncState;
}) {
  const { set, period, fields } = useSetPeriod(sync, Boolean(state.session), {
    set: DEFAULT_SET_ID,
    period: "2023",
  });
  const [opened, setOpened] = useState<Opened | undefined>();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<string[]>([]);
  const [pick, setPick] = useState("");
  const [confirmReturn, setConfirmReturn] = useState(false);
  const { error, setError, guard } = usePaneAction(t);
  const [done, setDone] = useState<string | undefined>();
  const p = usePaneStyles();
  const list = useReportList(sync, { under: state.session?.scopeCode ?? "", set, period });

  if (!state.session) return <Note>{t.needSignIn}</Note>;

  const show = async (org: string, keepComments = false) => {
    const key = { org, set, period };
    const api = sync.api();
    const view = await api.getReport(key);
    const revs = await api.revisions(key);
    // The view's head is the revision shown and judged; a push after it is in `revs`, not shown.
    const head = view.head ?? undefined;
    const prev = head ? revs.find((r) => r.number === head.number - 1) : undefined;
    const changes = head ? diffIndicatorValues(prev?.values ?? {}, head.values) : [];
    const criteriaSet = getCriteriaSet(set);
    const findings =
      head && criteriaSet
        ? evaluate(criteriaSet, reportFromValues(set, head.values, { period })).findings.filter(
            (f) => f.severity !== "info",
          )
        : [];
    setOpened({ key, view, revision: head?.number ?? 0, changes, findings });
    if (!keepComments) {
      setComments({});
      setExtra([]);
    }
    setConfirmReturn(false);
    setDone(undefined);
  };
  const open = (org: string) => guard(() => show(org));

  const act = (action: ReviewAction, confirmed = false) =>
    guard(async () => {
      if (!opened) return;
      const filled = Object.fromEntries(Object.entries(comments).filter(([, v]) => v.trim()));
      if (action === "return" && !Object.keys(filled).length && !confirmed) return setConfirmReturn(true);
      setConfirmReturn(false);
      let r;
      try {
        r = await sync.api().review(opened.key, action, opened.revision, filled);
      } catch (e) {
        if (!(e instanceof ReviewStaleError)) throw e;
        // Nothing was saved: show the new head, keep what the reviewer typed, say what changed.
        await show(opened.key.org, true);
        await list.reload();
        setError(t.reviewStale(e.judgedRevision, e.headRevision, e.changes.map((c) => c.code).join(", ")));
        return;
      }
      await show(opened.key.org);
      await list.reload();
      setDone(t.reviewDone(r.state));
    });

  // Every indicator of the set can take a comment; those with findings are offered at once.
  const indicators = (getCriteriaSet(set)?.criteria ?? []).flatMap((c) => c.indicators.map((i) => i.code));
  const allCodes = indicators.length ? indicators : Object.keys(opened?.view.head?.values ?? {});
  const withFindings = opened?.findings.map((f) => f.indicator).filter((x): x is string => Boolean(x)) ?? [];
  const commentCodes = opened ? ["*", ...new Set([...withFindings, ...extra])] : [];
  const more = allCodes.filter((c) => !commentCodes.includes(c));
  const rows = list.rows;

  return (
    <div data-testid="review-tab">
      <SetPeriodFields t={t} {...fields} testId="review">
        <Button onClick={() => void guard(list.load)} data-testid="review-load">
          {t.load}
        </Button>
      </SetPeriodFields>
      {error && <ErrorBar text={error} />}
      {rows && (
        <div className={p.section}>
          <Subtitle2 block>
            {t.reports} ({rows.length < list.total ? `${rows.length}/${list.total}` : rows.length})
          </Subtitle2>
          {rows.length === 0 && <Note>{t.noReports}</Note>}
          <ul className={p.plainList}>
            {rows.map((r) => (
              <li key={r.org} data-testid="review-row" data-state={r.reviewState} className={p.buttons}>
                <Caption1 className={p.grow}>
                  {r.orgName} ({r.org}) · {t.revision} {r.revision} ·{" "}
                  {t.reviewStates[r.reviewState] ?? r.reviewState} · {r.criteriaMet ?? "?"}/
                  {r.criteriaTotal ?? "?"}
                </Caption1>
                <Button size="small" onClick={() => void open(r.org)} data-testid={`review-open-${r.org}`}>
                  {t.open}
                </Button>
              </li>
            ))}
          </ul>
          {rows.length < list.total && (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => void guard(list.loadMore)}
              data-testid="review-more"
            >
              {t.moreReports(list.total - rows.length)}
            </Button>
          )}
        </div>
      )}
      {opened && (
        <div data-testid="review-opened" className={p.section}>
          <Subtitle2 block>
            {opened.view.orgName} ({opened.view.org}) · {t.revision} {opened.view.head?.number ?? 0} ·{" "}
            {t.reviewStates[opened.view.reviewState] ?? opened.view.reviewState}
          </Subtitle2>
          <Caption1 as="p" block>
            {t.criteriaMet}: {opened.view.head?.evaluation.criteriaMet ?? "?"}/
            {opened.view.head?.evaluation.criteriaTotal ?? "?"}
          </Caption1>
          <Subtitle2 block>
            {t.findings} ({opened.findings.length})
          </Subtitle2>
          <ul className={p.bulletList}>
            {opened.findings.map((f, i) => (
              <li key={i} data-testid="review-finding">
                <Caption1>{formatFinding(f, lang)}</Caption1>
              </li>
            ))}
          </ul>
          <Subtitle2 block>{t.diff}</Subtitle2>
          <ChangesTable t={t} changes={opened.changes} />
          {commentCodes.map((code) => (
            <Field key={code} label={code === "*" ? t.commentAll : t.commentFor(code)}>
              <Textarea
                rows={1}
                value={comments[code] ?? ""}
                onChange={(_, d) => setComments({ ...comments, [code]: d.value })}
                data-testid={`comment-${code}`}
              />
            </Field>
          ))}
          {more.length > 0 && (
            <div className={p.buttons}>
              <Select
                size="small"
                aria-label={t.commentOn}
                value={pick}
                onChange={(_, d) => setPick(d.value)}
                data-testid="comment-pick"
              >
                <option value="">{t.commentOn}…</option>
                {more.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
              <Button
                size="small"
                disabled={!pick}
                onClick={() => (setExtra([...extra, pick]), setPick(""))}
                data-testid="comment-add"
              >
                {t.commentAdd}
              </Button>
            </div>
          )}
          <div className={p.buttons}>
            <Button appearance="primary" onClick={() => void act("approve")} data-testid="approve">
              {t.approve}
            </Button>
            <Button onClick={() => void act("return")} data-testid="return">
              {t.returnReport}
            </Button>
          </div>
          {confirmReturn && (
            <MessageBar intent="warning" layout="multiline" className={p.bar}>
              <MessageBarBody data-testid="return-confirm">
                {t.confirmReturnEmpty}
                <div className={p.buttons}>
                  <Button size="small" onClick={() => void act("return", true)} data-testid="return-anyway">
                    {t.confirmReturnYes}
                  </Button>
                  <Button size="small" appearance="subtle" onClick={() => setConfirmReturn(false)}>
                    {t.confirmCancel}
                  </Button>
                </div>
              </MessageBarBody>
            </MessageBar>
          )}
          {done && (
            <MessageBar intent="success" className={p.bar}>
              <MessageBarBody data-testid="review-done">{done}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </div>
  );
}
