/**
 * First-run content of a store: the shipped criteria sets, the Hà Tĩnh org-unit tree of DOMAIN.md
 * (historical districts and communes with their 2025 successors, plus demo villages) and, on
 * request, one demo user per role. Seeding twice changes nothing (sets are content-addressed, units
 * upserted, demo users made only when missing).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { listCriteriaSets } from "../../domain/criteria/registry";
import type { Role } from "../../domain/sync/protocol";
import { criteriaSetVersion } from "../store/criteriaSetStore";
import type { Store } from "../store/store";
import { demoVillages, parseCsvTable, unitsFromGsoExtract } from "./orgUnitRows";

/** The GSO extract beside this file (from source) or in src/ (from the compiled build/, which tsc does not copy it into). */
export const HA_TINH_CSV =
  [
    path.join(__dirname, "ha-tinh-communes-2023.csv"),
    path.join(__dirname, "..", "..", "..", "src", "server", "seed", "ha-tinh-communes-2023.csv"),
  ].find((f) => fs.existsSync(f)) ?? path.join(__dirname, "ha-tinh-communes-2023.csv");

export { criteriaSetVersion };

export async function seedCriteriaSets(store: Store): Promise<number> {
  const sets = listCriteriaSets();
  for (const s of sets)
    await store.saveCriteriaSet({
      id: s.id,
      version: criteriaSetVersion(s),
      name: s.title.vi,
      definition: s,
    });
  return sets.length;
}

export async function seedOrgUnits(store: Store, csvFile = HA_TINH_CSV): Promise<number> {
  const units = [...unitsFromGsoExtract(parseCsvTable(fs.readFileSync(csvFile, "utf8"))), ...demoVillages()];
  return store.upsertOrgUnits(units);
}

/** Demo users: scope codes are 2023 codes (the sample workbooks' communes). */
export const DEMO_USERS: { name: string; role: Role; scope: string }[] = [
  { name: "demo-clerk-son-hong", role: "clerk", scope: "18139" },
  { name: "demo-reviewer-huong-son", role: "reviewer", scope: "439" },
  { name: "demo-office-ha-tinh", role: "office", scope: "42" },
  { name: "demo-admin", role: "admin", scope: "42" },
];

export interface SeedResult {
  sets: number;
  units: number;
  /** Tokens of demo users made now (shown once; only hashes are stored). */
  demoTokens: { name: string; role: Role; scope: string; token: string }[];
}

export async function seedStore(store: Store, opts: { demoUsers: boolean }): Promise<SeedResult> {
  const sets = await seedCriteriaSets(store);
  const units = await seedOrgUnits(store);
  const demoTokens: SeedResult["demoTokens"] = [];
  if (opts.demoUsers) {
    const tree = await store.tree();
    for (const u of DEMO_USERS) {
      if (await store.findUserByName(u.name)) continue;
      const scope = tree.resolve(u.scope)!;
      const { token } = await store.createUser({ name: u.name, role: u.role, scopeId: scope.id });
      demoTokens.push({ ...u, token });
    }
  }
  return { sets, units, demoTokens };
}
