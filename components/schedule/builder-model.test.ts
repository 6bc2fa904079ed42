import { describe, expect, it } from "vitest";
import { gridFromDaysAndTimes, parseCsbsPattern } from "@/lib/schedule";
import {
  addTime,
  cbrLinesOf,
  closeCells,
  daysOf,
  fleetWeek,
  isRectangular,
  parseTime,
  presetGrid,
  projectRetention,
  readPattern,
  removeTime,
  timesOf,
  toggleCell,
  toggleDay,
  usualMinute,
  writePattern,
} from "./builder-model";

const WINTER = new Date("2026-01-15T12:00:00Z");
const SUMMER = new Date("2026-07-15T12:00:00Z");
const THURSDAY_1227 =
  "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

describe("the CBR dialect: one UTC rule per line", () => {
  it("writes Berlin local times as CBR rules, one per time, and reads them back on the grid", () => {
    const grid = gridFromDaysAndTimes(
      ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
      [
        { hour: 2, minute: 0 },
        { hour: 14, minute: 30 },
      ],
    );
    const text = writePattern(grid, "Europe/Berlin", WINTER, "cbr");
    expect(new Set(cbrLinesOf(text))).toEqual(
      new Set([
        "FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=00",
        "FREQ=DAILY;INTERVAL=1;BYHOUR=13;BYMINUTE=30",
      ]),
    );
    const read = readPattern(text, "Europe/Berlin", WINTER, "cbr");
    expect(read.kind).toBe("grid");
    if (read.kind === "grid") expect(read.grid).toEqual(grid);
    // Summer: the same local times are an hour earlier in UTC.
    expect(writePattern(grid, "Europe/Berlin", SUMMER, "cbr")).toContain("BYHOUR=0;BYMINUTE=00");
  });

  it("keeps a list the builder would regroup editable, and refuses what CBR refuses", () => {
    // One rule with two times: CBR's own tooling writes one per time, the runs are the same.
    const grouped = readPattern(
      "FREQ=WEEKLY;BYDAY=MO,FR;BYHOUR=1,13;BYMINUTE=0",
      "UTC",
      WINTER,
      "cbr",
    );
    expect(grouped.kind).toBe("grid");
    // Blank lines and CRLF are not rules.
    expect(cbrLinesOf("FREQ=DAILY;INTERVAL=1;BYHOUR=1;BYMINUTE=0\r\n\n  \n")).toHaveLength(1);
    // The CSBS document is not a CBR rule list.
    expect(readPattern(THURSDAY_1227, "UTC", WINTER, "cbr").kind).toBe("invalid");
    expect(
      readPattern("FREQ=DAILY;INTERVAL=3;BYHOUR=1;BYMINUTE=0", "UTC", WINTER, "cbr"),
    ).toMatchObject({ kind: "readonly", reason: "not-weekly" });
  });
});

describe("reading a pattern", () => {
  it("shows a canonical weekly pattern on the local grid of the zone", () => {
    const read = readPattern(THURSDAY_1227, "Asia/Shanghai", WINTER);
    expect(read.kind).toBe("grid");
    if (read.kind !== "grid") return;
    expect(read.grid).toEqual([{ day: "TH", hour: 20, minute: 27 }]);
    expect(read.offsetMinutes).toBe(480);
  });

  it("writes Berlin local time as the UTC pattern, with the offset of the reference date", () => {
    const grid = gridFromDaysAndTimes(["MO"], [{ hour: 2, minute: 0 }]);
    expect(writePattern(grid, "Europe/Berlin", WINTER)).toContain(
      "RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=1;BYMINUTE=0",
    );
    expect(writePattern(grid, "Europe/Berlin", SUMMER)).toContain(
      "RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=0;BYMINUTE=0",
    );
    // Past midnight the UTC day changes.
    const early = gridFromDaysAndTimes(["MO"], [{ hour: 0, minute: 30 }]);
    expect(writePattern(early, "Europe/Berlin", WINTER)).toContain(
      "BYDAY=SU;BYHOUR=23;BYMINUTE=30",
    );
    expect(writePattern([], "Europe/Berlin", WINTER)).toBe("");
  });

  it("round-trips what it writes, so the builder never shows its own pattern read-only", () => {
    for (const zone of ["UTC", "Asia/Kolkata", "America/New_York", "Australia/Lord_Howe"]) {
      const grid = gridFromDaysAndTimes(
        ["MO", "WE", "SU"],
        [
          { hour: 0, minute: 15 },
          { hour: 13, minute: 45 },
        ],
      );
      const read = readPattern(writePattern(grid, zone, WINTER), zone, WINTER);
      expect(read.kind, zone).toBe("grid");
      if (read.kind === "grid") expect(read.grid).toEqual(grid);
    }
  });

  it("keeps INTERVAL and rewritable patterns read-only with the reason, and reports bad ones", () => {
    const every3 = readPattern("FREQ=DAILY;INTERVAL=3;BYHOUR=1;BYMINUTE=0", "UTC", WINTER);
    expect(every3).toMatchObject({ kind: "readonly", reason: "not-weekly" });
    // Two rules whose runs the builder would merge into one rule: same runs, different text.
    const split = readPattern(
      "BEGIN:VEVENT\nRRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=1;BYMINUTE=0\nRRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=1;BYMINUTE=0\nEND:VEVENT",
      "UTC",
      WINTER,
    );
    expect(split).toMatchObject({ kind: "readonly", reason: "rewrites" });
    expect(readPattern("FREQ=HOURLY;BYHOUR=1;BYMINUTE=0", "UTC", WINTER).kind).toBe("invalid");
    expect(readPattern("  ", "UTC", WINTER).kind).toBe("empty");
  });
});

