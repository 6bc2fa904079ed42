import {
  type Drift,
  findCloseRuns,
  type GridSlot,
  gridFromDaysAndTimes,
  gridToRules,
  type LocalGrid,
  type LocalTime,
  parseCbrPatterns,
  parseCsbsPattern,
  rulesToGrid,
  runsBetween,
  type ScheduleProblem,
  type ScheduleRule,
  serializeCbrPatterns,
  serializeCsbsPattern,
  shiftGrid,
  WEEKDAYS,
  type Weekday,
  wallClock,
} from "@/lib/schedule";

/**
 * The schedule builder's model, pure: the pattern text is the one source of truth; the builder
 * reads it as a local week grid in a zone and writes grids back as canonical CSBS patterns, all
 * through lib/schedule. Nothing here knows the machine's zone.
 */

export type PatternReading =
  /** No pattern yet: an empty grid. */
  | { kind: "empty" }
  /** Editable on the grid. */
  | {
      kind: "grid";
      rules: ScheduleRule[];
      grid: LocalGrid;
      offsetMinutes: number;
      drift: Drift[];
    }
  /** Valid, but the builder would change it: shown read-only with the reason, never rewritten silently. */
  | {
      kind: "readonly";
      rules: ScheduleRule[];
      reason: "not-weekly" | "rewrites";
      problem?: ScheduleProblem;
    }
  /** Not a pattern the cloud accepts. */
  | { kind: "invalid"; problem: ScheduleProblem };

/**
 * How the pattern text is written: CSBS holds one iCalendar document; CBR a list of bare RRULEs,
 * which the builder's text shows one per line.
 */
export type PatternDialect = "csbs" | "cbr";

/** The CBR list of the builder's text: one rule per non-empty line. */
export const cbrLinesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

function parseText(text: string, dialect: PatternDialect) {
  return dialect === "cbr" ? parseCbrPatterns(cbrLinesOf(text)) : parseCsbsPattern(text);
}

export function readPattern(
  pattern: string,
  zone: string,
  refDate: Date,
  dialect: PatternDialect = "csbs",
): PatternReading {
  if (pattern.trim() === "") return { kind: "empty" };
  const parsed = parseText(pattern, dialect);
  if (!parsed.ok) return { kind: "invalid", problem: parsed.problem };
  const view = rulesToGrid(parsed.rules, zone, refDate);
  if (!view.ok) {
    return { kind: "readonly", rules: parsed.rules, reason: "not-weekly", problem: view.problem };
  }
  // A CBR list is one rule per time whatever the grid: rebuilding it changes only the text's
  // grouping, never the runs, so it stays editable.
  if (view.rewritesRules && dialect === "csbs") {
    return { kind: "readonly", rules: parsed.rules, reason: "rewrites" };
  }
  return {
    kind: "grid",
    rules: parsed.rules,
    grid: view.grid,
    offsetMinutes: view.offsetMinutes,
    drift: view.drift,
  };
}

/** The pattern the builder writes for a grid ("" for no run at all). */
export function writePattern(
  grid: LocalGrid,
  zone: string,
  refDate: Date,
  dialect: PatternDialect = "csbs",
): string {
  if (grid.length === 0) return "";
  const { rules } = gridToRules(grid, zone, refDate);
  return dialect === "cbr" ? serializeCbrPatterns(rules).join("\n") : serializeCsbsPattern(rules);
}

const slotKey = (s: GridSlot) => `${s.day}-${s.hour}-${s.minute}`;
export const cellKey = (day: Weekday, hour: number) => `${day}-${hour}`;
const timeValue = (t: LocalTime) => t.hour * 60 + t.minute;

function normalize(grid: LocalGrid): LocalGrid {
  const unique = new Map(grid.map((s) => [slotKey(s), s]));
  return [...unique.values()].sort(
    (a, b) =>
      WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.hour - b.hour || a.minute - b.minute,
  );
}

export function daysOf(grid: LocalGrid): Weekday[] {
  const days = new Set(grid.map((s) => s.day));
  return WEEKDAYS.filter((d) => days.has(d));
}

export function timesOf(grid: LocalGrid): LocalTime[] {
  const times = new Map(
    grid.map((s) => [s.hour * 60 + s.minute, { hour: s.hour, minute: s.minute }]),
  );
  return [...times.values()].sort((a, b) => timeValue(a) - timeValue(b));
}

/** Every chosen day runs at every time (what the days-and-times controls can show exactly). */
export function isRectangular(grid: LocalGrid): boolean {
  return grid.length === daysOf(grid).length * timesOf(grid).length;
}

export function addTime(grid: LocalGrid, days: Weekday[], time: LocalTime): LocalGrid {
  return normalize([...grid, ...days.map((day) => ({ day, ...time }))]);
}

export function removeTime(grid: LocalGrid, time: LocalTime): LocalGrid {
  return grid.filter((s) => s.hour !== time.hour || s.minute !== time.minute);
}

/** A day joins with every time of the grid; a day leaves with all its runs. */
export function toggleDay(grid: LocalGrid, day: Weekday, on: boolean): LocalGrid {
  if (!on) return grid.filter((s) => s.day !== day);
  return normalize([...grid, ...timesOf(grid).map((t) => ({ day, ...t }))]);
}

