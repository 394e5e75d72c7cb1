/**
 * A shipped criteria set's JSON as the flat list of indicators the fixture generators write one
 * row each for, in set order, with the criterion each belongs to.
 * Invariant: set order is kept (generators number and group rows from it).
 */
export interface SetIndicatorRow {
  code: string;
  criterion: string;
  criterionName: string;
  name: string;
  kind: string;
  unit?: string;
  op: string;
  /** The criterion has this one indicator only. */
  single: boolean;
  /** The criterion's group code ("" when the set has no groups). */
  group: string;
}

/** The part of a set's JSON the generators read (the JSON imports are untyped). */
export interface SetJson {
  groups?: { code: string; name: { vi: string } }[];
  criteria: {
    code: string;
    group?: string;
    name: { vi: string };
    indicators: { code: string; name: { vi: string }; kind: string; unit?: string; op: string }[];
  }[];
}

export function indicatorRowsOf(set: SetJson): SetIndicatorRow[] {
  return set.criteria.flatMap((c) =>
    c.indicators.map((i) => ({
      code: i.code,
      criterion: c.code,
      criterionName: c.name.vi,
      name: i.name.vi,
      kind: i.kind,
      ...(i.unit ? { unit: i.unit } : {}),
      op: i.op,
      single: c.indicators.length === 1,
      group: c.group ?? "",
    })),
  );
}
