/**
 * What the pane needs from where the workbook lives: Excel (src/addin/excel) or a file opened in
 * the browser (standalone). The tabs talk to this, never to Excel directly.
 */
import type { WorkbookGrids } from "../../../domain/sheet/grid";
import type { Consolidation } from "../../../domain/sync/protocol";
import type { PulledCell } from "../../../domain/sync/pulledCells";
import type { PullWriteReport } from "../../excel/writePulledReport";
import type { CheckResult } from "../check/analyseWorkbook";

export interface WorkbookHost {
  kind: "excel" | "standalone";
  /** The workbook's grids now (standalone: undefined until a file is opened). */
  readGrids(): Promise<WorkbookGrids | undefined>;
  /** Reads, analyses and flags in one pass; returns the analysis it flagged. */
  checkAndFlag?(analyse: (g: WorkbookGrids) => CheckResult): Promise<{ result: CheckResult; syncs: number }>;
  unflag?(): Promise<number>;
  select?(sheet: string, cell: string): Promise<void>;
  readSettings(): Promise<Record<string, string>>;
  writeSettings(changes: Record<string, string>): Promise<void>;
  writeConsolidation?(c: Consolidation): Promise<string>;
  /** Excel only: pulled values and reviewer notes into their cells. A file opened from disk is never changed. */
  writePulled?(cells: PulledCell[]): Promise<PullWriteReport>;
  /** Standalone: the name of the opened file. */
  fileName?: string;
}
