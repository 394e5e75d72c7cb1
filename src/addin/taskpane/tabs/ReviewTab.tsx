/** Duyệt: submitted reports in scope, a report's findings and changes, approve or return with comments. */
import { useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { DEFAULT_SET_ID, getCriteriaSet } from "../../../domain/criteria/registry";
import { evaluate } from "../../../domain/evaluate/evaluate";
import { formatFinding, type Lang } from "../../../domain/i18n";
import { diffIndicatorValues } from "../../../domain/sync/mergeIndicatorValues";
import type {
  IndicatorChange,
  ReportListItem,
  ReportKey,
  ReportView,
  ReviewAction,
} from "../../../domain/sync/protocol";
import { reportFromValues } from "../../../domain/sync/judgePushedValues";
import type { PaneText } from "../paneText";
import type { SyncSession, SyncState } from "../../sync/syncSession";
import { ErrorBar, showValue } from "./SyncTab";
import { ReviewStaleError } from "../../../client/syncClient";
import { usePaneAction } from "./usePaneAction";

interface Opened {
  key: ReportKey;
  view: ReportView;
  /** The revision shown (findings, changes): the one an approve or return judges. */
  revision: number;
  changes: IndicatorChange[];
  findings: { indicator?: string; cell?: string; text: string }[];
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
  const [set, setSet] = useState(DEFAULT_SET_ID);
  const [period, setPeriod] = useState("2023");
  const [rows, setRows] = useState<ReportListItem[] | undefined>();
  // Reports matching the filter on the server; more than `rows` when the list came in pages.
  const [total, setTotal] = useState(0);
  const [opened, setOpened] = useState<Opened | undefined>();
  const [comments, setComments] = useState<Record<string, string>>({});
  const { error, setError, guard } = usePaneAction(t);
  const [done, setDone] = useState<string | undefined>();

  if (!state.session)
    return (
      <Caption1 as="p" block>
        {t.needSignIn}
      </Caption1>
    );
  const scope = /\((\w+)\)$/.exec(state.session.scope ?? "")?.[1] ?? "";

  const load = () =>
    guard(async () => {
      const list = await sync.api().reports({ under: scope, set, period });
      setRows(list.reports);
      setTotal(list.total);
    });

  const loadMore = () =>
    guard(async () => {
      const list = await sync.api().reports({ under: scope, set, period, offset: rows?.length ?? 0 });
      setRows([...(rows ?? []), ...list.reports]);
      setTotal(list.total);
    });

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
        ? evaluate(criteriaSet, reportFromValues(set, head.values, { period }))
            .findings.filter((f) => f.severity !== "info")
            .map((f) => ({
              ...(f.indicator ? { indicator: f.indicator } : {}),
              ...(f.cell ? { cell: f.cell } : {}),
              text: formatFinding(f, lang),
            }))
        : [];
    setOpened({ key, view, revision: head?.number ?? 0, changes, findings });
    // The list row says the same revision and state as the report opened from it.
    setRows((list) =>
      list?.map((r) =>
        r.org === org
          ? { ...r, revision: head?.number ?? 0, reviewState: view.reviewState, locked: view.locked }
          : r,
      ),
    );
    if (!keepComments) setComments({});
    setDone(undefined);
  };
  const open = (org: string) => guard(() => show(org));

  const act = (action: ReviewAction) =>
    guard(async () => {
      if (!opened) return;
      const filled = Object.fromEntries(Object.entries(comments).filter(([, v]) => v.trim()));
      let r;
      try {
        r = await sync.api().review(opened.key, action, opened.revision, filled);
      } catch (e) {
        if (!(e instanceof ReviewStaleError)) throw e;
        // Nothing was saved: show the new head, keep what the reviewer typed, say what changed.
        await show(opened.key.org, true);
        setError(t.reviewStale(e.judgedRevision, e.headRevision, e.changes.map((c) => c.code).join(", ")));
        return;
      }
      await show(opened.key.org);
      setDone(t.reviewDone(r.state));
    });

  const commentCodes = opened
    ? ["*", ...new Set(opened.findings.map((f) => f.indicator).filter((x): x is string => Boolean(x)))]
    : [];

  return (
    <div data-testid="review-tab">
      <div
        style={{
          display: "grid",
          gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr) auto",
          gap: 6,
          alignItems: "end",
        }}
      >
        <Field label={t.set}>
          <Input style={{ minWidth: 0 }} value={set} onChange={(_, d) => setSet(d.value)} />
        </Field>
        <Field label={t.period}>
          <Input
            style={{ minWidth: 0 }}
            value={period}
            onChange={(_, d) => setPeriod(d.value)}
            data-testid="review-period"
          />
        </Field>
        <Button onClick={() => void load()} data-testid="review-load">
          {t.load}
        </Button>
      </div>
      {error && <ErrorBar text={error} />}
      {rows && (
        <div style={{ margin: "6px 0" }}>
          <Subtitle2 block>
            {t.reports} ({rows.length < total ? `${rows.length}/${total}` : rows.length})
          </Subtitle2>
          {rows.length === 0 && (
            <Caption1 as="p" block>
              {t.noReports}
            </Caption1>
          )}
          <ul style={{ margin: 0, paddingLeft: 0, listStyle: "none" }}>
            {rows.map((r) => (
              <li
                key={r.org}
                data-testid="review-row"
                style={{ display: "flex", gap: 6, alignItems: "center", margin: "2px 0" }}
              >
                <Caption1 style={{ flex: 1 }}>
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
          {rows.length < total && (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => void loadMore()}
              data-testid="review-more"
            >
              {t.moreReports(total - rows.length)}
            </Button>
          )}
        </div>
      )}
      {opened && (
        <div data-testid="review-opened" style={{ borderTop: "1px solid #e0e0e0", paddingTop: 6 }}>
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
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {opened.findings.map((f, i) => (
              <li key={i} data-testid="review-finding">
                <Caption1>{f.text}</Caption1>
              </li>
            ))}
          </ul>
          <Subtitle2 block>{t.diff}</Subtitle2>
          {opened.changes.length === 0 ? (
            <Caption1 as="p" block>
              {t.noDiff}
            </Caption1>
          ) : (
            <table style={{ fontSize: 12 }} data-testid="review-diff">
              <tbody>
                {opened.changes.slice(0, 60).map((c) => (
                  <tr key={c.code}>
                    <td style={{ paddingRight: 6 }}>{c.code}</td>
                    <td style={{ color: "#a4262c" }}>{showValue(c.before)}</td>
                    <td>→</td>
                    <td style={{ color: "#107c10" }}>{showValue(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
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
          <div style={{ display: "flex", gap: 6, marginTop: 6 }}>
            <Button appearance="primary" onClick={() => void act("approve")} data-testid="approve">
              {t.approve}
            </Button>
            <Button onClick={() => void act("return")} data-testid="return">
              {t.returnReport}
            </Button>
          </div>
          {done && (
            <MessageBar intent="success" style={{ marginTop: 6 }}>
              <MessageBarBody data-testid="review-done">{done}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </div>
  );
}
