/**
 * Makes SheetJS inflate zip entries with Node's native zlib instead of its pure-JS inflater, which
 * is slower and loops forever on some corrupt deflate data (a noisy .xlsx hung a read for minutes).
 * SheetJS asks the stream for `bytesRead`, deprecated in Node (DEP0108, a warning on stderr);
 * the subclass answers with `bytesWritten`, the same count under its current name.
 * Importing this module is enough; it is idempotent.
 */
import * as zlib from "node:zlib";
import * as XLSX from "xlsx";

class InflateRawCountingInput extends zlib.InflateRaw {
  override get bytesRead(): number {
    return this.bytesWritten;
  }
}

let installed = false;

export function useNativeZlibInSheetJs(): void {
  if (installed) return;
  installed = true;
  const utils = XLSX.CFB.utils as unknown as { use_zlib(z: unknown): void };
  utils.use_zlib({ InflateRaw: InflateRawCountingInput, deflateRawSync: zlib.deflateRawSync });
}

useNativeZlibInSheetJs();
