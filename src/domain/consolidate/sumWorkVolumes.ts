/**
 * Work volumes summed up the org tree: commune → district → province (the whole run), per work item.
 * Items are the same when their names and units fold to the same text ("Hàng rào xanh", "hang rao
 * xanh"); different units ("m" and "km") are kept apart rather than converted by guess.
 * Invariants: a level's plan/done/cumulative is the sum of its children's non-null values (null
 * when all are null); share is computed from that level's own sums, as the workbook's formulas do.
 */
import { foldVietnamese } from "../sheet/foldVietnamese";
import type { CommuneIdentity } from "./communeCodeMap";
import { UNKNOWN_DISTRICT } from "./consolidationMessages";
import type { FileValidation } from "./fileValidation";
import type { VolumeAmounts, VolumeCommune, VolumeDistrict, VolumeItem } from "./summaryModel";
import { compareVietnamese } from "./compareVietnamese";

export interface VolumeInput {
  path: string;
  validation: FileValidation;
  commune: CommuneIdentity;
}

export function sumWorkVolumes(inputs: readonly VolumeInput[]): VolumeItem[] {
  const items = new Map<string, { name: string; unit: string | null; rows: VolumeCommune[] }>();
  for (const input of inputs) {
    for (const w of input.validation.workItems ?? []) {
      const unit = w.unit?.trim() || null;
      const key = `${foldVietnamese(w.name)}|${foldVietnamese(unit ?? "")}`;
      let item = items.get(key);
      if (!item) items.set(key, (item = { name: w.name.trim(), unit, rows: [] }));
      const plan = num(w.plan);
      const done = num(w.done);
      const cumulative = num(w.cumulative);
      item.rows.push({
        file: input.path,
        commune: input.commune,
        period: input.validation.period ?? null,
        amounts: withShare({ plan, done, cumulative }),
      });
    }
  }
  return [...items.values()].map(({ name, unit, rows }) => {
    const districts = groupByDistrict(rows);
    return { name, unit, amounts: sumAmounts(districts.map((d) => d.amounts)), districts };
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
        (d = { code: r.commune.districtCode, name, amounts: emptyAmounts(), communes: [] }),
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

export function sumAmounts(parts: readonly VolumeAmounts[]): VolumeAmounts {
  return withShare({
    plan: sumNullable(parts.map((p) => p.plan)),
    done: sumNullable(parts.map((p) => p.done)),
    cumulative: sumNullable(parts.map((p) => p.cumulative)),
  });
}

/** Share of plan reached, in percent: cumulative where reported, else the period's done. */
export function withShare(a: Omit<VolumeAmounts, "share">): VolumeAmounts {
  const reached = a.cumulative ?? a.done;
  const share = a.plan && reached !== null ? (reached / a.plan) * 100 : null;
  return { ...a, share };
}

function emptyAmounts(): VolumeAmounts {
  return { plan: null, done: null, cumulative: null, share: null };
}

function sumNullable(xs: readonly (number | null)[]): number | null {
  let s: number | null = null;
  for (const x of xs) if (x !== null) s = (s ?? 0) + x;
  return s;
}

function num(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}
