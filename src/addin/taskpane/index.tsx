// Task pane entry: waits for Office (or notices it is absent: standalone mode), builds the workbook
// host and the sync session, registers the ribbon commands, and renders the app.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./detectHost";
import { excelHost } from "./host/excelHost";
import { standaloneHost } from "./host/standaloneHost";
import { defaultStore } from "../sync/syncStorage";
import { SyncSession } from "../sync/syncSession";
import { startAutoRetry } from "../sync/autoRetry";
import { registerCommands } from "../commands/commandRegistry";
import { analyseWorkbook } from "./check/analyseWorkbook";
import { valuesFor } from "./check/sendableReport";
import { sendWorkbook } from "./sendWorkbook";
import { identityFromSettings, identityToSettings, mappingsFromSettings } from "../excel/workbookIdentity";
import * as ntmFunctions from "../functions/ntmFunctions";
import { registerFunctionImpl } from "../functions/functionRegistry";
import { paneText } from "./paneText";

// First, before anything waits: the custom functions (declared in functions.ts) run on this code.
registerFunctionImpl(ntmFunctions);

detectHost().then((host) => {
  const store = defaultStore();
  const workbook = host === "excel" ? excelHost() : standaloneHost(store);
  const sync = new SyncSession({ store });
  startAutoRetry(sync, typeof window !== "undefined" ? window : undefined);
  void sync.flush();

  registerCommands({
    async checkAndFlag() {
      if (!workbook.checkAndFlag) return "";
      const settings = await workbook.readSettings();
      const out = await workbook.checkAndFlag((g) =>
        analyseWorkbook(g, "vi", mappingsFromSettings(settings), workbook.fileName),
      );
      const head =
        out.result.headline.kind === "work-items"
          ? `${out.result.headline.count} hạng mục khối lượng`
          : out.result.headline.kind === "villages"
            ? `${out.result.headline.complete}/${out.result.headline.count} thôn đạt đủ tiêu chí`
            : `Đạt ${out.result.criteriaMet}/${out.result.criteriaTotal} tiêu chí`;
      return `${head}; ${out.result.flags.length} ô được đánh dấu.`;
    },
    async syncNow() {
      const settings = await workbook.readSettings();
      const id = identityFromSettings(settings);
      const grids = await workbook.readGrids();
      if (!id || !grids)
        return "Chưa có thông tin đồng bộ trong bảng; mở thẻ Đồng bộ / no sync identity yet: open the Sync tab";
      const result = analyseWorkbook(grids, "vi", mappingsFromSettings(settings), workbook.fileName);
      // The report this workbook syncs with must still be in it (a work-volume report: its work volumes).
      if (!valuesFor(result, id.set))
        return `Sổ không còn báo cáo ${id.set} để gửi; mở thẻ Đồng bộ / this workbook no longer holds a ${id.set} report: open the Sync tab`;
      // Every report the workbook holds, as the Đồng bộ tab sends them (sendWorkbook).
      const sent = await sendWorkbook(
        sync,
        workbook,
        result,
        { key: { org: id.orgCode, set: id.set, period: id.period }, base: id.baseRevision },
        paneText("vi"),
      );
      if (sent.identityRevision)
        await workbook.writeSettings(identityToSettings({ ...id, baseRevision: sent.identityRevision }));
      const after = sent.state;
      // The phase in the clerk's words ("Đã đồng bộ"), not its code ("synced").
      return `Đồng bộ: ${paneText("vi").phase[after.phase] ?? after.phase}`;
    },
  });

  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(<App host={host} workbook={workbook} sync={sync} />);
});
