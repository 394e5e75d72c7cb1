/**
 * Who a workbook is from: the commune named (by GSO code or by name) at the report's period, and its
 * successor after the 01/07/2025 reform (DOMAIN.md, "Organisation units").
 *
 * Invariant: a code is read in the era of the report's period. Codes were reused after the reform
 * (18160 was Xã Sơn Lĩnh in 2023 and is Xã Sơn Hồng since 2025), so a 2023 report's 18160 is Sơn
 * Lĩnh and a 2026 report's 18160 is the merged Sơn Hồng; two merged communes are never taken for the
 * same commune, and one commune named by code in one file and by name in another is one commune.
 */
import { foldVietnamese } from "../sheet/foldVietnamese";
import { periodStartDate } from "../sync/reportPeriod";

export const REFORM_DATE = "2025-07-01";

/** One row of the GSO extract (shared/domain/ha-tinh-communes-2023.csv), keyed by its header. */
export interface CommuneCodeRow {
  gso_code_2023: string;
  name_2023: string;
  district_code_2023?: string;
  district_2023?: string;
  successor_code_2025?: string;
  successor_name_2025?: string;
  note?: string;
}

interface HistoricalCommune {
  code: string;
  name: string;
  districtCode?: string;
  districtName?: string;
  successorCode?: string;
  successorName?: string;
  note?: string;
}

interface CurrentCommune {
  code: string;
  name: string;
  /** The 2023 communes merged into it. */
  predecessors: HistoricalCommune[];
}

export interface CommuneCodeMap {
  historicalByCode: Map<string, HistoricalCommune>;
  historicalByName: Map<string, HistoricalCommune[]>;
  currentByCode: Map<string, CurrentCommune>;
  currentByName: Map<string, CurrentCommune[]>;
}

export interface CommuneIdentity {
  /** Equal keys mean the same commune in the same era (used to find duplicates). */
  key: string;
  /** Name as the workbook wrote it. */
  writtenName: string;
  /** Code and name valid at the report's period, when known. */
  code?: string;
  name: string;
  districtCode?: string;
  districtName?: string;
  /** The commune after the 01/07/2025 reform (itself for a current unit). */
  currentCode?: string;
  currentName?: string;
  era: "2023" | "2025" | "unknown";
  /** "file-name": the workbook names no commune and its file name ("xa-son-hong-2023.csv") did. */
  matchedBy: "code" | "name" | "file-name" | "none";
  /** Matched by letters alone (a name typed without diacritics, or a file name): a person should confirm it. */
  withoutDiacritics?: true;
}

