import { DAY_MS, WEEKDAYS, type Weekday } from "./types";

/** Index 0 = Monday … 6 = Sunday, the iCalendar order. */
export function weekdayIndex(day: Weekday): number {
  return WEEKDAYS.indexOf(day);
}

export function weekdayAt(index: number): Weekday {
  return WEEKDAYS[mod(index, 7)] as Weekday;
}

export function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** Whole UTC days since 1970-01-01 (a Thursday, index 3). */
export function utcDayNumber(instant: Date | number): number {
  return Math.floor(Number(instant) / DAY_MS);
}

export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return weekdayAt(dayNumber + 3);
}

export function sortWeekdays(days: Iterable<Weekday>): Weekday[] {
  return [...new Set(days)].sort((a, b) => weekdayIndex(a) - weekdayIndex(b));
}
