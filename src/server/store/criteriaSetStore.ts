/**
 * Stored criteria-set definitions. A row is immutable and keyed by (id, content hash): a changed
 * definition is a new row, and a report keeps the row it was created with, so a cached row is
 * never stale.
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "../../domain/sync/canonicalJson";
import type { StoreContext } from "./storeContext";

export interface StoredCriteriaSet {
  id: string;
  hash: string;
  version: string;
  name: string;
  definition: unknown;
}

export class CriteriaSetStore {
  private readonly cache = new Map<string, StoredCriteriaSet>();

  constructor(private readonly ctx: StoreContext) {}

  /** Store a set definition unless this exact content is already stored; returns its hash. */
  async saveCriteriaSet(input: {
    id: string;
    version: string;
    name: string;
    definition: unknown;
  }): Promise<string> {
    const text = canonicalJson(input.definition);
    const hash = createHash("sha256").update(text).digest("hex");
    const now = this.ctx.now();
    await this.ctx.writes.run((trx) =>
      trx
        .insertInto("criteria_sets")
        .values({
          id: input.id,
          content_hash: hash,
          version: input.version,
          name: input.name,
          definition: text,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(["id", "content_hash"]).doNothing())
        .execute(),
    );
    return hash;
  }

  async getCriteriaSet(id: string, hash: string): Promise<StoredCriteriaSet | undefined> {
    const key = `${id}@${hash}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const row = await this.ctx.reads
      .selectFrom("criteria_sets")
      .selectAll()
      .where("id", "=", id)
      .where("content_hash", "=", hash)
      .executeTakeFirst();
    if (!row) return undefined;
    const set = {
      id: row.id,
      hash: row.content_hash,
      version: row.version,
      name: row.name,
      definition: JSON.parse(row.definition),
    };
    this.cache.set(key, set);
    return set;
  }

  /** The newest stored definition of each set id. */
  async listCriteriaSets(): Promise<StoredCriteriaSet[]> {
    const rows = await this.ctx.reads
      .selectFrom("criteria_sets")
      .select(["id", "content_hash", "created_at"])
      .orderBy("created_at")
      .execute();
    const newest = new Map<string, string>();
    for (const r of rows) newest.set(r.id, r.content_hash);
    const out: StoredCriteriaSet[] = [];
    for (const [id, hash] of [...newest.entries()].sort()) {
      const s = await this.getCriteriaSet(id, hash);
      if (s) out.push(s);
    }
    return out;
  }

  async latestCriteriaSet(id: string): Promise<StoredCriteriaSet | undefined> {
    return (await this.listCriteriaSets()).find((s) => s.id === id);
  }
}
