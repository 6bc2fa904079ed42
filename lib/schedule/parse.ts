import {
  type ParseResult,
  type ScheduleProblem,
  type ScheduleRule,
  WEEKDAYS,
  type Weekday,
} from "./types";
import { sortWeekdays } from "./weekday";

/** The CSBS reference: "长度限制为10240个字符". */
export const MAX_PATTERN_LENGTH = 10_240;
/** CBR: one pattern per execution time, at most 24. */
export const MAX_CBR_PATTERNS = 24;
/** Our bound for DAILY;INTERVAL=n (Huawei's `backup_cycle.interval` is 1..30). */
export const MAX_DAILY_INTERVAL = 30;

const RULE_KEYS = ["FREQ", "INTERVAL", "BYDAY", "BYHOUR", "BYMINUTE"] as const;
type RuleKey = (typeof RULE_KEYS)[number];

/** Properties that carry no scheduling meaning; accepted and dropped (the cloud's iCalendar parser does the same). */
const IGNORED_CALENDAR_PROPERTIES = new Set(["VERSION", "PRODID", "CALSCALE"]);
const IGNORED_EVENT_PROPERTIES = new Set(["UID", "DTSTAMP", "SUMMARY", "DESCRIPTION"]);

class PatternError extends Error {
  constructor(readonly problem: ScheduleProblem) {
    super(problem.message);
  }
}

function refuse(code: string, message: string, field?: string): never {
  throw new PatternError(field ? { code, message, field } : { code, message });
}

/**
 * Line breaks arrive as real CR/LF, or as the literal escapes of the reference's samples
 * (`\r\n`, `\n`, and double-escaped `\\r\\n`, `\\n` when a JSON text was escaped twice).
 * No legal pattern contains a backslash otherwise, so every such escape is a line break.
 */
export function unescapeLineBreaks(text: string): string {
  return text.replace(/\\+r\\+n|\\+n|\\+r/g, "\n").replace(/\r\n?/g, "\n");
}

function looksLikeCrontab(text: string): boolean {
  return !text.includes("=") && !text.includes(":") && /^\S+(\s+\S+){4,5}$/.test(text);
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && out.length > 0) {
      out[out.length - 1] += line.slice(1);
    } else {
      out.push(line);
    }
  }
  return out;
}

function parseNumberList(key: RuleKey, raw: string, min: number, max: number): number[] {
  const values: number[] = [];
  for (const item of raw.split(",")) {
    if (item === "") refuse("empty-value", `${key} has an empty value in "${raw}".`, key);
    if (!/^\d{1,2}$/.test(item)) {
      if (/^-?\d+$/.test(item)) {
        refuse("out-of-range", `${key}=${item} is outside ${min}–${max}.`, key);
      }
      refuse("bad-value", `${key} value "${item}" is not a whole number ${min}–${max}.`, key);
    }
    const value = Number(item);
    if (value < min || value > max) {
      refuse("out-of-range", `${key}=${item} is outside ${min}–${max}.`, key);
    }
    if (values.includes(value)) {
      refuse("duplicate-value", `${key} lists ${value} twice.`, key);
    }
    values.push(value);
  }
  return values.sort((a, b) => a - b);
}

function parseDays(raw: string): Weekday[] {
  const days: Weekday[] = [];
  for (const item of raw.split(",")) {
    if (item === "") refuse("empty-value", `BYDAY has an empty value in "${raw}".`, "BYDAY");
    if (/^[+-]?\d+[A-Za-z]{2}$/.test(item)) {
      refuse(
        "ordinal-byday",
        `BYDAY=${item} names an nth weekday; only plain days (MO, TU, WE, TH, FR, SA, SU) are supported.`,
        "BYDAY",
      );
    }
    if (
      (WEEKDAYS as readonly string[]).includes(item.toUpperCase()) &&
      item !== item.toUpperCase()
    ) {
      refuse("lowercase", `BYDAY value "${item}" must be written in capitals.`, "BYDAY");
    }
    if (!(WEEKDAYS as readonly string[]).includes(item)) {
      refuse(
        "bad-value",
        `BYDAY value "${item}" is not a weekday (MO, TU, WE, TH, FR, SA, SU).`,
        "BYDAY",
      );
    }
    if (days.includes(item as Weekday)) {
      refuse("duplicate-value", `BYDAY lists ${item} twice.`, "BYDAY");
    }
    days.push(item as Weekday);
  }
  return sortWeekdays(days);
}

