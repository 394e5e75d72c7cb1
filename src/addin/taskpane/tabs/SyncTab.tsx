/** Đồng bộ: sign in, push through the outbox with progress, pull head values and comments, settle conflicts. */
import { useEffect, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
} from "@fluentui/react-components";
import type { IndicatorValue, ReportKey } from "../../../domain/sync/protocol";
import type { CheckResult } from "../check/analyseWorkbook";
import { DEFAULT_SET_ID, getCriteriaSet } from "../../../domain/criteria/registry";
import { syncValuesOf } from "../../../domain/sync/syncValues";
import { sameKey } from "../../../domain/sync/outbox";
import type { PaneText } from "../paneText";
import type { WorkbookHost } from "../host/workbookHost";
import type { Choice, SyncSession, SyncState } from "../../sync/syncSession";
import { identityFromSettings, identityToSettings } from "../../excel/workbookIdentity";
import { latestReviewerComments } from "../../../domain/sync/reviewerComments";
import { pullIntoWorkbook, settlePulled, type PendingPull, type PullOutcome } from "../pullIntoWorkbook";
import type { IndicatorConflict } from "../../../domain/sync/mergeIndicatorValues";
import { pullMessage, type PullMessage } from "../pullMessage";
import { usePaneAction } from "./usePaneAction";
import { formatDecimal } from "../../../domain/i18n/formatNumber";
import { UNREACHABLE } from "../../sync/syncSession";

export function showValue(v: IndicatorValue | null | undefined): string {
  if (!v) return "—";
  const x = v.value;
  const text =
    x === true
      ? "Đạt"
      : x === false
        ? "Không"
        : x === null
          ? "(trống)"
          : typeof x === "object"
            ? `${formatDecimal(x.min)}–${formatDecimal(x.max)}`
            : typeof x === "string"
              ? x
              : formatDecimal(x);
  return v.unit && typeof x === "number" ? `${text} ${v.unit}` : text;
}

export interface SyncTabProps {
  t: PaneText;
  workbook: WorkbookHost;
  sync: SyncSession;
  state: SyncState;
  result: CheckResult | undefined;
}

function defaultServer(): string {
  return typeof location !== "undefined" && /^https?:$/.test(location.protocol) ? location.origin : "";
}

