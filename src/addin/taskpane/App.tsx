/**
 * The task pane: tabs (Kiểm tra, Đồng bộ, Duyệt, Tổng hợp, Tiến độ nộp) over one workbook host (Excel
 * or a file opened in the browser) and one sync session; the sync state is always visible at the top,
 * and each role sees only the tabs it may use (the server still checks every call).
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import {
  Badge,
  Button,
  Caption1,
  FluentProvider,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { HostKind } from "./detectHost";
import { inLanguage, type CheckResult } from "./check/analyseWorkbook";
import { paneText } from "./paneText";
import type { WorkbookHost } from "./host/workbookHost";
import type { SyncSession } from "../sync/syncSession";
import { sessionMay } from "../sync/sessionActions";
import { CheckTab } from "./tabs/CheckTab";
import { SyncTab } from "./tabs/SyncTab";
import { ReviewTab } from "./tabs/ReviewTab";
import { ConsolidateTab } from "./tabs/ConsolidateTab";
import { CompletenessTab } from "./tabs/CompletenessTab";
import { completenessText } from "./tabs/completenessText";
import { capabilityNote } from "./capabilityNote";
import { hostCapabilities } from "../excel/hostCapabilities";
import { lastCommandOutcome, subscribeCommandOutcome } from "../commands/commandOutcome";
import { useSyncKey } from "./hooks/useSyncKey";
import { usePaneLang } from "./hooks/usePaneLang";
import { PHASE_COLOUR, shownPhase } from "./shownPhase";

export type TabId = "check" | "sync" | "review" | "consolidate" | "completeness";

const useStyles = makeStyles({
  main: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase300,
  },
  // One line at 320–420 px: the title and badge shrink (the badge ellipsises), the language button never wraps.
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "nowrap" },
  title: { margin: 0, flexShrink: 0 },
  badge: { minWidth: 0, flexShrink: 1, maxWidth: "100%", overflow: "hidden", justifyContent: "flex-start" },
  badgeText: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  spacer: { flexGrow: 1 },
  lang: { flexShrink: 0, minWidth: "auto", whiteSpace: "nowrap" },
  line: { margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalSNudge}` },
  failed: { color: tokens.colorPaletteRedForeground1 },
  body: { paddingTop: tokens.spacingVerticalS },
});

export interface AppProps {
  host: HostKind;
  workbook: WorkbookHost;
  sync: SyncSession;
}

export function App({ host, workbook, sync }: AppProps) {
  const [lang, setLang] = usePaneLang();
  const [tab, setTab] = useState<TabId>("check");
  const [checked, setResult] = useState<CheckResult | undefined>();
  const result = useMemo(() => checked && inLanguage(checked, lang), [checked, lang]);
  const t = paneText(lang);
  const s = useStyles();
  const state = useSyncExternalStore(sync.subscribe, sync.getState);
  // Signed in: the server's installed criteria sets are fetched and kept for offline checks (issue 13).
  const signedInAt = state.session ? `${state.session.serverUrl}|${state.session.token}` : undefined;
  useEffect(() => {
    if (signedInAt) void sync.refreshCriteriaSets();
  }, [sync, signedInAt]);
  const syncKey = useSyncKey(workbook, state, result);
  const role = state.session?.role;
  const phase = shownPhase(state, result, syncKey);
  const ribbon = useSyncExternalStore(subscribeCommandOutcome, lastCommandOutcome);
  const missing = host === "excel" ? capabilityNote(hostCapabilities(), lang) : undefined;
  // Signed out, every tab is there (each says to sign in); signed in, only what the role may do.
  const may = (action: "review" | "consolidate") => !state.session || sessionMay(state.session, action);
  const tabs = [
    { id: "check" as const, label: t.tabCheck },
    { id: "sync" as const, label: t.tabSync },
    ...(may("review") ? [{ id: "review" as const, label: t.tabReview }] : []),
    ...(may("consolidate") ? [{ id: "consolidate" as const, label: t.tabConsolidate }] : []),
    // Who has sent what is the offices' and reviewers' view, like review and consolidation.
    ...(may("review") || may("consolidate")
      ? [{ id: "completeness" as const, label: completenessText(lang).tab }]
      : []),
  ];
  const current = tabs.some((x) => x.id === tab) ? tab : "check";
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={s.main}>
        <header className={s.header}>
          <Title3 as="h1" className={s.title}>
            {t.appTitle}
          </Title3>
          <Badge
            data-testid="sync-state"
            appearance="filled"
            className={s.badge}
            color={PHASE_COLOUR[phase] ?? "informative"}
            title={t.phase[phase]}
          >
            <span className={s.badgeText}>
              {t.phase[phase]}
              {state.outboxSize ? ` · ${t.outbox(state.outboxSize)}` : ""}
            </span>
          </Badge>
          <span className={s.spacer} />
          <Button
            size="small"
            appearance="subtle"
            className={s.lang}
            onClick={() => setLang(lang === "vi" ? "en" : "vi")}
            data-testid="lang-switch"
          >
            {t.switchLang}
          </Button>
        </header>
        <Caption1 as="p" data-testid="host-mode" className={s.line}>
          {host === "excel" ? t.inExcel : t.standalone}
          {role ? ` · ${t.roles[role] ?? role}` : ""}
        </Caption1>
        {missing?.line && (
          <Caption1 as="p" block data-testid="host-missing" title={missing.details} className={s.line}>
            {missing.line}
          </Caption1>
        )}
        {ribbon && (
          <p
            key={ribbon.seq}
            role="status"
            data-testid="ribbon-outcome"
            className={ribbon.ok ? s.line : `${s.line} ${s.failed}`}
          >
            {ribbon.text}
          </p>
        )}
        <TabList selectedValue={current} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
          {tabs.map((x) => (
            <Tab key={x.id} value={x.id} data-testid={`tab-${x.id}`}>
              {x.label}
            </Tab>
          ))}
        </TabList>
        <section className={s.body}>
          {current === "check" && (
            <CheckTab t={t} lang={lang} workbook={workbook} result={result} onResult={setResult} />
          )}
          {current === "sync" && (
            <SyncTab t={t} workbook={workbook} sync={sync} state={state} result={result} syncKey={syncKey} />
          )}
          {current === "review" && <ReviewTab t={t} lang={lang} sync={sync} state={state} />}
          {current === "completeness" && (
            <CompletenessTab t={t} lang={lang} sync={sync} state={state} period={result?.report.period} />
          )}
          {current === "consolidate" && (
            <ConsolidateTab t={t} workbook={workbook} sync={sync} state={state} result={result} />
          )}
        </section>
      </main>
    </FluentProvider>
  );
}
