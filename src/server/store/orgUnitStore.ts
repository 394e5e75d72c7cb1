/**
 * Org units (province → district → commune → village). Readers get an `OrgTree` snapshot that is
 * reloaded after a short time, because another process (`ntm admin org import`) may write units;
 * this process's own writes drop the snapshot at once.
 */
import { OrgTree, type OrgUnitRow } from "./orgTree";
import type { StoreContext } from "./storeContext";

/** How long an org-tree snapshot is trusted before it is reloaded (another process may import). */
const ORG_TREE_TTL_MS = 2000;

export class OrgUnitStore {
  private snapshot?: { tree: OrgTree; loadedAt: number };

  constructor(private readonly ctx: StoreContext) {}

  async tree(): Promise<OrgTree> {
    const now = Date.now();
    if (!this.snapshot || now - this.snapshot.loadedAt > ORG_TREE_TTL_MS) {
      const rows = await this.ctx.reads.selectFrom("org_units").selectAll().execute();
      this.snapshot = { tree: new OrgTree(rows), loadedAt: now };
    }
    return this.snapshot.tree;
  }

  /** Insert or update units (parents before children); returns how many rows were written. */
  async upsertOrgUnits(units: OrgUnitRow[]): Promise<number> {
    const ordered = orderParentsFirst(units);
    await this.ctx.writes.run(async (trx) => {
      for (const u of ordered) {
        await trx
          .insertInto("org_units")
          .values(u)
          .onConflict((oc) =>
            oc.column("id").doUpdateSet({
              code: u.code,
              name: u.name,
              level: u.level,
              parent_id: u.parent_id,
              valid_from: u.valid_from,
              valid_to: u.valid_to,
              successor_id: u.successor_id,
              note: u.note,
            }),
          )
          .execute();
      }
    });
    this.snapshot = undefined;
    return ordered.length;
  }
}

function orderParentsFirst(units: OrgUnitRow[]): OrgUnitRow[] {
  const ids = new Set(units.map((u) => u.id));
  const placed = new Set<string>();
  const out: OrgUnitRow[] = [];
  let pending = units;
  while (pending.length) {
    const next: OrgUnitRow[] = [];
    for (const u of pending) {
      if (!u.parent_id || !ids.has(u.parent_id) || placed.has(u.parent_id)) {
        out.push(u);
        placed.add(u.id);
      } else next.push(u);
    }
    if (next.length === pending.length) throw new Error("org units: a parent cycle / vòng lặp đơn vị cha");
    pending = next;
  }
  return out;
}
