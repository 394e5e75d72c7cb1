/**
 * Reading text out of a Grid without allocating per cell: the text of a cell as a person sees it,
 * and the top-left cell of the merge a position falls in.
 * Invariant: text of an empty cell is ""; numbers use the host's display text when it has one.
 */
import type { Cell, Grid, Range } from "./grid";

export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.v === null || cell.v === undefined) return "";
  if (typeof cell.v === "string") return cell.v.trim();
  if (cell.w !== undefined) return cell.w.trim();
  return String(cell.v);
}

export function textAt(grid: Grid, r: number, c: number): string {
  return cellText(grid.cells[r]?.[c]);
}

/** Index of merges by their top row, so lookups stay cheap on sheets with many merges. */
export class MergeIndex {
  private readonly byRow = new Map<number, Range[]>();
  constructor(readonly merges: Range[]) {
    for (const m of merges) {
      for (let r = m.s.r; r <= Math.min(m.e.r, m.s.r + 50); r++) {
        let list = this.byRow.get(r);
        if (!list) this.byRow.set(r, (list = []));
        list.push(m);
      }
    }
  }
  /** The merge covering (r, c), if any. */
  at(r: number, c: number): Range | undefined {
    const list = this.byRow.get(r);
    if (!list) return undefined;
    for (const m of list) if (c >= m.s.c && c <= m.e.c && r >= m.s.r && r <= m.e.r) return m;
    return undefined;
  }
}
