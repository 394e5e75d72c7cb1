/**
 * A stored revision's values (wire format: Report values keyed by code) → a Report, so a reviewer
 * sees the same evaluation and findings the clerk saw.
 */
import type { Report } from "../../../domain/report";
import type { IndicatorValues } from "../../../domain/sync/protocol";

export function reportFromValues(setId: string, values: IndicatorValues, period?: string): Report {
  return {
    setId,
    values: Object.entries(values).map(([code, v]) => ({ code, ...v })),
    ...(period ? { period } : {}),
  };
}
