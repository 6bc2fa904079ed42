import { serializeRule } from "./serialize";
import {
  DAY_MS,
  MINUTES_PER_DAY,
  MINUTES_PER_WEEK,
  type ScheduleProblem,
  type ScheduleRule,
  WEEKDAYS,
  type Weekday,
} from "./types";
import { mod, weekdayAt, weekdayIndex } from "./weekday";
import { offsetChanges, offsetMinutesAt } from "./zone";

/**
 * A weekly grid is the set of (weekday, wall-clock time) at which a backup runs, either in UTC
 * (what the rules say) or in a zone (what the administrator thinks in).
 *
 * Rules are fixed in UTC: the cloud reads BYHOUR/BYMINUTE in UTC and knows no zone. So a local
 * grid is converted with ONE offset, the zone's offset at a reference instant (usually "now"), and
 * the same rules run at other local times when the zone's offset changes: a Berlin "02:00" saved
 * in winter (01:00 UTC) runs at 03:00 local in summer. The conversion reports each such change
 * (`drift`) so the builder can say so, instead of pretending the schedule follows local time.
 */
export type GridSlot = { day: Weekday; hour: number; minute: number };
export type LocalGrid = GridSlot[];
export type LocalTime = { hour: number; minute: number };

export type Drift = {
  /** From this instant on … */
  at: Date;
  /** … the zone's offset is this … */
  offsetMinutes: number;
  /** … so each run happens this many minutes later (negative: earlier) in local time than planned. */
  shiftMinutes: number;
};

export type GridConversion = {
  rules: ScheduleRule[];
  /** The zone's offset at the reference instant, used for the conversion. */
  offsetMinutes: number;
  /** Offset changes within a year after the reference instant. */
  drift: Drift[];
};

/** How far ahead drift is reported. */
const DRIFT_HORIZON_MS = 366 * DAY_MS;

/** Every day × every time: the builder's "daily / weekly on days D at times T". */
export function gridFromDaysAndTimes(days: Weekday[], times: LocalTime[]): LocalGrid {
  return days.flatMap((day) =>
    times.map((time) => ({ day, hour: time.hour, minute: time.minute })),
  );
}

function slotMinute(slot: GridSlot): number {
  const valid =
    WEEKDAYS.includes(slot.day) &&
    Number.isInteger(slot.hour) &&
    Number.isInteger(slot.minute) &&
    slot.hour >= 0 &&
    slot.hour <= 23 &&
    slot.minute >= 0 &&
    slot.minute <= 59;
  // A grid is built by code, not typed: a bad slot is a programming error.
  if (!valid) throw new RangeError(`Invalid grid slot ${JSON.stringify(slot)}`);
  return weekdayIndex(slot.day) * MINUTES_PER_DAY + slot.hour * 60 + slot.minute;
}

function slotAt(minuteOfWeek: number): GridSlot {
  const m = mod(minuteOfWeek, MINUTES_PER_WEEK);
  const dayMinute = m % MINUTES_PER_DAY;
  return {
    day: weekdayAt(Math.floor(m / MINUTES_PER_DAY)),
    hour: Math.floor(dayMinute / 60),
    minute: dayMinute % 60,
  };
}

function sortSlots(slots: Iterable<GridSlot>): GridSlot[] {
  const unique = new Map<number, GridSlot>();
  for (const slot of slots) unique.set(slotMinute(slot), slot);
  return [...unique.entries()].sort((a, b) => a[0] - b[0]).map(([minute]) => slotAt(minute));
}

/** Shifts a grid by whole minutes, wrapping around the week (days change across midnight). */
export function shiftGrid(grid: LocalGrid, minutes: number): LocalGrid {
  return sortSlots(grid.map((slot) => slotAt(slotMinute(slot) + minutes)));
}

/** The UTC weekly grid of interval-1 rules (DAILY;INTERVAL>1 has no weekly grid and is skipped). */
export function rulesToUtcSlots(rules: ScheduleRule[]): GridSlot[] {
  const slots: GridSlot[] = [];
  for (const rule of rules) {
    if (rule.interval > 1) continue;
    const days = rule.byDay.length > 0 ? rule.byDay : rule.freq === "DAILY" ? [...WEEKDAYS] : [];
    for (const day of days)
      for (const hour of rule.byHour)
        for (const minute of rule.byMinute) slots.push({ day, hour, minute });
  }
  return sortSlots(slots);
}

function fromBits(mask: number, size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < size; i++) if (mask & (1 << i)) out.push(i);
  return out;
}

/** Groups `items` by `keyOf`, keeping first-seen order. */
function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

const ascending = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

/**
 * Covers a set of times of day with hour × minute products (one RRULE can only say BYHOUR × BYMINUTE):
 * hours sharing the same minutes form one product; the transpose is tried too and the shorter kept.
 */
function coverTimes(minutesOfDay: Iterable<number>): { byHour: number[]; byMinute: number[] }[] {
  const times = ascending(minutesOfDay);
  const hoursOf = (minute: number) =>
    times.filter((t) => t % 60 === minute).map((t) => Math.floor(t / 60));
  const minutesOf = (hour: number) =>
    times.filter((t) => Math.floor(t / 60) === hour).map((t) => t % 60);
  const minutes = ascending(times.map((t) => t % 60));
  const hours = ascending(times.map((t) => Math.floor(t / 60)));
  const viaMinutes = groupBy(minutes, (m) => hoursOf(m).join(",")).map((group) => ({
    byHour: hoursOf(group[0] as number),
    byMinute: group,
  }));
  const viaHours = groupBy(hours, (h) => minutesOf(h).join(",")).map((group) => ({
    byHour: group,
    byMinute: minutesOf(group[0] as number),
  }));
  return viaHours.length < viaMinutes.length ? viaHours : viaMinutes;
}

