/**
 * The shipped criteria sets (JSON under ./sets), validated on first use and cached.
 * Invariant: every set returned here passed CriteriaSetSchema; a malformed shipped file throws on
 * first access with the path inside it, so a bad edit fails every test at once.
 */
import { parseCriteriaSet, type CriteriaSet } from "./schema";
import vnXaNtm20212025 from "./sets/vn-xa-ntm-2021-2025.json";
import vnXaNtmNangCao20212025 from "./sets/vn-xa-ntm-nang-cao-2021-2025.json";
import vnXaNtmKieuMau20212025 from "./sets/vn-xa-ntm-kieu-mau-2021-2025.json";
import vnXaNtm20262030 from "./sets/vn-xa-ntm-2026-2030.json";
import htXaNtm20212025 from "./sets/ht-xa-ntm-2021-2025.json";
import htXaNtmNangCao20tc from "./sets/ht-xa-ntm-nang-cao-20tc.json";
import htKdcKieuMau from "./sets/ht-kdc-kieu-mau.json";
import htVuonMau from "./sets/ht-vuon-mau.json";

const shipped: { file: string; data: unknown }[] = [
  { file: "vn-xa-ntm-2021-2025.json", data: vnXaNtm20212025 },
  { file: "vn-xa-ntm-nang-cao-2021-2025.json", data: vnXaNtmNangCao20212025 },
  { file: "vn-xa-ntm-kieu-mau-2021-2025.json", data: vnXaNtmKieuMau20212025 },
  { file: "vn-xa-ntm-2026-2030.json", data: vnXaNtm20262030 },
  { file: "ht-xa-ntm-2021-2025.json", data: htXaNtm20212025 },
  { file: "ht-xa-ntm-nang-cao-20tc.json", data: htXaNtmNangCao20tc },
  { file: "ht-kdc-kieu-mau.json", data: htKdcKieuMau },
  { file: "ht-vuon-mau.json", data: htVuonMau },
];

/** The set a workbook is read by when neither it, its title nor the person names one. */
export const DEFAULT_SET_ID = "vn-xa-ntm-2021-2025";

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
