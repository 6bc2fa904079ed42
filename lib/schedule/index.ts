/**
 * The schedule engine: CSBS/CBR patterns (UTC iCalendar rules) ↔ rules ↔ runs ↔ local grids and
 * summaries. Pure and isomorphic; no result depends on the machine's time zone.
 */
export {
  type CloseRuns,
  checkCloudRules,
  findCloseRuns,
  MAX_RUNS_PER_DAY,
  MIN_GAP_MINUTES,
  scheduleRuleSchema,
} from "./cloud-rules";
export {
  type Drift,
  type GridConversion,
  type GridSlot,
  type GridView,
  gridFromDaysAndTimes,
  gridToRules,
  type LocalGrid,
  type LocalTime,
  normalizeRules,
  rulesToGrid,
  rulesToUtcSlots,
  sameSchedule,
  shiftGrid,
  slotsToRules,
} from "./grid";
export {
  MAX_CBR_PATTERNS,
  MAX_DAILY_INTERVAL,
  MAX_PATTERN_LENGTH,
  parseCbrPatterns,
  parseCsbsPattern,
} from "./parse";
export { nextRuns, runsBetween } from "./runs";
export { serializeCbrPatterns, serializeCsbsPattern, serializeRule } from "./serialize";
export { type SummaryLocale, type SummaryOptions, summarize } from "./summary";
export {
  type ParseResult,
  type ScheduleProblem,
  type ScheduleRule,
  WEEKDAYS,
  type Weekday,
} from "./types";
export { validateCbrPatterns, validateCsbsPattern } from "./validate";
export {
  formatOffset,
  isValidZone,
  type LocalDateTime,
  localToInstant,
  type OffsetChange,
  offsetChanges,
  offsetMinutesAt,
} from "./zone";
export {
  describeRun,
  nextRunsInZone,
  type WallClock,
  wallClock,
  type ZonedRun,
} from "./zoned-runs";
