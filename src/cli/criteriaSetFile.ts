/**
 * A criteria set named by a file on the command line: a set as JSON (`ntm criteria compile`'s
 * output) or an authoring workbook (.xlsx, .xls, .ods: compiled first). One reader for
 * `ntm admin criteria install` and `ntm validate|consolidate --set FILE`.
 * Invariant: a set with errors is never returned; every error comes back located (sheet, row,
 * column for a workbook; the path inside the set for JSON) so the person can fix each one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type AuthoringError, formatAuthoringErrorBilingual } from "../domain/criteria/authoring";
import { CriteriaSetError, parseCriteriaSet, type CriteriaSet } from "../domain/criteria/schema";
import { compileAuthoringWorkbookFile } from "../io/xlsx/authoringWorkbook";
import { isWorkbookReadError } from "../io/xlsx/workbookReadError";
import { criteriaSetMessages as say } from "./messages/criteriaSetMessages";

export type SetFileResult =
  | { ok: true; set: CriteriaSet; warnings: AuthoringError[] }
  /** `lines`: what to tell the person, one problem per line, Vietnamese then English. */
  | { ok: false; lines: string[] };

/** Whether `arg` names a file rather than a set id (a set id has no dot or slash). */
export function looksLikeSetFile(arg: string): boolean {
  return /\.(json|xlsx|xlsm|xls|ods)$/i.test(arg) || arg.includes("/") || arg.includes(path.sep);
}

function readJsonSet(file: string): SetFileResult {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    return { ok: false, lines: [say.unreadableJson(file, (e as Error).message.split("\n")[0])] };
  }
  try {
    return { ok: true, set: parseCriteriaSet(data, path.basename(file)), warnings: [] };
  } catch (e) {
    if (!(e instanceof CriteriaSetError)) throw e;
    return { ok: false, lines: [say.invalidJson(file), ...e.issues.map((i) => `  ${i.path}: ${i.message}`)] };
  }
}

function compileBook(file: string): SetFileResult {
  let result;
  try {
    result = compileAuthoringWorkbookFile(file);
  } catch (e) {
    if (!isWorkbookReadError(e)) throw e;
    return { ok: false, lines: [say.unreadableBook(file, e.message)] };
  }
  if (!result.ok)
    return {
      ok: false,
      lines: [
        say.bookErrors(file, result.errors.length),
        ...result.errors.map(formatAuthoringErrorBilingual),
      ],
    };
  return { ok: true, set: result.set, warnings: result.warnings };
}

export function readCriteriaSetFile(file: string): SetFileResult {
  if (!fs.existsSync(file)) return { ok: false, lines: [say.noFile(file)] };
  return /\.json$/i.test(file) ? readJsonSet(file) : compileBook(file);
}
