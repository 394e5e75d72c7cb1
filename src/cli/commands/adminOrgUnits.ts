/**
 * `ntm admin org-units import FILE` and `ntm admin org-units list [--under CODE] [--at DATE]`: the
 * org tree the store holds, brought in from a GSO extract or a plain table, and shown as a tree
 * (code, name, level, when it existed, what it merged into) so an administrator can find the code
 * for a --scope or a clerk's --org.
 */
import type { Command } from "commander";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliIo } from "../cliIo";
import { readTableRows } from "../../io/xlsx/readTableRows";
import {
  type TableRow,
  parseCsvTable,
  unitsFromGsoExtract,
  unitsFromPlainTable,
} from "../../server/seed/orgUnitRows";
import type { OrgTree, OrgUnitRow } from "../../server/store/orgTree";
import { adminMessages as say } from "../messages/adminMessages";
import { onCheckedStore, onStore, refuse } from "./adminStore";

function readTable(file: string): TableRow[] {
  if (/\.csv$/i.test(file)) return parseCsvTable(fs.readFileSync(file, "utf8"));
  return readTableRows(file);
}

function unitLine(tree: OrgTree, u: OrgUnitRow, depth: number): string {
  const life = u.valid_from || u.valid_to ? `\t${u.valid_from ?? "…"}–${u.valid_to ?? ""}` : "\t";
  const successor = u.successor_id ? tree.get(u.successor_id) : undefined;
  const merged = successor ? `\t→ ${successor.code} ${successor.name}` : "";
  return `${"  ".repeat(depth)}${u.code}\t${u.name}\t${u.level}${life}${merged}\n`;
}

/**
 * The units each under its parent, children by code: a unit whose parent is not listed (the root of
 * --under, a commune merged into it from elsewhere) starts at the left margin.
 */
function depthFirst(tree: OrgTree, units: readonly OrgUnitRow[]): [OrgUnitRow, number][] {
  const listed = new Set(units.map((u) => u.id));
  const out: [OrgUnitRow, number][] = [];
  const visit = (u: OrgUnitRow, depth: number) => {
    out.push([u, depth]);
    for (const c of tree
      .childrenOf(u.id)
      .filter((c) => listed.has(c.id))
      .sort(byCode))
      visit(c, depth + 1);
  };
  for (const u of units) if (!u.parent_id || !listed.has(u.parent_id)) visit(u, 0);
  return out;
}

const byCode = (a: OrgUnitRow, b: OrgUnitRow) => a.code.localeCompare(b.code);

export function registerAdminOrgUnits(admin: Command, io: CliIo): void {
  const orgUnits = admin.command("org-units").description("Đơn vị hành chính / org units");

  onCheckedStore(
    orgUnits
      .command("import <file>")
      .description(
        "Nhập đơn vị từ .csv/.xlsx: dạng trích GSO (gso_code_2023,…) hoặc code,name,level,parent_code,valid_from,valid_to,successor_code / import org units",
      ),
    io,
    (_o, [file = ""]) => readTable(file),
    async (store, { args: [file = ""], prepared: rows }) => {
      const units =
        "gso_code_2023" in (rows[0] ?? {})
          ? unitsFromGsoExtract(rows)
          : unitsFromPlainTable(rows, await store.db.selectFrom("org_units").selectAll().execute());
      const n = await store.upsertOrgUnits(units);
      await store.audit({
        action: "org-units.import",
        status: 200,
        target: path.basename(file),
        detail: `${n} units`,
      });
      io.out(say.imported(n, file));
    },
  );

  onStore<{ under?: string; at?: string }>(
    orgUnits
      .command("list")
      .description("Liệt kê cây đơn vị / list the org tree (code, name, level, validity, successor)")
      .option("--under <code>", "chỉ các đơn vị thuộc mã này / only the units within this code")
      .option("--at <date>", "ngày để hiểu mã (YYYY-MM-DD) / date at which the code is read"),
    io,
    async (store, { o }) => {
      const tree = await store.tree();
      const root = o.under ? tree.resolve(o.under, o.at) : undefined;
      if (o.under && !root) return refuse(io, say.noUnitUnder(o.under));
      const units = root ? tree.within(root.id) : tree.all();
      for (const [u, depth] of depthFirst(tree, units)) io.out(unitLine(tree, u, depth));
      io.err(say.unitCount(units.length));
    },
  );
}
