/**
 * The wire format of the weekly rhythm's answers (GET /api/completeness, GET /api/consolidation
 * ?kind=work-volume), one definition for the server, the CLI and the pane: zod schemas of the
 * domain's CompletenessReport and WorkVolumeConsolidation.
 */
import { z } from "zod";
import { countSchema } from "../sync/protocol";
import type { UnitVolumes } from "./consolidateWorkVolumes";

export const unitCompletenessSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentName: z.string().optional(),
  status: z.enum(["on-time", "late", "missing", "pending"]),
  submittedAt: z.string().nullable(),
  submittedLocal: z.string().nullable(),
  revision: z.number().int().nullable(),
});

export const completenessSchema = z.object({
  kind: z.string(),
  period: z.string(),
  asOf: z.string(),
  under: z.object({ code: z.string(), name: z.string() }),
  deadlines: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      due: z.string(),
      dueLocal: z.string(),
      unverified: z.boolean().optional(),
      counts: z.object({
        expected: countSchema,
        submitted: countSchema,
        onTime: countSchema,
        late: countSchema,
        missing: countSchema,
        pending: countSchema,
      }),
      units: z.array(unitCompletenessSchema),
    }),
  ),
  unverifiedNote: z.object({ vi: z.string(), en: z.string() }).optional(),
});
export type CompletenessBody = z.infer<typeof completenessSchema>;

const n = z.number().nullable();
export const volumeTotalSchema = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string().optional(),
  plan: n,
  done: n,
  cumulative: n,
  share: n,
  ratio: n,
});

export const unitVolumesSchema: z.ZodType<UnitVolumes> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    level: z.string(),
    reported: z.boolean().nullable(),
    revision: z.number().int().optional(),
    reviewState: z.string().optional(),
    source: z.string().optional(),
    totals: z.array(volumeTotalSchema),
    villagesNotReported: z.array(z.string()).optional(),
    children: z.array(unitVolumesSchema),
  }),
);

export const workVolumeConsolidationSchema = z.object({
  kind: z.literal("work-volume"),
  period: z.string(),
  under: z.object({ code: z.string(), name: z.string() }),
  totals: z.array(volumeTotalSchema),
  root: unitVolumesSchema,
  notReported: z.array(z.object({ code: z.string(), name: z.string(), parentName: z.string().nullable() })),
  counts: z.object({ expected: z.number().int(), reported: z.number().int() }),
  targets: z.array(
    z.object({
      org: z.string(),
      orgName: z.string(),
      period: z.string(),
      item: z.string(),
      name: z.string(),
      unit: z.string(),
      target: z.number(),
      label: z.string().optional(),
      achieved: n,
      basis: z.enum(["cumulative", "done"]).nullable(),
      share: n,
    }),
  ),
});
export type WorkVolumeConsolidationBody = z.infer<typeof workVolumeConsolidationSchema>;

/** GET /api/village-progress: each commune's villages (own reports or the commune's) and roll-up. */
export const villageProgressBodySchema = z.object({
  under: z.object({ code: z.string(), name: z.string() }),
  period: z.string(),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      villages: z.array(
        z.object({
          name: z.string(),
          /** The village's own unit when it reported on its own; absent when in the commune's report. */
          org: z.string().optional(),
          met: z.number(),
          total: z.number(),
          share: n,
          goal: n,
        }),
      ),
      rollup: z.object({
        atGoal: z.number().int(),
        of: z.number().int(),
        reported: z.number().int(),
        goal: z.number(),
        notReported: z.array(z.string()),
        text: z.object({ vi: z.string(), en: z.string() }),
      }),
    }),
  ),
});
export type VillageProgressBody = z.infer<typeof villageProgressBodySchema>;
