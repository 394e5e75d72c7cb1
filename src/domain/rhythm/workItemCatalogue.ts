/**
 * The shared catalogue of work items (data, extensible by a province): how "Trồng hàng rào xanh",
 * "trong hang rao xanh (m)" and "Hàng rào xanh" from three communes become one line of the district's
 * week, while an item no entry knows keeps its own name.
 *
 * Matching works on folded text (no diacritics, lower case, punctuation as spaces). An entry
 * matches a name when every phrase of one of its `match` groups occurs as whole words and none of
 * its `exclude` phrases does, and the item's unit is one the entry's unit converts to (m ↔ km) or
 * a counted unit. Invariant: a name two entries match equally well is left unmatched — a guess
 * would add one commune's figures into another item.
 */
import { z } from "zod";
import { unitDimension } from "../evaluate/convertUnit";
import { foldVietnamese } from "../sheet/foldVietnamese";
import shipped from "./work-items.json";

export const catalogueItemSchema = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,19}$/, "mã hạng mục: chữ thường, số, '-', tối đa 20 ký tự / item code"),
  name: z.string().min(1).max(200),
  unit: z.string().min(1).max(40),
  match: z.array(z.array(z.string().min(1)).min(1)).min(1),
  exclude: z.array(z.string().min(1)).optional(),
});
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

export const workItemCatalogueSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    note: z.string().optional(),
    items: z.array(catalogueItemSchema),
  })
  .refine((c) => new Set(c.items.map((i) => i.code)).size === c.items.length, {
    message: "mã hạng mục bị trùng / duplicate item code",
  });
export type WorkItemCatalogue = z.infer<typeof workItemCatalogueSchema>;

export const SHIPPED_WORK_ITEMS: WorkItemCatalogue = workItemCatalogueSchema.parse(shipped);

/** Folded words separated by single spaces, with a space at each end so phrases match whole words. */
function words(text: string): string {
  return ` ${foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

function unitsCompatible(itemUnit: string | undefined, entryUnit: string): boolean {
  if (!itemUnit) return true;
  const a = unitDimension(itemUnit);
  const b = unitDimension(entryUnit);
  return a === b;
}

/** The catalogue entry a written item is, or undefined (kept under its own name). */
export function matchWorkItem(
  catalogue: WorkItemCatalogue,
  name: string,
  unit: string | undefined,
): CatalogueItem | undefined {
  const text = words(name);
  let best: CatalogueItem | undefined;
  let bestScore = 0;
  let tie = false;
  for (const entry of catalogue.items) {
    if (!unitsCompatible(unit, entry.unit)) continue;
    if (entry.exclude?.some((x) => text.includes(words(x)))) continue;
    let score = 0;
    for (const group of entry.match) {
      const phrases = group.map(words);
      if (phrases.every((p) => text.includes(p))) score = Math.max(score, phrases.join("").length);
    }
    if (words(entry.name) === text) score = Number.MAX_SAFE_INTEGER;
    if (score === 0) continue;
    if (score > bestScore) {
      best = entry;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

/** A short stable hash (FNV-1a, 8 hex digits) so an uncatalogued item has a key of bounded length. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * The key an item is summed under: the catalogue code, or "x-" and a hash of its folded name and
 * unit class (its dimension for m/km, its folded unit for a counted thing), so "Hàng rào" in m and
 * in km meet, "Nhà" in cái and in hộ do not.
 */
export function workItemKey(
  catalogue: WorkItemCatalogue,
  name: string,
  unit: string | undefined,
): { key: string; entry?: CatalogueItem } {
  const entry = matchWorkItem(catalogue, name, unit);
  if (entry) return { key: entry.code, entry };
  const unitClass = unitDimension(unit) ?? (unit ? foldVietnamese(unit).replace(/\s+/g, "") : "");
  return { key: `x-${shortHash(`${words(name).trim()}|${unitClass}`)}` };
}
