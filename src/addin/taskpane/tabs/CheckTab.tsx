/** Kiểm tra: what the reader understood, criteria met, findings by criterion, flags. */
import { useRef, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import type { Status } from "../../../domain/evaluate/types";
import type { Lang } from "../../../domain/i18n";
import { analyseWorkbook, type CheckResult, type FindingView } from "../check/analyseWorkbook";
import type { PaneText } from "../paneText";
import type { WorkbookHost } from "../host/workbookHost";
import type { StandaloneHost } from "../host/standaloneHost";
import { mappingsFromSettings, mappingsToSettings } from "../../excel/workbookIdentity";
import { paneError } from "../paneError";

const SEVERITY_COLOUR = { error: "danger", warning: "warning", info: "informative" } as const;

export function statusBadge(t: PaneText, s: Status) {
  const colour = s === "met" ? "success" : s === "unmet" ? "danger" : "subtle";
  return (
    <Badge appearance="tint" color={colour} data-status={s}>
      {s === "met" ? t.statusMet : s === "unmet" ? t.statusUnmet : t.statusUnknown}
    </Badge>
  );
}

function FindingRow({ f, onSelect }: { f: FindingView; onSelect?: () => void }) {
  const where = f.finding.sheet && f.finding.cell ? `${f.finding.sheet}!${f.finding.cell}` : "";
  return (
    <li
      data-testid="finding"
      data-type={f.finding.type}
      data-indicator={f.finding.indicator ?? ""}
      data-cell={where}
      style={{ margin: "4px 0", listStyle: "none" }}
    >
      <button
        type="button"
        onClick={onSelect}
        disabled={!onSelect || !where}
        style={{
          all: "unset",
          cursor: onSelect && where ? "pointer" : "default",
          display: "block",
          borderLeft: "3px solid",
          borderColor:
            f.finding.severity === "error"
              ? "#c50f1f"
              : f.finding.severity === "warning"
                ? "#bc4b09"
                : "#0f6cbd",
          paddingLeft: 6,
        }}
      >
        <Badge size="small" appearance="outline" color={SEVERITY_COLOUR[f.finding.severity]}>
          {where || "—"}
        </Badge>{" "}
        <Caption1>{f.message.replace(/^\[[^\]]*\]\s*/, "")}</Caption1>
      </button>
    </li>
  );
}

export interface CheckTabProps {
  t: PaneText;
  lang: Lang;
  workbook: WorkbookHost;
  result: CheckResult | undefined;
  onResult: (r: CheckResult) => void;
}

