export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One UTC recurrence rule as the clouds express it. */
export type ScheduleRule = {
  freq: "WEEKLY" | "DAILY";
  /** 1 unless a DAILY rule says INTERVAL=n (phase anchored on 1970-01-01 UTC). */
  interval: number;
  /** Sorted MO..SU. Empty only for DAILY (every day). */
  byDay: Weekday[];
  /** Sorted ascending, 0–23. */
  byHour: number[];
  /** Sorted ascending, 0–59. */
  byMinute: number[];
};

export type ScheduleProblem = { code: string; message: string; field?: string };

export type ParseResult =
  | { ok: true; rules: ScheduleRule[] }
  | { ok: false; problem: ScheduleProblem };

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
export const DAY_MS = 86_400_000;
