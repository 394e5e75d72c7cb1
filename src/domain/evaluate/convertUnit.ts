/**
 * Converts a quantity between units of the same dimension (m ↔ km, m² ↔ ha, kg ↔ tấn), so a value
 * written "1.250 m" is judged against a target "1,5 km" and the gap is told in the indicator's unit.
 * Invariant: units are compared folded (no diacritics, no spaces, lower case: "triệu đồng/người/năm"
 * equals "trieu dong/nguoi/nam"); two physical units of different dimensions (m vs m²), or a
 * physical unit against a counted thing (m vs vườn), give undefined rather than a guess. Two
 * non-physical units that differ only in wording ("triệu đồng" vs "tr.đ/người/năm") are taken
 * as the same: the workbook writes its own target next to its own value.
 */
const FACTORS: Record<string, { dim: string; factor: number }> = {
  m: { dim: "length", factor: 1 },
  km: { dim: "length", factor: 1000 },
  m2: { dim: "area", factor: 1 },
  "m²": { dim: "area", factor: 1 },
  ha: { dim: "area", factor: 10_000 },
  km2: { dim: "area", factor: 1_000_000 },
  "km²": { dim: "area", factor: 1_000_000 },
  kg: { dim: "mass", factor: 1 },
  tan: { dim: "mass", factor: 1000 },
  t: { dim: "mass", factor: 1000 },
};

// Units repeat across thousands of values; folding is the costly part, so it is done once per text.
const folded = new Map<string, string | undefined>();

export function normalizeUnit(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  let u = folded.get(unit);
  if (u === undefined && !folded.has(unit)) {
    u = foldUnit(unit);
    if (folded.size < 10_000) folded.set(unit, u);
  }
  return u;
}

function foldUnit(unit: string): string | undefined {
  const u = unit
    ?.normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, "");
  return u ? u : undefined;
}

/** "length", "area" or "mass" for a physical unit; undefined for a counted thing ("vườn", "cái"). */
export function unitDimension(unit: string | undefined): string | undefined {
  const u = normalizeUnit(unit);
  return u === undefined ? undefined : FACTORS[u]?.dim;
}

/** `value` in unit `from` expressed in unit `to`; the value itself when the units are the same. */
export function convertUnit(
  value: number,
  from: string | undefined,
  to: string | undefined,
): number | undefined {
  const f = normalizeUnit(from);
  const t = normalizeUnit(to);
  if (f === t || f === undefined || t === undefined) return value;
  const a = FACTORS[f];
  const b = FACTORS[t];
  if (!a && !b) return value;
  if (!a || !b || a.dim !== b.dim) return undefined;
  return (value * a.factor) / b.factor;
}
