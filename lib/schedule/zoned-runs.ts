import { nextRuns } from "./runs";
import { DAY_MS, type ScheduleRule, type Weekday } from "./types";
import { weekdayOfDayNumber } from "./weekday";
import { formatOffset, type OffsetChange, offsetChanges, offsetMinutesAt } from "./zone";

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

function clockFromShifted(shifted: Date, offsetMinutes: number): WallClock {
  const dayNumber = Math.floor(shifted.getTime() / DAY_MS);
  return {
    date: `${String(shifted.getUTCFullYear()).padStart(4, "0")}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
    day: weekdayOfDayNumber(dayNumber),
    offsetMinutes,
    offset: formatOffset(offsetMinutes),
  };
}

/** An instant's wall clock in a zone (never the machine's zone). */
export function wallClock(at: Date, zone: string): WallClock {
  const offsetMinutes = offsetMinutesAt(zone, at);
  return clockFromShifted(new Date(at.getTime() + offsetMinutes * 60_000), offsetMinutes);
}

export function describeRun(at: Date, zone: string): ZonedRun {
  return { at, utc: clockFromShifted(at, 0), local: wallClock(at, zone), zone };
}

/**
 * The next runs with their wall clock in `zone`. The instants are the cloud's (UTC rules); only
 * their rendering depends on the zone, so a DST change shows as a local time moving by the change.
 * The zone's offset is looked up once and then only where it changes, which keeps 100 runs far
 * below a frame.
 */
export function nextRunsInZone(
  rules: ScheduleRule[],
  after: Date,
  count: number,
  zone: string,
): ZonedRun[] {
  const runs = nextRuns(rules, after, count);
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (!first || !last) return [];
  const changes = offsetChanges(zone, new Date(first.getTime() - 60_000), last);
  let offset = offsetMinutesAt(zone, first);
  let next = 0;
  return runs.map((at) => {
    while (next < changes.length && (changes[next] as OffsetChange).at.getTime() <= at.getTime()) {
      offset = (changes[next] as OffsetChange).offsetMinutes;
      next++;
    }
    return {
      at,
      utc: clockFromShifted(at, 0),
      local: clockFromShifted(new Date(at.getTime() + offset * 60_000), offset),
      zone,
    };
  });
}
