import { describe, expect, it } from "vitest";
import { underEachMachineZone } from "./machine-zones";
import { parseCsbsPattern } from "./parse";
import { nextRuns, runsBetween } from "./runs";
import type { ScheduleRule } from "./types";

function rules(text: string): ScheduleRule[] {
  const result = parseCsbsPattern(text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.rules;
}
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

underEachMachineZone(() => {
  describe("runsBetween", () => {
    const weekly = rules("FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27");

    it("lists the UTC instants in (from, to], sorted", () => {
      expect(
        iso(runsBetween(weekly, new Date("2026-11-01T00:00Z"), new Date("2026-11-30T00:00Z"))),
      ).toEqual([
        "2026-11-05T12:27:00.000Z",
        "2026-11-12T12:27:00.000Z",
        "2026-11-19T12:27:00.000Z",
        "2026-11-26T12:27:00.000Z",
      ]);
    });

    it("excludes the start and includes the end", () => {
      const at = new Date("2026-11-05T12:27:00Z");
      expect(runsBetween(weekly, at, new Date("2026-11-12T12:27:00Z"))).toEqual([
        new Date("2026-11-12T12:27:00Z"),
      ]);
      expect(runsBetween(weekly, new Date(at.getTime() - 1), at)).toEqual([at]);
      expect(runsBetween(weekly, at, at)).toEqual([]);
    });

    it("merges rules and drops instants two rules share", () => {
      const merged = rules(
        "FREQ=DAILY;BYHOUR=2;BYMINUTE=0\nFREQ=WEEKLY;BYDAY=MO;BYHOUR=2,5;BYMINUTE=0",
      );
      expect(
        iso(runsBetween(merged, new Date("2026-11-22T12:00Z"), new Date("2026-11-24T00:00Z"))),
      ).toEqual(["2026-11-23T02:00:00.000Z", "2026-11-23T05:00:00.000Z"]);
    });

    it("anchors DAILY;INTERVAL=n on 1970-01-01 UTC", () => {
      const every3 = rules("FREQ=DAILY;INTERVAL=3;BYHOUR=6;BYMINUTE=0");
      const runs = runsBetween(
        every3,
        new Date("1970-01-01T00:00Z"),
        new Date("1970-01-10T00:00Z"),
      );
      expect(iso(runs)).toEqual([
        "1970-01-01T06:00:00.000Z",
        "1970-01-04T06:00:00.000Z",
        "1970-01-07T06:00:00.000Z",
      ]);
      for (const run of runsBetween(every3, new Date("2026-01-01Z"), new Date("2026-03-01Z"))) {
        expect(Math.floor(run.getTime() / 86_400_000) % 3).toBe(0);
      }
    });

    it("works before 1970 too", () => {
      const every3 = rules("FREQ=DAILY;INTERVAL=3;BYHOUR=6;BYMINUTE=0");
      expect(
        iso(runsBetween(every3, new Date("1969-12-25T00:00Z"), new Date("1970-01-01T00:00Z"))),
      ).toEqual(["1969-12-26T06:00:00.000Z", "1969-12-29T06:00:00.000Z"]);
    });
  });

  describe("nextRuns", () => {
    it("gives the next N strictly after the instant", () => {
      const daily = rules("FREQ=DAILY;BYHOUR=2,14;BYMINUTE=30");
      expect(iso(nextRuns(daily, new Date("2026-11-22T02:30:00Z"), 3))).toEqual([
        "2026-11-22T14:30:00.000Z",
        "2026-11-23T02:30:00.000Z",
        "2026-11-23T14:30:00.000Z",
      ]);
    });

    it("agrees with runsBetween", () => {
      const mixed = rules(
        "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=1,9,17;BYMINUTE=5\nFREQ=DAILY;INTERVAL=4;BYHOUR=12;BYMINUTE=40",
      );
      const after = new Date("2026-03-01T10:00:00Z");
      const next = nextRuns(mixed, after, 50);
      expect(next).toHaveLength(50);
      expect(next).toEqual(runsBetween(mixed, after, next[49] as Date));
    });

    it("returns nothing for no rules or a count of 0", () => {
      expect(nextRuns([], new Date(), 5)).toEqual([]);
      expect(nextRuns(rules("FREQ=DAILY;BYHOUR=1;BYMINUTE=0"), new Date(), 0)).toEqual([]);
    });
  });
});
