/**
 * `ntm consolidate --kind work-volume` over files: the consolidation summary's work volumes (one
 * row per item × commune, each commune identified by the code table) become the reports of
 * consolidateWorkVolumes, under a tree of the districts the files come from — with every commune
 * the code table lists for those districts, so the ones that sent nothing are named.
 * Invariant: the same composition as the store's (consolidateStoredWorkVolumes): only the source of
 * the tree (code table vs org units) and of the reports (files vs head revisions) differ.
 */
import type { CommuneCodeMap } from "../consolidate/communeCodeMap";
import type { ConsolidationSummary } from "../consolidate/summaryModel";
import {
  consolidateWorkVolumes,
  type ConsolidationUnit,
  type PeriodTarget,
  type VolumeReportInput,
  type WorkVolumeConsolidation,
} from "./consolidateWorkVolumes";
import type { WorkVolumeEntry } from "./workVolumeReport";

export function weekOfFiles(
  summary: ConsolidationSummary,
  period: string,
  codes: CommuneCodeMap | undefined,
  targets: readonly PeriodTarget[] = [],
): WorkVolumeConsolidation {
  const reports = new Map<string, VolumeReportInput & { items: WorkVolumeEntry[] }>();
  const districts = new Map<string, { code: string; name: string; communes: Map<string, string> }>();
  for (const item of summary.volumes)
    for (const d of item.districts)
      for (const c of d.communes) {
        const code = c.commune.code ?? c.commune.key;
        const dKey = d.code ?? d.name;
        let district = districts.get(dKey);
        if (!district) districts.set(dKey, (district = { code: dKey, name: d.name, communes: new Map() }));
        district.communes.set(code, c.commune.name);
        let r = reports.get(code);
        if (!r) reports.set(code, (r = { source: c.file, items: [] }));
        r.items.push({
          key: "",
          name: item.name,
          ...(item.unit ? { unit: item.unit } : {}),
          plan: c.amounts.plan,
          done: c.amounts.done,
          cumulative: c.amounts.cumulative,
        });
      }
  // Every commune the code table lists for a district the files come from is expected.
  for (const h of codes?.historicalByCode.values() ?? []) {
    const district = h.districtCode ? districts.get(h.districtCode) : undefined;
    if (district && !district.communes.has(h.code)) district.communes.set(h.code, h.name);
  }
  const root: ConsolidationUnit = {
    code: "*",
    name: "Toàn bộ / all",
    level: "all",
    children: [...districts.values()].map((d) => ({
      code: d.code,
      name: d.name,
      level: "district",
      children: [...d.communes.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, name]) => ({ code, name, level: "commune" })),
    })),
  };
  return consolidateWorkVolumes({ root, period, reports, targets });
}
