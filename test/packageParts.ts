/**
 * Comparing two xlsx packages part by part, for tests that prove a write changed only the cells it
 * meant to: every other part keeps its bytes, and the written sheet differs only in those cells.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readZip } from "../src/io/xlsx/ooxml/zipArchive";

/** Copies of `source` named `names` in `dir`, as the desks of several clerks hold one workbook. */
export function copiesIn(dir: string, source: string, ...names: string[]): string[] {
  return names.map((name) => {
    const copy = path.join(dir, name);
    fs.copyFileSync(source, copy);
    return copy;
  });
}

/** The package's parts by name (inflated bytes). */
export function parts(file: string): Map<string, Buffer> {
  return new Map(readZip(fs.readFileSync(file)).map((e) => [e.name, e.data]));
}

/** A worksheet's XML with the given cells' elements taken out (to compare everything else). */
export function withoutCells(xml: string, cells: string[]): string {
  let out = xml;
  for (const c of cells)
    out = out.replace(new RegExp(`<c\\b[^>]*?\\br="${c}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`), "");
  return out;
}

/** Parts that differ between two packages. */
export function changedParts(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.get(n) || !b.get(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}
