import { describe, expect, it } from "vitest";
import { parseCbrPatterns, parseCsbsPattern } from "./parse";
import type { ScheduleRule } from "./types";

const THURSDAY_1227: ScheduleRule = {
  freq: "WEEKLY",
  interval: 1,
  byDay: ["TH"],
  byHour: [12],
  byMinute: [27],
};

/**
 * The pattern strings of the CSBS reference (seeds/003), as JSON string literals copied verbatim
 * from its samples: JSON.parse turns them into what a client would actually receive.
 */
const REFERENCE_SAMPLES = [
  String.raw`"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n\\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR\\r\\n"`,
  String.raw`"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n\r\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"`,
  String.raw`"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n\\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR"`,
  String.raw`"BEGIN:VCALENDAR\\r\\nBEGIN:VEVENT\\r\\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR\\r\\n"`,
  String.raw`"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n\\nRRULE:FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27\\nEND:VEVENT\\nEND:VCALENDAR\r\n\\r\\n"`,
];

describe("parseCsbsPattern: the reference's samples", () => {
  it.each(REFERENCE_SAMPLES)("decoded JSON %s → weekly Thursday 12:27 UTC", (literal) => {
    expect(parseCsbsPattern(JSON.parse(literal) as string)).toEqual({
      ok: true,
      rules: [THURSDAY_1227],
    });
  });
  it.each(REFERENCE_SAMPLES)("raw text %s (escapes not decoded) → the same", (literal) => {
    expect(parseCsbsPattern(literal.slice(1, -1))).toEqual({ ok: true, rules: [THURSDAY_1227] });
  });
  it("refuses the reference's crontab example with a precise reason", () => {
    const result = parseCsbsPattern("*/10 * * * *");
    expect(result).toMatchObject({ ok: false, problem: { code: "crontab", field: "pattern" } });
  });
});

