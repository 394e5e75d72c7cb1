/**
 * Stored criteria-set versions. A row is immutable (a trigger refuses UPDATE and DELETE on both
 * engines: criteriaSetMigrations.ts) and keyed by (id, content hash): a changed definition is a
 * new version, installed with who installed it and the day it is in force from, and a report keeps
 * the hash of the version that judged it.
 *
 * Invariants: a definition is parsed once per (id, hash) — rows never change, so that cache is
 * never stale — while the list of versions is read from the database every time, so a version
 * `ntm admin criteria install` wrote while the server runs judges the next push.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import {
  type CriteriaSetVersion,
  installedVersionLabel,
  namesVersion,
  versionInForce,
} from "../../domain/criteria/criteriaSetVersion";
import type { CriteriaSet } from "../../domain/criteria/schema";
import { canonicalJson } from "../../domain/sync/canonicalJson";
import type { CriteriaSetTable } from "./schema";
import type { StoreContext } from "./storeContext";

/** The advisory lock that orders installs of criteria-set versions (any constant the store owns). */
const INSTALL_LOCK = 4_242_013;

export interface StoredCriteriaSet extends CriteriaSetVersion {
  version: string;
  name: string;
  definition: unknown;
  installedBy: string | null;
  /** "vn-xa-ntm-2021-2025 @ 3f2a9c1 (từ 01/01/2024)". */
  label: string;
}

export type InstallOutcome = { kind: "installed" | "already-installed"; stored: StoredCriteriaSet };

/** The decision and its amendments, as the version column keeps them. */
export function criteriaSetVersion(set: CriteriaSet): string {
  return [set.version.decision, ...(set.version.amendments ?? []).map((a) => a.decision)].join(" + ");
}

type VersionRow = Omit<CriteriaSetTable, "definition">;

const VERSION_COLUMNS = [
  "id",
  "content_hash",
  "version",
  "name",
  "created_at",
  "installed_by",
  "in_force_from",
  "install_seq",
] as const;

export class CriteriaSetStore {
  private readonly definitions = new Map<string, unknown>();

  constructor(private readonly ctx: StoreContext) {}

  /** Store a set definition unless this exact content is already stored; returns its hash. */
  async saveCriteriaSet(input: {
    id: string;
    version: string;
    name: string;
    definition: unknown;
    installedBy?: string | null;
    inForceFrom?: string | null;
  }): Promise<string> {
    const text = canonicalJson(input.definition);
    const hash = createHash("sha256").update(text).digest("hex");
    const now = this.ctx.now();
    await this.ctx.writes.run(async (trx) => {
      // Two installs at once on PostgreSQL would both read the same max: one at a time (SQLite's
      // writes are one at a time already). The lock ends with the transaction.
      if (this.ctx.engine === "postgres")
        await sql`select pg_advisory_xact_lock(${INSTALL_LOCK})`.execute(trx);
      const last = await trx
        .selectFrom("criteria_sets")
        .select((eb) => eb.fn.max("install_seq").as("seq"))
        .executeTakeFirst();
      await trx
        .insertInto("criteria_sets")
        .values({
          id: input.id,
          content_hash: hash,
          version: input.version,
          name: input.name,
          definition: text,
          created_at: now,
          installed_by: input.installedBy ?? null,
          in_force_from: input.inForceFrom ?? null,
          install_seq: Number(last?.seq ?? 0) + 1,
        })
        .onConflict((oc) => oc.columns(["id", "content_hash"]).doNothing())
        .execute();
    });
    return hash;
  }

  /** Install a validated set as a new version; the same content again is answered with the stored one. */
  async install(input: {
    set: CriteriaSet;
    installedBy: string | null;
    inForceFrom: string | null;
  }): Promise<InstallOutcome> {
    const hash = createHash("sha256").update(canonicalJson(input.set)).digest("hex");
    const before = await this.getCriteriaSet(input.set.id, hash);
    if (before) return { kind: "already-installed", stored: before };
    await this.saveCriteriaSet({
      id: input.set.id,
      version: criteriaSetVersion(input.set),
      name: input.set.title.vi,
      definition: input.set,
      installedBy: input.installedBy,
      inForceFrom: input.inForceFrom,
    });
    return { kind: "installed", stored: (await this.getCriteriaSet(input.set.id, hash))! };
  }

  async getCriteriaSet(id: string, hash: string): Promise<StoredCriteriaSet | undefined> {
    const row = await this.ctx.reads
      .selectFrom("criteria_sets")
      .select(VERSION_COLUMNS)
      .where("id", "=", id)
      .where("content_hash", "=", hash)
      .executeTakeFirst();
    return row && this.withDefinition(row);
  }

  /** Every version of `id` (every set when absent), oldest first within a set, sets by id. */
  async listVersions(id?: string): Promise<StoredCriteriaSet[]> {
    let q = this.ctx.reads.selectFrom("criteria_sets").select(VERSION_COLUMNS);
    if (id !== undefined) q = q.where("id", "=", id);
    const rows = await q.execute();
    rows.sort(
      (a, b) =>
        a.id.localeCompare(b.id) ||
        (a.install_seq ?? 0) - (b.install_seq ?? 0) ||
        a.created_at.localeCompare(b.created_at),
    );
    return Promise.all(rows.map((r) => this.withDefinition(r)));
  }

  /** The version of `id` whose hash is `hashOrPrefix` (at least 7 characters). */
  async findVersion(id: string, hashOrPrefix: string): Promise<StoredCriteriaSet | undefined> {
    const hits = (await this.listVersions(id)).filter((v) => namesVersion(v, hashOrPrefix));
    return hits.length === 1 ? hits[0] : undefined;
  }

  /**
   * The version of `id` in force for `period` (domain versionInForce); when every version starts
   * after the period, the earliest one (the closest the store has), so a report is never left unjudged.
   */
  async setInForce(id: string, period: string): Promise<StoredCriteriaSet | undefined> {
    const versions = await this.listVersions(id);
    return versionInForce(versions, period) ?? earliest(versions);
  }

  /** The newest installed version of each set id. */
  async listCriteriaSets(): Promise<StoredCriteriaSet[]> {
    const newest = new Map<string, StoredCriteriaSet>();
    for (const v of await this.listVersions()) newest.set(v.id, v);
    return [...newest.values()];
  }

  async latestCriteriaSet(id: string): Promise<StoredCriteriaSet | undefined> {
    return (await this.listVersions(id)).at(-1);
  }

  private async withDefinition(row: VersionRow): Promise<StoredCriteriaSet> {
    const key = `${row.id}@${row.content_hash}`;
    let definition = this.definitions.get(key);
    if (definition === undefined) {
      const r = await this.ctx.reads
        .selectFrom("criteria_sets")
        .select("definition")
        .where("id", "=", row.id)
        .where("content_hash", "=", row.content_hash)
        .executeTakeFirstOrThrow();
      definition = JSON.parse(r.definition);
      this.definitions.set(key, definition);
    }
    const version: CriteriaSetVersion = {
      id: row.id,
      hash: row.content_hash,
      inForceFrom: row.in_force_from,
      installedAt: row.created_at,
    };
    return {
      ...version,
      version: row.version,
      name: row.name,
      definition,
      installedBy: row.installed_by,
      label: installedVersionLabel(version),
    };
  }
}

/** The version that starts first (of equal days, the first installed). */
function earliest(versions: StoredCriteriaSet[]): StoredCriteriaSet | undefined {
  let first: StoredCriteriaSet | undefined;
  for (const v of versions) if (!first || (v.inForceFrom ?? "") < (first.inForceFrom ?? "")) first = v;
  return first;
}
