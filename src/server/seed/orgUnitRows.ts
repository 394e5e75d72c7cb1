/**
 * Org-unit rows from tables people keep: the GSO extract of DOMAIN.md (one row per 2023 commune
 * with its district and its successor after the 01/07/2025 reform) or a plain unit list
 * (code, name, level, parent_code, valid_from, valid_to, successor_code).
 *
 * Invariant: a unit's id is its code, suffixed with `@valid_from` when it has a start date, so the
 * 2023 commune 18160 (Xã Sơn Lĩnh) and the 2025 commune 18160 (Xã Sơn Hồng) are two units.
 */
import type { OrgUnitRow } from "../store/orgTree";

export const REFORM_DATE = "2025-07-01";

export function orgUnitId(code: string, validFrom: string | null): string {
  return validFrom ? `${code}@${validFrom}` : code;
}

export type TableRow = Record<string, string>;

/** Rows of a CSV text (comma or semicolon, quoted fields, BOM, CRLF) keyed by header. */
export function parseCsvTable(text: string): TableRow[] {
  const src = text.replace(/^\uFEFF/, "");
  const firstLine = src.split(/\r?\n/, 1)[0] ?? "";
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  const [header, ...body] = records.filter((r) => r.some((f) => f.trim() !== ""));
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? "").trim()])));
}

/** Units from the GSO extract format (`gso_code_2023,name_2023,district_code_2023,…`). */
export function unitsFromGsoExtract(
  rows: TableRow[],
  province = { code: "42", name: "Tỉnh Hà Tĩnh" },
): OrgUnitRow[] {
  const out = new Map<string, OrgUnitRow>();
  const add = (u: OrgUnitRow) => out.set(u.id, u);
  add(unit(province.code, province.name, "province", null, null, null, null));
  for (const r of rows) {
    const districtId = orgUnitId(r.district_code_2023, null);
    if (!out.has(districtId))
      add(unit(r.district_code_2023, r.district_2023, "district", province.code, null, REFORM_DATE, null));
    const successor = r.successor_code_2025 ? orgUnitId(r.successor_code_2025, REFORM_DATE) : null;
    if (successor && !out.has(successor))
      add(
        unit(
          r.successor_code_2025,
          r.successor_name_2025,
          "commune",
          province.code,
          REFORM_DATE,
          null,
          null,
          undefined,
          successor,
        ),
      );
    // Communes merged on 01/01/2025 with no known successor end then, and say so.
    const end = successor ? REFORM_DATE : "2025-01-01";
    add(unit(r.gso_code_2023, r.name_2023, "commune", districtId, null, end, successor, r.note || null));
  }
  return [...out.values()];
}

/** Units from the plain format; `parent_code` and `successor_code` are resolved by date. */
export function unitsFromPlainTable(rows: TableRow[], existing: OrgUnitRow[]): OrgUnitRow[] {
  const units = rows.map((r) => {
    const level = r.level as OrgUnitRow["level"];
    if (!["province", "district", "commune", "village"].includes(level)) {
      throw new Error(
        `cấp đơn vị không hợp lệ "${r.level}" ở mã ${r.code}: dùng province|district|commune|village / invalid level for ${r.code}`,
      );
    }
    return { r, u: unit(r.code, r.name, level, null, r.valid_from || null, r.valid_to || null, null) };
  });
  const all = [...existing, ...units.map((x) => x.u)];
  for (const { r, u } of units) {
    if (r.parent_code)
      u.parent_id =
        resolveAt(all, r.parent_code, u.valid_from) ??
        fail(
          `mã đơn vị cha ${r.parent_code} không có / unknown parent code ${r.parent_code} (unit ${r.code})`,
        );
    if (r.successor_code)
      u.successor_id =
        resolveAt(all, r.successor_code, u.valid_to) ??
        fail(
          `mã kế thừa ${r.successor_code} không có / unknown successor code ${r.successor_code} (unit ${r.code})`,
        );
  }
  return units.map((x) => x.u);
}

function resolveAt(all: OrgUnitRow[], ref: string, date: string | null): string | undefined {
  if (ref.includes("@")) return all.find((u) => u.id === ref)?.id;
  const candidates = all.filter((u) => u.code === ref);
  if (candidates.length <= 1) return candidates[0]?.id;
  if (!date) return candidates.find((u) => !u.valid_from)?.id ?? candidates[0].id;
  return (
    candidates.find((u) => (!u.valid_from || u.valid_from <= date) && (!u.valid_to || date < u.valid_to))
      ?.id ?? candidates[0].id
  );
}

function fail(message: string): never {
  throw new Error(message);
}

function unit(
  code: string,
  name: string,
  level: OrgUnitRow["level"],
  parentId: string | null,
  validFrom: string | null,
  validTo: string | null,
  successorId: string | null,
  note: string | null = null,
  id = orgUnitId(code, validFrom),
): OrgUnitRow {
  return {
    id,
    code,
    name,
    level,
    parent_id: parentId,
    valid_from: validFrom,
    valid_to: validTo,
    successor_id: successorId,
    note,
  };
}

/** Demo villages (thôn) for the communes of the sample workbooks; names as the samples use them. */
export function demoVillages(): OrgUnitRow[] {
  const villages: OrgUnitRow[] = [];
  for (const [communeCode, count] of [
    ["18502", 3],
    ["18628", 4],
    ["18139", 3],
  ] as const) {
    for (let i = 1; i <= count; i++) {
      const code = `${communeCode}-T${String(i).padStart(2, "0")}`;
      villages.push(unit(code, `Thôn ${i}`, "village", communeCode, null, REFORM_DATE, null));
    }
  }
  return villages;
}
