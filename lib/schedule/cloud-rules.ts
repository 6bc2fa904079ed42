import { z } from "zod";
import { MAX_CBR_PATTERNS, MAX_DAILY_INTERVAL } from "./parse";
import { ruleRunsOnDay } from "./runs";
import { serializeCbrPatterns } from "./serialize";
import {
  MINUTES_PER_DAY,
  type ScheduleProblem,
  type ScheduleRule,
  WEEKDAYS,
  type Weekday,
} from "./types";
import { mod, weekdayOfDayNumber } from "./weekday";

/** Karbor's `min_interval` = 3600 s: the CSBS rule "时间点间隔不能小于一小时". */
export const MIN_GAP_MINUTES = 60;
/** "一天最多可以设置24个时间点". */
export const MAX_RUNS_PER_DAY = 24;

const hour = z.number().int().min(0).max(23);
const minute = z.number().int().min(0).max(59);

/** Shape of one rule built by a form or read from storage (the parser already guarantees it). */
export const scheduleRuleSchema = z
  .object({
    freq: z.enum(["WEEKLY", "DAILY"]),
    interval: z.number().int().min(1).max(MAX_DAILY_INTERVAL),
    byDay: z.array(z.enum(WEEKDAYS)),
    byHour: z.array(hour).min(1, "Choose at least one hour."),
    byMinute: z.array(minute).min(1, "Choose at least one minute."),
  })
  .superRefine((rule, ctx) => {
    if (rule.freq === "WEEKLY" && rule.byDay.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["byDay"],
        message: "A weekly rule needs at least one day.",
      });
    }
    if (rule.freq === "WEEKLY" && rule.interval !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["interval"],
        message: "INTERVAL is only supported with DAILY.",
      });
    }
    if (rule.interval > 1 && rule.byDay.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["byDay"],
        message: "Days cannot be combined with an interval.",
      });
    }
  });

const FIELD_BY_PATH: Record<string, string> = {
  freq: "FREQ",
  interval: "INTERVAL",
  byDay: "BYDAY",
  byHour: "BYHOUR",
  byMinute: "BYMINUTE",
};

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
const lcm = (a: number, b: number) => (a / gcd(a, b)) * b;

/** How many UTC days until the rule's pattern of active days repeats. */
function rulePeriodDays(rule: ScheduleRule): number {
  const byWeek = rule.byDay.length > 0 || rule.freq === "WEEKLY" ? 7 : 1;
  return lcm(byWeek, rule.interval);
}

/** Beyond ten years of period the combination is unreadable anyway; refuse rather than scan. */
const MAX_PERIOD_DAYS = 3_660;

/** Day numbers are offsets from 1970-01-05, a Monday, so labels read naturally. */
const PERIOD_ORIGIN_DAY = 4;

function label(dayNumber: number, minuteOfDay: number): string {
  const day = weekdayOfDayNumber(dayNumber);
  const name = { MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun" }[day];
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, "0");
  const mm = String(minuteOfDay % 60).padStart(2, "0");
  return `${name} ${hh}:${mm}`;
}

function slot(
  dayNumber: number,
  minuteOfDay: number,
): { day: Weekday; hour: number; minute: number } {
  return {
    day: weekdayOfDayNumber(dayNumber),
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
  };
}

export type CloseRuns = {
  /** "Sun 23:30" (UTC) */
  first: string;
  second: string;
  /** The same two runs as UTC week-grid slots, for highlighting cells. */
  firstSlot: { day: Weekday; hour: number; minute: number };
  secondSlot: { day: Weekday; hour: number; minute: number };
  gapMinutes: number;
  /** Both runs fall in the same UTC hour: the clash comes from BYMINUTE, not BYHOUR. */
  sameHour: boolean;
};

type Instant = { day: number; minute: number };
type Scan = {
  periodDays: number;
  instants: Instant[];
  /** Instants at which more than one rule runs. */
  shared: Instant[];
  crowdedDay?: { day: number; runs: number };
};

function scan(rules: ScheduleRule[]): Scan {
  const periodDays = rules.reduce((acc, rule) => lcm(acc, rulePeriodDays(rule)), 1);
  const instants: Instant[] = [];
  const shared: Instant[] = [];
  let crowdedDay: Scan["crowdedDay"];
  const timesOf = rules.map((rule) =>
    rule.byHour.flatMap((h) => rule.byMinute.map((m) => h * 60 + m)),
  );
  // Per-minute counters reused across days: the scan can cover up to ten years of days.
  const counts = new Uint8Array(MINUTES_PER_DAY);
  for (let offset = 0; offset < periodDays; offset++) {
    const day = PERIOD_ORIGIN_DAY + offset;
    const touched: number[] = [];
    for (const [index, rule] of rules.entries()) {
      if (!ruleRunsOnDay(rule, day)) continue;
      for (const minute of timesOf[index] as number[]) {
        if (counts[minute] === 0) touched.push(minute);
        counts[minute] = Math.min(255, (counts[minute] ?? 0) + 1);
      }
    }
    touched.sort((a, b) => a - b);
    if (!crowdedDay && touched.length > MAX_RUNS_PER_DAY)
      crowdedDay = { day, runs: touched.length };
    for (const minute of touched) {
      instants.push({ day, minute });
      if ((counts[minute] ?? 0) > 1) shared.push({ day, minute });
      counts[minute] = 0;
    }
  }
  return { periodDays, instants, shared, crowdedDay };
}

