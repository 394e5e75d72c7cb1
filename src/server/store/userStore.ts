/**
 * Users and their bearer tokens. A token is shown once and only its sha256 is stored; a user may
 * hold several live tokens (a second machine, a lost token), and disabling a user revokes them all.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "../../domain/sync/protocol";
import type { AuditTrail } from "./auditTrail";
import type { OrgUnitStore } from "./orgUnitStore";
import type { Database } from "./schema";
import type { StoreContext } from "./storeContext";

export interface Principal {
  userId: string;
  name: string;
  role: Role;
  scopeId: string;
}

export interface UserListing {
  id: string;
  name: string;
  role: Role;
  scopeCode: string;
  scopeName: string;
  createdAt: string;
  disabled: boolean;
  activeTokens: number;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const DAY_MS = 86_400_000;

export class UserStore {
  constructor(
    private readonly ctx: StoreContext,
    private readonly orgUnits: OrgUnitStore,
    private readonly trail: AuditTrail,
  ) {}

  async createUser(input: {
    name: string;
    role: Role;
    scopeId: string;
    tokenDays?: number;
  }): Promise<{ userId: string; token: string }> {
    const userId = randomUUID();
    const now = this.ctx.now();
    const token = await this.ctx.writes.run(async (trx) => {
      await trx
        .insertInto("users")
        .values({
          id: userId,
          name: input.name,
          role: input.role,
          scope_org_id: input.scopeId,
          created_at: now,
          disabled_at: null,
        })
        .execute();
      await this.trail.audit(
        {
          userId: null,
          action: "user.add",
          status: 201,
          target: input.name,
          detail: `${input.role} ${input.scopeId}`,
        },
        trx,
      );
      return this.insertToken(trx, userId, input.tokenDays ?? 365);
    });
    return { userId, token };
  }

  /**
   * A further token for an existing user (`ntm admin user token`): the user's other tokens stay
   * valid until revoked, so a clerk's second machine or a lost token never locks anyone out.
   */
  async issueToken(userId: string, days: number): Promise<{ token: string; expiresAt: string }> {
    return this.ctx.writes.run(async (trx) => {
      const token = await this.insertToken(trx, userId, days);
      const row = await trx
        .selectFrom("tokens")
        .select("expires_at")
        .where("token_hash", "=", hashToken(token))
        .executeTakeFirstOrThrow();
      await this.trail.audit({ userId: null, action: "user.token", status: 201, target: userId }, trx);
      return { token, expiresAt: row.expires_at };
    });
  }

  private async insertToken(trx: Kysely<Database>, userId: string, days: number): Promise<string> {
    const token = "ntm_" + randomBytes(32).toString("base64url");
    const created = this.ctx.clock();
    const expires = new Date(created.getTime() + days * DAY_MS);
    await trx
      .insertInto("tokens")
      .values({
        id: randomUUID(),
        user_id: userId,
        token_hash: hashToken(token),
        created_at: created.toISOString(),
        expires_at: expires.toISOString(),
        revoked_at: null,
      })
      .execute();
    return token;
  }

  /** The principal a bearer token stands for, or undefined when unknown, revoked or expired. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const row = await this.ctx.reads
      .selectFrom("tokens")
      .innerJoin("users", "users.id", "tokens.user_id")
      .select([
        "users.id as userId",
        "users.name",
        "users.role",
        "users.scope_org_id",
        "users.disabled_at",
        "tokens.expires_at",
        "tokens.revoked_at",
      ])
      .where("tokens.token_hash", "=", hashToken(token))
      .executeTakeFirst();
    if (!row || row.revoked_at || row.disabled_at || row.expires_at <= this.ctx.now()) return undefined;
    return { userId: row.userId, name: row.name, role: row.role, scopeId: row.scope_org_id };
  }

  async findUserByName(name: string) {
    return this.ctx.reads.selectFrom("users").selectAll().where("name", "=", name).executeTakeFirst();
  }

  async listUsers(): Promise<UserListing[]> {
    const tree = await this.orgUnits.tree();
    const now = this.ctx.now();
    const users = await this.ctx.reads.selectFrom("users").selectAll().orderBy("name").execute();
    const tokens = await this.ctx.reads
      .selectFrom("tokens")
      .select(["user_id", "expires_at", "revoked_at"])
      .execute();
    return users.map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      scopeCode: tree.get(u.scope_org_id)?.code ?? u.scope_org_id,
      scopeName: tree.get(u.scope_org_id)?.name ?? "",
      createdAt: u.created_at,
      disabled: Boolean(u.disabled_at),
      activeTokens: tokens.filter((t) => t.user_id === u.id && !t.revoked_at && t.expires_at > now).length,
    }));
  }

  /** Revoke every token of a user and disable the user; false when no such user. */
  async revokeUser(name: string): Promise<boolean> {
    const user = await this.findUserByName(name);
    if (!user) return false;
    const now = this.ctx.now();
    await this.ctx.writes.run(async (trx) => {
      await trx
        .updateTable("tokens")
        .set({ revoked_at: now })
        .where("user_id", "=", user.id)
        .where("revoked_at", "is", null)
        .execute();
      await trx.updateTable("users").set({ disabled_at: now }).where("id", "=", user.id).execute();
      await this.trail.audit({ action: "user.revoke", status: 200, target: name }, trx);
    });
    return true;
  }
}
