/**
 * CBR retention: which automatic backups of one resource a policy keeps. Pure; shared by the
 * simulator (which deletes the rest) and the editor's projection.
 *
 * The references (OTC-CBR `creating_a_policy.rst`, PolicyoODCreate): `max_backups` keeps the newest
 * n; `retention_duration_days` keeps backups younger than n days; `day_backups` … `year_backups`
 * keep "the latest backup of each day (week, month, year)" and "this parameter and max_backups will
 * both be applied" — a union, as in Proxmox's prune simulator: a backup stays when any rule keeps it.
 * The periods are read in the policy's `timezone` ("UTC+08:00"); weeks start on Monday (ISO 8601);
 * each long-term rule counts the n most recent periods that hold a backup. With no rule at all,
 * backups are kept for ever.
 */

export type RetentionRule = {
  /** -1 or undefined: not by count. */
  maxBackups?: number | undefined;
  /** -1 or undefined: not by age. */
  retentionDays?: number | undefined;
  day?: number | undefined;
  week?: number | undefined;
  month?: number | undefined;
  year?: number | undefined;
  /** Minutes east of UTC of the policy's time zone (UTC+08:00 → 480). */
  offsetMinutes: number;
};

export type KeepReason = "last" | "age" | "day" | "week" | "month" | "year" | "forever";
export const LONG_TERM_PERIODS = ["day", "week", "month", "year"] as const;
export type LongTermPeriod = (typeof LONG_TERM_PERIODS)[number];

export type Prunable = { id: string; createdAt: Date };
export type PruneResult = {
  keep: Map<string, KeepReason[]>;
  remove: string[];
};

const DAY_MS = 86_400_000;

/** The period a backup falls in, read in the policy's zone: "2026-03-29", "2026-W13", "2026-03", "2026". */
export function periodKey(at: Date, period: LongTermPeriod, offsetMinutes: number): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const y = local.getUTCFullYear();
  const m = String(local.getUTCMonth() + 1).padStart(2, "0");
  const d = String(local.getUTCDate()).padStart(2, "0");
  if (period === "day") return `${y}-${m}-${d}`;
  if (period === "month") return `${y}-${m}`;
  if (period === "year") return String(y);
  // ISO week: the Thursday of the local date's week names the week's year.
  const weekday = (local.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(y, local.getUTCMonth(), local.getUTCDate() - weekday + 3));
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${isoYear}-W${String(week).padStart(2, "0")}`;
}

const on = (n: number | undefined): n is number => n !== undefined && n > 0;

export function hasAnyRule(rule: RetentionRule): boolean {
  return (
    on(rule.maxBackups) ||
    on(rule.retentionDays) ||
    LONG_TERM_PERIODS.some((period) => on(rule[period]))
  );
}

/** Splits one resource's automatic backups into those the rule keeps (with why) and those it removes. */
export function pruneBackups(backups: Prunable[], rule: RetentionRule, now: Date): PruneResult {
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
  const keep = new Map<string, KeepReason[]>();
  const mark = (id: string, reason: KeepReason) => {
    const reasons = keep.get(id);
    if (reasons) reasons.push(reason);
    else keep.set(id, [reason]);
  };
  if (!hasAnyRule(rule)) {
    for (const b of newestFirst) mark(b.id, "forever");
    return { keep, remove: [] };
  }
  if (on(rule.maxBackups)) {
    for (const b of newestFirst.slice(0, rule.maxBackups)) mark(b.id, "last");
  }
  if (on(rule.retentionDays)) {
    const cutoff = now.getTime() - rule.retentionDays * DAY_MS;
    for (const b of newestFirst) if (b.createdAt.getTime() > cutoff) mark(b.id, "age");
  }
  for (const period of LONG_TERM_PERIODS) {
    const count = rule[period];
    if (!on(count)) continue;
    const seen = new Set<string>();
    for (const b of newestFirst) {
      if (seen.size >= count) break;
      const key = periodKey(b.createdAt, period, rule.offsetMinutes);
      if (seen.has(key)) continue;
      seen.add(key);
      mark(b.id, period);
    }
  }
  const remove = newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id);
  return { keep, remove };
}

export type RetentionProjection = {
  /** Backups one resource holds at the end of the horizon. */
  total: number;
  /** How many are kept by each reason (a backup kept for several counts in each). */
  byReason: Record<KeepReason, number>;
  /** The kept instants, newest first. */
  kept: Date[];
  /** The oldest kept backup. */
  oldest: Date | null;
};

/**
 * Runs the policy's schedule (`runs`, the instants of one resource's automatic backups, oldest
 * first) through the rule after each run, as the cloud prunes after each backup, and says what one
 * resource holds at the end.
 */
export function projectRetention(runs: Date[], rule: RetentionRule): RetentionProjection {
  let held: Prunable[] = [];
  let last: PruneResult = { keep: new Map(), remove: [] };
  for (const [index, at] of runs.entries()) {
    held.push({ id: String(index), createdAt: at });
    last = pruneBackups(held, rule, at);
    const removed = new Set(last.remove);
    held = held.filter((b) => !removed.has(b.id));
  }
  const byReason: Record<KeepReason, number> = {
    last: 0,
    age: 0,
    day: 0,
    week: 0,
    month: 0,
    year: 0,
    forever: 0,
  };
  for (const reasons of last.keep.values()) for (const r of reasons) byReason[r] += 1;
  const kept = held.map((b) => b.createdAt).sort((a, b) => b.getTime() - a.getTime());
  return { total: held.length, byReason, kept, oldest: kept.at(-1) ?? null };
}
