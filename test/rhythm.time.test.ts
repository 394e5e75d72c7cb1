/**
 * Vietnam time and the reporting calendar: which week an instant belongs to and when a deadline
 * falls, as a coordination office in Hà Tĩnh reads the clock (UTC+7, no daylight saving).
 */
import fc from "fast-check";
import { HA_TINH_CALENDAR, deadlinesFor } from "../src/domain/rhythm/reportingCalendar";
import {
  isoWeekOfDate,
  localParts,
  periodDays,
  periodOfInstant,
  previousPeriod,
  vietnamInstant,
} from "../src/domain/rhythm/vietnamTime";

const instants = fc
  .integer({ min: Date.UTC(2001, 1, 1), max: Date.UTC(2099, 10, 30) })
  .map((ms) => new Date(Math.floor(ms / 60000) * 60000).toISOString());

describe("Vietnam's clock", () => {
  it("Sunday 23:30 in Hà Tĩnh is still that ISO week; 00:30 Monday is the next (UTC says otherwise)", () => {
    expect(periodOfInstant("2023-04-09T16:30:00.000Z", "week")).toBe("2023-W14");
    expect(periodOfInstant("2023-04-09T17:30:00.000Z", "week")).toBe("2023-W15");
    expect(localParts("2023-04-09T17:30:00.000Z")).toEqual({ date: "2023-04-10", time: "00:30", weekday: 1 });
  });

  it("31 December 2023 23:00 UTC is already 2024 (month, quarter, year) and week 2024-W01", () => {
    const t = "2023-12-31T18:00:00.000Z";
    expect(["month", "quarter", "year", "week"].map((k) => periodOfInstant(t, k as never))).toEqual([
      "2024-01",
      "2024-Q1",
      "2024",
      "2024-W01",
    ]);
  });

  it("every instant lies in the week whose days hold its Vietnamese date, and converts back", () => {
    fc.assert(
      fc.property(instants, (t) => {
        const local = localParts(t);
        const week = periodOfInstant(t, "week");
        const { start, end } = periodDays(week);
        expect(start <= local.date && local.date < end).toBe(true);
        expect(vietnamInstant(local.date, local.time)).toBe(t);
        expect(Date.parse(t) - Date.parse(`${local.date}T${local.time}:00Z`)).toBe(-7 * 3600_000);
      }),
    );
  });

  it("periods follow each other without gap or overlap (weeks across 53-week years too)", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom("week", "month", "quarter", "year"), (t, kind) => {
        const p = periodOfInstant(t, kind as never);
        expect(periodDays(previousPeriod(p)).end).toBe(periodDays(p).start);
      }),
    );
    expect(previousPeriod("2021-W01")).toBe("2020-W53");
    expect(isoWeekOfDate("2021-01-03")).toBe("2020-W53");
  });
});

describe("Hà Tĩnh's reporting calendar", () => {
  it("2023-W14: registration before Thu 30/3 17:00, results before Mon 10/4 10:00 (Vietnam time)", () => {
    const d = deadlinesFor(HA_TINH_CALENDAR, "work-volume", "2023-W14");
    expect(d.map((x) => [x.id, x.requires, x.due])).toEqual([
      ["registration", "plan", "2023-03-30T10:00:00.000Z"],
      ["results", "done", "2023-04-10T03:00:00.000Z"],
    ]);
  });

  it("every week's registration is due on a Thursday 17:00 and its results on the Monday after 10:00", () => {
    fc.assert(
      fc.property(instants, (t) => {
        const week = periodOfInstant(t, "week");
        const [reg, res] = deadlinesFor(HA_TINH_CALENDAR, "work-volume", week);
        expect(localParts(reg.due)).toMatchObject({ weekday: 4, time: "17:00" });
        expect(localParts(res.due)).toMatchObject({ weekday: 1, time: "10:00", date: periodDays(week).end });
      }),
    );
  });

  it("a month's work volumes are due on the 5th after it; a kind with no rule has no deadline", () => {
    expect(deadlinesFor(HA_TINH_CALENDAR, "work-volume", "2022-11")[0].due).toBe("2022-12-05T10:00:00.000Z");
    expect(deadlinesFor(HA_TINH_CALENDAR, "vn-xa-ntm-2021-2025", "2023-W14")).toEqual([]);
  });
});
