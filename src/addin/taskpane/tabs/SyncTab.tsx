/**
 * Đồng bộ: sign in, push through the outbox with progress, pull head values and comments, settle
 * conflicts. The status lines say what is true: the server's revision beside the workbook's, why a
 * push waits (a lock, a conflict, a refusal, no network), and one button sends.
 */
import { useEffect, useState } from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import type { CheckResult } from "../check/analyseWorkbook";
import { sendWorkbook } from "../sendWorkbook";
import { sameKey } from "../../../domain/sync/outbox";
import type { PaneText } from "../paneText";
import type { WorkbookHost } from "../host/workbookHost";
import { UNREACHABLE, type Choice, type SyncSession, type SyncState } from "../../sync/syncSession";
import { pullIntoWorkbook, settlePulled, type PendingPull, type PullOutcome } from "../pullIntoWorkbook";
import { pullMessage, type PullMessage } from "../pullMessage";
import { refusalText } from "../paneError";
import { usePaneAction } from "./usePaneAction";
import type { SyncKey } from "../hooks/useSyncKey";
import { ConflictChooser } from "../components/ConflictChooser";
import { ErrorBar } from "../components/ErrorBar";
import { PulledReport } from "../components/PulledReport";
import { RefusedPushes } from "../components/RefusedPushes";
import { SignInForm } from "../components/SignInForm";
import { TextField } from "../components/TextField";
import { usePaneStyles } from "../components/paneStyles";
import { sessionMay } from "../../sync/sessionActions";
import { Note } from "../components/Note";

export interface SyncTabProps {
  t: PaneText;
  workbook: WorkbookHost;
  sync: SyncSession;
  state: SyncState;
  result: CheckResult | undefined;
  syncKey: SyncKey;
}