/** Parses the value of one RRULE (`FREQ=…;BYDAY=…`), without the `RRULE:` prefix. */
export function parseRuleValue(value: string): ScheduleRule {
  // A single trailing ';' is common in hand-written and regex-built patterns and is harmless.
  const body = value.trim().endsWith(";") ? value.trim().slice(0, -1) : value.trim();
  if (body === "") refuse("empty-rule", "The RRULE has no content.", "RRULE");
  const seen = new Map<RuleKey, string>();
  for (const part of body.split(";")) {
    if (part.trim() === "")
      refuse("empty-key", `The RRULE "${body}" has an empty part between ';'.`, "RRULE");
    const eq = part.indexOf("=");
    if (eq < 0) refuse("syntax", `"${part}" in the RRULE is not KEY=VALUE.`, part);
    const key = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (key === "") refuse("empty-key", `"${part}" in the RRULE has no key before '='.`, "RRULE");
    const upper = key.toUpperCase();
    if (!(RULE_KEYS as readonly string[]).includes(upper)) {
      refuse(
        "unknown-key",
        `${upper} is not supported; the cloud accepts only FREQ, BYDAY, BYHOUR, BYMINUTE (and INTERVAL on DAILY).`,
        upper,
      );
    }
    if (key !== upper)
      refuse("lowercase", `The key "${key}" must be written in capitals (${upper}).`, upper);
    const ruleKey = upper as RuleKey;
    if (seen.has(ruleKey)) refuse("duplicate-key", `${ruleKey} appears more than once.`, ruleKey);
    if (raw === "") refuse("empty-value", `${ruleKey} has no value.`, ruleKey);
    seen.set(ruleKey, raw);
  }

  const freqRaw = seen.get("FREQ");
  if (freqRaw === undefined) refuse("missing-key", "FREQ is missing (WEEKLY or DAILY).", "FREQ");
  if (freqRaw !== freqRaw.toUpperCase() && ["WEEKLY", "DAILY"].includes(freqRaw.toUpperCase())) {
    refuse("lowercase", `FREQ=${freqRaw} must be written in capitals.`, "FREQ");
  }
  if (freqRaw !== "WEEKLY" && freqRaw !== "DAILY") {
    refuse("unsupported-freq", `FREQ=${freqRaw} is not supported; only WEEKLY or DAILY.`, "FREQ");
  }
  const freq = freqRaw;

  let interval = 1;
  const intervalRaw = seen.get("INTERVAL");
  if (intervalRaw !== undefined) {
    if (!/^\d+$/.test(intervalRaw)) {
      refuse("bad-value", `INTERVAL=${intervalRaw} is not a whole number.`, "INTERVAL");
    }
    interval = Number(intervalRaw);
    if (freq === "WEEKLY" && interval !== 1) {
      refuse(
        "unsupported-interval",
        `INTERVAL=${intervalRaw} is only supported with FREQ=DAILY.`,
        "INTERVAL",
      );
    }
    if (interval < 1 || interval > MAX_DAILY_INTERVAL) {
      refuse(
        "out-of-range",
        `INTERVAL=${intervalRaw} is outside 1–${MAX_DAILY_INTERVAL}.`,
        "INTERVAL",
      );
    }
  }

  const dayRaw = seen.get("BYDAY");
  const byDay = dayRaw === undefined ? [] : parseDays(dayRaw);
  if (freq === "WEEKLY" && byDay.length === 0) {
    refuse("missing-key", "BYDAY is missing: a WEEKLY rule must name its days.", "BYDAY");
  }
  if (interval > 1 && byDay.length > 0) {
    // Clouds disagree here (Karbor's decoder drops BYDAY when INTERVAL is present, dateutil filters).
    refuse(
      "unsupported-combination",
      "BYDAY cannot be combined with INTERVAL greater than 1.",
      "BYDAY",
    );
  }

  const hourRaw = seen.get("BYHOUR");
  if (hourRaw === undefined)
    refuse("missing-key", "BYHOUR is missing (hours 0–23, UTC).", "BYHOUR");
  const minuteRaw = seen.get("BYMINUTE");
  if (minuteRaw === undefined)
    refuse("missing-key", "BYMINUTE is missing (minutes 0–59).", "BYMINUTE");

  return {
    freq,
    interval,
    byDay,
    byHour: parseNumberList("BYHOUR", hourRaw, 0, 23),
    byMinute: parseNumberList("BYMINUTE", minuteRaw, 0, 59),
  };
}