describe("parseCsbsPattern: accepted forms", () => {
  const rule = "FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27";
  it.each([
    [
      "a full VCALENDAR with CRLF",
      `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:${rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
    ],
    [
      "a full VCALENDAR with LF",
      `BEGIN:VCALENDAR\nBEGIN:VEVENT\nRRULE:${rule}\nEND:VEVENT\nEND:VCALENDAR`,
    ],
    ["a bare VEVENT (Karbor dashboard)", `BEGIN:VEVENT\r\nRRULE:${rule}\r\nEND:VEVENT\r\n`],
    ["RRULE with prefix", `RRULE:${rule}`],
    ["a bare rule", rule],
    ["surrounding whitespace", `  \n\t${rule} \r\n `],
    ["reordered keys", "BYMINUTE=27;BYHOUR=12;BYDAY=TH;FREQ=WEEKLY"],
    ["a trailing ';'", `${rule};`],
    ["INTERVAL=1 on WEEKLY", "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH;BYHOUR=12;BYMINUTE=27"],
    [
      "ignorable VCALENDAR and VEVENT properties",
      `BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//y\nBEGIN:VEVENT\nUID:1\nSUMMARY:nightly\nRRULE:${rule}\nEND:VEVENT\nEND:VCALENDAR`,
    ],
    [
      "a folded line",
      "BEGIN:VEVENT\nRRULE:FREQ=WEEKLY;BYDAY=TH;BY\n HOUR=12;BYMINUTE=27\nEND:VEVENT",
    ],
    [
      "lowercase component names",
      `begin:vcalendar\nbegin:vevent\nrrule:${rule}\nend:vevent\nend:vcalendar`,
    ],
  ])("%s", (_name, text) => {
    expect(parseCsbsPattern(text)).toEqual({ ok: true, rules: [THURSDAY_1227] });
  });

  it("reads the Orange CSBS pattern of terraform-provider-flexibleengine#181 (LF, INTERVAL=1)", () => {
    expect(
      parseCsbsPattern(
        "BEGIN:VEVENT\nRRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=19;BYMINUTE=0\nEND:VEVENT",
      ),
    ).toEqual({
      ok: true,
      rules: [{ freq: "DAILY", interval: 1, byDay: [], byHour: [19], byMinute: [0] }],
    });
  });

  it("sorts lists into canonical order", () => {
    expect(parseCsbsPattern("FREQ=WEEKLY;BYDAY=SU,WE,MO;BYHOUR=14,2;BYMINUTE=05")).toEqual({
      ok: true,
      rules: [
        { freq: "WEEKLY", interval: 1, byDay: ["MO", "WE", "SU"], byHour: [2, 14], byMinute: [5] },
      ],
    });
  });

  it("reads INTERVAL on DAILY (CSBS console 'every N days', CBR)", () => {
    expect(parseCsbsPattern("FREQ=DAILY;INTERVAL=3;BYHOUR=6;BYMINUTE=00")).toEqual({
      ok: true,
      rules: [{ freq: "DAILY", interval: 3, byDay: [], byHour: [6], byMinute: [0] }],
    });
  });

  it("reads several RRULE lines as several rules", () => {
    const result = parseCsbsPattern(
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=15\r\nRRULE:FREQ=DAILY;BYHOUR=3;BYMINUTE=45\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    expect(result.ok && result.rules.map((r) => [r.byHour, r.byMinute])).toEqual([
      [[1], [15]],
      [[3], [45]],
    ]);
  });

  it("accepts exactly 10,240 characters", () => {
    const rule = "FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27";
    const text = rule + " ".repeat(10_240 - rule.length);
    expect(parseCsbsPattern(text).ok).toBe(true);
  });
});

describe("parseCsbsPattern: refusals name the reason and the key", () => {
  it.each([
    ["FREQ=MONTHLY;BYHOUR=2;BYMINUTE=0", "unsupported-freq", "FREQ"],
    ["FREQ=HOURLY;BYHOUR=2;BYMINUTE=0", "unsupported-freq", "FREQ"],
    ["FREQ=weekly;BYDAY=MO;BYHOUR=2;BYMINUTE=0", "lowercase", "FREQ"],
    ["freq=WEEKLY;BYDAY=MO;BYHOUR=2;BYMINUTE=0", "lowercase", "FREQ"],
    ["FREQ=WEEKLY;BYDAY=mo;BYHOUR=2;BYMINUTE=0", "lowercase", "BYDAY"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=2;BYMINUTE=0;COUNT=3", "unknown-key", "COUNT"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=2;BYMINUTE=0;UNTIL=20300101T000000Z", "unknown-key", "UNTIL"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=2;BYMINUTE=0;BYSECOND=0", "unknown-key", "BYSECOND"],
    ["FREQ=WEEKLY;BYMONTH=1;BYDAY=MO;BYHOUR=2;BYMINUTE=0", "unknown-key", "BYMONTH"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=24;BYMINUTE=0", "out-of-range", "BYHOUR"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=25;BYMINUTE=0", "out-of-range", "BYHOUR"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=-1;BYMINUTE=0", "out-of-range", "BYHOUR"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=2;BYMINUTE=60", "out-of-range", "BYMINUTE"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=abc;BYMINUTE=0", "bad-value", "BYHOUR"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=2.5;BYMINUTE=0", "bad-value", "BYHOUR"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=;BYMINUTE=0", "empty-value", "BYHOUR"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=1,,2;BYMINUTE=0", "empty-value", "BYHOUR"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=2,2;BYMINUTE=0", "duplicate-value", "BYHOUR"],
    ["FREQ=WEEKLY;BYDAY=MO,MO;BYHOUR=2;BYMINUTE=0", "duplicate-value", "BYDAY"],
    ["FREQ=WEEKLY;BYDAY=MO;BYHOUR=2;BYHOUR=3;BYMINUTE=0", "duplicate-key", "BYHOUR"],
    ["FREQ=WEEKLY;FREQ=DAILY;BYDAY=MO;BYHOUR=2;BYMINUTE=0", "duplicate-key", "FREQ"],
    ["FREQ=WEEKLY;;BYDAY=MO;BYHOUR=2;BYMINUTE=0", "empty-key", "RRULE"],
    ["FREQ=WEEKLY;=MO;BYHOUR=2;BYMINUTE=0", "empty-key", "RRULE"],
    ["FREQ=WEEKLY;BYDAY=1MO;BYHOUR=2;BYMINUTE=0", "ordinal-byday", "BYDAY"],
    ["FREQ=WEEKLY;BYDAY=-1FR;BYHOUR=2;BYMINUTE=0", "ordinal-byday", "BYDAY"],
    ["FREQ=WEEKLY;BYDAY=XX;BYHOUR=2;BYMINUTE=0", "bad-value", "BYDAY"],
    ["FREQ=WEEKLY;BYHOUR=2;BYMINUTE=0", "missing-key", "BYDAY"],
    ["FREQ=DAILY;BYMINUTE=0", "missing-key", "BYHOUR"],
    ["FREQ=DAILY;BYHOUR=2", "missing-key", "BYMINUTE"],
    ["BYDAY=MO;BYHOUR=2;BYMINUTE=0", "missing-key", "FREQ"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=2;BYMINUTE=0", "unsupported-interval", "INTERVAL"],
    ["FREQ=DAILY;INTERVAL=0;BYHOUR=2;BYMINUTE=0", "out-of-range", "INTERVAL"],
    ["FREQ=DAILY;INTERVAL=31;BYHOUR=2;BYMINUTE=0", "out-of-range", "INTERVAL"],
    ["FREQ=DAILY;INTERVAL=x;BYHOUR=2;BYMINUTE=0", "bad-value", "INTERVAL"],
    ["FREQ=DAILY;INTERVAL=2;BYDAY=MO;BYHOUR=2;BYMINUTE=0", "unsupported-combination", "BYDAY"],
    ["FREQ=WEEKLY;BYDAY", "syntax", "BYDAY"],
    ["", "empty", "pattern"],
    ["  \\r\\n  ", "empty", "pattern"],
    ["BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VEVENT\nEND:VCALENDAR", "no-rule", "RRULE"],
    [
      "BEGIN:VCALENDAR\nBEGIN:VEVENT\nRRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0\nEND:VEVENT",
      "structure",
      "pattern",
    ],
    ["BEGIN:VEVENT\nRRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0\nEND:VCALENDAR", "structure", "pattern"],
    ["BEGIN:VCALENDAR\nRRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0\nEND:VCALENDAR", "structure", "RRULE"],
    [
      "BEGIN:VEVENT\nDTSTART:20260101T000000Z\nRRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0\nEND:VEVENT",
      "unsupported-property",
      "DTSTART",
    ],
    [
      "BEGIN:VEVENT\nEXDATE:20260101T000000Z\nRRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0\nEND:VEVENT",
      "unsupported-property",
      "EXDATE",
    ],
    [
      "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nEND:VTIMEZONE\nEND:VCALENDAR",
      "unsupported-component",
      "pattern",
    ],
    ["EXRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0", "unsupported-property", "EXRULE"],
    [
      "BEGIN:VEVENT\nDTSTART;TZID=Europe/Berlin:20260101T020000\nRRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0\nEND:VEVENT",
      "unsupported-property",
      "DTSTART",
    ],
    ["0 2 * * 1", "crontab", "pattern"],
  ])("%s → %s", (text, code, field) => {
    const result = parseCsbsPattern(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.field).toBe(field);
    expect(result.problem.message.length).toBeGreaterThan(10);
  });

  it("refuses more than 10,240 characters", () => {
    const rule = "FREQ=WEEKLY;BYDAY=TH;BYHOUR=12;BYMINUTE=27";
    const result = parseCsbsPattern(rule + " ".repeat(10_241 - rule.length));
    expect(result).toMatchObject({ ok: false, problem: { code: "too-long", field: "pattern" } });
  });

  it("names the offending value in the message", () => {
    const result = parseCsbsPattern("FREQ=WEEKLY;BYDAY=MO;BYHOUR=25;BYMINUTE=0");
    expect(!result.ok && result.problem.message).toContain("BYHOUR=25");
  });
});

describe("parseCbrPatterns", () => {
  it("reads the CBR docs' examples", () => {
    expect(parseCbrPatterns(["FREQ=WEEKLY;BYDAY=MO,TU;BYHOUR=14;BYMINUTE=00"])).toEqual({
      ok: true,
      rules: [{ freq: "WEEKLY", interval: 1, byDay: ["MO", "TU"], byHour: [14], byMinute: [0] }],
    });
    expect(
      parseCbrPatterns([
        "FREQ=DAILY;INTERVAL=1;BYHOUR=6;BYMINUTE=00",
        "RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=18;BYMINUTE=00",
      ]),
    ).toEqual({
      ok: true,
      rules: [
        { freq: "DAILY", interval: 1, byDay: [], byHour: [6], byMinute: [0] },
        { freq: "DAILY", interval: 1, byDay: [], byHour: [18], byMinute: [0] },
      ],
    });
  });

  it("names the failing item", () => {
    const result = parseCbrPatterns([
      "FREQ=DAILY;BYHOUR=6;BYMINUTE=00",
      "FREQ=DAILY;BYHOUR=99;BYMINUTE=00",
    ]);
    expect(result).toMatchObject({ ok: false, problem: { code: "out-of-range", field: "BYHOUR" } });
    expect(!result.ok && result.problem.message).toMatch(/^Pattern 2: /);
  });

  it.each([
    [[], "no-rule"],
    [["BEGIN:VEVENT\nRRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0\nEND:VEVENT"], "structure"],
    [
      Array.from({ length: 25 }, (_, h) => `FREQ=DAILY;BYHOUR=${h % 24};BYMINUTE=00`),
      "too-many-patterns",
    ],
    [[""], "empty"],
    [["   "], "empty"],
    [[42], "not-text"],
    [["RRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0\nRRULE:FREQ=DAILY;BYHOUR=3;BYMINUTE=0"], "structure"],
    [["BEGIN:VCALENDAR"], "structure"],
    [["0 2 * * *"], "crontab"],
    [["FREQ=DAILY;BYHOUR"], "syntax"],
    [["FREQ=DAILY;;BYHOUR=1;BYMINUTE=0"], "empty-key"],
    [["FREQ=DAILY;BYHOUR=;BYMINUTE=0"], "empty-value"],
    [["FREQ=DAILY;BYHOUR=1,,2;BYMINUTE=0"], "empty-value"],
    [["FREQ=DAILY;FREQ=DAILY;BYHOUR=1;BYMINUTE=0"], "duplicate-key"],
    [["FREQ=DAILY;BYHOUR=1,1;BYMINUTE=0"], "duplicate-value"],
    [["FREQ=DAILY;COUNT=3;BYHOUR=1;BYMINUTE=0"], "unknown-key"],
    [["FREQ=DAILY;UNTIL=20270101T000000Z;BYHOUR=1;BYMINUTE=0"], "unknown-key"],
    [["FREQ=DAILY;BYSECOND=0;BYHOUR=1;BYMINUTE=0"], "unknown-key"],
    [["freq=daily;byhour=1;byminute=0"], "lowercase"],
    [["FREQ=MONTHLY;BYHOUR=1;BYMINUTE=0"], "unsupported-freq"],
    [["FREQ=HOURLY;BYHOUR=1;BYMINUTE=0"], "unsupported-freq"],
    [["FREQ=WEEKLY;BYHOUR=1;BYMINUTE=0"], "missing-key"],
    [["FREQ=DAILY;BYMINUTE=0"], "missing-key"],
    [["FREQ=DAILY;BYHOUR=1"], "missing-key"],
    [["BYHOUR=1;BYMINUTE=0"], "missing-key"],
    [["FREQ=DAILY;BYHOUR=24;BYMINUTE=0"], "out-of-range"],
    [["FREQ=DAILY;BYHOUR=1;BYMINUTE=60"], "out-of-range"],
    [["FREQ=DAILY;BYHOUR=-1;BYMINUTE=0"], "out-of-range"],
    [["FREQ=DAILY;BYHOUR=1a;BYMINUTE=0"], "bad-value"],
    [["FREQ=WEEKLY;BYDAY=XX;BYHOUR=1;BYMINUTE=0"], "bad-value"],
    [["FREQ=WEEKLY;BYDAY=1MO;BYHOUR=1;BYMINUTE=0"], "ordinal-byday"],
    [["FREQ=DAILY;INTERVAL=31;BYHOUR=1;BYMINUTE=0"], "out-of-range"],
    [["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=1;BYMINUTE=0"], "unsupported-interval"],
    [["FREQ=DAILY;INTERVAL=2;BYDAY=MO;BYHOUR=1;BYMINUTE=0"], "unsupported-combination"],
    ["FREQ=DAILY;BYHOUR=1;BYMINUTE=0", "not-a-list"],
  ])("refuses %j", (list, code) => {
    const result = parseCbrPatterns(list as string[]);
    expect(result).toMatchObject({ ok: false, problem: { code } });
    expect(!result.ok && result.problem.field).toBeTruthy();
  });
});
