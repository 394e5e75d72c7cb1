/**
 * The org-unit tree held in memory: province → (historical) district → commune → village, plus the
 * successor links of the 01/07/2025 reform.
 *
 * Invariants:
 * - A code may name two units (a 2023 commune and a different 2025 commune reuse codes), so a code
 *   is resolved *at a date*: the unit whose [validFrom, validTo) holds it.
 * - A unit U is within the scope of S when S is U or an ancestor of U, or when U (or one of its
 *   ancestors) was succeeded by a unit within S: the clerk of today's commune may read and write
 *   the reports of the communes merged into it.
 */
import type { OrgUnitTable } from "./schema";

export type OrgUnitRow = OrgUnitTable;

export class OrgTree {
  private readonly byId = new Map<string, OrgUnitRow>();
  private readonly byCode = new Map<string, OrgUnitRow[]>();
  private readonly children = new Map<string, OrgUnitRow[]>();

  constructor(rows: OrgUnitRow[]) {
    for (const r of rows) {
      this.byId.set(r.id, r);
      push(this.byCode, r.code, r);
      if (r.parent_id) push(this.children, r.parent_id, r);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every unit, in tree order. */
  all(): OrgUnitRow[] {
    return [...this.byId.values()].sort(treeOrder);
  }

  get(id: string): OrgUnitRow | undefined {
    return this.byId.get(id);
  }

  /** The unit `code` named on `date` (YYYY-MM-DD); with no date, the one valid today or the latest. */
  resolve(code: string, date?: string): OrgUnitRow | undefined {
    const candidates = this.byCode.get(code) ?? [];
    if (candidates.length <= 1) return candidates[0];
    if (date) {
      const hit = candidates.find(
        (u) => (!u.valid_from || u.valid_from <= date) && (!u.valid_to || date < u.valid_to),
      );
      if (hit) return hit;
    }
    // The current unit (no end date) first, then the one that ended last.
    return [...candidates].sort((a, b) => (b.valid_to ?? "9999").localeCompare(a.valid_to ?? "9999"))[0];
  }

  childrenOf(id: string): OrgUnitRow[] {
    return this.children.get(id) ?? [];
  }

  ancestorsOrSelf(id: string): OrgUnitRow[] {
    const out: OrgUnitRow[] = [];
    let u = this.byId.get(id);
    while (u && out.length < 16) {
      out.push(u);
      u = u.parent_id ? this.byId.get(u.parent_id) : undefined;
    }
    return out;
  }

  isWithin(scopeId: string, unitId: string): boolean {
    const seen = new Set<string>();
    const queue = [unitId];
    while (queue.length) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const a of this.ancestorsOrSelf(id)) {
        if (a.id === scopeId) return true;
        if (a.successor_id && !seen.has(a.successor_id)) queue.push(a.successor_id);
      }
    }
    return false;
  }

  /** Every unit within `scopeId` (its subtree and the units merged into it), in tree order. */
  within(scopeId: string): OrgUnitRow[] {
    return [...this.byId.values()].filter((u) => this.isWithin(scopeId, u.id)).sort(treeOrder);
  }
}

function treeOrder(a: OrgUnitRow, b: OrgUnitRow): number {
  return a.code.localeCompare(b.code) || (a.valid_from ?? "").localeCompare(b.valid_from ?? "");
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
