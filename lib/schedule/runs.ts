import { DAY_MS, type ScheduleRule } from "./types";
import { mod, utcDayNumber, weekdayOfDayNumber } from "./weekday";

/**
 * Runs are computed directly from the rules rather than through rrule.js: the grammar is tiny
 * (WEEKLY/DAILY × BYDAY × BYHOUR × BYMINUTE, read in UTC), so an exact day-by-day walk in UTC is
 * simpler than an adapter and cannot leak the host's time zone (rrule's floating-time model does).
 * DAILY;INTERVAL=n runs on the UTC days whose number since 1970-01-01 is a multiple of n.
 */
export function ruleRunsOnDay(rule: ScheduleRule, dayNumber: number): boolean {
  if (rule.byDay.length > 0 && !rule.byDay.includes(weekdayOfDayNumber(dayNumber))) return false;
  if (rule.freq === "WEEKLY" && rule.byDay.length === 0) return false;
  if (rule.freq === "DAILY" && rule.interval > 1) return mod(dayNumber, rule.interval) === 0;
  return true;
}

function minutesOfDay(rule: ScheduleRule): number[] {
  const out: number[] = [];
  for (const hour of rule.byHour) for (const minute of rule.byMinute) out.push(hour * 60 + minute);
  return out;
}

/** Sorted distinct minutes of the UTC day `dayNumber` at which any rule runs. */
export function runMinutesOnDay(
  rules: ScheduleRule[],
  dayNumber: number,
  cache?: Map<ScheduleRule, number[]>,
): number[] {
  const set = new Set<number>();
  for (const rule of rules) {
    if (!ruleRunsOnDay(rule, dayNumber)) continue;
    let minutes = cache?.get(rule);
    if (!minutes) {
      minutes = minutesOfDay(rule);
      cache?.set(rule, minutes);
    }
    for (const m of minutes) set.add(m);
  }
  return [...set].sort((a, b) => a - b);
}

/** A window this long (100 years) is a caller's mistake, not a schedule question. */
const MAX_WINDOW_DAYS = 36_600;

/** UTC instants in (fromExclusive, toInclusive], sorted, one per instant even if several rules coincide. */
export function runsBetween(rules: ScheduleRule[], fromExclusive: Date, toInclusive: Date): Date[] {
  const from = fromExclusive.getTime();
  const to = toInclusive.getTime();
  if (!(to > from)) return [];
  const firstDay = utcDayNumber(from);
  const lastDay = utcDayNumber(to);
  if (lastDay - firstDay > MAX_WINDOW_DAYS)
    throw new RangeError("runsBetween: window longer than 100 years");
  const cache = new Map<ScheduleRule, number[]>();
  const out: Date[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    for (const minute of runMinutesOnDay(rules, day, cache)) {
      const at = day * DAY_MS + minute * 60_000;
      if (at > from && at <= to) out.push(new Date(at));
    }
  }
  return out;
}

/** The next `count` UTC instants strictly after `after`. */
export function nextRuns(rules: ScheduleRule[], after: Date, count: number): Date[] {
  const from = after.getTime();
  const out: Date[] = [];
  if (!(count > 0) || rules.length === 0) return out;
  const cache = new Map<ScheduleRule, number[]>();
  const firstDay = utcDayNumber(from);
  // A schedule that runs at all runs within 7 × its largest interval days; stop scanning after that.
  const maxGap = 7 * Math.max(1, ...rules.map((rule) => rule.interval)) + 1;
  let emptyDays = 0;
  for (let day = firstDay; out.length < count && emptyDays <= maxGap; day++) {
    let found = false;
    for (const minute of runMinutesOnDay(rules, day, cache)) {
      const at = day * DAY_MS + minute * 60_000;
      if (at > from) {
        out.push(new Date(at));
        found = true;
        if (out.length === count) break;
      }
    }
    emptyDays = found ? 0 : emptyDays + 1;
  }
  return out;
}
