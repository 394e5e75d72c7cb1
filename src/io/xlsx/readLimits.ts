/**
 * Bounds on what the reader accepts, so a hostile or broken file fails fast instead of eating the
 * machine. Commune workbooks are tens of kilobytes and a few thousand cells; the defaults leave
 * two to three orders of magnitude of room.
 */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest sum of inflated sizes of a zip's entries, in bytes. */
  maxInflatedBytes: number;
  /** Largest inflated/compressed ratio for an entry that inflates to more than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Most non-empty cells in the whole workbook. */
  maxCells: number;
  /** Most rows of any one sheet (cells beyond it are not parsed). */
  maxRows: number;
  /** Longest text kept in a cell; Excel itself stops at 32,767 characters. */
  maxCellTextLength: number;
  /** Read hidden rows and columns (needs SheetJS's style parsing, which costs time). */
  readHidden: boolean;
}

export const defaultReadLimits: ReadLimits = {
  maxFileBytes: 32 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 32 * 1024 * 1024,
  maxCells: 1_000_000,
  maxRows: 200_000,
  maxCellTextLength: 32_767,
  readHidden: true,
};

export function resolveLimits(partial?: Partial<ReadLimits>): ReadLimits {
  return { ...defaultReadLimits, ...(partial ?? {}) };
}
