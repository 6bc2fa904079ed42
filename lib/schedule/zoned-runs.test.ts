import { describe, expect, it } from "vitest";
import { underEachMachineZone } from "./machine-zones";
import { parseCbrPatterns, parseCsbsPattern } from "./parse";
import type { ScheduleRule } from "./types";
import { nextRunsInZone, wallClock } from "./zoned-runs";

function rules(pattern: string): ScheduleRule[] {
  const result = parseCsbsPattern(pattern);
  if (!result.ok) throw new Error(result.problem.message);
  return result.rules;
}
const show = (zone: string, after: string, pattern: string, count: number) =>
  nextRunsInZone(rules(pattern), new Date(after), count, zone).map(
    (run) =>
      `${run.at.toISOString().slice(0, 16)} ${run.local.day} ${run.local.date} ${run.local.time} ${run.local.offset}`,
  );

underEachMachineZone(() => {
  describe("nextRunsInZone across DST changes", () => {
    it("Europe/Berlin spring forward: 01:00 UTC moves from 02:00 to 03:00 local", () => {
      expect(
        show("Europe/Berlin", "2026-03-27T00:00Z", "FREQ=DAILY;BYHOUR=1;BYMINUTE=0", 4),
      ).toEqual([
        "2026-03-27T01:00 FR 2026-03-27 02:00 UTC+01:00",
        "2026-03-28T01:00 SA 2026-03-28 02:00 UTC+01:00",
        "2026-03-29T01:00 SU 2026-03-29 03:00 UTC+02:00",
        "2026-03-30T01:00 MO 2026-03-30 03:00 UTC+02:00",
      ]);
    });

    it("Europe/Berlin fall back: hourly runs show 02:00 twice, with both offsets", () => {
      expect(
        show("Europe/Berlin", "2026-10-24T23:59Z", "FREQ=DAILY;BYHOUR=0,1,2;BYMINUTE=0", 3),
      ).toEqual([
        "2026-10-25T00:00 SU 2026-10-25 02:00 UTC+02:00",
        "2026-10-25T01:00 SU 2026-10-25 02:00 UTC+01:00",
        "2026-10-25T02:00 SU 2026-10-25 03:00 UTC+01:00",
      ]);
    });

    it("America/New_York spring forward", () => {
      expect(
        show("America/New_York", "2026-03-07T00:00Z", "FREQ=DAILY;BYHOUR=7;BYMINUTE=30", 3),
      ).toEqual([
        "2026-03-07T07:30 SA 2026-03-07 02:30 UTC-05:00",
        "2026-03-08T07:30 SU 2026-03-08 03:30 UTC-04:00",
        "2026-03-09T07:30 MO 2026-03-09 03:30 UTC-04:00",
      ]);
    });

    it("Australia/Lord_Howe's 30-minute change", () => {
      expect(
        show("Australia/Lord_Howe", "2026-04-03T00:00Z", "FREQ=DAILY;BYHOUR=16;BYMINUTE=0", 3),
      ).toEqual([
        "2026-04-03T16:00 SA 2026-04-04 03:00 UTC+11:00",
        "2026-04-04T16:00 SU 2026-04-05 02:30 UTC+10:30",
        "2026-04-05T16:00 MO 2026-04-06 02:30 UTC+10:30",
      ]);
    });

    it("Pacific/Chatham and Asia/Kolkata: odd offsets, weekday of the local date", () => {
      expect(
        show(
          "Pacific/Chatham",
          "2026-01-14T00:00Z",
          "FREQ=WEEKLY;BYDAY=WE;BYHOUR=12;BYMINUTE=0",
          1,
        ),
      ).toEqual(["2026-01-14T12:00 TH 2026-01-15 01:45 UTC+13:45"]);
      expect(
        show("Asia/Kolkata", "2026-01-14T00:00Z", "FREQ=WEEKLY;BYDAY=WE;BYHOUR=20;BYMINUTE=0", 1),
      ).toEqual(["2026-01-14T20:00 TH 2026-01-15 01:30 UTC+05:30"]);
    });
  });

  it("a CBR list runs where its CSBS twin runs, across Berlin's spring change", () => {
    const parsed = parseCbrPatterns([
      "FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=00",
      "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=13;BYMINUTE=30",
    ]);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const runs = nextRunsInZone(
      parsed.rules,
      new Date("2026-03-28T00:00Z"),
      4,
      "Europe/Berlin",
    ).map((run) => `${run.at.toISOString().slice(0, 16)} ${run.local.time} ${run.local.offset}`);
    expect(runs).toEqual([
      "2026-03-28T01:00 02:00 UTC+01:00",
      "2026-03-28T13:30 14:30 UTC+01:00",
      "2026-03-29T01:00 03:00 UTC+02:00",
      "2026-03-29T13:30 15:30 UTC+02:00",
    ]);
    const twin = rules(
      "FREQ=DAILY;BYHOUR=1;BYMINUTE=0\nRRULE:FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=13;BYMINUTE=30",
    );
    expect(
      nextRunsInZone(twin, new Date("2026-03-28T00:00Z"), 4, "Europe/Berlin").map((r) => r.at),
    ).toEqual(
      nextRunsInZone(parsed.rules, new Date("2026-03-28T00:00Z"), 4, "Europe/Berlin").map(
        (r) => r.at,
      ),
    );
  });

  it("renders UTC too", () => {
    expect(wallClock(new Date("2026-01-14T20:00:00Z"), "UTC")).toEqual({
      date: "2026-01-14",
      time: "20:00",
      day: "WE",
      offsetMinutes: 0,
      offset: "UTC+00:00",
    });
  });
});