type Line = { name: string; value: string; text: string };

function splitLine(text: string): Line | null {
  const colon = text.indexOf(":");
  if (colon < 0) return null;
  return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim(), text };
}

function parseDocument(lines: string[]): ScheduleRule[] {
  const rules: ScheduleRule[] = [];
  const hasComponents = lines.some((line) => /^BEGIN:/i.test(line));
  if (!hasComponents) {
    for (const text of lines) rules.push(parseRuleLine(text));
    return rules;
  }

  const stack: string[] = [];
  let calendars = 0;
  for (const text of lines) {
    const line = splitLine(text);
    if (!line) {
      refuse("syntax", `"${truncate(text)}" is not an iCalendar line (NAME:VALUE).`, "pattern");
    }
    const name = line.name.toUpperCase();
    const value = line.value.toUpperCase();
    const inside = stack[stack.length - 1];
    if (name === "BEGIN") {
      if (value === "VCALENDAR" && inside === undefined) {
        if (++calendars > 1)
          refuse("structure", "The pattern holds more than one VCALENDAR.", "pattern");
        stack.push(value);
      } else if (value === "VEVENT" && (inside === undefined || inside === "VCALENDAR")) {
        if (inside === undefined && calendars > 0) {
          refuse("structure", "A VEVENT follows the end of the VCALENDAR.", "pattern");
        }
        stack.push(value);
      } else if (value === "VCALENDAR" || value === "VEVENT") {
        refuse("structure", `BEGIN:${value} cannot appear inside ${inside}.`, "pattern");
      } else {
        refuse(
          "unsupported-component",
          `BEGIN:${line.value} is not supported; only VCALENDAR and VEVENT.`,
          "pattern",
        );
      }
    } else if (name === "END") {
      if (value !== inside) {
        refuse(
          "structure",
          inside
            ? `END:${line.value} does not close BEGIN:${inside}.`
            : `END:${line.value} has no matching BEGIN.`,
          "pattern",
        );
      }
      stack.pop();
    } else if (inside === "VEVENT" && name === "RRULE") {
      rules.push(parseRuleValue(line.value));
    } else if (inside === "VEVENT" && IGNORED_EVENT_PROPERTIES.has(name)) {
      // no scheduling meaning
    } else if (inside === "VCALENDAR" && IGNORED_CALENDAR_PROPERTIES.has(name)) {
      if (name === "CALSCALE" && value !== "GREGORIAN") {
        refuse("unsupported-property", `CALSCALE:${line.value} is not supported.`, "CALSCALE");
      }
    } else if (name === "RRULE") {
      refuse("structure", "RRULE must be inside a VEVENT.", "RRULE");
    } else {
      const property = line.name.split(";")[0] ?? line.name;
      refuse(
        "unsupported-property",
        `${property} is not supported in a pattern${inside ? ` (inside ${inside})` : ""}; only RRULE lines count.`,
        property,
      );
    }
  }
  if (stack.length > 0) {
    refuse("structure", `BEGIN:${stack[stack.length - 1]} is never closed by END.`, "pattern");
  }
  return rules;
}