export function SyncTab({ t, workbook, sync, state, result, syncKey }: SyncTabProps) {
  const { key, base, remember } = syncKey;
  const { error, setError, guard } = usePaneAction(t);
  const p = usePaneStyles();
  // What a push could not carry (marks measured by a number, villages without a list) and what it
  // carried besides the report shown (work volumes, each village's report), said after it.
  const [notice, setNotice] = useState<string | undefined>();
  const [alsoSent, setAlsoSent] = useState<string | undefined>();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [pulled, setPulled] = useState<PullMessage | undefined>();
  // Conflicts a pull left in the workbook (separate from a push's conflicts in the outbox).
  const [pendingPull, setPendingPull] = useState<PendingPull | undefined>();
  const [pullChoices, setPullChoices] = useState<Record<string, Choice>>({});
  const signedIn = Boolean(state.session);

  // Which revision the server holds for this report, asked quietly (a failure shows as "offline").
  useEffect(() => {
    if (!signedIn || !key.org || !key.period) return;
    const timer = setTimeout(() => void sync.peek(key).catch(() => undefined), 300);
    return () => clearTimeout(timer);
  }, [signedIn, key.org, key.period, key.set, sync]); // eslint-disable-line react-hooks/exhaustive-deps

  async function push(): Promise<void> {
    if (!result) return setError(t.needCheck);
    await guard(async () => {
      const sent = await sendWorkbook(sync, workbook, result, { key, base }, t);
      setNotice(sent.warnings.length ? sent.warnings.join(" ") : undefined);
      setAlsoSent(sent.alsoSent.length ? sent.alsoSent.join(" ") : undefined);
      // A push merged with someone else's change leaves the workbook without it: the base stays.
      if (sent.identityRevision) await remember(sent.identityRevision);
    });
  }

  /** Pulls, then (in Excel) merges values and writes reviewer notes into the open workbook. */
  async function pull(): Promise<void> {
    setPulled(undefined);
    await guard(async () => {
      const view = await sync.pull(key);
      const unsent = (k: typeof key) => sync.entries().filter((e) => sameKey(e.key, k)).length;
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

  async function resolve(): Promise<void> {
    await guard(async () => {
      const after = await sync.resolve(choices);
      if (after.phase === "synced" && after.lastRevision) await remember(after.lastRevision);
      setChoices({});
    });
  }

  if (!state.session) return <SignInForm t={t} sync={sync} />;

  // The last pulled report, shown only while it is the report this workbook syncs with: another
  // workbook or another set/period must not show someone else's revision and comments.
  const view = state.view && sameKey(state.view, key) ? state.view : undefined;
  const server = state.serverHead && sameKey(state.serverHead.key, key) ? state.serverHead : undefined;
  const sending = state.phase === "sending";
  // A reviewer or an office reads and pulls; only those who may push see the send button.
  const mayPush = sessionMay(state.session, "push");
  const waiting = sync.waiting();
  const refused = waiting.find((l) => l.state === "refused");
  // One send button: with a checked workbook it sends its values (and whatever waits); without,
  // it resends what waits, a refusal included, since the person asked.
  const send = () =>
    result ? void push() : void guard(() => sync.flush({ retryRefused: state.phase === "refused" }));
  return (
    <div data-testid="sync-tab">
      <Caption1 as="p" block data-testid="signed-in">
        {t.signedInAs(state.session.name ?? "", state.session.role ?? "", state.session.scope ?? "")}{" "}
        <Button size="small" appearance="subtle" onClick={() => sync.signOut()}>
          {t.signOut}
        </Button>
      </Caption1>
      <div className={p.fieldRow}>
        <TextField label={t.orgCode} value={key.org} onChange={syncKey.setOrg} testId="org-code" />
        <TextField label={t.period} value={key.period} onChange={syncKey.setPeriod} testId="period" />
      </div>
      <Caption1 as="p" block data-testid="revisions">
        {t.kindWords[key.set] ? `${t.reportKind}: ${t.kindWords[key.set]}` : `${t.set}: ${key.set}`}
        {server && (
          <>
            {" "}
            ·{" "}
            {server.revision ? (
              <>
                {t.serverRevision} <span data-testid="server-revision">{server.revision}</span>
              </>
            ) : (
              t.serverNone
            )}
          </>
        )}
        {/* Outside Excel with no file open there is no workbook whose revision could be told. */}
        {workbook.kind === "excel" || workbook.fileName ? (
          <>
            {" "}
            · {t.baseRevision} <span data-testid="base-revision">{base}</span>
            {base === 0 ? ` ${t.baseNone}` : ""}
          </>
        ) : null}
      </Caption1>
      <div className={p.buttons}>
        {mayPush && (
          <Button
            appearance="primary"
            onClick={send}
            disabled={sending || (!result && !state.outboxSize)}
            data-testid="push"
          >
            {result ? t.push : t.sendQueued(state.outboxSize)}
          </Button>
        )}
        <Button onClick={() => void pull()} data-testid="pull">
          {t.pull}
        </Button>
      </div>
      {!result && <Note>{t.needCheck}</Note>}
      {state.progress !== undefined && <ProgressBar value={state.progress} data-testid="push-progress" />}
      <Body1 as="p" block data-testid="sync-phase">
        {/* Open pull conflicts are a conflict too, though no push waits on them. */}
        {t.phase[pendingPull && !sending ? "conflict" : state.phase]}
        {state.lastRevision ? ` · ${t.revision} ${state.lastRevision}` : ""} · {t.outbox(state.outboxSize)}
        {state.phase === "offline" && state.message
          ? ` – ${state.message === UNREACHABLE ? t.unreachableDetail : state.message}`
          : ""}
        {state.phase === "refused"
          ? ` – ${refusalText(t, refused?.status, refused?.message ?? state.message)}`
          : ""}
      </Body1>
      {state.phase === "locked" && (
        <MessageBar intent="warning" className={p.bar}>
          <MessageBarBody data-testid="locked-detail">{t.lockedDetail}</MessageBarBody>
        </MessageBar>
      )}
      <RefusedPushes t={t} sync={sync} lines={waiting} />
      {error && <ErrorBar text={error} />}
      {notice && (
        <MessageBar intent="warning" className={p.bar}>
          <MessageBarBody data-testid="push-notice">{notice}</MessageBarBody>
        </MessageBar>
      )}
      {alsoSent && (
        <MessageBar intent="info" className={p.bar}>
          <MessageBarBody data-testid="push-also-sent">{alsoSent}</MessageBarBody>
        </MessageBar>
      )}
      {pulled && (
        <MessageBar intent={pulled.intent} className={p.bar}>
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
          kind="pull"
        />
      )}
      {view && <PulledReport t={t} view={view} />}
    </div>
  );
}
