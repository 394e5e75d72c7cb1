/**
 * How many cells SheetJS would make of an OpenDocument sheet (content.xml, or a flat .fods), read
 * from the tags alone: a cell with content inside a row repeated R times, itself repeated C times,
 * becomes R × C cell objects — a 600-byte file asking for 999,999,999² of them ran the process out
 * of memory. Empty self-closing cells only move SheetJS's column counter, so LibreOffice's trailing
 * "1,048,576 empty rows" cost nothing and are not counted.
 *
 * The count errs high, never low: attribute values are read as SheetJS reads them (rows with
 * `+value`, so "1e9" and "0x3B9AC9FF" count; columns with parseInt), names in any namespace prefix
 * or case, and the largest of repeated attributes wins.
 */
const TAG = /<(\/?)(?:[^\s<>/:]+:)?(table-row|table-cell|行|数据)(?=[\s/>])([^>]*)>/gi;

function repeatOf(attrs: string, name: string, parse: (v: string) => number): number {
  const re = new RegExp(
    `(?:^|\\s)(?:[^\\s=:]+:)?${name}(?:_[^\\s=]*)?\\s*=\\s*(?:"([^"]*)"|'([^']*)')`,
    "gi",
  );
  let most = 1;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) {
    const n = parse((m[1] ?? m[2]).trim());
    if (n > most) most = n;
  }
  return most;
}

const rowRepeat = (v: string): number => +v || 1;
const columnRepeat = (v: string): number => parseInt(v, 10) || 1;

/** Cells the sheet XML would expand to; stops counting once past `limit` (returns a number > limit). */
export function odsRepeatedCellCount(xml: string, limit: number): number {
  let cells = 0;
  let rows = 1;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const closing = m[1] === "/";
    const name = m[2].toLowerCase();
    const attrs = m[3];
    const selfClosing = attrs.endsWith("/");
    if (name === "table-row" || name === "行") {
      rows = closing || selfClosing ? 1 : repeatOf(attrs, "number-rows-repeated", rowRepeat);
    } else if (!closing) {
      // A self-closing cell makes at most one cell (a string-value attribute), whatever its repeats.
      cells += selfClosing ? 1 : rows * repeatOf(attrs, "number-columns-repeated", columnRepeat);
      if (cells > limit) return cells;
    }
  }
  return cells;
}
