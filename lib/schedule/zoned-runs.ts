import { nextRuns } from "./runs";
import { DAY_MS, type ScheduleRule, type Weekday } from "./types";
import { weekdayOfDayNumber } from "./weekday";
import { formatOffset, offsetMinutesAt, zonedParts } from "./zone";

export type WallClock = {
  /** "2026-03-29" */
  date: string;
  /** "03:00" */
  time: string;
  day: Weekday;
  offsetMinutes: number;
  /** "UTC+02:00" */
  offset: string;
};

export type ZonedRun = { at: Date; utc: WallClock; local: WallClock; zone: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant's wall clock in a zone (never the machine's zone). */
export function wallClock(at: Date, zone: string): WallClock {
  const p = zonedParts(at, zone);
  const offsetMinutes = offsetMinutesAt(zone, at);
  const dayNumber = Math.floor(Date.UTC(p.year, p.month - 1, p.day) / DAY_MS);
  return {
    date: `${String(p.year).padStart(4, "0")}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
    day: weekdayOfDayNumber(dayNumber),
    offsetMinutes,
    offset: formatOffset(offsetMinutes),
  };
}

export function describeRun(at: Date, zone: string): ZonedRun {
  return { at, utc: wallClock(at, "UTC"), local: wallClock(at, zone), zone };
}

/**
 * The next runs with their wall clock in `zone`. The instants are the cloud's (UTC rules); only
 * their rendering depends on the zone, so a DST change shows as a local time moving by the change.
 */
export function nextRunsInZone(
  rules: ScheduleRule[],
  after: Date,
  count: number,
  zone: string,
): ZonedRun[] {
  return nextRuns(rules, after, count).map((at) => describeRun(at, zone));
}