/**
 * The canonical rules for a UTC weekly grid: times that run on the same set of days share rules;
 * a time that runs on all seven days is DAILY, otherwise WEEKLY. Sorted by serialized text so equal
 * schedules give equal rule lists.
 */
export function slotsToRules(slots: GridSlot[]): ScheduleRule[] {
  const daysByTime = new Map<number, number>(); // minute of day → day mask
  for (const slot of slots) {
    const time = slot.hour * 60 + slot.minute;
    daysByTime.set(time, (daysByTime.get(time) ?? 0) | (1 << weekdayIndex(slot.day)));
  }
  const timesByDays = new Map<number, number[]>();
  for (const [time, mask] of daysByTime)
    timesByDays.set(mask, [...(timesByDays.get(mask) ?? []), time]);
  const rules: ScheduleRule[] = [];
  for (const [mask, times] of timesByDays) {
    const days = fromBits(mask, 7).map(weekdayAt);
    for (const { byHour, byMinute } of coverTimes(times)) {
      rules.push(
        days.length === 7
          ? { freq: "DAILY", interval: 1, byDay: [], byHour, byMinute }
          : { freq: "WEEKLY", interval: 1, byDay: days, byHour, byMinute },
      );
    }
  }
  return sortRules(rules);
}

function sortRules(rules: ScheduleRule[]): ScheduleRule[] {
  return rules
    .map((rule) => ({ rule, key: serializeRule(rule) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ rule }) => rule);
}

/** One canonical rule list per schedule: equal runs ⇔ equal normalized rules (for dirty state and comparisons). */
export function normalizeRules(rules: ScheduleRule[]): ScheduleRule[] {
  const everyN: ScheduleRule[] = [];
  for (const group of groupBy(
    rules.filter((rule) => rule.interval > 1),
    (rule) => String(rule.interval),
  )) {
    const interval = (group[0] as ScheduleRule).interval;
    const times = group.flatMap((rule) =>
      rule.byHour.flatMap((h) => rule.byMinute.map((m) => h * 60 + m)),
    );
    for (const { byHour, byMinute } of coverTimes(times)) {
      everyN.push({ freq: "DAILY", interval, byDay: [], byHour, byMinute });
    }
  }
  return sortRules([...slotsToRules(rulesToUtcSlots(rules)), ...everyN]);
}

function driftAfter(zone: string, refDate: Date, offsetMinutes: number): Drift[] {
  return offsetChanges(zone, refDate, new Date(refDate.getTime() + DRIFT_HORIZON_MS)).map(
    (change) => ({
      at: change.at,
      offsetMinutes: change.offsetMinutes,
      shiftMinutes: change.offsetMinutes - offsetMinutes,
    }),
  );
}

/** Local weekly grid in `zone` → UTC rules, using the zone's offset at `refDate` (see above). */
export function gridToRules(grid: LocalGrid, zone: string, refDate: Date): GridConversion {
  const offsetMinutes = offsetMinutesAt(zone, refDate);
  return {
    rules: slotsToRules(shiftGrid(grid, -offsetMinutes)),
    offsetMinutes,
    drift: driftAfter(zone, refDate, offsetMinutes),
  };
}

export type GridView =
  | {
      ok: true;
      grid: LocalGrid;
      offsetMinutes: number;
      drift: Drift[];
      /** Rebuilding rules from this grid gives different rule text (same runs): saving from the grid rewrites the pattern. */
      rewritesRules: boolean;
    }
  | { ok: false; problem: ScheduleProblem };

/** UTC rules → the local weekly grid in `zone` at `refDate`; refuses what a weekly grid cannot show. */
export function rulesToGrid(rules: ScheduleRule[], zone: string, refDate: Date): GridView {
  const everyN = rules.find((rule) => rule.interval > 1);
  if (everyN) {
    return {
      ok: false,
      problem: {
        code: "not-weekly",
        message: `"Every ${everyN.interval} days" does not repeat weekly, so it cannot be shown on a week grid.`,
        field: "INTERVAL",
      },
    };
  }
  const offsetMinutes = offsetMinutesAt(zone, refDate);
  const rebuilt = slotsToRules(rulesToUtcSlots(rules)).map((rule) => serializeRule(rule));
  const original = rules.map((rule) => serializeRule(rule));
  return {
    ok: true,
    grid: shiftGrid(rulesToUtcSlots(rules), offsetMinutes),
    offsetMinutes,
    drift: driftAfter(zone, refDate, offsetMinutes),
    rewritesRules: rebuilt.join("\n") !== original.join("\n"),
  };
}

/** True when both rule lists produce exactly the same runs. */
export function sameSchedule(a: ScheduleRule[], b: ScheduleRule[]): boolean {
  const key = (rules: ScheduleRule[]) =>
    normalizeRules(rules)
      .map((rule) => serializeRule(rule))
      .join("\n");
  return key(a) === key(b);
}
