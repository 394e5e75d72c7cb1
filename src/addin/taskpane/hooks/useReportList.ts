/**
 * The reports submitted within the person's scope for a set and period, a page at a time, as the
 * reviewer's list shows them. `reload` fetches the pages already shown again, so the list says what
 * an approve or return just changed (state, revision) without the reviewer pressing "Tải danh sách".
 */
import { useState } from "react";
import type { ReportListItem } from "../../../domain/sync/protocol";
import type { SyncSession } from "../../sync/syncSession";

export interface ReportList {
  rows: ReportListItem[] | undefined;
  /** Reports matching the filter on the server; more than `rows` when the list came in pages. */
  total: number;
  load: () => Promise<void>;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
}

export function useReportList(
  sync: SyncSession,
  q: { under: string; set: string; period: string },
): ReportList {
  const [rows, setRows] = useState<ReportListItem[] | undefined>();
  const [total, setTotal] = useState(0);
  const page = (offset: number) => sync.api().reports({ ...q, ...(offset ? { offset } : {}) });

  async function load(): Promise<void> {
    const list = await page(0);
    setRows(list.reports);
    setTotal(list.total);
  }

  async function loadMore(): Promise<void> {
    const list = await page(rows?.length ?? 0);
    setRows([...(rows ?? []), ...list.reports]);
    setTotal(list.total);
  }

  async function reload(): Promise<void> {
    if (!rows) return;
    const shown = Math.max(rows.length, 1);
    let all: ReportListItem[] = [];
    let count = 0;
    while (all.length < shown) {
      const list = await page(all.length);
      all = [...all, ...list.reports];
      count = list.total;
      if (!list.reports.length) break;
    }
    setRows(all);
    setTotal(count);
  }

  return { rows, total, load, loadMore, reload };
}