export function SyncTab({ t, workbook, sync, state, result }: SyncTabProps) {
  const [server, setServer] = useState(state.session?.serverUrl ?? defaultServer());
  const [token, setToken] = useState("");
  const [org, setOrg] = useState(state.lastKey?.org ?? "");
  const [period, setPeriod] = useState(result?.report.period ?? state.lastKey?.period ?? "");
  const [base, setBase] = useState(0);
  const { error, setError, guard } = usePaneAction(t);
  // Criterion marks that could not travel (criteria measured by a number), said after a push.
  const [notice, setNotice] = useState<string | undefined>();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [pulled, setPulled] = useState<PullMessage | undefined>();
  // Conflicts a pull left in the workbook (separate from a push's conflicts in the outbox).
  const [pendingPull, setPendingPull] = useState<PendingPull | undefined>();
  const [pullChoices, setPullChoices] = useState<Record<string, Choice>>({});
  const setId = result?.set.id ?? state.lastKey?.set ?? DEFAULT_SET_ID;

  useEffect(() => {
    void workbook.readSettings().then((s) => {
      const id = identityFromSettings(s);
      if (id) {
        setOrg(id.orgCode);
        setPeriod(id.period);
        setBase(id.baseRevision);
      } else if (s["ntm.orgCode"]) setOrg(s["ntm.orgCode"]);
    });
  }, [workbook]);

  useEffect(() => {
    if (!org && state.session?.scope) {
      const m = /\((\w+)\)$/.exec(state.session.scope);
      if (m) setOrg(m[1]);
    }
  }, [state.session, org]);

  const key: ReportKey = { org, set: setId, period };

  // A push acknowledged later (outbox replay, the ribbon's "sync now") moves this workbook's base too.
  useEffect(() => {
    const k = state.lastKey;
    if (
      state.phase === "synced" &&
      state.sentAsIs &&
      state.lastRevision &&
      state.lastRevision > base &&
      k &&
      k.org === org &&
      k.period === period &&
      k.set === setId &&
      result
    ) {
      void remember(state.lastRevision);
    }
    // Only an acknowledgement moves the base: editing the form (org, period, set) must not re-save it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.phase, state.lastRevision]);

  async function push(): Promise<void> {
    if (!result) return setError(t.needCheck);
    await guard(async () => {
      const { values, marksNotSent } = syncValuesOf(result.report, getCriteriaSet(result.report.setId));
      setNotice(marksNotSent.length ? t.marksNotSent(marksNotSent.join(", ")) : undefined);
      const after = await sync.push(key, base, values);
      // A push merged with someone else's change leaves the workbook without it: the base stays.
      if (after.phase === "synced" && after.lastRevision && after.sentAsIs)
        await remember(after.lastRevision);
    });
  }

  /** Pulls, then (in Excel) merges values and writes reviewer notes into the open workbook. */
  async function pull(): Promise<void> {
    setPulled(undefined);
    await guard(async () => {
      const view = await sync.pull(key);
      const unsent = (k: ReportKey) =>
        sync.entries().filter((e) => e.key.org === k.org && e.key.set === k.set && e.key.period === k.period)
          .length;
      const outcome = await pullIntoWorkbook(view, workbook, {
        unsent,
        revisionValues: (k, n) => sync.revisionValues(k, n),
      });
      await afterPullWrite(view, outcome);
    });
  }

  /**
   * The workbook holds the head merged with its own changes once no conflict is open: the next
   * pull and push start from the head. With conflicts open the base stays, so they are asked again.
   */
  async function afterPullWrite(view: NonNullable<PendingPull["view"]>, outcome: PullOutcome): Promise<void> {
    if (outcome.kind === "written" && !outcome.unsent && !outcome.conflicts.length && outcome.inStep)
      await remember(outcome.head);
    setPendingPull(
      outcome.kind === "written" && outcome.conflicts.length
        ? { view, conflicts: outcome.conflicts }
        : undefined,
    );
    setPullChoices({});
    setPulled(pullMessage(t, outcome));
  }

  async function settlePull(): Promise<void> {
    if (!pendingPull) return;
    await guard(async () =>
      afterPullWrite(pendingPull.view, await settlePulled(pendingPull, pullChoices, workbook)),
    );
  }

  async function remember(revision: number): Promise<void> {
    setBase(revision);
    await workbook.writeSettings(
      identityToSettings({ orgCode: org, set: setId, period, baseRevision: revision }),
    );
  }

  async function resolve(): Promise<void> {
    await guard(async () => {
      const after = await sync.resolve(choices);
      if (after.phase === "synced" && after.lastRevision) await remember(after.lastRevision);
      setChoices({});
    });
  }

  if (!state.session) {
    return (
      <form
        data-testid="sign-in"
        onSubmit={(e) => (e.preventDefault(), void guard(() => sync.signIn(server, token)))}
      >
        <Field label={t.serverUrl}>
          <Input value={server} onChange={(_, d) => setServer(d.value)} data-testid="server-url" />
        </Field>
        <Field label={t.token}>
          <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} data-testid="token" />
        </Field>
        <Button appearance="primary" type="submit" style={{ marginTop: 8 }} data-testid="sign-in-button">
          {t.signIn}
        </Button>
        {error && <ErrorBar text={error} />}
      </form>
    );
  }

  // The last pulled report, shown only while it is the report this workbook syncs with: another
  // workbook or another set/period must not show someone else's revision and comments.
  const view = state.view && sameKey(state.view, key) ? state.view : undefined;
  // The comments in force, one per indicator: the same ones a pull writes into the cells.
  const reviewerComments = view
    ? Object.entries(latestReviewerComments(view)).sort(([a], [b]) =>
        a === "*" ? -1 : b === "*" ? 1 : a.localeCompare(b, "vi", { numeric: true }),
      )
    : [];
  return (
    <div data-testid="sync-tab">
      <Caption1 as="p" block data-testid="signed-in">
        {t.signedInAs(state.session.name ?? "", state.session.role ?? "", state.session.scope ?? "")}{" "}
        <Button size="small" appearance="subtle" onClick={() => sync.signOut()}>
          {t.signOut}
        </Button>
      </Caption1>
      <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: 6 }}>
        <Field label={t.orgCode}>
          <Input
            style={{ minWidth: 0 }}
            value={org}
            onChange={(_, d) => setOrg(d.value)}
            data-testid="org-code"
          />
        </Field>
        <Field label={t.period}>
          <Input
            style={{ minWidth: 0 }}
            value={period}
            onChange={(_, d) => setPeriod(d.value)}
            data-testid="period"
          />
        </Field>
      </div>
      <Caption1 as="p" block>
        {t.set}: {setId}
        {/* Outside Excel with no file open there is no workbook whose revision could be told. */}
        {workbook.kind === "excel" || workbook.fileName ? (
          <>
            {" "}
            · {t.baseRevision} <span data-testid="base-revision">{base}</span>
            {base === 0 ? ` ${t.baseNone}` : ""}
          </>
        ) : null}
      </Caption1>
      <div style={{ display: "flex", gap: 6, margin: "6px 0" }}>
        <Button
          appearance="primary"
          onClick={() => void push()}
          disabled={!result || state.phase === "sending"}
          data-testid="push"
        >
          {t.push}
        </Button>
        <Button onClick={() => void pull()} data-testid="pull">
          {t.pull}
        </Button>
        {state.outboxSize > 0 && state.phase !== "conflict" && (
          <Button
            onClick={() => void guard(() => sync.flush({ retryRefused: state.phase === "refused" }))}
            data-testid="retry"
          >
            {t.retry}
          </Button>
        )}
      </div>
      {!result && (
        <Caption1 as="p" block>
          {t.needCheck}
        </Caption1>
      )}
      {state.progress !== undefined && <ProgressBar value={state.progress} data-testid="push-progress" />}
      <Body1 as="p" block data-testid="sync-phase">
        {/* Open pull conflicts are a conflict too, though no push waits on them. */}
        {t.phase[pendingPull && state.phase !== "sending" ? "conflict" : state.phase]}
        {state.lastRevision ? ` · ${t.revision} ${state.lastRevision}` : ""} · {t.outbox(state.outboxSize)}
        {(state.phase === "offline" || state.phase === "refused") && state.message
          ? ` – ${state.message === UNREACHABLE ? t.unreachableDetail : state.message}`
          : ""}
      </Body1>
      {error && <ErrorBar text={error} />}
      {notice && (
        <MessageBar intent="warning" style={{ margin: "6px 0" }}>
          <MessageBarBody data-testid="push-notice">{notice}</MessageBarBody>
        </MessageBar>
      )}
      {pulled && (
        <MessageBar intent={pulled.intent} style={{ margin: "6px 0" }}>
          <MessageBarBody data-testid="pull-result">
            {pulled.lines.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.conflict && (
        <ConflictChooser
          t={t}
          hint={t.conflictHint}
          action={t.resolve}
          conflicts={state.conflict.conflicts}
          choices={choices}
          onChoose={setChoices}
          onResolve={() => void resolve()}
        />
      )}
      {pendingPull && (
        <ConflictChooser
          t={t}
          hint={t.pullConflictHint}
          action={t.resolvePull}
          conflicts={pendingPull.conflicts}
          choices={pullChoices}
          onChoose={setPullChoices}
          onResolve={() => void settlePull()}
          testId="pull-conflicts"
        />
      )}
      {view && (
        <div data-testid="pulled">
          <Subtitle2 block>{t.headValues}</Subtitle2>
          <Caption1 as="p" block>
            {t.revision}: {view.head?.number ?? 0} · {t.reviewState}:{" "}
            <span data-testid="review-state" data-state={view.reviewState}>
              {t.reviewStates[view.reviewState] ?? view.reviewState}
            </span>
            {view.head
              ? ` · ${t.criteriaMet}: ${view.head.evaluation.criteriaMet}/${view.head.evaluation.criteriaTotal}`
              : ""}
          </Caption1>
          {reviewerComments.length > 0 && (
            <div
              data-testid="comments"
              style={{ background: "#fff4ce", padding: 6, borderRadius: 4, margin: "4px 0" }}
            >
              <Subtitle2 block>{t.comments}</Subtitle2>
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {reviewerComments.map(([code, c]) => {
                  const v = view.head?.values[code];
                  return (
                    <li key={code}>
                      <b>{code === "*" ? t.commentAll : code}</b>
                      {v?.cell ? ` (${t.commentCell} ${v.sheet ?? ""}!${v.cell})` : ""}: {c.text}{" "}
                      <Caption1>
                        – {c.author}, {c.createdAt.slice(0, 10)}
                      </Caption1>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          {view.head && (
            <details>
              <summary>
                <Caption1>{t.indicatorCount(Object.keys(view.head.values).length)}</Caption1>
              </summary>
              <table style={{ fontSize: 12, borderCollapse: "collapse" }}>
                <tbody>
                  {Object.entries(view.head.values).map(([code, v]) => (
                    <tr key={code}>
                      <td style={{ paddingRight: 8 }}>{code}</td>
                      <td>{showValue(v)}</td>
                      <td style={{ color: "#616161", paddingLeft: 8 }}>
                        {v.cell ? `${v.sheet ?? ""}!${v.cell}` : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </div>
      )}
    </div>
  );
}

/** Per-indicator choice between mine, theirs and base; the action waits for a choice on every one. */
function ConflictChooser(props: {
  t: PaneText;
  hint: string;
  action: string;
  conflicts: IndicatorConflict[];
  choices: Record<string, Choice>;
  onChoose: (c: Record<string, Choice>) => void;
  onResolve: () => void;
  testId?: string;
}) {
  const { t, conflicts, choices } = props;
  const prefix = props.testId === "pull-conflicts" ? "pull-conflict" : "conflict";
  return (
    <div
      data-testid={props.testId ?? "conflicts"}
      style={{ border: "1px solid #c50f1f", padding: 6, borderRadius: 4, margin: "6px 0" }}
    >
      <Subtitle2 block>{t.conflictTitle}</Subtitle2>
      <Caption1 as="p" block>
        {props.hint}
      </Caption1>
      {conflicts.map((c) => (
        <Field key={c.code} label={t.indicator(c.code) + cellOf(c)} data-testid={`${prefix}-${c.code}`}>
          <RadioGroup
            layout="horizontal"
            value={choices[c.code] ?? ""}
            onChange={(_, d) => props.onChoose({ ...choices, [c.code]: d.value as Choice })}
          >
            <Radio value="mine" label={`${t.mine}: ${showValue(c.mine)}`} />
            <Radio value="theirs" label={`${t.theirs}: ${showValue(c.theirs)}`} />
            <Radio value="base" label={`${t.base}: ${showValue(c.base)}`} />
          </RadioGroup>
        </Field>
      ))}
      <Button
        appearance="primary"
        onClick={props.onResolve}
        disabled={conflicts.some((c) => !choices[c.code])}
        data-testid={props.testId ? `${prefix}-resolve` : "resolve"}
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

export function ErrorBar({ text }: { text: string }) {
  return (
    <MessageBar intent="error" style={{ margin: "6px 0" }}>
      <MessageBarBody data-testid="error">{text}</MessageBarBody>
    </MessageBar>
  );
}
