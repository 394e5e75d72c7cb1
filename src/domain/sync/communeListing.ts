/**
 * The communes of a consolidation as a person lists them: one row per commune of the period, with
 * its code, its district and (for a commune merged on 01/07/2025) its successor. The store keeps a
 * 2023 unit and its 2025 successor as two units, often with the same name or the same code
 * (18139 Xã Sơn Hồng → 18160 Xã Sơn Hồng; 18172 Xã Sơn Tây stays 18172), and a consolidation
 * lists every commune unit within the scope, so without this each appears twice.
 *
 * Invariants: a unit that did not exist on the period's first day is left out unless it holds a
 * report for the period (a report is never hidden); each (code, name) unit is listed at most once;
 * rows keep the consolidation's order (by code).
 */
import type { ConsolidationRow, OrgUnitDto } from "./protocol";
import { isValidPeriod, periodStartDate, unitLifetimeAt } from "./reportPeriod";

export interface CommuneListingRow {
  row: ConsolidationRow;
  code: string;
  name: string;
  district?: { code: string; name: string };
  successor?: { code: string; name: string };
}

const unitKey = (code: string, name: string) => `${code}\u0000${name}`;

export function communeListing(
  rows: ConsolidationRow[],
  units: OrgUnitDto[],
  period: string,
): CommuneListingRow[] {
  const day = isValidPeriod(period) ? periodStartDate(period) : undefined;
  const byKey = new Map<string, OrgUnitDto[]>();
  for (const u of units) {
    const k = unitKey(u.code, u.name);
    byKey.set(k, [...(byKey.get(k) ?? []), u]);
  }
  const existed = (u: OrgUnitDto) =>
    !day || unitLifetimeAt({ valid_from: u.validFrom, valid_to: u.validTo }, day) === undefined;
  /** The unit a row stands for: the one of its code and name that existed in the period, if any. */
  const unitOf = (r: ConsolidationRow) => {
    const candidates = byKey.get(unitKey(r.org, r.name)) ?? [];
    return candidates.find(existed) ?? candidates[0];
  };
  const named = (code: string | null, level?: string) => {
    if (!code) return undefined;
    const all = units.filter((u) => u.code === code && (!level || u.level === level));
    return all.find(existed) ?? all[0];
  };

  const seen = new Map<string, CommuneListingRow>();
  for (const r of rows) {
    const u = unitOf(r);
    const reported = r.revision !== null;
    if (u && !existed(u) && !reported) continue;
    const k = unitKey(r.org, r.name);
    const before = seen.get(k);
    // The same unit twice (two units of one code and name): keep the one that holds a report.
    if (before && (before.row.revision !== null || !reported)) continue;
    const parent = u ? named(u.parentCode) : undefined;
    const successor = u ? successorOf(u, units) : undefined;
    seen.set(k, {
      row: r,
      code: r.org,
      name: r.name,
      ...(parent && parent.level === "district"
        ? { district: { code: parent.code, name: parent.name } }
        : {}),
      ...(successor && (successor.code !== r.org || successor.name !== r.name)
        ? { successor: { code: successor.code, name: successor.name } }
        : {}),
    });
  }
  return [...seen.values()];
}

/** The unit that took over `u` when it ended: of its successor code, the one begun by then. */
function successorOf(u: OrgUnitDto, units: OrgUnitDto[]): OrgUnitDto | undefined {
  if (!u.successorCode || !u.validTo) return undefined;
  const end = u.validTo;
  return units.find(
    (x) => x.code === u.successorCode && x.level === "commune" && x.validFrom !== null && x.validFrom <= end,
  );
}