/** The minute used when a run is added by tapping an hour cell: the grid's most common one. */
export function usualMinute(grid: LocalGrid): number {
  const counts = new Map<number, number>();
  for (const s of grid) counts.set(s.minute, (counts.get(s.minute) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [minute, count] of counts) {
    if (count > bestCount || (count === bestCount && minute < best)) {
      best = minute;
      bestCount = count;
    }
  }
  return best;
}

/** Tapping a cell removes its runs, or adds one at the usual minute. */
export function toggleCell(grid: LocalGrid, day: Weekday, hour: number): LocalGrid {
  const inCell = grid.some((s) => s.day === day && s.hour === hour);
  if (inCell) return grid.filter((s) => s.day !== day || s.hour !== hour);
  return normalize([...grid, { day, hour, minute: usualMinute(grid) }]);
}

export type PresetId = "every4h" | "every12h" | "nightly" | "weekdays";

export const PRESETS: Record<PresetId, { days: Weekday[]; times: LocalTime[] }> = {
  every4h: {
    days: [...WEEKDAYS],
    times: [0, 4, 8, 12, 16, 20].map((hour) => ({ hour, minute: 0 })),
  },
  every12h: {
    days: [...WEEKDAYS],
    times: [
      { hour: 0, minute: 0 },
      { hour: 12, minute: 0 },
    ],
  },
  nightly: { days: [...WEEKDAYS], times: [{ hour: 2, minute: 0 }] },
  weekdays: { days: ["MO", "TU", "WE", "TH", "FR"], times: [{ hour: 22, minute: 0 }] },
};

export function presetGrid(id: PresetId): LocalGrid {
  const preset = PRESETS[id];
  return gridFromDaysAndTimes(preset.days, preset.times);
}

/** Local hour cells holding a run that is too close to another (the cloud wants 60 minutes). */
export function closeCells(rules: ScheduleRule[], offsetMinutes: number): Set<string> {
  const cells = new Set<string>();
  for (const pair of findCloseRuns(rules)) {
    for (const slot of shiftGrid([pair.firstSlot, pair.secondSlot], offsetMinutes)) {
      cells.add(cellKey(slot.day, slot.hour));
    }
  }
  return cells;
}

/** "14:05" → { hour: 14, minute: 5 }; null for anything else. */
export function parseTime(text: string): LocalTime | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

export const formatTime = (t: LocalTime) =>
  `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;

/** A policy on the fleet grid: a CSBS pattern (one VCALENDAR text) or CBR's list of UTC rules. */
export type FleetPolicy = {
  id: string;
  name: string;
  pattern: string | readonly string[];
  servers: number;
};
export type FleetCell = { runs: number; servers: number; policies: string[] };

/**
 * Every policy's runs in the week after `from`, by local day and hour in `zone`, with the number
 * of servers backed up in each hour. Real runs (not rule arithmetic), so INTERVAL and DST are right.
 */
export function fleetWeek(
  policies: FleetPolicy[],
  zone: string,
  from: Date,
): { cells: Map<string, FleetCell>; unreadable: string[] } {
  const cells = new Map<string, FleetCell>();
  const unreadable: string[] = [];
  const to = new Date(from.getTime() + 7 * 86_400_000);
  for (const policy of policies) {
    const parsed =
      typeof policy.pattern === "string"
        ? parseCsbsPattern(policy.pattern)
        : parseCbrPatterns([...policy.pattern]);
    if (!parsed.ok) {
      unreadable.push(policy.name);
      continue;
    }
    for (const at of runsBetween(parsed.rules, from, to)) {
      const local = wallClock(at, zone);
      const key = cellKey(local.day, Number(local.time.slice(0, 2)));
      const cell = cells.get(key) ?? { runs: 0, servers: 0, policies: [] };
      cell.runs += 1;
      cell.servers += policy.servers;
      if (!cell.policies.includes(policy.name)) cell.policies.push(policy.name);
      cells.set(key, cell);
    }
  }
  return { cells, unreadable };
}

/**
 * How many automatic backups each server will hold once the retention rule is in force: the
 * count itself, the runs within the retention days, or (permanent) the runs of one year as a
 * growth rate. `perYear` is the number of runs in a year.
 */
export function projectRetention(
  rules: ScheduleRule[],
  retention: { kind: "count" | "days" | "permanent"; count?: number; days?: number },
  from: Date,
): { perServer: number; perYear: number; grows: boolean } {
  const year = runsBetween(rules, from, new Date(from.getTime() + 365 * 86_400_000)).length;
  if (retention.kind === "count") {
    // Once as many backups as the count exist, each new one replaces the oldest.
    return { perServer: retention.count ?? 0, perYear: year, grows: false };
  }
  if (retention.kind === "days") {
    const days = retention.days ?? 0;
    const held =
      days <= 365
        ? runsBetween(rules, from, new Date(from.getTime() + days * 86_400_000)).length
        : Math.round((year * days) / 365);
    return { perServer: held, perYear: year, grows: false };
  }
  return { perServer: year, perYear: year, grows: true };
}
