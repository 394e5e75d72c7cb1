/**
 * Remembering a pure function of a short text. Commune workbooks repeat the same labels and words
 * ("1.1", "-", "Đạt", "Người lập biểu") row after row and file after file, so the reader's
 * per-cell interpretations are looked up instead of recomputed.
 * Invariant: the memoised function returns exactly what `fn` returns for the text (the same
 * object for the same text, so callers treat results as read-only); texts longer than maxLength
 * are not remembered; at most `limit` texts are kept (the table is cleared when full, so memory
 * stays bounded whatever a workbook holds).
 */
export function memoiseByText<T>(
  fn: (text: string) => T,
  limit = 20000,
  maxLength = 120,
): (text: string) => T {
  const memo = new Map<string, T>();
  return (text: string): T => {
    if (text.length > maxLength) return fn(text);
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as T;
    const value = fn(text);
    if (memo.size >= limit) memo.clear();
    memo.set(text, value);
    return value;
  };
}
