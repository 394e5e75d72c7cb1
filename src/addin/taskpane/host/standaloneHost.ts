/**
 * The pane's workbook host outside Office: a file the person opens from disk, read in the browser.
 * Reading goes through src/io/xlsx/readWorkbookInBrowser (SheetJS loaded only when a file is opened).
 * Settings (identity, manual mappings) are remembered per file name in
 * the browser's storage, since there is no workbook to write them into.
 */
import type { WorkbookGrids } from "../../../domain/sheet/grid";
import { readWorkbookInBrowser } from "../../../io/xlsx/readWorkbookInBrowser";
import type { KeyValueStore } from "../../sync/syncStorage";
import type { WorkbookHost } from "./workbookHost";

export interface StandaloneHost extends WorkbookHost {
  open(file: File): Promise<WorkbookGrids>;
}

export function standaloneHost(store: KeyValueStore): StandaloneHost {
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
    async open(file) {
      const read = await readWorkbookInBrowser(await file.arrayBuffer(), file.name);
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
