// fast-check arbitraries of schedules in the clouds' grammar, for the property tests of the engine
// (properties.test.ts) and its differential test against rrule.js (rrule-oracle.test.ts).
import fc from "fast-check";
import { type ScheduleRule, WEEKDAYS } from "../types";

const sortedSet = <T>(arb: fc.Arbitrary<T>, compare: (a: T, b: T) => number, max: number) =>
  fc.uniqueArray(arb, { minLength: 1, maxLength: max }).map((values) => [...values].sort(compare));

export const weeklyRule: fc.Arbitrary<ScheduleRule> = fc.record({
  freq: fc.constant("WEEKLY" as const),
  interval: fc.constant(1),
  byDay: sortedSet(
    fc.constantFrom(...WEEKDAYS),
    (a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b),
    7,
  ),
  byHour: sortedSet(fc.integer({ min: 0, max: 23 }), (a, b) => a - b, 24),
  byMinute: sortedSet(fc.integer({ min: 0, max: 59 }), (a, b) => a - b, 3),
});
export const dailyRule: fc.Arbitrary<ScheduleRule> = fc.record({
  freq: fc.constant("DAILY" as const),
  // Intervals with small common multiples keep the cycle (and the suite) short; parse tests cover 1–30.
  interval: fc.constantFrom(1, 1, 2, 3, 5, 7, 14, 30),
  byDay: fc.constant([]),
  byHour: sortedSet(fc.integer({ min: 0, max: 23 }), (a, b) => a - b, 24),
  byMinute: sortedSet(fc.integer({ min: 0, max: 59 }), (a, b) => a - b, 3),
});
export const schedule = fc.array(fc.oneof(weeklyRule, dailyRule), { minLength: 1, maxLength: 4 });
export const weeklySchedule = fc.array(
  fc.oneof(
    weeklyRule,
    dailyRule.map((r) => ({ ...r, interval: 1 })),
  ),
  {
    minLength: 1,
    maxLength: 4,
  },
);