function parseRuleLine(text: string): ScheduleRule {
  const line = splitLine(text);
  if (line) {
    if (line.name.toUpperCase() !== "RRULE") {
      const property = line.name.split(";")[0] ?? line.name;
      refuse("unsupported-property", `${property} is not supported; expected RRULE.`, property);
    }
    return parseRuleValue(line.value);
  }
  return parseRuleValue(text);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function run(parse: () => ScheduleRule[]): ParseResult {
  try {
    const rules = parse();
    if (rules.length === 0) {
      return {
        ok: false,
        problem: { code: "no-rule", message: "The pattern contains no RRULE.", field: "RRULE" },
      };
    }
    return { ok: true, rules };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** One CSBS pattern string: a VCALENDAR, a VEVENT, or bare RRULE lines, in any of the escapings clouds send. */
export function parseCsbsPattern(text: string): ParseResult {
  return run(() => {
    if (typeof text !== "string") refuse("not-text", "The pattern must be a string.", "pattern");
    if (text.length > MAX_PATTERN_LENGTH) {
      refuse(
        "too-long",
        `The pattern has ${text.length} characters; at most ${MAX_PATTERN_LENGTH} are allowed.`,
        "pattern",
      );
    }
    const normalized = unescapeLineBreaks(text).trim();
    if (normalized === "") refuse("empty", "The pattern is empty.", "pattern");
    if (looksLikeCrontab(normalized)) {
      refuse(
        "crontab",
        `"${truncate(normalized)}" looks like a crontab expression; the cloud accepts only iCalendar (FREQ=WEEKLY or DAILY).`,
        "pattern",
      );
    }
    const lines = unfold(normalized.split("\n"))
      .map((line) => line.trim())
      .filter((line) => line !== "");
    return parseDocument(lines);
  });
}

/** The CBR form: an array of bare RRULE strings (with or without the `RRULE:` prefix). */
export function parseCbrPatterns(list: string[]): ParseResult {
  if (!Array.isArray(list)) {
    return {
      ok: false,
      problem: {
        code: "not-a-list",
        message: "The CBR pattern must be a list of rules.",
        field: "pattern",
      },
    };
  }
  if (list.length > MAX_CBR_PATTERNS) {
    return {
      ok: false,
      problem: {
        code: "too-many-patterns",
        message: `The list holds ${list.length} patterns; CBR allows at most ${MAX_CBR_PATTERNS}.`,
        field: "pattern",
      },
    };
  }
  const rules: ScheduleRule[] = [];
  for (const [index, item] of list.entries()) {
    const result = run(() => {
      if (typeof item !== "string") refuse("not-text", "The pattern must be a string.", "pattern");
      const text = item.trim();
      if (text === "") refuse("empty", "The pattern is empty.", "pattern");
      if (looksLikeCrontab(text)) {
        refuse(
          "crontab",
          `"${truncate(text)}" looks like a crontab expression; CBR accepts only RRULEs (FREQ=WEEKLY or DAILY).`,
          "pattern",
        );
      }
      if (text.includes("\n") || /^BEGIN:/i.test(text)) {
        refuse("structure", "A CBR pattern is one bare RRULE, not a calendar document.", "pattern");
      }
      return [parseRuleLine(text)];
    });
    if (!result.ok) {
      return {
        ok: false,
        problem: { ...result.problem, message: `Pattern ${index + 1}: ${result.problem.message}` },
      };
    }
    rules.push(...result.rules);
  }
  if (rules.length === 0) {
    return {
      ok: false,
      problem: { code: "no-rule", message: "The list contains no rule.", field: "pattern" },
    };
  }
  return { ok: true, rules };
}
