/**
 * A commune states its week twice: the registration (Thursday: plans only) and the results
 * (Monday: done, cumulative, often the plan restated). They are two statements of one report, not
 * two copies of it: the store merges them figure by figure (empty figures are not sent), and a
 * folder holding both is consolidated the same way here.
 * Invariant: a registration contributes plans only (its "Lũy kế" is the total before the week);
 * a figure the results state wins; an item only the registration names keeps its plan; no item of
 * either is lost, none is counted twice.
 */
import { foldVietnamese } from "../sheet/foldVietnamese";

interface Figures {
  name: string;
  unit?: string | null;
  plan?: number | null;
  done?: number | null;
  cumulative?: number | null;
}

/** Plans and no done figure anywhere: a week's registration. */
export function isRegistration(items: readonly Figures[]): boolean {
  return items.some((i) => typeof i.plan === "number") && items.every((i) => i.done == null);
}

const key = (i: Figures) => `${foldVietnamese(i.name)}|${foldVietnamese(i.unit ?? "")}`;

/** The results completed by the registration's plans, in the results' order, then the rest. */
export function withRegisteredPlans<T extends Figures>(
  results: readonly T[],
  registration: readonly T[],
): T[] {
  const plans = new Map(registration.map((r) => [key(r), r]));
  const merged = results.map((r) => {
    const reg = plans.get(key(r));
    plans.delete(key(r));
    return r.plan == null && reg && typeof reg.plan === "number" ? { ...r, plan: reg.plan } : r;
  });
  for (const reg of plans.values()) merged.push({ ...reg, done: null, cumulative: null });
  return merged;
}