export function CheckTab({ t, lang, workbook, result, onResult }: CheckTabProps) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: "success" | "error"; text: string } | undefined>();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const fileInput = useRef<HTMLInputElement>(null);

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

  async function openFile(file: File | undefined): Promise<void> {
    if (!file) return;
    await run(async () => {
      await (workbook as StandaloneHost).open(file);
    });
    await analyse();
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

  async function saveMapping(key: string): Promise<void> {
    const code = choice[key];
    if (!code) return;
    await run(async () => {
      const settings = await workbook.readSettings();
      const current = mappingsFromSettings(settings);
      await workbook.writeSettings(mappingsToSettings({ ...current, [key]: code }));
    });
    await analyse();
  }

  const select = workbook.select
    ? (f: FindingView) => () => void workbook.select!(f.finding.sheet!, f.finding.cell!)
    : undefined;

  return (
    <div data-testid="check-tab">
      <div style={{ display: "flex", gap: 6, flexWrap: "wrap", marginBottom: 8 }}>
        {workbook.kind === "standalone" ? (
          <>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.tsv"
              data-testid="file-input"
              style={{ display: "none" }}
              onChange={(e) => void openFile(e.target.files?.[0])}
            />
            <Button appearance="primary" onClick={() => fileInput.current?.click()} disabled={busy}>
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
        {busy && <Spinner size="tiny" label={t.reading} />}
      </div>
      {!result && workbook.kind === "standalone" && (
        <Body1 as="p" block>
          {t.openFileHint}
        </Body1>
      )}
      {note && (
        <MessageBar intent={note.kind} style={{ marginBottom: 8 }}>
          <MessageBarBody data-testid="check-note">{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <table style={{ borderCollapse: "collapse", width: "100%", marginBottom: 8 }} data-testid="facts">
            <tbody>
              {workbook.fileName && <Fact label={t.file} value={workbook.fileName} />}
              <Fact
                label={t.set}
                value={
                  result.judgedBySet
                    ? `${result.set.title[lang === "en" ? "en" : "vi"] ?? result.set.title.vi}`
                    : t.workVolumeReport
                }
              />
              <Fact label={t.orgUnit} value={result.report.orgUnit?.name ?? t.unknown} />
              <Fact label={t.period} value={result.report.period ?? t.unknown} />
              <Fact label={t.mappedRows} value={String(result.mapped.length)} testId="mapped-count" />
              <Fact label={t.unmappedRows} value={String(result.unmapped.length)} testId="unmapped-count" />
            </tbody>
          </table>
          <div style={{ display: "flex", alignItems: "baseline", gap: 8, margin: "6px 0" }}>
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
            <div data-testid="unmapped" style={{ marginBottom: 8 }}>
              <Subtitle2 block>{t.unmappedRows}</Subtitle2>
              <Caption1 as="p" block>
                {t.unmappedHint}
              </Caption1>
              {result.unmapped.map((u) => {
                const key = `${u.sheet}!${u.row}`;
                return (
                  <div key={key} style={{ display: "flex", gap: 4, alignItems: "center", margin: "3px 0" }}>
                    <Caption1 style={{ flex: 1 }}>
                      {u.sheet}!{u.cell}: {u.text}
                    </Caption1>
                    <Select
                      size="small"
                      aria-label={t.mapTo}
                      value={choice[key] ?? u.bestMatch ?? ""}
                      onChange={(_, d) => setChoice({ ...choice, [key]: d.value })}
                    >
                      <option value="">{t.mapTo}</option>
                      {result.set.criteria
                        .flatMap((c) => c.indicators)
                        .map((i) => (
                          <option key={i.code} value={i.code}>
                            {i.code}
                          </option>
                        ))}
                    </Select>
                    <Button size="small" onClick={() => void saveMapping(key)}>
                      {t.mapSave}
                    </Button>
                  </div>
                );
              })}
            </div>
          )}
          {result.findingCount === 0 && <Body1>{t.noFindings}</Body1>}
          {result.general.length > 0 && (
            <details open>
              <summary>
                <Subtitle2 block>
                  {t.general} ({result.general.length})
                </Subtitle2>
              </summary>
              <ul style={{ paddingLeft: 0, margin: 0 }}>
                {result.general.map((f, i) => (
                  <FindingRow key={i} f={f} onSelect={select?.(f)} />
                ))}
              </ul>
            </details>
          )}
          {result.criteria.map((c) => (
            <details
              key={c.code}
              open={c.findings.some((f) => f.finding.severity !== "info")}
              data-testid="criterion"
              data-code={c.code}
              style={{ borderTop: "1px solid #e0e0e0", padding: "3px 0" }}
            >
              <summary style={{ cursor: "pointer" }}>
                <Text weight="semibold">
                  {c.code}. {c.name}
                </Text>{" "}
                {statusBadge(t, c.status)}{" "}
                <Caption1>
                  {c.basis === "self-assessment" ? t.bySelfAssessment : `${c.met}/${c.total}`}
                  {c.findings.length ? ` · ${c.findings.length} ${t.findings.toLowerCase()}` : ""}
                </Caption1>
              </summary>
              <ul style={{ paddingLeft: 0, margin: 0 }}>
                {c.findings.map((f, i) => (
                  <FindingRow key={i} f={f} onSelect={select?.(f)} />
                ))}
              </ul>
            </details>
          ))}
        </>
      )}
    </div>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <tr>
      <td style={{ padding: "1px 6px 1px 0", color: "#616161", whiteSpace: "nowrap", verticalAlign: "top" }}>
        {label}
      </td>
      <td style={{ padding: "1px 0" }} data-testid={testId}>
        {value}
      </td>
    </tr>
  );
}
