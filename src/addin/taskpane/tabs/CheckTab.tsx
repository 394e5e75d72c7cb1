/**
 * Kiểm tra: what the reader understood, criteria met, findings by criterion, flags. A file that
 * cannot be read clears the previous result and says why in one line (the reason `ntm validate`
 * gives); a large one is read off the page's thread with its progress shown.
 */
import { useRef, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Status } from "../../../domain/evaluate/types";
import type { Lang } from "../../../domain/i18n";
import type { ReadStage } from "../../../io/xlsx/readWorkbookInBrowser";
import { analyseWorkbook, type CheckResult, type FindingView } from "../check/analyseWorkbook";
import type { PaneText } from "../paneText";
import type { WorkbookHost } from "../host/workbookHost";
import type { StandaloneHost } from "../host/standaloneHost";
import { mappingsFromSettings, mappingsToSettings } from "../../excel/workbookIdentity";
import { paneError } from "../paneError";
import { CheckFacts } from "../components/CheckFacts";
import { FindingList } from "../components/FindingRow";
import { Note } from "../components/Note";
import { UnmappedRows } from "../components/UnmappedRows";
import { usePaneStyles } from "../components/paneStyles";

/** The files `ntm validate` reads (src/cli/collectSpreadsheetFiles.ts), offered by the picker. */
const ACCEPT = ".xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.tsv";

