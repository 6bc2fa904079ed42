import { DAY_MS } from "./types";

/**
 * Time-zone arithmetic through Intl.DateTimeFormat with an explicit `timeZone`, so the result never
 * depends on the machine's zone (TZ) or the browser's.
 */

export type ZonedParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True for any IANA zone name this runtime knows (and "UTC"). */
export function isValidZone(zone: string): boolean {
  if (typeof zone !== "string" || zone === "") return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(instant: Date | number, zone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(Number(instant)))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines print midnight as "24" even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallAsUtc(parts: ZonedParts): number {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second, 0);
  return date.getTime();
}

/** The zone's UTC offset in minutes at an instant (+60 for Europe/Berlin in winter, +345 for Asia/Kathmandu). */
export function offsetMinutesAt(zone: string, instant: Date | number): number {
  const ms = Math.floor(Number(instant) / 1000) * 1000;
  return Math.round((wallAsUtc(zonedParts(ms, zone)) - ms) / 60_000);
}

export type LocalDateTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
};

/**
 * The instant of a local wall-clock time. RFC 5545 §3.3.5 semantics: a time that does not exist
 * (spring gap) is read with the offset before the gap (02:30 Berlin on 2025-03-30 → 01:30Z, shown
 * as 03:30 CEST); an ambiguous time (autumn overlap) is its first occurrence.
 */
export function localToInstant(zone: string, local: LocalDateTime): Date {
  const asUtc = wallAsUtc({ ...local, second: 0 });
  const before = offsetMinutesAt(zone, asUtc - DAY_MS);
  const after = offsetMinutesAt(zone, asUtc + DAY_MS);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => wallAsUtc(zonedParts(instant, zone)) === asUtc)
    .sort((a, b) => a - b);
  const first = candidates[0];
  return new Date(first ?? asUtc - before * 60_000);
}

/** "UTC+05:30", "UTC-04:00", "UTC+00:00": the form CSBS uses in `operation_definition.timezone`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export type OffsetChange = {
  /** First instant with the new offset. */
  at: Date;
  offsetMinutes: number;
  previousOffsetMinutes: number;
};

/** Offset changes (DST and others) in (from, to], found by weekly sampling then bisection to the minute. */
export function offsetChanges(zone: string, from: Date, to: Date): OffsetChange[] {
  const changes: OffsetChange[] = [];
  // Offsets change on whole minutes; align so that the bisection lands on them.
  let t = Math.floor(from.getTime() / 60_000) * 60_000;
  let offset = offsetMinutesAt(zone, t);
  const end = to.getTime();
  // Weekly samples: real zones keep an offset for months (a change and its reversal within one week would be missed).
  const step = 7 * DAY_MS;
  while (t < end) {
    const next = Math.min(t + step, end);
    const nextOffset = offsetMinutesAt(zone, next);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMinutesAt(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      changes.push({ at: new Date(hi), offsetMinutes: nextOffset, previousOffsetMinutes: offset });
      offset = nextOffset;
    }
    t = next;
  }
  return changes;
}