/** "UBND XÃ SƠN HỒNG", "Xã Sơn Hồng", "xa son hong" → "son hong". */
export function communeNameKey(name: string): string {
  return foldVietnamese(name)
    .replace(/^(uy ban nhan dan|ubnd)\s+/, "")
    .replace(/^(xa|thi tran|phuong|tt\.?)\s+/, "")
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const PREFIXES = [["uy", "ban", "nhan", "dan"], ["ubnd"]];
const KINDS = [["xa"], ["thi", "tran"], ["phuong"], ["tt"], ["tt."]];

/**
 * The written name's own words after "UBND", "Xã", "Thị trấn"… with each word's tone, wherever its
 * mark sits ("Hoà" = "Hòa"), or undefined when the name carries no diacritics at all. Folding alone
 * makes "Đình Bàn" and "Đỉnh Bàn" the same commune; a name written with its tones must keep them.
 */
export function communeToneKey(name: string): string | undefined {
  let words = name.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  const folded = () => words.map((w) => foldVietnamese(w));
  for (const group of [PREFIXES, KINDS]) {
    const f = folded();
    const hit = group.find((p) => p.every((w, i) => f[i] === w));
    if (hit) words = words.slice(hit.length);
  }
  if (!words.some((w) => /[^\x00-\x7f]/.test(w))) return undefined;
  return words
    .map((w) => {
      const d = w.normalize("NFD").toLowerCase();
      const tones = (d.match(TONE_MARKS) ?? []).sort().join("");
      return (
        d
          .replace(TONE_MARKS, "")
          .replace(/[^\p{L}\p{M}\d]/gu, "")
          .normalize("NFC") + tones
      );
    })
    .filter(Boolean)
    .join(" ");
}

export function buildCommuneCodeMap(rows: readonly CommuneCodeRow[]): CommuneCodeMap {
  const map: CommuneCodeMap = {
    historicalByCode: new Map(),
    historicalByName: new Map(),
    currentByCode: new Map(),
    currentByName: new Map(),
  };
  for (const r of rows) {
    const code = (r.gso_code_2023 ?? "").trim();
    if (!code) continue;
    const h: HistoricalCommune = {
      code,
      name: r.name_2023.trim(),
      districtCode: blankToUndefined(r.district_code_2023),
      districtName: blankToUndefined(r.district_2023),
      successorCode: blankToUndefined(r.successor_code_2025),
      successorName: blankToUndefined(r.successor_name_2025),
      note: blankToUndefined(r.note),
    };
    map.historicalByCode.set(code, h);
    push(map.historicalByName, communeNameKey(h.name), h);
    if (h.successorCode) {
      let cur = map.currentByCode.get(h.successorCode);
      if (!cur) {
        cur = { code: h.successorCode, name: h.successorName ?? h.successorCode, predecessors: [] };
        map.currentByCode.set(cur.code, cur);
        push(map.currentByName, communeNameKey(cur.name), cur);
      }
      cur.predecessors.push(h);
    }
  }
  return map;
}

/** The era a period belongs to; undefined when the period is missing or unreadable. */
export function periodEra(period: string | null | undefined): "2023" | "2025" | undefined {
  if (!period) return undefined;
  let start: string;
  try {
    start = periodStartDate(period);
  } catch {
    return undefined;
  }
  return start < REFORM_DATE ? "2023" : "2025";
}

export function identifyCommune(
  orgUnit: { name: string; code?: string | null } | undefined,
  period: string | null | undefined,
  map: CommuneCodeMap | undefined,
  fallbackKey: string,
): CommuneIdentity {
  const writtenName = orgUnit?.name?.trim() ?? "";
  const code = orgUnit?.code?.trim() || undefined;
  const nameKey = communeNameKey(writtenName);
  const toneKey = communeToneKey(writtenName);
  const era = periodEra(period);
  // Without a period, a code or name is tried in the 2023 era first: most workbooks predate 2025.
  const eras: ("2023" | "2025")[] = era === "2025" ? ["2025", "2023"] : ["2023", "2025"];
  if (map) {
    for (const e of eras) {
      const hit = code
        ? lookupByCode(map, e, code)
        : nameKey
          ? lookupByName(map, e, nameKey, toneKey)
          : undefined;
      if (hit)
        return {
          ...hit,
          writtenName,
          matchedBy: code ? "code" : "name",
          ...(!code && toneKey === undefined ? { withoutDiacritics: true as const } : {}),
        };
      // A code of the report's own era that the table lacks must not be read in the other era.
      if (code && era) break;
    }
    if (!code && !nameKey) {
      const hit = lookupByFileName(map, eras, fallbackKey);
      if (hit) return { ...hit, writtenName, matchedBy: "file-name", withoutDiacritics: true };
    }
  }
  const key = code ? `code:${code}` : nameKey ? `name:${nameKey}` : `file:${fallbackKey}`;
  return {
    key,
    writtenName,
    code,
    name: writtenName || "(không rõ / unknown)",
    era: era ?? "unknown",
    matchedBy: "none",
  };
}

const DIGITS = /^\d+$/;

/**
 * "xa-son-hong-2023-tu-danh-gia.csv" → Xã Sơn Hồng: after an optional "xa"/"phuong"/"thi-tran", the
 * longest run of words (up to the first number) that names exactly one commune. A file name carries
 * no diacritics, so the match is by letters alone and said so.
 */
function lookupByFileName(map: CommuneCodeMap, eras: ("2023" | "2025")[], file: string): Hit | undefined {
  const base = (file.split(/[\\/]/).pop() ?? "").replace(/\.[^.]+$/, "");
  let words = foldVietnamese(base)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const kind = KINDS.find((k) => k.every((w, i) => words[i] === w));
  if (kind) words = words.slice(kind.length);
  const end = words.findIndex((w) => DIGITS.test(w));
  if (end >= 0) words = words.slice(0, end);
  for (let n = words.length; n > 0; n--)
    for (const e of eras) {
      const hit = lookupByName(map, e, words.slice(0, n).join(" "), undefined);
      if (hit) return hit;
    }
  return undefined;
}

type Hit = Omit<CommuneIdentity, "writtenName" | "matchedBy">;

function lookupByCode(map: CommuneCodeMap, era: "2023" | "2025", code: string): Hit | undefined {
  if (era === "2023") {
    const h = map.historicalByCode.get(code);
    return h && historicalHit(h);
  }
  const c = map.currentByCode.get(code);
  return c && currentHit(c);
}

function lookupByName(
  map: CommuneCodeMap,
  era: "2023" | "2025",
  nameKey: string,
  toneKey: string | undefined,
): Hit | undefined {
  // An ambiguous name (two communes of that name) is not guessed; a name written with diacritics
  // only matches a commune with the same letters and tones.
  const same = <T extends { name: string }>(list: T[] | undefined) =>
    toneKey === undefined ? list : list?.filter((x) => communeToneKey(x.name) === toneKey);
  if (era === "2023") {
    const hs = same(map.historicalByName.get(nameKey));
    return hs?.length === 1 ? historicalHit(hs[0]) : undefined;
  }
  const cs = same(map.currentByName.get(nameKey));
  return cs?.length === 1 ? currentHit(cs[0]) : undefined;
}

function historicalHit(h: HistoricalCommune): Hit {
  return {
    ...eraHit("2023", h.code, h.name),
    districtCode: h.districtCode,
    districtName: h.districtName,
    currentCode: h.successorCode,
    currentName: h.successorName,
  };
}

function currentHit(c: CurrentCommune): Hit {
  return { ...eraHit("2025", c.code, c.name), currentCode: c.code, currentName: c.name };
}

/** The identity fields every hit has: the era's key, code and name. */
function eraHit(era: "2023" | "2025", code: string, name: string): Hit {
  return { key: `${era}:${code}`, code, name, era };
}

function blankToUndefined(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
