/**
 * Village progress on the model residential area (KDC NTM kiểu mẫu) and model-garden checklists:
 * each village's criteria met of those listed, its share, its goal and the year it aims for, rolled
 * up as "3 of 12 villages ≥ 80 %". A push sends each village the org tree lists as its own report
 * (villageReports.ts); the commune's report keeps the others, one entry per village.
 *
 * Stored as indicator values like every report (so push, merge, review and audit are shared):
 * "<village>:met", "<village>:total", "<village>:goal", "<village>:year", with <village> "v-" and
 * a hash of the folded village name and the village's name in `label`.
 * Invariants: the share is met / total from the checklist (never the stated percentage, which is
 * kept beside it); a village counts towards "≥ goal" only with a share; the roll-up's `of` is the
 * commune's villages in the org tree when known, else the villages reported — a village that did
 * not report is counted as not there yet, never left out.
 */
import type { IndicatorValues } from "../sync/protocol";
import { foldVietnamese } from "../sheet/foldVietnamese";
import { shortHash } from "./workItemCatalogue";

export interface VillageProgress {
  name: string;
  met: number;
  total: number;
  /** met / total, 0–1; null without a checklist item. */
  share: number | null;
  /** Percent the village aims for ("phấn đấu ít nhất 80 %"). */
  goal: number | null;
  targetYear: number | null;
  /** What the sheet states, percent, kept to compare. */
  statedProgress?: number | null;
}

export const DEFAULT_VILLAGE_GOAL = 80;

export function villageKey(name: string): string {
  return `v-${shortHash(foldVietnamese(name).trim()).slice(0, 6)}`;
}

/** From the evaluation of a village checklist (Evaluation.units) and the period's year. */
export function villageProgressOf(
  units: readonly {
    name: string;
    met: number;
    total: number;
    goal?: number;
    statedProgress?: number | null;
  }[],
  year: number | undefined,
): VillageProgress[] {
  return units.map((u) => ({
    name: u.name,
    met: u.met,
    total: u.total,
    share: u.total > 0 ? u.met / u.total : null,
    goal: u.goal ?? null,
    targetYear: year ?? null,
    ...(u.statedProgress !== undefined ? { statedProgress: u.statedProgress } : {}),
  }));
}

export function villageProgressToValues(villages: readonly VillageProgress[]): IndicatorValues {
  const out: IndicatorValues = {};
  for (const v of villages) {
    const k = villageKey(v.name);
    out[`${k}:met`] = { value: v.met, label: v.name };
    out[`${k}:total`] = { value: v.total, label: v.name };
    out[`${k}:goal`] = { value: v.goal, unit: "%", label: v.name };
    out[`${k}:year`] = { value: v.targetYear, label: v.name };
    if (v.statedProgress !== undefined)
      out[`${k}:stated`] = { value: v.statedProgress, unit: "%", label: v.name };
  }
  return out;
}

const KEY = /^(v-[0-9a-f]{6}):(met|total|goal|year|stated)$/;

export function isVillageProgressValues(values: IndicatorValues): boolean {
  const keys = Object.keys(values);
  return keys.length > 0 && keys.every((k) => KEY.test(k));
}

export function villageProgressFromValues(values: IndicatorValues): VillageProgress[] {
  const byKey = new Map<string, VillageProgress>();
  for (const [code, v] of Object.entries(values)) {
    const m = KEY.exec(code);
    if (!m) continue;
    let p = byKey.get(m[1]);
    if (!p)
      byKey.set(
        m[1],
        (p = { name: v.label ?? m[1], met: 0, total: 0, share: null, goal: null, targetYear: null }),
      );
    const n = typeof v.value === "number" ? v.value : null;
    if (m[2] === "met") p.met = n ?? 0;
    else if (m[2] === "total") p.total = n ?? 0;
    else if (m[2] === "goal") p.goal = n;
    else if (m[2] === "year") p.targetYear = n;
    else p.statedProgress = n;
  }
  for (const p of byKey.values()) p.share = p.total > 0 ? p.met / p.total : null;
  return [...byKey.values()];
}

export interface VillageRollup {
  /** Villages at or above the goal. */
  atGoal: number;
  /** Villages the commune has (org tree) or, without the tree, reported. */
  of: number;
  reported: number;
  goal: number;
  /** Villages of the tree with no entry in the report. */
  notReported: string[];
  text: { vi: string; en: string };
}

export function rollUpVillages(
  villages: readonly VillageProgress[],
  knownVillages: readonly string[] = [],
  goal = DEFAULT_VILLAGE_GOAL,
): VillageRollup {
  const atGoal = villages.filter((v) => v.share !== null && v.share * 100 >= goal - 1e-9).length;
  const reportedKeys = new Set(villages.map((v) => villageKey(v.name)));
  const notReported = knownVillages.filter((k) => !reportedKeys.has(villageKey(k)));
  const of = knownVillages.length ? Math.max(knownVillages.length, villages.length) : villages.length;
  return {
    atGoal,
    of,
    reported: villages.length,
    goal,
    notReported,
    text: {
      vi: `${atGoal}/${of} thôn đạt ≥ ${goal} % tiêu chí KDC kiểu mẫu`,
      en: `${atGoal} of ${of} villages ≥ ${goal} %`,
    },
  };
}
