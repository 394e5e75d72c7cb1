/**
 * One file of `ntm validate`: read it (io/xlsx) and check it (domain checkWorkbook — the one check
 * the pane and consolidation run too), keeping the typed findings so the report can word them in
 * the person's language. Never throws: a file that cannot be read comes back with its reason, one
 * line, no stack trace, so one bad file never stops the others.
 */
import * as path from "node:path";
import { checkWithInstalledSets } from "../../domain/check/checkWithInstalledSets";
import { checkWorkbook } from "../../domain/check/checkWorkbook";
import type { InstalledSet } from "../../domain/criteria/installedSets";
import type { FileValidation } from "../../domain/consolidate/fileValidation";
import type { CommuneGroup, Region } from "../../domain/criteria/schema";
import type { Finding } from "../../domain/review/finding";
import type { WorkbookGrids } from "../../domain/sheet/grid";
import { readWorkbookFile } from "../../io/xlsx/readWorkbook";
import { isWorkbookReadError } from "../../io/xlsx/workbookReadError";
import { validateRefusals } from "../messages/validateMessages";
import { setKindOf } from "./setKind";

export interface CheckFileOptions {
  setId?: string;
  region?: Region;
  group?: CommuneGroup;
  /** Installed versions to judge by (--server, --set FILE): the one in force for the file's period. */
  installed?: readonly InstalledSet[];
}

export interface CheckedFile {
  validation: FileValidation;
  /** The typed findings behind validation.findings, in the same order. */
  findings: Finding[];
  /** With --set: the chosen set and the one the file would have been judged by, when their kinds differ. */
  otherKind?: { chosen: SetKind; found: SetKind };
}

interface SetKind {
  id: string;
  kind: string;
}

function otherKindOf(grids: WorkbookGrids, file: string, chosen: string): CheckedFile["otherKind"] {
  const chosenKind = setKindOf(chosen);
  // The check the file gets without --set, on the grids already read (no second read of the file).
  const found = checkWorkbook(grids, { file, fileName: path.basename(file) }).validation.set?.id;
  if (!found || found === chosen) return undefined;
  const foundKind = setKindOf(found);
  return chosenKind && foundKind && chosenKind !== foundKind
    ? { chosen: { id: chosen, kind: chosenKind }, found: { id: found, kind: foundKind } }
    : undefined;
}

export function checkFile(file: string, o: CheckFileOptions): CheckedFile {
  try {
    const grids = readWorkbookFile(file);
    const check = checkWithInstalledSets(grids, o.installed ?? [], {
      file,
      fileName: path.basename(file),
      ...(o.setId ? { setId: o.setId } : {}),
      ...(o.region ? { region: o.region } : {}),
      ...(o.group ? { group: o.group } : {}),
    });
    const otherKind = o.setId && !check.validation.error ? otherKindOf(grids, file, o.setId) : undefined;
    return { validation: check.validation, findings: check.findings, ...(otherKind ? { otherKind } : {}) };
  } catch (e) {
    if (isWorkbookReadError(e))
      return { validation: { file, ok: false, error: { code: e.code, message: e.message } }, findings: [] };
    const msg = (e as Error)?.message?.split("\n")[0] ?? String(e);
    return {
      validation: { file, ok: false, error: { code: "internal", message: validateRefusals.internal(msg) } },
      findings: [],
    };
  }
}
