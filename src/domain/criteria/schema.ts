/**
 * The criteria-set schema: a set (national, provincial, model area, garden) is data, validated here.
 *
 * Invariants a parsed set guarantees (checked in `superRefine`, so an authored set gets a located
 * message rather than a wrong evaluation later):
 * - criterion codes and indicator codes are unique within the set;
 * - an `atLeast N` roll-up never asks for more indicators (or criteria) than exist;
 * - a "yes" comparison belongs to a yes/no indicator, a category indicator lists its categories;
 * - a target's `value` is `null` when no stored source confirms it (`verified: false`), and is then
 *   supplied by the workbook's own target column or a province's authored set, never invented.
 */
import { z } from "zod";

export const REGIONS = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"] as const;
export const COMMUNE_GROUPS = ["1", "2", "3"] as const;
export const INDICATOR_KINDS = ["yesno", "percent", "count", "amount", "length", "area", "category"] as const;
export const COMPARISONS = [">=", "<=", "=", "yes"] as const;
export const LEVELS = ["household", "village", "commune", "district"] as const;
/**
 * Special statuses that change which regional targets apply (QĐ 318, Điều 1): "dac-biet-kho-khan"
 * (xã đặc biệt khó khăn), "an-toan-khu" (xã an toàn khu), "huyen-ngheo" (the commune lies in a poor
 * district or one that left poverty in 2018–2020).
 */
export const SPECIAL_STATUSES = ["dac-biet-kho-khan", "an-toan-khu", "huyen-ngheo"] as const;

export const RegionSchema = z.enum(REGIONS);
export const CommuneGroupSchema = z.enum(COMMUNE_GROUPS);
export const IndicatorKindSchema = z.enum(INDICATOR_KINDS);
export const ComparisonSchema = z.enum(COMPARISONS);
export const LevelSchema = z.enum(LEVELS);
export const SpecialStatusSchema = z.enum(SPECIAL_STATUSES);

export type Region = z.infer<typeof RegionSchema>;
export type CommuneGroup = z.infer<typeof CommuneGroupSchema>;
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
export type Level = z.infer<typeof LevelSchema>;
export type SpecialStatus = z.infer<typeof SpecialStatusSchema>;

export const TextSchema = z.strictObject({ vi: z.string().min(1), en: z.string().min(1).optional() });
export type Text = z.infer<typeof TextSchema>;

export const ProvenanceSchema = z.strictObject({
  /** e.g. "QĐ 318/QĐ-TTg"; a province writes its own decision, or "workbook". */
  decision: z.string().min(1),
  /** Article, annex or clause, e.g. "Phụ lục I". */
  article: z.string().min(1).optional(),
  /** True only when the value was checked against the decision text. */
  verified: z.boolean(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** number for quantities, boolean for yes/no, string for a category; null = not known here. */
export const TargetValueSchema = z.union([z.number().finite(), z.boolean(), z.string().min(1)]).nullable();
export type TargetValue = z.infer<typeof TargetValueSchema>;

export const TargetSchema = z.strictObject({
  value: TargetValueSchema,
  provenance: ProvenanceSchema,
  /** A recollection kept for people to check against the decision; never evaluated. */
  unverifiedHint: z.string().min(1).optional(),
});
export type Target = z.infer<typeof TargetSchema>;

export const TargetTableSchema = z.strictObject({
  general: TargetSchema.optional(),
  byRegion: z.partialRecord(RegionSchema, TargetSchema).optional(),
  byGroup: z.partialRecord(CommuneGroupSchema, TargetSchema).optional(),
});
export type TargetTable = z.infer<typeof TargetTableSchema>;

export const TargetsSchema = TargetTableSchema.extend({
  /** Where a target changes over the years (income): year "2023" → its own table. */
  byYear: z.record(z.string().regex(/^\d{4}$/, "a year such as 2023"), TargetTableSchema).optional(),
}).strict();
export type Targets = z.infer<typeof TargetsSchema>;

export const RollupSchema = z.discriminatedUnion("rule", [
  z.strictObject({ rule: z.literal("all") }),
  z.strictObject({ rule: z.literal("atLeast"), n: z.number().int().min(1) }),
  /** Share of members met, e.g. a village model area; `goal` is a percent (80 = 80 %). */
  z.strictObject({ rule: z.literal("share"), goal: z.number().min(0).max(100).optional() }),
]);
export type Rollup = z.infer<typeof RollupSchema>;

/**
 * Indicators whose value or target comes from another set's evaluation (the kiểu mẫu rules of
 * QĐ 319 are stated against the nâng cao result): "set-met" takes its value from whether the basis
 * set is met; "above-basis-target" takes its target from the basis set's target for `indicator`,
 * raised by `percentAbove` %.
 */
export const DerivationSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("set-met"), setId: z.string().min(1) }),
  z.strictObject({
    type: z.literal("above-basis-target"),
    setId: z.string().min(1),
    indicator: z.string().min(1),
    percentAbove: z.number().finite(),
  }),
]);
export type Derivation = z.infer<typeof DerivationSchema>;

