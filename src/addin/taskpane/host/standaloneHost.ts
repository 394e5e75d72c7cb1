/**
 * The pane's workbook host outside Office: a file the person opens from disk, read in the browser.
 * Reading goes through src/io/xlsx/readWorkbookOffPage: the shared reader in a Web Worker (SheetJS
 * loaded only when a file is opened), so a large file leaves the pane responsive.
 * A file that cannot be read leaves no workbook behind: the previous file's grids are dropped first.
 * Settings (identity, manual mappings) are remembered per file name in
 * the browser's storage, since there is no workbook to write them into.
 */
import type { WorkbookGrids } from "../../../domain/sheet/grid";
import type { ReadProgress } from "../../../io/xlsx/readWorkbookInBrowser";
import { readWorkbookOffPage, warmReader } from "../../../io/xlsx/readWorkbookOffPage";
import type { KeyValueStore } from "../../sync/syncStorage";
import type { WorkbookHost } from "./workbookHost";

export interface StandaloneHost extends WorkbookHost {
  open(file: File, progress?: ReadProgress): Promise<WorkbookGrids>;
}

export function standaloneHost(store: KeyValueStore): StandaloneHost {
  warmReader();
  let grids: WorkbookGrids | undefined;
  const key = () => `ntm.file-settings.${host.fileName ?? ""}`;
  const stored = (): Record<string, string> => {
    try {
      return JSON.parse(store.getItem(key()) ?? "{}");
    } catch {
      return {};
    }
  };
  const host: StandaloneHost = {
    kind: "standalone",
    async open(file, progress) {
      grids = undefined;
      host.fileName = undefined;
      const read = await readWorkbookOffPage(await file.arrayBuffer(), file.name, progress);
      host.fileName = file.name;
      grids = { ...read, properties: { ...read.properties, ...stored() } };
      return grids;
    },
    readGrids: async () => grids,
    readSettings: async () => ({ ...(grids?.properties ?? {}), ...stored() }),
    writeSettings: async (changes) => {
      const merged = { ...stored() };
      for (const [k, v] of Object.entries(changes)) {
        if (v === "") delete merged[k];
        else merged[k] = v;
      }
      store.setItem(key(), JSON.stringify(merged));
      if (grids) grids = { ...grids, properties: { ...(grids.properties ?? {}), ...merged } };
    },
  };
  return host;
}
