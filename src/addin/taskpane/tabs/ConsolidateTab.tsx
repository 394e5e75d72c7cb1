/**
 * Tổng hợp: the consolidation of a set and period within a unit: in Excel also written into a new
 * sheet with a chart. On screen, one row per commune of the period (communeListing: a 2023 commune
 * and its 2025 successor are not two rows) with its code and district, sortable and filterable.
 */
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import { communeListing, type CommuneListingRow } from "../../../domain/sync/communeListing";
import type { CheckResult } from "../check/analyseWorkbook";
import { DEFAULT_SET_ID } from "../../../domain/criteria/registry";
import type { PaneText } from "../paneText";
import type { WorkbookHost } from "../host/workbookHost";
import type { SyncSession, SyncState } from "../../sync/syncSession";
import { usePaneAction } from "./usePaneAction";
import { useSetPeriod } from "../hooks/useCriteriaSets";
import { ErrorBar } from "../components/ErrorBar";
import { SetPeriodFields } from "../components/SetPeriodFields";
import { CommuneTable } from "../components/CommuneTable";
import { TextField } from "../components/TextField";
import { usePaneStyles } from "../components/paneStyles";
import { Note } from "../components/Note";

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
  const scope = state.session?.scopeCode ?? "";
  const { set, period, fields } = useSetPeriod(sync, Boolean(state.session), {
    set: result?.set.id ?? DEFAULT_SET_ID,
    period: result?.report.period ?? "2023",
  });
  const [under, setUnder] = useState(scope);
  const [rows, setRows] = useState<CommuneListingRow[] | undefined>();
  const { error, guard } = usePaneAction(t);
  const [wrote, setWrote] = useState<string | undefined>();
  const p = usePaneStyles();
  if (!state.session) return <Note>{t.needSignIn}</Note>;

  const get = () =>
    guard(async () => {
      setWrote(undefined);
      const api = sync.api();
      const q = { set, period, under: under || scope };
      const [c, units] = await Promise.all([api.consolidation(q), api.orgUnits({ under: q.under })]);
      setRows(communeListing(c.communes, units, period));
      if (workbook.writeConsolidation) setWrote(t.wroteSheet(await workbook.writeConsolidation(c)));
    });

  return (
    <div data-testid="consolidate-tab">
      <SetPeriodFields t={t} {...fields} testId="consolidate">
        <TextField label={t.under} value={under} onChange={setUnder} testId="consolidate-under" />
      </SetPeriodFields>
      <div className={p.buttons}>
        <Button appearance="primary" onClick={() => void get()} data-testid="consolidate">
          {workbook.writeConsolidation ? t.toSheet : t.consolidate}
        </Button>
      </div>
      {error && <ErrorBar text={error} />}
      {wrote && (
        <MessageBar intent="success" className={p.bar}>
          <MessageBarBody>{wrote}</MessageBarBody>
        </MessageBar>
      )}
      {rows && (
        <div className={p.section} data-testid="consolidation">
          <Subtitle2 block>
            {t.communes}: <span data-testid="commune-count">{rows.length}</span>
          </Subtitle2>
          <CommuneTable t={t} rows={rows} />
        </div>
      )}
    </div>
  );
}