export const IndicatorSchema = z.strictObject({
  code: z.string().min(1),
  name: TextSchema,
  kind: IndicatorKindSchema,
  unit: z.string().min(1).optional(),
  op: ComparisonSchema,
  targets: TargetsSchema,
  /** The allowed answers of a category indicator. */
  categories: z.array(z.string().min(1)).min(1).optional(),
  derivedFrom: DerivationSchema.optional(),
  note: z.string().min(1).optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const CriterionSchema = z.strictObject({
  code: z.string().min(1),
  name: TextSchema,
  /** Code of the group the decision files this criterion under (see CriteriaSet.groups). */
  group: z.string().min(1).optional(),
  rollup: RollupSchema,
  indicators: z.array(IndicatorSchema).min(1),
  note: z.string().min(1).optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const CriterionGroupSchema = z.strictObject({ code: z.string().min(1), name: TextSchema });
export type CriterionGroup = z.infer<typeof CriterionGroupSchema>;

export const SpecialStatusRuleSchema = z.strictObject({
  /** The commune has at least one of these statuses … */
  anyOf: z.array(SpecialStatusSchema).min(1),
  /** … and all of these. */
  allOf: z.array(SpecialStatusSchema).optional(),
  useRegion: RegionSchema,
  provenance: ProvenanceSchema,
  note: z.string().min(1).optional(),
});
export type SpecialStatusRule = z.infer<typeof SpecialStatusRuleSchema>;

export const VersionSchema = z.strictObject({
  decision: z.string().min(1),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a date such as 2022-03-08")
    .optional(),
  amendments: z
    .array(
      z.strictObject({
        decision: z.string().min(1),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, "a date such as 2024-03-01")
          .optional(),
      }),
    )
    .optional(),
});
export type Version = z.infer<typeof VersionSchema>;

const CriteriaSetObject = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by '-'"),
  title: TextSchema,
  version: VersionSchema,
  level: LevelSchema,
  /** Years the set applies to, inclusive. */
  appliesFrom: z.number().int().optional(),
  appliesTo: z.number().int().optional(),
  /** Which target axis the set uses: regions (2021–2025) or commune groups (2026–2030). */
  regions: z.array(RegionSchema).optional(),
  communeGroups: z.array(CommuneGroupSchema).optional(),
  specialStatusRules: z.array(SpecialStatusRuleSchema).optional(),
  groups: z.array(CriterionGroupSchema).optional(),
  rollup: RollupSchema,
  criteria: z.array(CriterionSchema).min(1),
  /** The indicator count the decision states, when the data here holds fewer (not yet known). */
  officialIndicatorCount: z.number().int().min(1).optional(),
  sources: z.array(z.string().min(1)).optional(),
  note: z.string().min(1).optional(),
});

export const CriteriaSetSchema = CriteriaSetObject.superRefine((set, ctx) => {
  const criterionCodes = new Set<string>();
  const indicatorCodes = new Set<string>();
  const groupCodes = new Set((set.groups ?? []).map((g) => g.code));
  set.criteria.forEach((c, ci) => {
    if (criterionCodes.has(c.code))
      ctx.addIssue({
        code: "custom",
        path: ["criteria", ci, "code"],
        message: `duplicate criterion code "${c.code}"`,
      });
    criterionCodes.add(c.code);
    if (c.group !== undefined && !groupCodes.has(c.group))
      ctx.addIssue({
        code: "custom",
        path: ["criteria", ci, "group"],
        message: `group "${c.group}" is not declared in groups`,
      });
    if (c.rollup.rule === "atLeast" && c.rollup.n > c.indicators.length)
      ctx.addIssue({
        code: "custom",
        path: ["criteria", ci, "rollup", "n"],
        message: `asks for ${c.rollup.n} indicators but the criterion has ${c.indicators.length}`,
      });
    c.indicators.forEach((ind, ii) => {
      const at = ["criteria", ci, "indicators", ii];
      if (indicatorCodes.has(ind.code))
        ctx.addIssue({
          code: "custom",
          path: [...at, "code"],
          message: `duplicate indicator code "${ind.code}"`,
        });
      indicatorCodes.add(ind.code);
      if (ind.op === "yes" && ind.kind !== "yesno")
        ctx.addIssue({
          code: "custom",
          path: [...at, "op"],
          message: `"yes" needs kind yesno, not ${ind.kind}`,
        });
      if (ind.kind === "category" && !ind.categories)
        ctx.addIssue({
          code: "custom",
          path: [...at, "categories"],
          message: "a category indicator lists its categories",
        });
      checkTargetValues(ind, at, ctx);
    });
  });
  if (set.rollup.rule === "atLeast" && set.rollup.n > set.criteria.length)
    ctx.addIssue({
      code: "custom",
      path: ["rollup", "n"],
      message: `asks for ${set.rollup.n} criteria but the set has ${set.criteria.length}`,
    });
});

/** A target value must fit its indicator's kind: a number for quantities, a boolean for yes/no. */
function checkTargetValues(ind: Indicator, at: (string | number)[], ctx: z.RefinementCtx): void {
  const expected = ind.kind === "yesno" ? "boolean" : ind.kind === "category" ? "string" : "number";
  const visit = (table: TargetTable | undefined, path: (string | number)[]) => {
    if (!table) return;
    const entries: [(string | number)[], Target | undefined][] = [[[...path, "general"], table.general]];
    for (const [k, t] of Object.entries(table.byRegion ?? {})) entries.push([[...path, "byRegion", k], t]);
    for (const [k, t] of Object.entries(table.byGroup ?? {})) entries.push([[...path, "byGroup", k], t]);
    for (const [p, t] of entries) {
      if (!t || t.value === null) continue;
      if (typeof t.value !== expected)
        ctx.addIssue({
          code: "custom",
          path: [...p, "value"],
          message: `a ${ind.kind} target is a ${expected}, not ${JSON.stringify(t.value)}`,
        });
    }
  };
  visit(ind.targets, [...at, "targets"]);
  for (const [year, table] of Object.entries(ind.targets.byYear ?? {}))
    visit(table, [...at, "targets", "byYear", year]);
}

export type CriteriaSet = z.infer<typeof CriteriaSetObject>;

/** Thrown when a set fails validation; `issues` name the path in the set, e.g. criteria[3].op. */
export class CriteriaSetError extends Error {
  constructor(
    readonly setLabel: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(
      `Bộ tiêu chí ${setLabel} không hợp lệ / criteria set ${setLabel} is invalid:\n` +
        issues.map((i) => `  ${i.path}: ${i.message}`).join("\n"),
    );
    this.name = "CriteriaSetError";
  }
}

/** ["criteria", 3, "indicators", 2, "op"] → "criteria[3].indicators[2].op". */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let s = "";
  for (const p of path) {
    if (typeof p === "number") s += `[${p}]`;
    else s += s === "" ? String(p) : `.${String(p)}`;
  }
  return s === "" ? "(set)" : s;
}

/** Validates unknown data as a criteria set; throws CriteriaSetError naming each bad path. */
export function parseCriteriaSet(data: unknown, label?: string): CriteriaSet {
  const r = CriteriaSetSchema.safeParse(data);
  if (r.success) return r.data;
  const id =
    label ??
    (typeof data === "object" && data !== null && typeof (data as { id?: unknown }).id === "string"
      ? (data as { id: string }).id
      : "(không tên / unnamed)");
  throw new CriteriaSetError(
    id,
    r.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message })),
  );
}
