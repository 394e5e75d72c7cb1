/**
 * Completeness (the reporting-rate idea of DHIS2): for one report kind and period, which org units
 * were expected, which submitted, on time or late, and which are missing — per deadline of the
 * calendar, with the time of the submission that counted.
 *
 * A unit's submission for a deadline is its first revision that holds what the deadline requires
 * (a plan for the weekly registration, a done figure for the results) and was made no later than
 * `asOf`: on time when made at or before the due instant, late after it. Without one the unit is
 * missing once the deadline has passed, and "pending" before — nobody is late for a deadline that
 * has not come. Invariant: every expected unit is counted in exactly one of on time, late, missing
 * and pending, per deadline; `asOf` is passed in (the domain has no clock).
 */
import { deadlinesFor, type Deadline, type ReportingCalendar } from "./reportingCalendar";
import { localParts } from "./vietnamTime";

export interface ExpectedUnit {
  code: string;
  name: string;
  /** The unit above (the district of a commune), for grouping on screen and paper. */
  parentName?: string;
}

export interface SubmittedRevision {
  number: number;
  /** ISO instant the store made the revision. */
  at: string;
  plan: boolean;
  done: boolean;
}

export type SubmissionStatus = "on-time" | "late" | "missing" | "pending";

export interface UnitCompleteness extends ExpectedUnit {
  status: SubmissionStatus;
  submittedAt: string | null;
  /** The submission on Vietnam's wall clock ("2023-04-06 16:20"), for people. */
  submittedLocal: string | null;
  revision: number | null;
}

export interface DeadlineCompleteness {
  id: string;
  label: string;
  due: string;
  dueLocal: string;
  /** The due day is a placeholder of the calendar, not confirmed from a decision. */
  unverified?: boolean;
  counts: {
    expected: number;
    submitted: number;
    onTime: number;
    late: number;
    missing: number;
    pending: number;
  };
  units: UnitCompleteness[];
}

export interface CompletenessReport {
  kind: string;
  period: string;
  asOf: string;
  deadlines: DeadlineCompleteness[];
  /** Said once when any deadline is a placeholder: on time and late are judged against it. */
  unverifiedNote?: { vi: string; en: string };
}

export const UNVERIFIED_DEADLINE_NOTE = {
  vi: "Hạn nộp đánh dấu * là ngày giả định, chưa xác nhận từ văn bản của tỉnh: đúng hạn / trễ hạn chỉ để tham khảo.",
  en: "Deadlines marked * are placeholder days, not confirmed from a provincial decision: on time / late are indicative only.",
};

export function localText(instant: string): string {
  const l = localParts(instant);
  return `${l.date} ${l.time}`;
}

function meets(rev: SubmittedRevision, requires: Deadline["requires"]): boolean {
  return requires === "any" || rev[requires];
}

function judge(
  unit: ExpectedUnit,
  revisions: readonly SubmittedRevision[],
  deadline: Deadline,
  asOfMs: number,
): UnitCompleteness {
  const first = revisions
    .filter((r) => Date.parse(r.at) <= asOfMs && meets(r, deadline.requires))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.number - b.number)[0];
  if (first) {
    return {
      ...unit,
      status: Date.parse(first.at) <= Date.parse(deadline.due) ? "on-time" : "late",
      submittedAt: first.at,
      submittedLocal: localText(first.at),
      revision: first.number,
    };
  }
  return {
    ...unit,
    status: asOfMs > Date.parse(deadline.due) ? "missing" : "pending",
    submittedAt: null,
    submittedLocal: null,
    revision: null,
  };
}

export function completeness(input: {
  calendar: ReportingCalendar;
  kind: string;
  period: string;
  expected: readonly ExpectedUnit[];
  /** Org code → its revisions of the report (kind, period). */
  submissions: ReadonlyMap<string, readonly SubmittedRevision[]>;
  asOf: string;
}): CompletenessReport {
  const asOfMs = Date.parse(input.asOf);
  const deadlines = deadlinesFor(input.calendar, input.kind, input.period).map((d) => {
    const units = input.expected.map((u) => judge(u, input.submissions.get(u.code) ?? [], d, asOfMs));
    const count = (s: SubmissionStatus) => units.filter((u) => u.status === s).length;
    return {
      id: d.id,
      label: d.label,
      due: d.due,
      dueLocal: localText(d.due),
      ...(d.unverified ? { unverified: true } : {}),
      counts: {
        expected: units.length,
        submitted: count("on-time") + count("late"),
        onTime: count("on-time"),
        late: count("late"),
        missing: count("missing"),
        pending: count("pending"),
      },
      units,
    };
  });
  return {
    kind: input.kind,
    period: input.period,
    asOf: input.asOf,
    deadlines,
    ...(deadlines.some((d) => d.unverified) ? { unverifiedNote: UNVERIFIED_DEADLINE_NOTE } : {}),
  };
}
