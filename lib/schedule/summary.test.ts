import { describe, expect, it } from "vitest";
import { gridFromDaysAndTimes, gridToRules } from "./grid";
import { underEachMachineZone } from "./machine-zones";
import { parseCsbsPattern } from "./parse";
import { summarize } from "./summary";
import type { ScheduleRule } from "./types";

const WINTER = new Date("2026-01-15T12:00:00Z");
const SUMMER = new Date("2026-07-15T12:00:00Z");
function rules(pattern: string): ScheduleRule[] {
  const result = parseCsbsPattern(pattern);
  if (!result.ok) throw new Error(result.problem.message);
  return result.rules;
}

underEachMachineZone(() => {
  describe("summarize", () => {
    it.each([
      [
        "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=1;BYMINUTE=0",
        "Europe/Berlin",
        WINTER,
        "Mon, Wed at 02:00 Europe/Berlin (01:00 UTC)",
        "每周一、周三 02:00（Europe/Berlin；UTC 01:00）",
      ],
      [
        "FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=1;BYMINUTE=0",
        "Europe/Berlin",
        SUMMER,
        "Mon, Wed at 03:00 Europe/Berlin (01:00 UTC)",
        "每周一、周三 03:00（Europe/Berlin；UTC 01:00）",
      ],
      [
        "FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27",
        "UTC",
        WINTER,
        "Thu at 12:27 UTC",
        "每周四 12:27（UTC）",
      ],
      [
        "FREQ=DAILY;BYHOUR=2,14;BYMINUTE=30",
        "UTC",
        WINTER,
        "Daily at 02:30, 14:30 UTC",
        "每天 02:30、14:30（UTC）",
      ],
      [
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=22;BYMINUTE=0",
        "America/New_York",
        WINTER,
        "Mon–Fri at 17:00 America/New_York (22:00 UTC)",
        "每周一至周五 17:00（America/New_York；UTC 22:00）",
      ],
      // days differ between local and UTC: both are spelled out
      [
        "FREQ=WEEKLY;BYDAY=SU,TU;BYHOUR=18;BYMINUTE=0",
        "Asia/Shanghai",
        WINTER,
        "Mon, Wed at 02:00 Asia/Shanghai (Tue, Sun at 18:00 UTC)",
        "每周一、周三 02:00（Asia/Shanghai；UTC 每周二、周日 18:00）",
      ],
      [
        "FREQ=DAILY;BYHOUR=0,4,8,12,16,20;BYMINUTE=0",
        "Asia/Kolkata",
        WINTER,
        "Every 4 hours from 01:30 Asia/Kolkata (from 00:00 UTC)",
        "每 4 小时（01:30 起）（Asia/Kolkata；UTC 00:00 起）",
      ],
      [
        "FREQ=DAILY;INTERVAL=3;BYHOUR=23;BYMINUTE=0",
        "Asia/Shanghai",
        WINTER,
        "Every 3 days at 07:00 Asia/Shanghai (23:00 UTC)",
        "每 3 天 07:00（Asia/Shanghai；UTC 23:00）",
      ],
      [
        "FREQ=WEEKLY;BYDAY=SA;BYHOUR=12;BYMINUTE=15",
        "Pacific/Chatham",
        WINTER,
        "Sun at 02:00 Pacific/Chatham (Sat at 12:15 UTC)",
        "每周日 02:00（Pacific/Chatham；UTC 每周六 12:15）",
      ],
      [
        "FREQ=WEEKLY;BYDAY=SA;BYHOUR=15;BYMINUTE=0",
        "Australia/Lord_Howe",
        WINTER,
        "Sun at 02:00 Australia/Lord_Howe (Sat at 15:00 UTC)",
        "每周日 02:00（Australia/Lord_Howe；UTC 每周六 15:00）",
      ],
      [
        "FREQ=WEEKLY;BYDAY=SA;BYHOUR=15;BYMINUTE=0",
        "Australia/Lord_Howe",
        SUMMER,
        "Sun at 01:30 Australia/Lord_Howe (Sat at 15:00 UTC)",
        "每周日 01:30（Australia/Lord_Howe；UTC 每周六 15:00）",
      ],
    ])("%s in %s at %s", (pattern, zone, refDate, english, chinese) => {
      expect(summarize(rules(pattern), { zone, locale: "en", refDate })).toBe(english);
      expect(summarize(rules(pattern), { zone, locale: "zh", refDate })).toBe(chinese);
    });

    it("groups days with different times", () => {
      const grid = [
        ...gridFromDaysAndTimes(["MO", "WE"], [{ hour: 2, minute: 0 }]),
        ...gridFromDaysAndTimes(["FR"], [{ hour: 3, minute: 0 }]),
      ];
      const { rules: converted } = gridToRules(grid, "Europe/Berlin", WINTER);
      expect(summarize(converted, { zone: "Europe/Berlin", locale: "en", refDate: WINTER })).toBe(
        "Mon, Wed at 02:00; Fri at 03:00 Europe/Berlin (01:00; 02:00 UTC)",
      );
    });

    it("says when there is nothing to run", () => {
      expect(summarize([], { zone: "UTC", locale: "en", refDate: WINTER })).toBe("No runs");
      expect(summarize([], { zone: "UTC", locale: "zh", refDate: WINTER })).toBe("无执行时间");
    });
  });
});
