import { describe, expect, it } from "vitest";
import {
  gridFromDaysAndTimes,
  gridToRules,
  normalizeRules,
  rulesToGrid,
  sameSchedule,
  shiftGrid,
} from "./grid";
import { underEachMachineZone } from "./machine-zones";
import { parseCbrPatterns, parseCsbsPattern } from "./parse";
import { serializeCbrPatterns, serializeRule } from "./serialize";
import type { ScheduleRule } from "./types";

const WINTER = new Date("2026-01-15T12:00:00Z");
const SUMMER = new Date("2026-07-15T12:00:00Z");
const text = (rules: ScheduleRule[]) => rules.map((rule) => serializeRule(rule));
function rules(pattern: string): ScheduleRule[] {
  const result = parseCsbsPattern(pattern);
  if (!result.ok) throw new Error(result.problem.message);
  return result.rules;
}

underEachMachineZone(() => {
  describe("gridToRules", () => {
    const monWed2 = gridFromDaysAndTimes(["MO", "WE"], [{ hour: 2, minute: 0 }]);

    it.each([
      ["UTC", WINTER, ["FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=2;BYMINUTE=0"]],
      ["Europe/Berlin", WINTER, ["FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=1;BYMINUTE=0"]],
      ["Europe/Berlin", SUMMER, ["FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=0;BYMINUTE=0"]],
      ["America/New_York", WINTER, ["FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=7;BYMINUTE=0"]],
      // days shift back across midnight
      ["Asia/Shanghai", WINTER, ["FREQ=WEEKLY;BYDAY=TU,SU;BYHOUR=18;BYMINUTE=0"]],
      ["Asia/Kolkata", WINTER, ["FREQ=WEEKLY;BYDAY=TU,SU;BYHOUR=20;BYMINUTE=30"]],
      ["Pacific/Chatham", WINTER, ["FREQ=WEEKLY;BYDAY=TU,SU;BYHOUR=12;BYMINUTE=15"]],
      ["Australia/Lord_Howe", WINTER, ["FREQ=WEEKLY;BYDAY=TU,SU;BYHOUR=15;BYMINUTE=0"]],
      ["Australia/Lord_Howe", SUMMER, ["FREQ=WEEKLY;BYDAY=TU,SU;BYHOUR=15;BYMINUTE=30"]],
    ])("Mon, Wed 02:00 in %s (%s)", (zone, ref, expected) => {
      expect(text(gridToRules(monWed2, zone, ref).rules)).toEqual(expected);
    });

    it("shifts days forward across midnight in western zones", () => {
      const grid = gridFromDaysAndTimes(["SU"], [{ hour: 21, minute: 0 }]);
      expect(text(gridToRules(grid, "America/New_York", WINTER).rules)).toEqual([
        "FREQ=WEEKLY;BYDAY=MO;BYHOUR=2;BYMINUTE=0",
      ]);
    });

    it("splits times whose UTC days differ into several rules", () => {
      // 02:00 and 14:00 Shanghai: the night run is the previous UTC day, the afternoon run the same day
      const grid = gridFromDaysAndTimes(
        ["MO"],
        [
          { hour: 2, minute: 0 },
          { hour: 14, minute: 0 },
        ],
      );
      expect(text(gridToRules(grid, "Asia/Shanghai", WINTER).rules)).toEqual([
        "FREQ=WEEKLY;BYDAY=MO;BYHOUR=6;BYMINUTE=0",
        "FREQ=WEEKLY;BYDAY=SU;BYHOUR=18;BYMINUTE=0",
      ]);
    });

    it("splits times that are not one hour × minute product", () => {
      const grid = gridFromDaysAndTimes(
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
        [
          { hour: 1, minute: 15 },
          { hour: 3, minute: 45 },
          { hour: 5, minute: 15 },
        ],
      );
      expect(text(gridToRules(grid, "UTC", WINTER).rules)).toEqual([
        "FREQ=DAILY;BYHOUR=1,5;BYMINUTE=15",
        "FREQ=DAILY;BYHOUR=3;BYMINUTE=45",
      ]);
    });

    it("makes one DAILY rule of an every-day grid, even across midnight", () => {
      const grid = gridFromDaysAndTimes(
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
        [{ hour: 1, minute: 0 }],
      );
      expect(text(gridToRules(grid, "Asia/Shanghai", WINTER).rules)).toEqual([
        "FREQ=DAILY;BYHOUR=17;BYMINUTE=0",
      ]);
    });

    it("reports the DST drift of fixed UTC rules", () => {
      const { offsetMinutes, drift } = gridToRules(monWed2, "Europe/Berlin", WINTER);
      expect(offsetMinutes).toBe(60);
      expect(drift.map((d) => [d.at.toISOString(), d.shiftMinutes])).toEqual([
        ["2026-03-29T01:00:00.000Z", 60],
        ["2026-10-25T01:00:00.000Z", 0],
      ]);
      const lordHowe = gridToRules(monWed2, "Australia/Lord_Howe", WINTER);
      expect(lordHowe.drift.map((d) => d.shiftMinutes)).toEqual([-30, 0]);
      expect(gridToRules(monWed2, "Asia/Kolkata", WINTER).drift).toEqual([]);
    });
  });

  describe("the CBR serialisation of a local grid", () => {
    // One grammar, two texts: the builder's grid gives the same UTC rules for CSBS and CBR, only
    // written differently (CBR: one bare RRULE per time of day, INTERVAL on DAILY, padded minutes).
    const grid = gridFromDaysAndTimes(
      ["MO", "TU", "WE", "TH", "FR"],
      [
        { hour: 2, minute: 0 },
        { hour: 14, minute: 30 },
      ],
    );
    it.each([
      [
        "Europe/Berlin",
        WINTER,
        [
          "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=1;BYMINUTE=00",
          "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=13;BYMINUTE=30",
        ],
      ],
      [
        "Europe/Berlin",
        SUMMER,
        [
          "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=0;BYMINUTE=00",
          "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=12;BYMINUTE=30",
        ],
      ],
      [
        "Asia/Shanghai",
        WINTER,
        [
          "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,SU;BYHOUR=18;BYMINUTE=00",
          "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=6;BYMINUTE=30",
        ],
      ],
    ])("weekdays 02:00 and 14:30 in %s (%s)", (zone, ref, expected) => {
      const { rules: utc } = gridToRules(grid, zone, ref);
      const list = serializeCbrPatterns(utc);
      expect([...list].sort()).toEqual([...expected].sort());
      const back = parseCbrPatterns(list);
      expect(back.ok && sameSchedule(back.rules, utc)).toBe(true);
      const view = back.ok ? rulesToGrid(back.rules, zone, ref) : null;
      expect(view?.ok && view.grid).toEqual(grid);
    });

    it("an every-day grid becomes FREQ=DAILY;INTERVAL=1", () => {
      const every = gridFromDaysAndTimes(
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
        [{ hour: 3, minute: 0 }],
      );
      expect(serializeCbrPatterns(gridToRules(every, "Europe/Berlin", WINTER).rules)).toEqual([
        "FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00",
      ]);
    });
  });

  describe("rulesToGrid", () => {
    it.each([
      "UTC",
      "Europe/Berlin",
      "America/New_York",
      "Asia/Shanghai",
      "Asia/Kolkata",
      "Pacific/Chatham",
      "Australia/Lord_Howe",
    ])("round-trips a grid in %s", (zone) => {
      const grid = [
        { day: "MO", hour: 0, minute: 30 },
        { day: "WE", hour: 2, minute: 0 },
        { day: "SU", hour: 23, minute: 45 },
      ] as const;
      for (const ref of [WINTER, SUMMER]) {
        const view = rulesToGrid(gridToRules([...grid], zone, ref).rules, zone, ref);
        expect(view.ok && view.grid).toEqual(grid);
      }
    });

    it("shows the UTC reference sample in Berlin local time", () => {
      const view = rulesToGrid(
        rules("FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27"),
        "Europe/Berlin",
        SUMMER,
      );
      expect(view).toMatchObject({
        ok: true,
        grid: [{ day: "TH", hour: 14, minute: 27 }],
        offsetMinutes: 120,
        rewritesRules: false,
      });
    });

    it("says when the grid would rewrite the rule text", () => {
      const view = rulesToGrid(
        rules("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=2;BYMINUTE=0"),
        "UTC",
        WINTER,
      );
      expect(view.ok && view.rewritesRules).toBe(true);
    });

    it("refuses an every-N-days rule with the reason", () => {
      expect(
        rulesToGrid(rules("FREQ=DAILY;INTERVAL=3;BYHOUR=2;BYMINUTE=0"), "UTC", WINTER),
      ).toMatchObject({
        ok: false,
        problem: { code: "not-weekly", field: "INTERVAL" },
      });
    });
  });
});