/** Duplicate or too-close runs, including the wrap-around from the end of the period to its start. */
function closePairs(result: Scan): CloseRuns[] {
  const { instants, periodDays } = result;
  const total = periodDays * MINUTES_PER_DAY;
  const position = (i: Instant) => (i.day - PERIOD_ORIGIN_DAY) * MINUTES_PER_DAY + i.minute;
  const pairs: CloseRuns[] = result.shared.map(({ day, minute }) => ({
    first: label(day, minute),
    second: label(day, minute),
    firstSlot: slot(day, minute),
    secondSlot: slot(day, minute),
    gapMinutes: 0,
    sameHour: true,
  }));
  if (instants.length < 2) return pairs;
  for (let i = 0; i < instants.length; i++) {
    const a = instants[i] as Instant;
    const b = instants[(i + 1) % instants.length] as Instant;
    const gap = mod(position(b) - position(a), total);
    if (gap < MIN_GAP_MINUTES) {
      pairs.push({
        first: label(a.day, a.minute),
        second: label(b.day, b.minute),
        firstSlot: slot(a.day, a.minute),
        secondSlot: slot(b.day, b.minute),
        gapMinutes: gap,
        sameHour: a.day === b.day && Math.floor(a.minute / 60) === Math.floor(b.minute / 60),
      });
    }
  }
  return pairs;
}

/** Every pair of consecutive runs closer than 60 minutes (for highlighting cells in a grid). */
export function findCloseRuns(rules: ScheduleRule[]): CloseRuns[] {
  return closePairs(scan(rules));
}

/**
 * The cloud's own rules: shapes in range, runs at least 60 minutes apart across the whole period
 * (a week, or the DAILY interval's cycle) including the wrap-around from its end to its start,
 * and at most 24 runs on any UTC day.
 */
export function checkCloudRules(
  rules: ScheduleRule[],
  options: { service?: "csbs" | "cbr" } = {},
): ScheduleProblem[] {
  if (rules.length === 0) {
    return [{ code: "no-rule", message: "The schedule has no run time.", field: "pattern" }];
  }
  const problems: ScheduleProblem[] = [];
  for (const [index, rule] of rules.entries()) {
    const parsed = scheduleRuleSchema.safeParse(rule);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELD_BY_PATH[String(issue.path[0])] ?? "pattern";
        const where = rules.length > 1 ? `Rule ${index + 1}: ` : "";
        problems.push({
          code: "invalid-rule",
          message: `${where}${field}: ${issue.message}`,
          field,
        });
      }
    }
  }
  if (problems.length > 0) return problems;

  const periodDays = rules.reduce((acc, rule) => lcm(acc, rulePeriodDays(rule)), 1);
  if (periodDays > MAX_PERIOD_DAYS) {
    return [
      {
        code: "unsupported-combination",
        message: `These INTERVAL values only repeat every ${periodDays} days; use a single interval.`,
        field: "INTERVAL",
      },
    ];
  }
  const result = scan(rules);
  if (result.crowdedDay) {
    const dayName = label(result.crowdedDay.day, 0).slice(0, 3);
    problems.push({
      code: "too-many-runs",
      message: `${result.crowdedDay.runs} runs on ${dayName} (UTC); the cloud allows at most ${MAX_RUNS_PER_DAY} a day.`,
      field: "BYHOUR",
    });
  }
  if (options.service === "cbr") {
    const patterns = serializeCbrPatterns(rules).length;
    if (patterns > MAX_CBR_PATTERNS) {
      problems.push({
        code: "too-many-patterns",
        message: `CBR needs one pattern per time of day and allows ${MAX_CBR_PATTERNS}; this schedule needs ${patterns}.`,
        field: "pattern",
      });
    }
  }
  const pair = closePairs(result)[0];
  if (pair) {
    problems.push({
      code: "too-close",
      message:
        pair.gapMinutes === 0
          ? `Two rules both run at ${pair.first} UTC; runs must be at least ${MIN_GAP_MINUTES} minutes apart.`
          : `Runs at ${pair.first} and ${pair.second} UTC are only ${pair.gapMinutes} minutes apart; the cloud requires at least ${MIN_GAP_MINUTES}.`,
      field: pair.sameHour ? "BYMINUTE" : "BYHOUR",
    });
  }
  return problems;
}
