import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCloudRules } from "./cloud-rules";
import { gridToRules, normalizeRules, rulesToGrid, sameSchedule } from "./grid";
import { parseCbrPatterns, parseCsbsPattern } from "./parse";
import { nextRuns, runsBetween } from "./runs";
import { serializeCbrPatterns, serializeCsbsPattern, serializeRule } from "./serialize";
import { schedule, weeklySchedule } from "./testing/arbitraries";

describe("properties", () => {
  it("parse(serialize(s)) equals s for the CSBS form", () => {
    fc.assert(
      fc.property(schedule, (rules) => {
        expect(parseCsbsPattern(serializeCsbsPattern(rules))).toEqual({ ok: true, rules });
      }),
    );
  });

  it("every accepted pattern serializes to its canonical form (idempotent)", () => {
    const key = fc.constantFrom("FREQ", "INTERVAL", "BYDAY", "BYHOUR", "BYMINUTE", "COUNT");
    const value = fc.oneof(
      fc.constantFrom(
        "WEEKLY",
        "DAILY",
        "MONTHLY",
        "MO,WE",
        "SU",
        "1MO",
        "",
        "2",
        "02,14",
        "25",
        "0,30",
        "59",
      ),
      fc.integer({ min: 0, max: 70 }).map(String),
    );
    const messy = fc
      .array(fc.tuple(key, value), { minLength: 1, maxLength: 6 })
      .chain((pairs) =>
        fc.tuple(
          fc.constant(pairs.map(([k, v]) => `${k}=${v}`).join(";")),
          fc.constantFrom(
            "",
            "RRULE:",
            "BEGIN:VEVENT\r\nRRULE:",
            "BEGIN:VCALENDAR\\r\\nBEGIN:VEVENT\\r\\nRRULE:",
          ),
          fc.constantFrom("", ";", " \n"),
        ),
      )
      .map(([rule, prefix, suffix]) => {
        const closing = prefix.startsWith("BEGIN:VCALENDAR")
          ? "\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR\\r\\n"
          : prefix.startsWith("BEGIN")
            ? "\r\nEND:VEVENT"
            : "";
        return `${prefix}${rule}${suffix}${closing}`;
      });
    fc.assert(
      fc.property(fc.oneof(messy, schedule.map(serializeCsbsPattern)), (text) => {
        const parsed = parseCsbsPattern(text);
        if (!parsed.ok) return;
        const canonical = serializeCsbsPattern(parsed.rules);
        expect(parseCsbsPattern(canonical)).toEqual(parsed);
        const again = parseCsbsPattern(canonical);
        expect(again.ok && serializeCsbsPattern(again.rules)).toBe(canonical);
      }),
      { numRuns: 500 },
    );
  });

  it("the CBR form keeps the runs", () => {
    fc.assert(
      fc.property(schedule, (rules) => {
        const list = serializeCbrPatterns(rules);
        if (list.length > 24) return;
        const parsed = parseCbrPatterns(list);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(sameSchedule(parsed.rules, rules)).toBe(true);
      }),
    );
  });

  it("the CBR form is canonical: serialize(parse(list)) is a fixed point, also from messy lines", () => {
    const messyLine = fc
      .tuple(
        fc.constantFrom(
          "FREQ=WEEKLY;BYDAY=MO,WE",
          "FREQ=DAILY",
          "FREQ=DAILY;INTERVAL=3",
          "FREQ=MONTHLY",
        ),
        fc.constantFrom("BYHOUR=2", "BYHOUR=02,14", "BYHOUR=25", "BYHOUR="),
        fc.constantFrom("BYMINUTE=0", "BYMINUTE=00", "BYMINUTE=30", "BYMINUTE=60"),
        fc.constantFrom("", "RRULE:", " "),
        fc.constantFrom("", ";", " "),
        fc.boolean(),
      )
      .map(([freq, hour, minute, prefix, suffix, swap]) =>
        swap
          ? `${prefix}${minute};${hour};${freq}${suffix}`
          : `${prefix}${freq};${hour};${minute}${suffix}`,
      );
    const list = fc.oneof(
      fc.array(messyLine, { minLength: 1, maxLength: 5 }),
      schedule.map(serializeCbrPatterns),
    );
    fc.assert(
      fc.property(list, (items) => {
        const parsed = parseCbrPatterns(items);
        if (!parsed.ok) {
          // A refusal always names a field and a known code, never a silent fallback.
          expect(parsed.problem.code).toMatch(/^[a-z-]+$/);
          expect(parsed.problem.field).toBeTruthy();
          return;
        }
        const canonical = serializeCbrPatterns(parsed.rules);
        const again = parseCbrPatterns(canonical);
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        expect(sameSchedule(again.rules, parsed.rules)).toBe(true);
        expect(serializeCbrPatterns(again.rules)).toEqual(canonical);
        // Bare rules only: no calendar around them, one time of day per line, INTERVAL on DAILY.
        for (const line of canonical) {
          expect(line).toMatch(
            /^FREQ=(WEEKLY;BYDAY=[A-Z,]+|DAILY;INTERVAL=\d+);BYHOUR=\d{1,2};BYMINUTE=\d{2}$/,
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it("the CSBS and CBR forms of one schedule read back to the same runs", () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const to = new Date("2026-02-15T00:00:00Z");
    fc.assert(
      fc.property(schedule, (rules) => {
        const cbr = serializeCbrPatterns(rules);
        if (cbr.length > 24) return;
        const a = parseCsbsPattern(serializeCsbsPattern(rules));
        const b = parseCbrPatterns(cbr);
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok)
          expect(runsBetween(b.rules, from, to)).toEqual(runsBetween(a.rules, from, to));
      }),
      { numRuns: 60 },
    );
  });

  it("normalizeRules keeps the runs and is idempotent", () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const to = new Date("2026-03-01T00:00:00Z");
    fc.assert(
      fc.property(schedule, (rules) => {
        const normal = normalizeRules(rules);
        expect(runsBetween(normal, from, to)).toEqual(runsBetween(rules, from, to));
        expect(normalizeRules(normal).map((r) => serializeRule(r))).toEqual(
          normal.map((r) => serializeRule(r)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("grid → rules → grid is the identity in any zone", () => {
    const zone = fc.constantFrom(
      "UTC",
      "Europe/Berlin",
      "America/New_York",
      "Asia/Kolkata",
      "Pacific/Chatham",
      "Australia/Lord_Howe",
    );
    const ref = fc.date({
      min: new Date("2020-01-01Z"),
      max: new Date("2030-01-01Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(weeklySchedule, zone, ref, (rules, z, refDate) => {
        const view = rulesToGrid(rules, z, refDate);
        expect(view.ok).toBe(true);
        if (!view.ok) return;
        const back = gridToRules(view.grid, z, refDate).rules;
        expect(sameSchedule(back, rules)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("accepted schedules never run closer than 60 minutes", () => {
    fc.assert(
      fc.property(schedule, (rules) => {
        if (checkCloudRules(rules).length > 0) return;
        const runs = nextRuns(rules, new Date("2026-01-01T00:00:00Z"), 200);
        for (let i = 1; i < runs.length; i++) {
          expect(
            (runs[i] as Date).getTime() - (runs[i - 1] as Date).getTime(),
          ).toBeGreaterThanOrEqual(3_600_000);
        }
      }),
      { numRuns: 150 },
    );
  });
});
