/**
 * The wire format of the rhythm's settings — a district's period targets and a province's reporting
 * calendar (PUT/GET /api/targets, PUT/GET /api/calendars/{province}) — one definition for the
 * server, the CLI and the API page. The body's shape is checked here; what it means (a known item,
 * a real period, a unit the catalogue converts to) by checkTargets / checkCalendar.
 */
import { z } from "zod";
import { reportingCalendarSchema } from "./reportingCalendar";

export const targetRecordSchema = z.object({
  /** GSO code of the unit the target is set for (a district, a commune). */
  org: z.string().min(1).max(40),
  /** The period it is set for ("2021-Q2"); it applies to every week and month inside it. */
  period: z.string().min(1).max(10),
  /** A work-item catalogue code ("kdc-kieu-mau") or a name the catalogue knows. */
  item: z.string().min(1).max(200),
  target: z.number().finite(),
  /** The target's unit; the catalogue's when absent (km is accepted for an item counted in m). */
  unit: z.string().min(1).max(40).optional(),
  label: z.string().min(1).max(200).optional(),
});
export type TargetRecord = z.infer<typeof targetRecordSchema>;

export const targetsBodySchema = z.object({ targets: z.array(targetRecordSchema).min(1).max(2000) });
export type TargetsBody = z.infer<typeof targetsBodySchema>;

export const storedTargetSchema = targetRecordSchema.extend({
  unit: z.string(),
  /** When it was last set (ISO instant). */
  setAt: z.string(),
});

export const targetsListSchema = z.object({
  under: z.object({ code: z.string(), name: z.string() }),
  period: z.string().optional(),
  targets: z.array(storedTargetSchema),
});
export type TargetsList = z.infer<typeof targetsListSchema>;

export const targetsSavedSchema = z.object({ saved: z.number().int() });

export const calendarAnswerSchema = z.object({
  province: z.string(),
  /** False when the province has stored none and Hà Tĩnh's calendar applies. */
  stored: z.boolean(),
  calendar: reportingCalendarSchema,
  /** Deadlines whose due day is a placeholder, said once: "work-volume month", … */
  unverified: z.array(z.string()),
});
export type CalendarAnswer = z.infer<typeof calendarAnswerSchema>;
