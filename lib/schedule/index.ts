export {
  type CloseRuns,
  checkCloudRules,
  findCloseRuns,
  MAX_RUNS_PER_DAY,
  MIN_GAP_MINUTES,
  scheduleRuleSchema,
} from "./cloud-rules";
export {
  MAX_CBR_PATTERNS,
  MAX_DAILY_INTERVAL,
  MAX_PATTERN_LENGTH,
  parseCbrPatterns,
  parseCsbsPattern,
} from "./parse";
export { nextRuns, runsBetween } from "./runs";
export { serializeCbrPatterns, serializeCsbsPattern, serializeRule } from "./serialize";
export {
  type ParseResult,
  type ScheduleProblem,
  type ScheduleRule,
  WEEKDAYS,
  type Weekday,
} from "./types";
export { validateCbrPatterns, validateCsbsPattern } from "./validate";
