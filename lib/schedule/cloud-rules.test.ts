import { describe, expect, it } from "vitest";
import { checkCloudRules, findCloseRuns } from "./cloud-rules";
import { parseCsbsPattern } from "./parse";
import type { ScheduleRule } from "./types";
import { validateCbrPatterns, validateCsbsPattern } from "./validate";

function rules(text: string): ScheduleRule[] {
  const result = parseCsbsPattern(text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.rules;
}

describe("checkCloudRules", () => {
  it.each([
    "FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27",
    "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0",
    "FREQ=WEEKLY;BYDAY=SU,MO;BYHOUR=23,0;BYMINUTE=30",
    "FREQ=WEEKLY;BYDAY=SU;BYHOUR=23;BYMINUTE=0\nFREQ=WEEKLY;BYDAY=MO;BYHOUR=0;BYMINUTE=0",
    "FREQ=DAILY;BYHOUR=1;BYMINUTE=15\nFREQ=DAILY;BYHOUR=3;BYMINUTE=45",
    "FREQ=DAILY;INTERVAL=2;BYHOUR=23;BYMINUTE=30\nFREQ=DAILY;BYHOUR=0;BYMINUTE=30",
  ])("accepts %s", (text) => {
    expect(checkCloudRules(rules(text))).toEqual([]);
  });

  it("refuses two runs in one hour", () => {
    const [problem] = checkCloudRules(rules("FREQ=DAILY;BYHOUR=1,2;BYMINUTE=0,30"));
    expect(problem).toMatchObject({ code: "too-close", field: "BYMINUTE" });
    expect(problem?.message).toContain("30 minutes");
  });

  it("refuses runs closer than an hour across midnight", () => {
    const [problem] = checkCloudRules(
      rules(
        "FREQ=WEEKLY;BYDAY=MO,TU;BYHOUR=23,0;BYMINUTE=30\nFREQ=WEEKLY;BYDAY=TU;BYHOUR=0;BYMINUTE=0",
      ),
    );
    expect(problem).toMatchObject({ code: "too-close", field: "BYHOUR" });
    expect(problem?.message).toContain("Mon 23:30 and Tue 00:00");
  });

  it("refuses runs closer than an hour across the week's wrap-around (Sunday late → Monday early)", () => {
    const [problem] = checkCloudRules(
      rules(
        "FREQ=WEEKLY;BYDAY=SU;BYHOUR=23;BYMINUTE=30\nFREQ=WEEKLY;BYDAY=MO;BYHOUR=0;BYMINUTE=15",
      ),
    );
    expect(problem).toMatchObject({ code: "too-close" });
    expect(problem?.message).toContain("Sun 23:30 and Mon 00:15");
    expect(problem?.message).toContain("45 minutes");
  });

  it("refuses the wrap-around of a DAILY interval's cycle", () => {
    const problems = checkCloudRules(
      rules("FREQ=DAILY;BYHOUR=23;BYMINUTE=30\nFREQ=DAILY;BYHOUR=0;BYMINUTE=0"),
    );
    expect(problems[0]).toMatchObject({ code: "too-close" });
  });

  it("refuses two rules at the same instant", () => {
    const [problem] = checkCloudRules(
      rules("FREQ=WEEKLY;BYDAY=MO;BYHOUR=2;BYMINUTE=0\nFREQ=DAILY;BYHOUR=2;BYMINUTE=0"),
    );
    expect(problem).toMatchObject({ code: "too-close" });
    expect(problem?.message).toContain("Mon 02:00");
  });

  it("refuses more than 24 runs on a day", () => {
    const problems = checkCloudRules(
      rules(
        "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,59",
      ),
    );
    expect(problems.map((p) => p.code)).toEqual(["too-many-runs", "too-close"]);
    expect(problems[0]?.message).toContain("48 runs");
  });

  it("refuses malformed rules built by hand", () => {
    const bad = [
      { freq: "WEEKLY", interval: 1, byDay: [], byHour: [24], byMinute: [] },
    ] as unknown as ScheduleRule[];
    const fields = checkCloudRules(bad).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["BYDAY", "BYHOUR", "BYMINUTE"]));
    expect(checkCloudRules([])).toMatchObject([{ code: "no-rule" }]);
  });

  it("counts CBR patterns (one per time of day, at most 24) only when asked", () => {
    const manyTimes = rules(
      Array.from(
        { length: 25 },
        (_, i) =>
          `FREQ=WEEKLY;BYDAY=${["MO", "TU", "WE", "TH", "FR"][i % 5]};BYHOUR=${Math.floor(i / 5) * 4};BYMINUTE=${i}`,
      ).join("\n"),
    );
    expect(checkCloudRules(manyTimes)).toEqual([]);
    expect(checkCloudRules(manyTimes, { service: "cbr" })).toMatchObject([
      { code: "too-many-patterns" },
    ]);
  });

  it("lists every close pair for a grid", () => {
    const pairs = findCloseRuns(rules("FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=5;BYMINUTE=0,20"));
    expect(pairs).toHaveLength(2);
    expect(pairs[1]).toMatchObject({
      firstSlot: { day: "WE", hour: 5, minute: 0 },
      secondSlot: { day: "WE", hour: 5, minute: 20 },
      gapMinutes: 20,
    });
  });
});

describe("validateCsbsPattern / validateCbrPatterns", () => {
  it("returns null for the reference's sample", () => {
    expect(
      validateCsbsPattern(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      ),
    ).toBeNull();
    expect(validateCbrPatterns(["FREQ=DAILY;INTERVAL=1;BYHOUR=6;BYMINUTE=00"])).toBeNull();
  });
  it("returns the parse problem first, then the cloud rule", () => {
    expect(validateCsbsPattern("FREQ=YEARLY;BYHOUR=1;BYMINUTE=0")?.code).toBe("unsupported-freq");
    expect(validateCsbsPattern("FREQ=DAILY;BYHOUR=1;BYMINUTE=0,10")?.code).toBe("too-close");
    expect(
      validateCbrPatterns(["FREQ=DAILY;BYHOUR=1;BYMINUTE=0", "FREQ=DAILY;BYHOUR=1;BYMINUTE=30"])
        ?.code,
    ).toBe("too-close");
  });
});
