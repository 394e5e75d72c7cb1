/** Tổng hợp: pull a consolidation for a period and write it into a new sheet with a chart (Excel), or show it. */
import { useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from "@fluentui/react-components";
import { DEFAULT_SET_ID } from "../../../domain/criteria/registry";
import type { Consolidation } from "../../../domain/sync/protocol";
import type { CheckResult } from "../check/analyseWorkbook";
import type { PaneText } from "../paneText";
import type { WorkbookHost } from "../host/workbookHost";
import type { SyncSession, SyncState } from "../../sync/syncSession";
import { ErrorBar } from "./SyncTab";
import { PeriodScopeFields } from "./PeriodScopeFields";
import { usePaneAction } from "./usePaneAction";

export function ConsolidateTab({
  t,
  workbook,
  sync,
  state,
  result,
}: {
  t: PaneText;
  workbook: WorkbookHost;
  sync: SyncSession;
  state: SyncState;
  result: CheckResult | undefined;
}) {
  const scope = /\((\w+)\)$/.exec(state.session?.scope ?? "")?.[1] ?? "";
  const [set, setSet] = useState(result?.set.id ?? DEFAULT_SET_ID);
  const [period, setPeriod] = useState(result?.report.period ?? "2023");
  const [under, setUnder] = useState(scope);
  const [data, setData] = useState<Consolidation | undefined>();
  const { error, guard } = usePaneAction(t);
  const [wrote, setWrote] = useState<string | undefined>();
  if (!state.session)
    return (
      <Caption1 as="p" block>
        {t.needSignIn}
      </Caption1>
    );

  const get = () =>
    guard(async () => {
      setWrote(undefined);
      const c = await sync.api().consolidation({ set, period, under: under || scope });
      setData(c);
      if (workbook.writeConsolidation) setWrote(t.wroteSheet(await workbook.writeConsolidation(c)));
    });

  const max = Math.max(1, ...(data?.communes.map((c) => c.criteriaTotal) ?? [1]));
  return (
    <div data-testid="consolidate-tab">
      <PeriodScopeFields
        t={t}
        first={
          <Field label={t.set}>
            <Input style={{ minWidth: 0 }} value={set} onChange={(_, d) => setSet(d.value)} />
          </Field>
        }
        period={period}
        onPeriod={setPeriod}
        under={under}
        onUnder={setUnder}
      />
      <Button
        appearance="primary"
        style={{ marginTop: 6 }}
        onClick={() => void get()}
        data-testid="consolidate"
      >
        {workbook.writeConsolidation ? t.toSheet : t.consolidate}
      </Button>
      {error && <ErrorBar text={error} />}
      {wrote && (
        <MessageBar intent="success">
          <MessageBarBody>{wrote}</MessageBarBody>
        </MessageBar>
      )}
      {data && (
        <div style={{ marginTop: 6 }} data-testid="consolidation">
          <Subtitle2 block>
            {t.communes}: {data.communes.length}
          </Subtitle2>
          {data.communes.map((c) => (
            <div key={c.org} style={{ display: "flex", alignItems: "center", gap: 6, fontSize: 12 }}>
              <span
                style={{ width: 150, overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" }}
              >
                {c.name}
              </span>
              <span
                style={{
                  background: "#0f6cbd",
                  height: 10,
                  width: `${((c.criteriaMet ?? 0) / max) * 150}px`,
                  display: "inline-block",
                }}
              />
              <span style={{ color: c.criteriaMet === null ? "#616161" : undefined }}>
                {c.criteriaMet === null ? t.notSent : `${c.criteriaMet}/${c.criteriaTotal}`}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
