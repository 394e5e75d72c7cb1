/**
 * Which org units a written name means ("Xã Sơn Hồng", "UBND XÃ SƠN HỒNG", "xa son hong"), for
 * `ntm push` (a workbook that names its commune but not its code) and `ntm admin … --scope NAME`.
 * Invariant: a name written with diacritics only matches a unit with the same letters and tones
 * ("Đình Bàn" is not "Đỉnh Bàn"), a name without them matches by letters; a date keeps only the
 * units that existed then (codes and names were reused after the 2025 reform). Every match is
 * returned — the caller asks, or refuses, when there are two; it never guesses.
 */
import { periodStartDate } from "../sync/reportPeriod";
import { communeNameKey, communeToneKey } from "./communeCodeMap";

export interface NamedUnit {
  code: string;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
}

function existsOn(u: NamedUnit, date: string): boolean {
  return (!u.validFrom || u.validFrom <= date) && (!u.validTo || date < u.validTo);
}

/** The date a period begins, when it is one; undefined for no or an unreadable period. */
export function periodDate(period: string | null | undefined): string | undefined {
  if (!period) return undefined;
  try {
    return periodStartDate(period);
  } catch {
    return undefined;
  }
}

export function matchUnitsByName<U extends NamedUnit>(
  units: readonly U[],
  written: string,
  date?: string,
): U[] {
  const key = communeNameKey(written);
  if (!key) return [];
  const tone = communeToneKey(written);
  return units.filter(
    (u) =>
      communeNameKey(u.name) === key &&
      (tone === undefined || communeToneKey(u.name) === tone) &&
      (!date || existsOn(u, date)),
  );
}
