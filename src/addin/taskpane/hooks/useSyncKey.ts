/**
 * Which report the open workbook syncs with (org unit, set, period) and the revision it was last in
 * step with (its base). Read from the workbook's own settings when it has been synced before, else
 * from what the check found and the person's scope; written back only when the server acknowledged
 * a push or a pull left the workbook equal to the head.
 *
 * Invariant: only an acknowledgement (or a settled pull) moves the base; editing the form never does.
 */
import { useEffect, useMemo, useState } from "react";
import type { ReportKey } from "../../../domain/sync/protocol";
import { identityFromSettings, identityToSettings } from "../../excel/workbookIdentity";
import type { SyncState } from "../../sync/syncSession";
import type { CheckResult } from "../check/analyseWorkbook";
import { sendableReport } from "../check/sendableReport";
import type { WorkbookHost } from "../host/workbookHost";
import { DEFAULT_SET_ID } from "../../../domain/criteria/registry";

export interface SyncKey {
  key: ReportKey;
  setOrg: (org: string) => void;
  setPeriod: (period: string) => void;
  /** The revision the workbook holds (0: never pushed). */
  base: number;
  /** Records that the workbook now holds `revision` (state and the workbook's settings). */
  remember: (revision: number) => Promise<void>;
}

export function useSyncKey(
  workbook: WorkbookHost,
  state: SyncState,
  result: CheckResult | undefined,
): SyncKey {
  const [org, setOrg] = useState(state.lastKey?.org ?? "");
  const [period, setPeriod] = useState(state.lastKey?.period ?? "");
  const [base, setBase] = useState(0);
  // The report the push sends (a work-volume workbook: its work-volume report), as sendableReport says.
  const sends = useMemo(() => result && sendableReport(result).set, [result]);
  const set = sends ?? state.lastKey?.set ?? DEFAULT_SET_ID;

  // Each workbook (or file opened) brings its own identity; one never synced starts from revision 0.
  useEffect(() => {
    let live = true;
    void workbook.readSettings().then((s) => {
      if (!live) return;
      const id = identityFromSettings(s);
      if (id) {
        setOrg(id.orgCode);
        setPeriod(id.period);
        setBase(id.baseRevision);
        return;
      }
      setBase(0);
      if (result?.report.period) setPeriod(result.report.period);
      if (s["ntm.orgCode"]) setOrg(s["ntm.orgCode"]);
    });
    return () => {
      live = false;
    };
  }, [workbook, result]);

  const scopeCode = state.session?.scopeCode;
  useEffect(() => {
    if (!org && scopeCode) setOrg(scopeCode);
  }, [scopeCode, org]);

  const key: ReportKey = { org, set, period };

  async function remember(revision: number): Promise<void> {
    setBase(revision);
    await workbook.writeSettings(identityToSettings({ orgCode: org, set, period, baseRevision: revision }));
  }

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
      k.set === set &&
      result
    ) {
      void remember(state.lastRevision);
    }
    // Only an acknowledgement moves the base: editing the form (org, period, set) must not re-save it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.phase, state.lastRevision]);

  return { key, setOrg, setPeriod, base, remember };
}
