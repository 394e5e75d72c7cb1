/**
 * A district's (or province's) week in one table: work items summed up the org tree per unit, plan
 * vs done, this period vs cumulative, the communes that did not report and, for communes with a
 * per-village split, the villages missing from it; and the targets set for the period (district
 * quarterly targets, as data) against what was achieved. One composition for `ntm consolidate
 * --kind work-volume` (files) and `GET /api/consolidation?kind=work-volume` (the store).
 *
 * Invariants: every unit's totals are sumWorkVolumeTree's (the one sum); a commune is "reported"
 * exactly when a report is given for it; a target is judged against the target unit's own totals
 * (cumulative where reported, else the period's done), converted to the target's unit.
 */
import { convertUnit } from "../evaluate/convertUnit";
import { sumWorkVolumeTree, type OrgNode, type OrgVolumes, type VolumeTotal } from "./sumWorkVolumes";
import { SHIPPED_WORK_ITEMS, type WorkItemCatalogue } from "./workItemCatalogue";
import { periodDays } from "./vietnamTime";
import type { WorkVolumeEntry } from "./workVolumeReport";

export interface ConsolidationUnit {
  code: string;
  name: string;
  level: string;
  children?: readonly ConsolidationUnit[];
  /** Villages the org tree knows under a commune. */
  villages?: readonly string[];
}

export interface VolumeReportInput {
  revision?: number;
  reviewState?: string;
  /** Where it came from: a file path, or "store". */
  source?: string;
  items: readonly WorkVolumeEntry[];
}

export interface PeriodTarget {
  org: string;
  /** The period the target is set for ("2021-Q2"); it applies to every period inside it. */
  period: string;
  /** Catalogue code of the item. */
  item: string;
  unit: string;
  target: number;
  label?: string;
}

export interface UnitVolumes {
  code: string;
  name: string;
  level: string;
  /** Whether this unit sent a report; null for a level that does not report itself. */
  reported: boolean | null;
  revision?: number;
  reviewState?: string;
  source?: string;
  totals: VolumeTotal[];
  villagesNotReported?: string[];
  children: UnitVolumes[];
}

export interface TargetProgress extends PeriodTarget {
  orgName: string;
  name: string;
  achieved: number | null;
  basis: "cumulative" | "done" | null;
  share: number | null;
}

export interface WorkVolumeConsolidation {
  kind: "work-volume";
  period: string;
  under: { code: string; name: string };
  totals: VolumeTotal[];
  root: UnitVolumes;
  notReported: { code: string; name: string; parentName: string | null }[];
  counts: { expected: number; reported: number };
  targets: TargetProgress[];
}

const REPORTING_LEVEL = "commune";

function toNode(u: ConsolidationUnit, reports: ReadonlyMap<string, VolumeReportInput>): OrgNode {
  const r = reports.get(u.code);
  return {
    name: u.name,
    code: u.code,
    workItems: (r?.items ?? []).map((e) => ({
      name: e.name,
      ...(e.unit ? { unit: e.unit } : {}),
      plan: e.plan,
      done: e.done,
      cumulative: e.cumulative,
    })),
    children: (u.children ?? []).map((c) => toNode(c, reports)),
  };
}

function dress(
  u: ConsolidationUnit,
  v: OrgVolumes,
  reports: ReadonlyMap<string, VolumeReportInput>,
): UnitVolumes {
  const r = reports.get(u.code);
  const reports_ = r !== undefined;
  const villageNames = new Set(
    // A village that only registered its plan has not reported what it did.
    (r?.items ?? []).flatMap((e) =>
      (e.villages ?? [])
        .filter((x) => x.done !== null || x.plan === undefined || x.plan === null)
        .map((x) => x.name.trim().toLowerCase()),
    ),
  );
  const villagesNotReported =
    r && villageNames.size > 0 && u.villages?.length
      ? u.villages.filter((name) => !villageNames.has(name.trim().toLowerCase()))
      : undefined;
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    reported: u.level === REPORTING_LEVEL ? reports_ : reports_ ? true : null,
    ...(r?.revision !== undefined ? { revision: r.revision } : {}),
    ...(r?.reviewState ? { reviewState: r.reviewState } : {}),
    ...(r?.source ? { source: r.source } : {}),
    totals: v.totals,
    ...(villagesNotReported ? { villagesNotReported } : {}),
    children: (u.children ?? []).map((c, i) => dress(c, v.children[i], reports)),
  };
}

function walk(
  u: UnitVolumes,
  parent: UnitVolumes | null,
  visit: (u: UnitVolumes, parent: UnitVolumes | null) => void,
) {
  visit(u, parent);
  for (const c of u.children) walk(c, u, visit);
}

function contains(outer: string, inner: string): boolean {
  try {
    const a = periodDays(outer);
    const b = periodDays(inner);
    return a.start <= b.start && b.end <= a.end;
  } catch {
    return false;
  }
}

export function consolidateWorkVolumes(input: {
  root: ConsolidationUnit;
  period: string;
  reports: ReadonlyMap<string, VolumeReportInput>;
  targets?: readonly PeriodTarget[];
  catalogue?: WorkItemCatalogue;
}): WorkVolumeConsolidation {
  const catalogue = input.catalogue ?? SHIPPED_WORK_ITEMS;
  const sums = sumWorkVolumeTree(toNode(input.root, input.reports), catalogue);
  const root = dress(input.root, sums, input.reports);
  const notReported: WorkVolumeConsolidation["notReported"] = [];
  const byCode = new Map<string, UnitVolumes>();
  let expected = 0;
  walk(root, null, (u, parent) => {
    byCode.set(u.code, u);
    if (u.level !== REPORTING_LEVEL) return;
    expected++;
    if (!u.reported) notReported.push({ code: u.code, name: u.name, parentName: parent?.name ?? null });
  });
  const targets = (input.targets ?? [])
    .filter((t) => byCode.has(t.org) && contains(t.period, input.period))
    .map((t): TargetProgress => {
      const unit = byCode.get(t.org)!;
      const line = unit.totals.find((l) => l.key === t.item);
      const basis: TargetProgress["basis"] = line
        ? line.cumulative !== null
          ? "cumulative"
          : line.done !== null
            ? "done"
            : null
        : null;
      const raw = basis === "cumulative" ? line!.cumulative : basis === "done" ? line!.done : null;
      const achieved = raw === null ? null : (convertUnit(raw, line?.unit, t.unit) ?? null);
      const entry = catalogue.items.find((i) => i.code === t.item);
      return {
        ...t,
        orgName: unit.name,
        name: t.label ?? entry?.name ?? t.item,
        achieved,
        basis,
        share: achieved === null || t.target <= 0 ? null : (achieved / t.target) * 100,
      };
    });
  return {
    kind: "work-volume",
    period: input.period,
    under: { code: input.root.code, name: input.root.name },
    totals: root.totals,
    root,
    notReported,
    counts: { expected, reported: expected - notReported.length },
    targets,
  };
}
