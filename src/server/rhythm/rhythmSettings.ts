/**
 * Setting and reading the rhythm's settings on the store — period targets and reporting calendars —
 * one composition for the API routes and `ntm admin targets|calendar`: the domain checks the content
 * (checkTargets, checkCalendar), this resolves org codes to units as of each target's period and
 * reads back what is stored. Scope is the caller's: the routes check each resolved unit, the CLI
 * runs as the store's owner.
 * Invariant: nothing is stored unless every row resolved and checked; a calendar is stored only
 * for a province.
 */
import { calendarOf, unverifiedRules, type ReportingCalendar } from "../../domain/rhythm/reportingCalendar";
import type { PeriodTarget } from "../../domain/rhythm/consolidateWorkVolumes";
import type { InputProblem } from "../../domain/rhythm/periodTargetsFile";
import type { CalendarAnswer, TargetsList } from "../../domain/rhythm/settingsWire";
import { periodStartDate } from "../../domain/sync/reportPeriod";
import type { OrgTree, OrgUnitRow } from "../store/orgTree";
import type { SettingActor, TargetInput } from "../store/rhythmDataStore";
import type { Store } from "../store/store";

export interface ResolvedTargets {
  inputs: (TargetInput & { orgUnit: OrgUnitRow })[];
  problems: InputProblem[];
}

/** Each checked target's unit as of its period's first day; a code no unit had then is a problem. */
export function resolveTargetUnits(tree: OrgTree, targets: readonly PeriodTarget[]): ResolvedTargets {
  const inputs: ResolvedTargets["inputs"] = [];
  const problems: InputProblem[] = [];
  targets.forEach((t, i) => {
    const unit = tree.resolve(t.org, periodStartDate(t.period));
    if (!unit) {
      problems.push({
        row: i + 1,
        column: "org",
        vi: `Chỉ tiêu ${i + 1}: không có đơn vị mã ${t.org} trong kỳ ${t.period}; kiểm tra mã (xem ntm admin org list).`,
        en: `Target ${i + 1}: no unit has code ${t.org} in ${t.period}; check the code (see ntm admin org list).`,
      });
      return;
    }
    const { org: _org, ...rest } = t;
    void _org;
    inputs.push({ ...rest, unitId: unit.id, orgUnit: unit });
  });
  return { inputs, problems };
}

export async function saveTargets(
  store: Store,
  resolved: ResolvedTargets,
  actor: SettingActor = {},
): Promise<number> {
  if (resolved.problems.length) return 0;
  return store.rhythmData.setTargets(
    resolved.inputs.map(({ orgUnit: _u, ...t }) => (void _u, t)),
    actor,
  );
}

/** The targets set on `under` and every unit within it (those covering `period` when given). */
export async function targetsUnder(
  store: Store,
  tree: OrgTree,
  under: OrgUnitRow,
  period?: string,
): Promise<TargetsList> {
  const ids = tree.within(under.id).map((u) => u.id);
  const targets = await store.rhythmData.listTargets(tree, ids, period);
  return { under: { code: under.code, name: under.name }, ...(period ? { period } : {}), targets };
}

/** A calendar belongs to a province: refused for a district or a commune. */
export function notProvinceProblem(unit: OrgUnitRow): InputProblem | undefined {
  if (unit.level === "province") return undefined;
  return {
    column: "province",
    vi: `${unit.code} ${unit.name} không phải là tỉnh: lịch nộp báo cáo đặt cho cấp tỉnh.`,
    en: `${unit.code} ${unit.name} is not a province: a reporting calendar is set for a province.`,
  };
}

/** Refusal of a calendar for a unit that is not a province or names another province. */
export function calendarProblem(unit: OrgUnitRow, calendar: ReportingCalendar): InputProblem | undefined {
  const notProvince = notProvinceProblem(unit);
  if (notProvince) return notProvince;
  if (calendar.province !== unit.code)
    return {
      column: "province",
      vi: `Lịch ghi "province": "${calendar.province}" nhưng đang đặt cho tỉnh ${unit.code}: sửa cho khớp.`,
      en: `The calendar says "province": "${calendar.province}" but is being set for ${unit.code}: make them agree.`,
    };
  return undefined;
}

/** The calendar that judges a province's reports: its own when stored, else Hà Tĩnh's. */
export async function calendarAnswer(store: Store, province: OrgUnitRow): Promise<CalendarAnswer> {
  const own = await store.rhythmData.calendarOf(province.code);
  const calendar = own ?? calendarOf(province.code, []);
  return { province: province.code, stored: Boolean(own), calendar, unverified: unverifiedRules(calendar) };
}
