/**
 * The historical ↔ current commune code table for consolidation: the Hà Tĩnh GSO extract shipped in
 * src/domain/consolidate (DOMAIN.md), or a CSV the office passes with --org-units in the same columns.
 * The domain gets the parsed rows; only this host reads the file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  buildCommuneCodeMap,
  type CommuneCodeMap,
  type CommuneCodeRow,
} from "../../domain/consolidate/communeCodeMap";
import { decodeCsvBytes, parseCsvText } from "../../io/xlsx/parseCsvText";

/** src/domain/consolidate/… seen from src/cli/consolidate (source) and build/cli/consolidate (compiled). */
export const SHIPPED_COMMUNE_TABLE = path.resolve(
  __dirname,
  "..",
  "..",
  "..",
  "src",
  "domain",
  "consolidate",
  "ha-tinh-communes-2023.csv",
);

const REQUIRED = ["gso_code_2023", "name_2023"];

export function parseCommuneCodeTable(bytes: Uint8Array, label: string): CommuneCodeRow[] {
  const [header, ...body] = parseCsvText(decodeCsvBytes(bytes));
  const keys = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((k) => !keys.includes(k));
  if (missing.length) {
    throw new Error(
      `${label}: thiếu cột ${missing.join(", ")} (cần gso_code_2023, name_2023, district_2023, successor_code_2025, successor_name_2025) / ` +
        `missing ${missing.length === 1 ? "column" : "columns"} ${missing.join(", ")}`,
    );
  }
  return body
    .filter((r) => r.some((f) => f.trim() !== ""))
    .map(
      (r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? "").trim()])) as unknown as CommuneCodeRow,
    );
}

/** The table at `file`, or the shipped one; undefined (match by code/name as written) when neither exists. */
export function loadCommuneCodes(file?: string): CommuneCodeMap | undefined {
  const p = file ?? SHIPPED_COMMUNE_TABLE;
  if (!file && !fs.existsSync(p)) return undefined;
  return buildCommuneCodeMap(parseCommuneCodeTable(fs.readFileSync(p), path.basename(p)));
}