describe("normalizeRules / sameSchedule / shiftGrid", () => {
  it("gives one canonical list for equal schedules", () => {
    const a = rules("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=2;BYMINUTE=0");
    const b = rules("FREQ=DAILY;BYHOUR=2;BYMINUTE=0");
    const c = rules(
      "FREQ=WEEKLY;BYDAY=MO,TU,WE;BYHOUR=2;BYMINUTE=0\nFREQ=WEEKLY;BYDAY=TH,FR,SA,SU;BYHOUR=2;BYMINUTE=0",
    );
    expect(text(normalizeRules(a))).toEqual(["FREQ=DAILY;BYHOUR=2;BYMINUTE=0"]);
    expect(sameSchedule(a, b)).toBe(true);
    expect(sameSchedule(b, c)).toBe(true);
    expect(sameSchedule(b, rules("FREQ=DAILY;BYHOUR=3;BYMINUTE=0"))).toBe(false);
    expect(
      text(
        normalizeRules(
          rules(
            "FREQ=DAILY;INTERVAL=2;BYHOUR=2;BYMINUTE=0\nFREQ=DAILY;INTERVAL=2;BYHOUR=5;BYMINUTE=0",
          ),
        ),
      ),
    ).toEqual(["FREQ=DAILY;INTERVAL=2;BYHOUR=2,5;BYMINUTE=0"]);
  });

  it("refuses impossible slots", () => {
    expect(() => shiftGrid([{ day: "MO", hour: 24, minute: 0 }], 0)).toThrow(RangeError);
  });

  it("wraps around the week", () => {
    expect(shiftGrid([{ day: "SU", hour: 23, minute: 30 }], 45)).toEqual([
      { day: "MO", hour: 0, minute: 15 },
    ]);
    expect(shiftGrid([{ day: "MO", hour: 0, minute: 15 }], -45)).toEqual([
      { day: "SU", hour: 23, minute: 30 },
    ]);
  });
});
