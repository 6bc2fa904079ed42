import { type GridSlot, rulesToUtcSlots, shiftGrid } from "./grid";
import { MINUTES_PER_DAY, type ScheduleRule, WEEKDAYS, type Weekday } from "./types";
import { mod, weekdayIndex } from "./weekday";
import { offsetMinutesAt } from "./zone";

export type SummaryLocale = "en" | "zh";
export type SummaryOptions = {
  zone: string;
  locale: SummaryLocale;
  /** The instant whose UTC offset is shown (default: now). */
  refDate?: Date;
};

type Group = { days: Weekday[]; times: number[] };

const EN_DAYS: Record<Weekday, string> = {
  MO: "Mon",
  TU: "Tue",
  WE: "Wed",
  TH: "Thu",
  FR: "Fri",
  SA: "Sat",
  SU: "Sun",
};
const ZH_DAYS: Record<Weekday, string> = {
  MO: "周一",
  TU: "周二",
  WE: "周三",
  TH: "周四",
  FR: "周五",
  SA: "周六",
  SU: "周日",
};

const clock = (minuteOfDay: number) => {
  const m = mod(minuteOfDay, MINUTES_PER_DAY);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/** Days that share exactly the same times form one group ("Mon, Wed at 02:00; Fri at 03:00"). */
function groupSlots(slots: GridSlot[]): Group[] {
  const timesByDay = new Map<Weekday, number[]>();
  for (const slot of slots) {
    timesByDay.set(slot.day, [...(timesByDay.get(slot.day) ?? []), slot.hour * 60 + slot.minute]);
  }
  const groups = new Map<string, Group>();
  for (const day of WEEKDAYS) {
    const times = timesByDay.get(day);
    if (!times) continue;
    const sorted = [...times].sort((a, b) => a - b);
    const key = sorted.join(",");
    const group = groups.get(key);
    if (group) group.days.push(day);
    else groups.set(key, { days: [day], times: sorted });
  }
  return [...groups.values()];
}

/** Runs of ≥ 3 consecutive days collapse to a range ("Mon–Fri"). */
function dayRanges(days: Weekday[]): Weekday[][] {
  const ranges: Weekday[][] = [];
  for (const day of days) {
    const last = ranges[ranges.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && weekdayIndex(day) === weekdayIndex(prev) + 1) last.push(day);
    else ranges.push([day]);
  }
  return ranges.flatMap((range) => (range.length >= 3 ? [range] : range.map((day) => [day])));
}

/** Evenly spaced times covering the whole day (every 4 hours): the step in minutes, or null. */
function evenStep(times: number[]): number | null {
  if (times.length < 4) return null;
  const step = MINUTES_PER_DAY / times.length;
  if (!Number.isInteger(step)) return null;
  return times.every((t, i) => t === (times[0] as number) + i * step) ? step : null;
}

const en = {
  days(days: Weekday[]): string {
    if (days.length === 7) return "Daily";
    return dayRanges(days)
      .map((r) =>
        r.length === 1
          ? EN_DAYS[r[0] as Weekday]
          : `${EN_DAYS[r[0] as Weekday]}–${EN_DAYS[r[r.length - 1] as Weekday]}`,
      )
      .join(", ");
  },
  times(times: number[]): string {
    const step = evenStep(times);
    if (step !== null) {
      const every =
        step % 60 === 0
          ? step === 60
            ? "every hour"
            : `every ${step / 60} hours`
          : `every ${step} minutes`;
      return `${every} from ${clock(times[0] as number)}`;
    }
    return `at ${times.map(clock).join(", ")}`;
  },
  group(group: Group): string {
    const times = en.times(group.times);
    if (group.days.length === 7 && evenStep(group.times) !== null) return times.replace(/^e/, "E");
    return `${en.days(group.days)} ${times}`;
  },
  sep: "; ",
  everyN(interval: number, times: number[]): string {
    return `Every ${interval} days ${en.times(times)}`;
  },
  utcTimesOnly(times: number[]): string {
    const step = evenStep(times);
    return step !== null ? `from ${clock(times[0] as number)}` : times.map(clock).join(", ");
  },
  wrap(local: string, zone: string, utc: string | null): string {
    return utc === null ? `${local} ${zone}` : `${local} ${zone} (${utc} UTC)`;
  },
  none: "No runs",
};

const zh = {
  days(days: Weekday[]): string {
    if (days.length === 7) return "每天";
    const parts = dayRanges(days).map((r) =>
      r.length === 1
        ? ZH_DAYS[r[0] as Weekday]
        : `${ZH_DAYS[r[0] as Weekday]}至${ZH_DAYS[r[r.length - 1] as Weekday]}`,
    );
    return `每${parts.join("、")}`;
  },
  times(times: number[]): string {
    const step = evenStep(times);
    if (step !== null) {
      const every =
        step % 60 === 0 ? (step === 60 ? "每小时" : `每 ${step / 60} 小时`) : `每 ${step} 分钟`;
      return `${every}（${clock(times[0] as number)} 起）`;
    }
    return times.map(clock).join("、");
  },
  group(group: Group): string {
    const times = zh.times(group.times);
    if (group.days.length === 7 && evenStep(group.times) !== null) return times;
    return `${zh.days(group.days)} ${times}`;
  },
  sep: "；",
  everyN(interval: number, times: number[]): string {
    return `每 ${interval} 天 ${zh.times(times)}`;
  },
  utcTimesOnly(times: number[]): string {
    const step = evenStep(times);
    return step !== null ? `${clock(times[0] as number)} 起` : times.map(clock).join("、");
  },
  wrap(local: string, zone: string, utc: string | null): string {
    return utc === null ? `${local}（${zone}）` : `${local}（${zone}；UTC ${utc}）`;
  },
  none: "无执行时间",
};

const sameDays = (a: Group[], b: Group[]) =>
  a.length === b.length && a.every((group, i) => group.days.join() === b[i]?.days.join());

const isUtcZone = (zone: string) =>
  ["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu"].includes(zone);

/**
 * A short sentence with the local and the UTC times:
 * "Mon, Wed at 02:00 Europe/Berlin (01:00 UTC)", "每周一、周三 02:00（Europe/Berlin；UTC 01:00）".
 * Local times use the zone's offset at `refDate` (see grid.ts for why rules drift with DST).
 */
export function summarize(rules: ScheduleRule[], options: SummaryOptions): string {
  const words = options.locale === "zh" ? zh : en;
  const zone = options.zone;
  const offset = offsetMinutesAt(zone, options.refDate ?? new Date());
  const utcOnly = isUtcZone(zone);
  const parts: string[] = [];

  const utcSlots = rulesToUtcSlots(rules);
  if (utcSlots.length > 0) {
    const utcGroups = groupSlots(utcSlots);
    const localGroups = groupSlots(shiftGrid(utcSlots, offset));
    const local = localGroups.map(words.group).join(words.sep);
    let utc: string | null = null;
    if (!utcOnly) {
      utc = sameDays(localGroups, utcGroups)
        ? utcGroups.map((group) => words.utcTimesOnly(group.times)).join(words.sep)
        : utcGroups.map(words.group).join(words.sep);
    }
    parts.push(words.wrap(local, utcOnly ? "UTC" : zone, utc));
  }

  for (const rule of rules.filter((r) => r.interval > 1)) {
    const utcTimes = rule.byHour
      .flatMap((h) => rule.byMinute.map((m) => h * 60 + m))
      .sort((a, b) => a - b);
    const localTimes = utcTimes.map((t) => mod(t + offset, MINUTES_PER_DAY)).sort((a, b) => a - b);
    parts.push(
      words.wrap(
        words.everyN(rule.interval, localTimes),
        utcOnly ? "UTC" : zone,
        utcOnly ? null : words.utcTimesOnly(utcTimes),
      ),
    );
  }
  return parts.length > 0 ? parts.join(words.sep) : words.none;
}
