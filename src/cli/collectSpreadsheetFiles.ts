/**
 * The files `ntm validate` and `ntm consolidate` read (one walker, so both read the same files):
 * every spreadsheet under the folders given (recursively, at most MAX_DIR_DEPTH levels, so a link
 * loop ends) and every file named directly (whatever its extension, so a wrongly named file is
 * reported, not skipped).
 * Invariant: each file appears once (by resolved path), in a stable order, with its modification
 * time; a path that does not exist is returned as missing rather than thrown.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const SPREADSHEET_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".tsv"]);
const MAX_DIR_DEPTH = 8;

export interface InputFile {
  /** Absolute path. */
  absolute: string;
  /** What the summary shows: relative to the folder given, or the path as given. */
  display: string;
  /** The path as the person would type it: the folder given joined with the file's place in it. */
  given: string;
  mtimeMs: number;
}

export interface CollectedFiles {
  files: InputFile[];
  /** Paths given that do not exist or cannot be listed. */
  missing: string[];
}

export function collectFiles(inputs: readonly string[]): CollectedFiles {
  const seen = new Set<string>();
  const files: InputFile[] = [];
  const missing: string[] = [];
  const add = (absolute: string, display: string, given: string, mtimeMs: number) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ absolute, display, given, mtimeMs });
  };
  for (const input of inputs) {
    const absolute = path.resolve(input);
    let st: fs.Stats;
    try {
      st = fs.statSync(absolute);
    } catch {
      missing.push(input);
      continue;
    }
    if (st.isDirectory()) {
      for (const f of walk(absolute, missing)) {
        const relative = path.relative(absolute, f.absolute);
        add(f.absolute, relative.split(path.sep).join("/"), path.join(input, relative), f.mtimeMs);
      }
    } else {
      add(absolute, input, input, st.mtimeMs);
    }
  }
  return { files, missing };
}

/** Spreadsheets under a folder, sorted; Office lock files ("~$x.xlsx") and hidden entries are not reports. */
function walk(dir: string, missing: string[]): { absolute: string; mtimeMs: number }[] {
  const out: { absolute: string; mtimeMs: number }[] = [];
  const stack: [string, number][] = [[dir, 0]];
  while (stack.length) {
    const [d, depth] = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      missing.push(d);
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DIR_DEPTH) stack.push([p, depth + 1]);
      } else if (e.isFile() && SPREADSHEET_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
        try {
          out.push({ absolute: p, mtimeMs: fs.statSync(p).mtimeMs });
        } catch {
          missing.push(p);
        }
      }
    }
  }
  return out.sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
}
