/**
 * What a CBR policy's retention leaves each resource with over time, for the editor: its schedule's
 * runs over a horizon long enough for every rule to fill (the longest of a year, the days kept and
 * the years kept, at most five years), pruned after each run as the cloud does (projectRetention).
 * Pure; the runs come from lib/schedule so that this module knows no pattern grammar.
 */
import {
  hasAnyRule,
  projectRetention,
  type RetentionProjection,
  type RetentionRule,
} from "./long-term";

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365;
const MAX_YEARS = 5;
/** Past this many runs the horizon is shortened: the projection stays instant in the browser. */
const MAX_RUNS = 4_000;

export type RetentionOutlook =
  | { kind: "noRuns" }
  /** No rule at all: the cloud keeps every backup, so the count only grows. */
  | { kind: "grows"; perYear: number }
  | { kind: "steady"; horizonDays: number; projection: RetentionProjection };

export function retentionOutlook(
  runsBetween: (from: Date, to: Date) => Date[],
  rule: RetentionRule,
  now: Date,
): RetentionOutlook {
  const year = runsBetween(now, new Date(now.getTime() + YEAR_DAYS * DAY_MS));
  if (year.length === 0) return { kind: "noRuns" };
  if (!hasAnyRule(rule)) return { kind: "grows", perYear: year.length };

  const wanted = Math.max(
    YEAR_DAYS,
    (rule.retentionDays ?? 0) + 7,
    ((rule.year ?? 0) + 1) * YEAR_DAYS,
    ((rule.month ?? 0) + 1) * 31,
    ((rule.week ?? 0) + 1) * 7,
  );
  const byRuns = Math.floor((MAX_RUNS / year.length) * YEAR_DAYS);
  const horizonDays = Math.max(7, Math.min(wanted, MAX_YEARS * YEAR_DAYS, byRuns));
  const runs = runsBetween(now, new Date(now.getTime() + horizonDays * DAY_MS));
  return { kind: "steady", horizonDays, projection: projectRetention(runs, rule) };
}
