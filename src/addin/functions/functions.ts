/**
 * Share of statuses that are "Đạt" (met), as a fraction 0–1.
 * @customfunction PROGRESS
 * @param statuses Cells holding Đạt / Chưa đạt
 * @returns The share met
 */
export function progress(statuses: unknown[][]): number {
  const flat = statuses.flat().filter((s) => s !== "" && s !== null);
  if (!flat.length) return 0;
  return flat.filter((s) => String(s).trim().toLowerCase() === "đạt").length / flat.length;
}

if (typeof CustomFunctions !== "undefined") CustomFunctions.associate("PROGRESS", progress);
