/**
 * The seeded randomness and small cell helpers the fixture generators share (layouts, samples,
 * consolidation corpus), so one seed gives the same files whichever generator draws from it.
 * Invariant: mulberry32 is the published algorithm, bit for bit; nothing here reads the clock.
 */
import * as XLSX from "xlsx";

export type Rng = () => number;

/** Deterministic pseudo-random numbers in [0, 1): the fixtures never change between runs. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
export const chance = (rng: Rng, p: number) => rng() < p;

/** Text without diacritics, as a clerk types it on a keyboard without Vietnamese input. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** A number written the Vietnamese way ("1.250,5"), at most `decimals` decimals. */
export function vn(n: number, decimals = 1): string {
  const [i, f] = n.toFixed(decimals).split(".");
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return f && Number(f) !== 0 ? `${grouped},${f.replace(/0+$/, "")}` : grouped;
}

export function a1(r: number, c: number): string {
  return XLSX.utils.encode_cell({ r, c });
}
