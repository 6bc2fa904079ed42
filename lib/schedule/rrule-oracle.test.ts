// A differential test of the schedule engine against rrule.js, the reference implementation of
// RFC 5545 recurrences: for any schedule in the clouds' grammar, the runs the console shows and
// the simulator fires (runs.ts) are the instants rrule.js expands. rrule.js is used in UTC only,
// where its floating-time model cannot pick up the machine's zone (see runs.ts).
import fc from "fast-check";
import { RRule, RRuleSet } from "rrule";
import { describe, expect, it } from "vitest";
import { runsBetween } from "./runs";
import { schedule } from "./testing/arbitraries";
import { DAY_MS, type ScheduleRule, WEEKDAYS } from "./types";

const RRULE_DAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

/**
 * The rule for rrule.js. A DAILY;INTERVAL=n rule is anchored on 1970-01-01 UTC (types.ts); rrule
 * anchors on DTSTART, so DTSTART is the last day before the window with the same phase (expanding
 * from 1970 would take seconds a rule).
 */
function oracleRule(rule: ScheduleRule, windowStartDay: number): RRule {
  const anchorDay = Math.floor(windowStartDay / rule.interval) * rule.interval - rule.interval;
  return new RRule({
    freq: rule.freq === "DAILY" ? RRule.DAILY : RRule.WEEKLY,
    interval: rule.interval,
    dtstart: new Date(anchorDay * DAY_MS),
    ...(rule.byDay.length > 0
      ? { byweekday: rule.byDay.map((d) => RRULE_DAYS[WEEKDAYS.indexOf(d)] ?? RRule.MO) }
      : {}),
    byhour: rule.byHour,
    byminute: rule.byMinute,
    bysecond: [0],
    tzid: "UTC",
  });
}

function oracleRuns(rules: ScheduleRule[], from: Date, to: Date): number[] {
  const set = new RRuleSet();
  const startDay = Math.floor(from.getTime() / DAY_MS);
  for (const rule of rules) set.rrule(oracleRule(rule, startDay));
  // between(after, before, inc=false) excludes both ends; the engine includes `to`.
  const runs = set.between(from, new Date(to.getTime() + 1), false);
  return [...new Set(runs.map((d) => d.getTime()))].sort((a, b) => a - b);
}

const windowStart = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 0, 1) })
  .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));

describe("the schedule engine against rrule.js", () => {
  it("expands every schedule of the grammar to the same UTC instants over three weeks", () => {
    fc.assert(
      fc.property(schedule, windowStart, (rules, from) => {
        const to = new Date(from.getTime() + 21 * DAY_MS);
        const engine = runsBetween(rules, from, to).map((d) => d.getTime());
        expect(engine).toEqual(oracleRuns(rules, from, to));
      }),
      { numRuns: 150 },
    );
  });

  it("agrees on a DST week and a leap day", () => {
    // The engine works in UTC, so nothing moves at a zone's change; rrule in UTC agrees.
    const rules: ScheduleRule[] = [
      { freq: "WEEKLY", interval: 1, byDay: ["SU", "MO"], byHour: [0, 1, 2, 3], byMinute: [30] },
      { freq: "DAILY", interval: 3, byDay: [], byHour: [23], byMinute: [59] },
    ];
    for (const [from, to] of [
      [Date.UTC(2026, 2, 27), Date.UTC(2026, 3, 3)],
      [Date.UTC(2028, 1, 26), Date.UTC(2028, 2, 3)],
    ] as const) {
      const engine = runsBetween(rules, new Date(from), new Date(to)).map((d) => d.getTime());
      expect(engine.length).toBeGreaterThan(0);
      expect(engine).toEqual(oracleRuns(rules, new Date(from), new Date(to)));
    }
  });
});
