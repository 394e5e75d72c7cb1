/**
 * The shipped criteria sets (JSON under ./sets), validated on first use and cached.
 * Invariant: every set returned here passed CriteriaSetSchema; a malformed shipped file throws on
 * first access with the path inside it, so a bad edit fails every test at once.
 */
import { parseCriteriaSet, type CriteriaSet } from "./schema";
import vnXaNtm20212025 from "./sets/vn-xa-ntm-2021-2025.json";

const shipped: { file: string; data: unknown }[] = [
  { file: "vn-xa-ntm-2021-2025.json", data: vnXaNtm20212025 },
];

let cache: CriteriaSet[] | undefined;
let byId: Map<string, CriteriaSet> | undefined;

function load(): CriteriaSet[] {
  if (!cache) {
    cache = shipped.map((s) => parseCriteriaSet(s.data, s.file));
    byId = new Map(cache.map((s) => [s.id, s]));
  }
  return cache;
}

/** All shipped sets, in a stable order (national first, then provincial). */
export function listCriteriaSets(): CriteriaSet[] {
  return load();
}

export function getCriteriaSet(id: string): CriteriaSet | undefined {
  load();
  return byId!.get(id);
}