describe("editing the grid", () => {
  const base = gridFromDaysAndTimes(["MO", "TU"], [{ hour: 2, minute: 30 }]);

  it("adds and removes times on the chosen days", () => {
    const added = addTime(base, ["MO", "TU"], { hour: 14, minute: 30 });
    expect(timesOf(added)).toEqual([
      { hour: 2, minute: 30 },
      { hour: 14, minute: 30 },
    ]);
    expect(isRectangular(added)).toBe(true);
    expect(removeTime(added, { hour: 2, minute: 30 })).toEqual(
      gridFromDaysAndTimes(["MO", "TU"], [{ hour: 14, minute: 30 }]),
    );
  });

  it("adds a day with every time and removes a day with its runs", () => {
    expect(daysOf(toggleDay(base, "SU", true))).toEqual(["MO", "TU", "SU"]);
    expect(toggleDay(base, "MO", false)).toEqual([{ day: "TU", hour: 2, minute: 30 }]);
  });

  it("toggles an hour cell at the usual minute", () => {
    expect(usualMinute(base)).toBe(30);
    const tapped = toggleCell(base, "WE", 9);
    expect(tapped).toContainEqual({ day: "WE", hour: 9, minute: 30 });
    expect(isRectangular(tapped)).toBe(false);
    expect(toggleCell(tapped, "WE", 9)).toEqual(base);
    expect(toggleCell([], "MO", 0)).toEqual([{ day: "MO", hour: 0, minute: 0 }]);
  });

  it("offers presets as grids", () => {
    expect(presetGrid("every4h")).toHaveLength(42);
    expect(presetGrid("nightly")).toHaveLength(7);
    expect(daysOf(presetGrid("weekdays"))).toEqual(["MO", "TU", "WE", "TH", "FR"]);
  });

  it("reads typed times strictly", () => {
    expect(parseTime("2:05")).toEqual({ hour: 2, minute: 5 });
    expect(parseTime("24:00")).toBeNull();
    expect(parseTime("12:60")).toBeNull();
    expect(parseTime("noon")).toBeNull();
  });
});

describe("close runs", () => {
  it("marks both local cells of a pair closer than 60 minutes, across the week's wrap", () => {
    const parsed = parseCsbsPattern(
      "BEGIN:VEVENT\nRRULE:FREQ=WEEKLY;BYDAY=SU;BYHOUR=23;BYMINUTE=30\nRRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=0;BYMINUTE=15\nEND:VEVENT",
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Shanghai is UTC+8: Sun 23:30 UTC is Mon 07:30 local, Mon 00:15 UTC is Mon 08:15 local.
    expect([...closeCells(parsed.rules, 480)].sort()).toEqual(["MO-7", "MO-8"]);
  });
});

describe("fleet week", () => {
  it("counts servers per local hour, from real runs", () => {
    const { cells, unreadable } = fleetWeek(
      [
        { id: "a", name: "a", pattern: THURSDAY_1227, servers: 3 },
        { id: "b", name: "b", pattern: "FREQ=DAILY;BYHOUR=12;BYMINUTE=0", servers: 2 },
        { id: "c", name: "c", pattern: "nonsense", servers: 1 },
        // CBR's dialect on the same grid: one UTC rule per line.
        {
          id: "d",
          name: "d",
          pattern: ["FREQ=DAILY;INTERVAL=1;BYHOUR=12;BYMINUTE=30"],
          servers: 4,
        },
        { id: "e", name: "e", pattern: ["FREQ=HOURLY;BYMINUTE=0"], servers: 1 },
      ],
      "Europe/Berlin",
      WINTER,
    );
    expect(unreadable).toEqual(["c", "e"]);
    expect(cells.get("TH-13")).toEqual({ runs: 3, servers: 9, policies: ["a", "b", "d"] });
    expect(cells.get("MO-13")).toEqual({ runs: 2, servers: 6, policies: ["b", "d"] });
  });
});

describe("retention projection", () => {
  const parsed = parseCsbsPattern("FREQ=DAILY;BYHOUR=1;BYMINUTE=0");
  const rules = parsed.ok ? parsed.rules : [];

  it("holds the count, the runs within the days, or grows by a year's runs", () => {
    expect(projectRetention(rules, { kind: "count", count: 7 }, WINTER).perServer).toBe(7);
    expect(projectRetention(rules, { kind: "days", days: 30 }, WINTER).perServer).toBe(30);
    const forever = projectRetention(rules, { kind: "permanent" }, WINTER);
    expect(forever).toEqual({ perServer: 365, perYear: 365, grows: true });
  });
});
