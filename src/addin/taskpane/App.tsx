/**
 * The task pane: five tabs (Kiểm tra, Đồng bộ, Duyệt, Tổng hợp, Tiến độ nộp) over one workbook host (Excel or a
 * file opened in the browser) and one sync session; the sync state is always visible at the top.
 */
import { useMemo, useState, useSyncExternalStore } from "react";
import {
  Badge,
  Button,
  Caption1,
  FluentProvider,
  Tab,
  TabList,
  Title3,
  webLightTheme,
} from "@fluentui/react-components";
import type { HostKind } from "./detectHost";
import type { CheckResult } from "./check/analyseWorkbook";
import { paneText, type PaneLang } from "./paneText";
import type { WorkbookHost } from "./host/workbookHost";
import type { SyncSession, SyncState } from "../sync/syncSession";
import { CheckTab } from "./tabs/CheckTab";
import { SyncTab } from "./tabs/SyncTab";
import { ReviewTab } from "./tabs/ReviewTab";
import { ConsolidateTab } from "./tabs/ConsolidateTab";
import { CompletenessTab } from "./tabs/CompletenessTab";
import { completenessText } from "./tabs/completenessText";
import { capabilityNote } from "./capabilityNote";
import { hostCapabilities } from "../excel/hostCapabilities";
import { lastCommandOutcome, subscribeCommandOutcome } from "../commands/commandOutcome";

export type TabId = "check" | "sync" | "review" | "consolidate" | "completeness";

const PHASE_COLOUR: Record<string, "success" | "warning" | "danger" | "informative" | "subtle"> = {
  synced: "success",
  approved: "success",
  pending: "warning",
  sending: "informative",
  offline: "warning",
  conflict: "danger",
  locked: "informative",
  returned: "danger",
  "signed-out": "subtle",
  "signed-in": "informative",
};

/** These phases describe the report last synced, not the session: for another workbook they would mislead. */
const REPORT_PHASES = new Set(["synced", "approved", "returned", "locked"]);

function shownPhase(state: SyncState, result: CheckResult | undefined): string {
  const k = state.lastKey;
  const org = result?.report.orgUnit?.code;
  const other =
    result &&
    k &&
    (k.set !== result.set.id || k.period !== result.report.period || (org !== undefined && org !== k.org));
  return other && REPORT_PHASES.has(state.phase) ? "signed-in" : state.phase;
}

export interface AppProps {
  host: HostKind;
  workbook: WorkbookHost;
  sync: SyncSession;
}

export function App({ host, workbook, sync }: AppProps) {
  const [lang, setLang] = useState<PaneLang>("vi");
  const [tab, setTab] = useState<TabId>("check");
  const [result, setResult] = useState<CheckResult | undefined>();
  const t = paneText(lang);
  const state = useSyncExternalStore(sync.subscribe, sync.getState);
  const role = state.session?.role;
  const phase = shownPhase(state, result);
  const ribbon = useSyncExternalStore(subscribeCommandOutcome, lastCommandOutcome);
  const missing = host === "excel" ? capabilityNote(hostCapabilities(), lang) : undefined;
  const tabs = useMemo(
    () => [
      { id: "check" as const, label: t.tabCheck },
      { id: "sync" as const, label: t.tabSync },
      { id: "review" as const, label: t.tabReview },
      { id: "consolidate" as const, label: t.tabConsolidate },
      { id: "completeness" as const, label: completenessText(lang).tab },
    ],
    [t, lang],
  );
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main style={{ padding: "8px 12px", fontSize: 14 }}>
        <header style={{ display: "flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
          <Title3 as="h1" style={{ margin: 0 }}>
            {t.appTitle}
          </Title3>
          <Badge data-testid="sync-state" appearance="filled" color={PHASE_COLOUR[phase] ?? "informative"}>
            {t.phase[phase]}
            {state.outboxSize ? ` · ${t.outbox(state.outboxSize)}` : ""}
          </Badge>
          <span style={{ flex: 1 }} />
          <Button
            size="small"
            appearance="subtle"
            onClick={() => setLang(lang === "vi" ? "en" : "vi")}
            data-testid="lang-switch"
          >
            {t.switchLang}
          </Button>
        </header>
        <Caption1 as="p" data-testid="host-mode" style={{ margin: "2px 0 6px" }}>
          {host === "excel" ? t.inExcel : t.standalone}
          {role ? ` · ${t.roles[role] ?? role}` : ""}
        </Caption1>
        {missing?.line && (
          <Caption1
            as="p"
            block
            data-testid="host-missing"
            title={missing.details}
            style={{ margin: "0 0 6px" }}
          >
            {missing.line}
          </Caption1>
        )}
        {ribbon && (
          <p
            key={ribbon.seq}
            role="status"
            data-testid="ribbon-outcome"
            style={{ margin: "0 0 6px", color: ribbon.ok ? undefined : "#a4262c" }}
          >
            {ribbon.text}
          </p>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
          {tabs.map((x) => (
            <Tab key={x.id} value={x.id} data-testid={`tab-${x.id}`}>
              {x.label}
            </Tab>
          ))}
        </TabList>
        <section style={{ paddingTop: 8 }}>
          {tab === "check" && (
            <CheckTab t={t} lang={lang} workbook={workbook} result={result} onResult={setResult} />
          )}
          {tab === "sync" && <SyncTab t={t} workbook={workbook} sync={sync} state={state} result={result} />}
          {tab === "review" && <ReviewTab t={t} lang={lang} sync={sync} state={state} />}
          {tab === "completeness" && (
            <CompletenessTab t={t} lang={lang} sync={sync} state={state} period={result?.report.period} />
          )}
          {tab === "consolidate" && (
            <ConsolidateTab t={t} workbook={workbook} sync={sync} state={state} result={result} />
          )}
        </section>
      </main>
    </FluentProvider>
  );
}
