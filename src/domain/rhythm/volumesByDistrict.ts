/**
 * The consolidation summary's work volumes: one line per item (sumWorkVolumes.ts decides which
 * items are one and converts m ↔ km), each split by district and commune, as the summary workbook
 * prints it. Invariant: an item's amounts are the sum of its districts', a district's of its
 * communes', each commune's figures in the item's unit (so the workbook's SUM formulas hold); a
 * commune's registration and results of one week count once, as one statement (weekStatements.ts).
 */
import type { CommuneIdentity } from "../consolidate/communeCodeMap";
import { compareVietnamese } from "../consolidate/compareVietnamese";
import { UNKNOWN_DISTRICT } from "../consolidate/consolidationMessages";
import type { FileValidation } from "../consolidate/fileValidation";
import type { VolumeCommune, VolumeDistrict, VolumeItem } from "../consolidate/summaryModel";
import { figuresOf, groupVolumeParts, sumAmounts } from "./sumWorkVolumes";
import { isRegistration, withRegisteredPlans } from "./weekStatements";

export interface VolumeInput {
  path: string;
  validation: FileValidation;
  commune: CommuneIdentity;
}

/**
 * One input per commune and period: a registration beside its results completes their plans
 * (withRegisteredPlans); a registration alone states its plans only.
 */
function weekInputs(inputs: readonly VolumeInput[]): VolumeInput[] {
  const groups = new Map<string, VolumeInput[]>();
  for (const i of inputs) {
    const k = `${i.commune.key}|${i.validation.period ?? ""}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  return [...groups.values()].flatMap((group) => {
    const reg = group.find((i) => isRegistration(i.validation.workItems ?? []));
    if (!reg) return group;
    const rest = group.filter((i) => i !== reg);
    const items = reg.validation.workItems ?? [];
    if (rest.length !== 1) {
      const plansOnly = items.map((w) => ({ ...w, cumulative: null }));
      return [...rest, { ...reg, validation: { ...reg.validation, workItems: plansOnly } }];
    }
    const [res] = rest;
    const workItems = withRegisteredPlans(res.validation.workItems ?? [], items);
    return [{ ...res, validation: { ...res.validation, workItems } }];
  });
}

export function volumesByDistrict(inputs: readonly VolumeInput[]): VolumeItem[] {
  const parts = weekInputs(inputs).flatMap((input) =>
    (input.validation.workItems ?? []).map((w) => ({
      name: w.name,
      unit: w.unit,
      figures: figuresOf(w),
      source: input,
    })),
  );
  return groupVolumeParts(parts).map((line) => {
    const rows: VolumeCommune[] = line.parts.map((p) => ({
      file: p.source.path,
      commune: p.source.commune,
      period: p.source.validation.period ?? null,
      amounts: p.amounts,
    }));
    const districts = groupByDistrict(rows);
    return {
      name: line.name,
      unit: line.unit,
      amounts: sumAmounts(districts.map((d) => d.amounts)),
      districts,
    };
  });
}

function groupByDistrict(rows: VolumeCommune[]): VolumeDistrict[] {
  const byDistrict = new Map<string, VolumeDistrict>();
  for (const r of rows) {
    const name = r.commune.districtName ?? UNKNOWN_DISTRICT;
    let d = byDistrict.get(name);
    if (!d)
      byDistrict.set(
        name,
        (d = { code: r.commune.districtCode, name, amounts: sumAmounts([]), communes: [] }),
      );
    d.communes.push(r);
  }
  const districts = [...byDistrict.values()];
  for (const d of districts) {
    d.communes.sort(
      (a, b) => compareVietnamese(a.commune.name, b.commune.name) || (a.file < b.file ? -1 : 1),
    );
    d.amounts = sumAmounts(d.communes.map((c) => c.amounts));
  }
  // Known districts by name; the communes whose district is unknown last.
  return districts.sort(
    (a, b) =>
      Number(a.name === UNKNOWN_DISTRICT) - Number(b.name === UNKNOWN_DISTRICT) ||
      compareVietnamese(a.name, b.name),
  );
}
