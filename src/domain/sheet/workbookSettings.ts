/**
 * What a workbook says about itself in its "_ntm" settings (org unit, set, period, region, group),
 * checked before the reader trusts any of it: a clerk can edit the hidden sheet or the custom
 * properties by hand, and a region typed "Bac Trung Bo" must not silently pick no target column.
 * Invariant: one zod schema per key; a key that fails its schema is left out (the title or the
 * person's choice is used instead) and becomes a `settings/invalid` finding naming key and value;
 * a bad key never hides the good ones.
 */
import { z } from "zod";
import { CommuneGroupSchema, RegionSchema } from "../criteria/schema";
import type { Finding } from "../review/finding";
import { isValidPeriod } from "../sync/reportPeriod";
import { clipFindingText } from "./clipFindingText";

export const SETTINGS_SHEET_NAME = "_ntm";

const text = z.string().trim().min(1).max(200);

const SETTING_SCHEMAS = {
  set: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "a set id such as vn-xa-ntm-2021-2025"),
  setVersion: text,
  orgUnit: text,
  orgCode: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, "an org unit code such as 18172"),
  period: z.string().refine(isValidPeriod, "YYYY, YYYY-Qn, YYYY-MM or YYYY-Www"),
  region: RegionSchema,
  group: CommuneGroupSchema,
  template: text,
} as const;

type SettingName = keyof typeof SETTING_SCHEMAS;

/** Each setting's key in the workbook: its name after "ntm." (a custom property, a row of "_ntm"). */
export const SETTINGS_KEYS = Object.fromEntries(
  Object.keys(SETTING_SCHEMAS).map((name) => [name, `ntm.${name}`]),
) as { readonly [K in SettingName]: `ntm.${K}` };

/** The settings the reader may use, each one valid by its schema. */
export type TrustedSettings = { [K in SettingName]?: z.infer<(typeof SETTING_SCHEMAS)[K]> };

export function trustedSettings(properties: Record<string, string> | undefined): {
  settings: TrustedSettings;
  findings: Finding[];
} {
  const settings: Record<string, unknown> = {};
  const findings: Finding[] = [];
  if (!properties) return { settings, findings };
  for (const name of Object.keys(SETTING_SCHEMAS) as SettingName[]) {
    const key = SETTINGS_KEYS[name];
    if (!Object.prototype.hasOwnProperty.call(properties, key)) continue;
    const raw = properties[key];
    const parsed = SETTING_SCHEMAS[name].safeParse(raw);
    if (parsed.success) settings[name] = parsed.data;
    else
      findings.push({
        type: "settings/invalid",
        severity: "warning",
        sheet: SETTINGS_SHEET_NAME,
        params: { key, value: clipFindingText(String(raw)) },
      });
  }
  return { settings: settings as TrustedSettings, findings };
}