const useStyles = makeStyles({
  headline: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalSNudge} 0`,
  },
  criterion: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  summary: { cursor: "pointer" },
  hidden: { display: "none" },
});

export function statusBadge(t: PaneText, s: Status) {
  const colour = s === "met" ? "success" : s === "unmet" ? "danger" : "subtle";
  return (
    <Badge appearance="tint" color={colour} data-status={s}>
      {s === "met" ? t.statusMet : s === "unmet" ? t.statusUnmet : t.statusUnknown}
    </Badge>
  );
}

/** A read's stage as a share of the bar: checking the package is measured, parsing is not. */
function shareOf(stage: ReadStage, done?: number): number | undefined {
  return stage === "check" ? 0.05 + 0.45 * (done ?? 0) : undefined;
}

export interface CheckTabProps {
  t: PaneText;
  lang: Lang;
  workbook: WorkbookHost;
  result: CheckResult | undefined;
  onResult: (r: CheckResult | undefined) => void;
}

export function CheckTab({ t, lang, workbook, result, onResult }: CheckTabProps) {
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState<{ share?: number } | undefined>();
  const [note, setNote] = useState<{ kind: "success" | "error"; text: string } | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const s = useStyles();
  const p = usePaneStyles();

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setNote(undefined);
    try {
      return await fn();
    } catch (e) {
      setNote({ kind: "error", text: paneError(t, e) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function analyse(): Promise<void> {
    await run(async () => {
      const grids = await workbook.readGrids();
      if (!grids) return;
      const settings = await workbook.readSettings();
      onResult(
        analyseWorkbook(
          { ...grids, properties: { ...(grids.properties ?? {}), ...settings } },
          lang,
          mappingsFromSettings(settings),
          workbook.fileName,
        ),
      );
    });
  }

  /** The old result goes first: a file that fails must not leave another file's findings on screen. */
  async function openFile(file: File | undefined): Promise<void> {
    if (!file) return;
    onResult(undefined);
    setReading({ share: 0 });
    const opened = await run(async () => {
      await (workbook as StandaloneHost).open(file, (stage, done) =>
        setReading({ share: shareOf(stage, done) }),
      );
      return true;
    });
    setReading(undefined);
    if (opened) await analyse();
  }

  async function flag(): Promise<void> {
    if (!workbook.checkAndFlag) return;
    const settings = (await run(() => workbook.readSettings())) ?? {};
    const out = await run(() =>
      workbook.checkAndFlag!((g) =>
        analyseWorkbook(g, lang, mappingsFromSettings(settings), workbook.fileName),
      ),
    );
    if (out) {
      onResult(out.result);
      setNote({ kind: "success", text: t.flagged(out.result.flags.length) });
    }
  }

  async function unflag(): Promise<void> {
    const n = await run(() => workbook.unflag!());
    if (n !== undefined) setNote({ kind: "success", text: t.unflagged(n) });
  }

  async function saveMapping(row: string, code: string): Promise<void> {
    await run(async () => {
      const settings = await workbook.readSettings();
      await workbook.writeSettings(mappingsToSettings({ ...mappingsFromSettings(settings), [row]: code }));
    });
    await analyse();
  }

  const select = workbook.select
    ? (f: FindingView) => () => void workbook.select!(f.finding.sheet!, f.finding.cell!)
    : undefined;

  return (
    <div data-testid="check-tab">
      <div className={p.buttons}>
        {workbook.kind === "standalone" ? (
          <>
            <input
              ref={fileInput}
              type="file"
              accept={ACCEPT}
              data-testid="file-input"
              className={s.hidden}
              onChange={(e) => {
                const file = e.target.files?.[0];
                // The same file chosen again (after fixing it) must be read again.
                e.target.value = "";
                void openFile(file);
              }}
            />
            <Button
              appearance="primary"
              onClick={() => fileInput.current?.click()}
              disabled={busy}
              data-testid="open-file"
            >
              {t.openFile}
            </Button>
          </>
        ) : (
          <Button appearance="primary" onClick={() => void analyse()} disabled={busy} data-testid="run-check">
            {t.runCheck}
          </Button>
        )}
        {workbook.checkAndFlag && (
          <Button onClick={() => void flag()} disabled={busy} data-testid="flag">
            {t.flag}
          </Button>
        )}
        {workbook.unflag && (
          <Button onClick={() => void unflag()} disabled={busy} data-testid="unflag">
            {t.unflag}
          </Button>
        )}
        {busy && !reading && <Spinner size="tiny" label={t.reading} />}
      </div>
      {reading && (
        <div data-testid="read-progress">
          <ProgressBar value={reading.share} />
          <Caption1>
            {reading.share === undefined ? t.reading : t.readProgress(Math.round(reading.share * 100))}
          </Caption1>
        </div>
      )}
      {!result && !note && !reading && workbook.kind === "standalone" && (
        <Body1 as="p" block>
          {t.openFileHint}
        </Body1>
      )}
      {note && (
        <MessageBar intent={note.kind} className={p.bar}>
          <MessageBarBody data-testid="check-note">{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <CheckFacts t={t} lang={lang} result={result} fileName={workbook.fileName} />
          <div className={s.headline}>
            {result.headline.kind === "work-items" ? (
              <>
                <Subtitle2 block>{t.workItems}:</Subtitle2>
                <Text size={600} weight="bold" data-testid="work-items">
                  {result.headline.count}
                </Text>
              </>
            ) : result.headline.kind === "villages" ? (
              <>
                <Subtitle2 block>{t.villagesComplete}:</Subtitle2>
                <Text size={600} weight="bold" data-testid="villages-complete">
                  {result.headline.complete}/{result.headline.count}
                </Text>
              </>
            ) : (
              <>
                <Subtitle2 block>{t.criteriaMet}:</Subtitle2>
                <Text size={600} weight="bold" data-testid="criteria-met">
                  {result.criteriaMet}/{result.criteriaTotal}
                </Text>
              </>
            )}
            <Caption1>
              · {t.findings}: <span data-testid="finding-count">{result.findingCount}</span>
            </Caption1>
          </div>
          {result.unmapped.length > 0 && (
            <UnmappedRows t={t} result={result} onSave={(row, code) => void saveMapping(row, code)} />
          )}
          {result.findingCount === 0 && <Body1>{t.noFindings}</Body1>}
          {result.general.length > 0 && (
            <details open>
              <summary>
                <Subtitle2 block>
                  {t.general} ({result.general.length})
                </Subtitle2>
              </summary>
              <FindingList findings={result.general} select={select} />
            </details>
          )}
          {result.criteria.map((c) => (
            <details
              key={c.code}
              open={c.findings.some((f) => f.finding.severity !== "info")}
              data-testid="criterion"
              data-code={c.code}
              className={s.criterion}
            >
              <summary className={s.summary}>
                <Text weight="semibold">
                  {c.code}. {c.name}
                </Text>{" "}
                {statusBadge(t, c.status)}{" "}
                <Caption1>
                  {c.basis === "self-assessment" ? t.bySelfAssessment : `${c.met}/${c.total}`}
                  {c.findings.length ? ` · ${c.findings.length} ${t.findings.toLowerCase()}` : ""}
                </Caption1>
              </summary>
              <FindingList findings={c.findings} select={select} />
            </details>
          ))}
          {result.remarks.map((r) => (
            <Note key={r} testId="target-remark">
              {r}
            </Note>
          ))}
        </>
      )}
    </div>
  );
}
