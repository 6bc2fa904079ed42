import { checkCloudRules } from "./cloud-rules";
import { parseCbrPatterns, parseCsbsPattern } from "./parse";
import type { ScheduleProblem } from "./types";

/** What the cloud does with a CSBS pattern: parse, then its rules; the first problem or null. */
export function validateCsbsPattern(text: string): ScheduleProblem | null {
  const parsed = parseCsbsPattern(text);
  if (!parsed.ok) return parsed.problem;
  return checkCloudRules(parsed.rules)[0] ?? null;
}

/** The same for a CBR pattern list. */
export function validateCbrPatterns(list: string[]): ScheduleProblem | null {
  const parsed = parseCbrPatterns(list);
  if (!parsed.ok) return parsed.problem;
  return checkCloudRules(parsed.rules, { service: "cbr" })[0] ?? null;
}
