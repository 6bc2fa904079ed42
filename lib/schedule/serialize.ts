import type { ScheduleRule } from "./types";
import { sortWeekdays } from "./weekday";

const sortNumbers = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

/** Canonical RRULE value: fixed key order, sorted values, INTERVAL only when it is not 1. */
export function serializeRule(
  rule: ScheduleRule,
  options: { padMinutes?: boolean; alwaysInterval?: boolean } = {},
): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1 || (options.alwaysInterval && rule.freq === "DAILY")) {
    parts.push(`INTERVAL=${rule.interval}`);
  }
  if (rule.byDay.length > 0) parts.push(`BYDAY=${sortWeekdays(rule.byDay).join(",")}`);
  parts.push(`BYHOUR=${sortNumbers(rule.byHour).join(",")}`);
  const minutes = sortNumbers(rule.byMinute).map((m) =>
    options.padMinutes ? String(m).padStart(2, "0") : String(m),
  );
  parts.push(`BYMINUTE=${minutes.join(",")}`);
  return parts.join(";");
}

/**
 * The CSBS single-string form, as the reference's samples send it: CRLF line breaks and one
 * VEVENT holding one RRULE line per rule (Karbor reads every RRULE of the event).
 */
export function serializeCsbsPattern(rules: ScheduleRule[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "BEGIN:VEVENT",
    ...rules.map((rule) => `RRULE:${serializeRule(rule)}`),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The CBR form: one bare RRULE per execution time, as Huawei's own tooling builds it and the CBR
 * docs show it (`FREQ=DAILY;INTERVAL=1;BYHOUR=6;BYMINUTE=00`). A time that runs on several days
 * carries all of them in one BYDAY.
 */
export function serializeCbrPatterns(rules: ScheduleRule[]): string[] {
  const byTime = new Map<string, ScheduleRule>();
  const out: ScheduleRule[] = [];
  for (const rule of rules) {
    for (const hour of sortNumbers(rule.byHour)) {
      for (const minute of sortNumbers(rule.byMinute)) {
        const single: ScheduleRule = {
          ...rule,
          byDay: [...rule.byDay],
          byHour: [hour],
          byMinute: [minute],
        };
        const key = `${rule.freq}/${rule.interval}/${hour}/${minute}`;
        const existing = byTime.get(key);
        if (existing) {
          // Same time, same cadence: the runs are the union of the days ("every day" absorbs any filter).
          existing.byDay =
            existing.byDay.length === 0 || rule.byDay.length === 0
              ? []
              : sortWeekdays([...existing.byDay, ...rule.byDay]);
        } else {
          byTime.set(key, single);
          out.push(single);
        }
      }
    }
  }
  return out.map((rule) => serializeRule(rule, { padMinutes: true, alwaysInterval: true }));
}
