/**
 * `--scope` of `ntm admin user add`: a code ("18502", "18160@2024-01-01") or a name ("Xã Hà Linh",
 * "ha linh", "Sơn Hồng@2024-01-01"). A name is read among the units that exist on the date (today
 * by default: after the 2025 reform, "Xã Sơn Hồng" is the merged commune, not the 2023 one) and
 * must name exactly one; the match is always said, so nobody gets a scope they did not mean.
 */
import type { CliIo } from "../cliIo";
import { matchUnitsByName } from "../../domain/consolidate/matchUnitsByName";
import type { OrgTree, OrgUnitRow } from "../../server/store/orgTree";
import { adminMessages as say } from "../messages/adminMessages";

export function resolveScope(tree: OrgTree, scope: string, today: string, io: CliIo): OrgUnitRow | undefined {
  const [written, date] = scope.split("@");
  const byCode = tree.resolve(written.trim(), date);
  if (byCode) return byCode;
  const units = tree.all().map((u) => ({ ...u, validFrom: u.valid_from, validTo: u.valid_to }));
  const hits = matchUnitsByName(units, written, date ?? today);
  if (hits.length === 1) {
    io.err(say.scopeMatched(scope, hits[0]));
    return hits[0];
  }
  io.err(hits.length ? say.severalUnits(scope, hits) : say.noUnit(scope));
  return undefined;
}
