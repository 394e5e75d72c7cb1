/**
 * The workbook's sync identity and remembered choices, kept in the hidden "_ntm" settings sheet
 * (the same key/value sheet the file reader in src/io/xlsx understands), so a workbook emailed to
 * someone else still says which report it is. Never a token: keys that look like secrets are
 * refused, because a workbook travels by email and USB stick.
 */
import { SETTINGS_KEYS } from "../../io/xlsx/workbookSettings";
import type { WorkbookSnapshot } from "./readWorkbookSnapshot";
import { hideOwnSheet, queueFreshSheet } from "./writeFlags";
import { SETTINGS_SHEET } from "./ntmSheets";

export interface SyncIdentity {
  orgCode: string;
  set: string;
  period: string;
  baseRevision: number;
}

export const IDENTITY_KEYS = {
  orgCode: SETTINGS_KEYS.orgCode,
  set: SETTINGS_KEYS.set,
  period: SETTINGS_KEYS.period,
  baseRevision: "ntm.baseRevision",
} as const;

/**
 * Manual row → indicator mappings the clerk chose, as JSON {"<sheet>!<row>": "<indicator code>"}
 * under one key (the settings sheet's keys are plain ASCII; sheet names are not).
 */
export const MAPPINGS_KEY = "ntm.mappings";

const SECRET = /token|password|secret|bearer|credential/i;

export function identityFromSettings(settings: Record<string, string>): SyncIdentity | undefined {
  const orgCode = settings[IDENTITY_KEYS.orgCode];
  const set = settings[IDENTITY_KEYS.set];
  const period = settings[IDENTITY_KEYS.period];
  if (!orgCode || !set || !period) return undefined;
  const base = Number(settings[IDENTITY_KEYS.baseRevision] ?? "0");
  return { orgCode, set, period, baseRevision: Number.isInteger(base) && base >= 0 ? base : 0 };
}

export function identityToSettings(id: SyncIdentity): Record<string, string> {
  return {
    [IDENTITY_KEYS.orgCode]: id.orgCode,
    [IDENTITY_KEYS.set]: id.set,
    [IDENTITY_KEYS.period]: id.period,
    [IDENTITY_KEYS.baseRevision]: String(id.baseRevision),
  };
}

export function mappingsFromSettings(settings: Record<string, string>): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(settings[MAPPINGS_KEY] ?? "{}");
    const out: Record<string, string> = {};
    if (parsed && typeof parsed === "object") {
      for (const [k, v] of Object.entries(parsed)) if (typeof v === "string" && k !== "__proto__") out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

export function mappingsToSettings(mappings: Record<string, string>): Record<string, string> {
  return { [MAPPINGS_KEY]: JSON.stringify(mappings) };
}

/**
 * The base revision of each other report the workbook sends besides its identity (a village's own
 * progress report, its work volumes beside its criteria values), as JSON {"org/set/period": n} under
 * one key. Anything but a whole non-negative number is no base (that report starts from 0 again).
 */
export const BASES_KEY = "ntm.bases";

export function basesFromSettings(settings: Record<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  try {
    const parsed: unknown = JSON.parse(settings[BASES_KEY] ?? "{}");
    if (parsed && typeof parsed === "object")
      for (const [k, v] of Object.entries(parsed))
        if (typeof v === "number" && Number.isInteger(v) && v >= 0) out.set(k, v);
  } catch {
    /* a damaged value: every other report starts from revision 0 */
  }
  return out;
}

export function basesToSettings(bases: ReadonlyMap<string, number>): Record<string, string> {
  return { [BASES_KEY]: JSON.stringify(Object.fromEntries(bases)) };
}

/** Merges `changes` into the stored settings (an empty value removes a key) and rewrites the sheet. */
export function queueSettings(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  changes: Record<string, string>,
): Record<string, string> {
  for (const k of Object.keys(changes)) {
    if (!/^ntm\.[A-Za-z0-9_.-]{1,64}$/.test(k) || SECRET.test(k)) {
      throw new Error(`Khóa cài đặt không được phép: ${k} / setting key not allowed: ${k}`);
    }
  }
  const merged: Record<string, string> = { ...(snapshot.grids.properties ?? {}) };
  for (const [k, v] of Object.entries(changes)) {
    if (v === "") delete merged[k];
    else merged[k] = v;
  }
  const ws = queueFreshSheet(context, snapshot, SETTINGS_SHEET);
  hideOwnSheet(ws);
  const rows = Object.entries(merged).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length) {
    const range = ws.getRange(`A1:B${rows.length}`);
    range.numberFormat = rows.map(() => ["@", "@"]);
    range.values = rows;
  }
  snapshot.grids.properties = merged;
  return merged;
}
