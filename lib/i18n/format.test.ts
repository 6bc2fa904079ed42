import { describe, expect, it } from "vitest";
import { formatDateTime, formatNumber, formatRelativeTime } from "./format";

describe("formatNumber", () => {
  it("groups digits in each locale's form", () => {
    expect(formatNumber("en", 1234567)).toBe("1,234,567");
    expect(formatNumber("zh", 1234567)).toBe("1,234,567");
  });
});

describe("formatDateTime", () => {
  const at = new Date("2026-03-05T14:07:00Z");

  it("writes day-first English and Chinese dates in a given zone", () => {
    expect(formatDateTime("en", at, { dateStyle: "short", timeStyle: "short" }, "UTC")).toBe(
      "05/03/2026, 14:07",
    );
    expect(formatDateTime("zh", at, { dateStyle: "long" }, "UTC")).toBe("2026年3月5日");
  });

  it("shows the zone by default", () => {
    expect(formatDateTime("en", at, undefined, "UTC")).toBe("5 Mar 2026, 14:07 UTC");
    expect(formatDateTime("zh", at, undefined, "Asia/Shanghai")).toBe("2026年3月5日 GMT+8 22:07");
  });

  it("returns an empty string for an invalid date instead of 'Invalid Date'", () => {
    expect(formatDateTime("en", "not a date")).toBe("");
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2026-03-05T14:00:00Z");

  it("picks the largest fitting unit", () => {
    expect(formatRelativeTime("en", new Date("2026-03-05T13:48:00Z"), now)).toBe("12 min ago");
    expect(formatRelativeTime("zh", new Date("2026-03-05T13:48:00Z"), now)).toBe("12分钟前");
    expect(formatRelativeTime("en", new Date("2026-03-04T14:00:00Z"), now)).toBe("yesterday");
  });
});

describe("formatter reuse", () => {
  it("keeps formatters apart by zone and by options", () => {
    const at = new Date("2026-03-05T14:07:00Z");
    const clock = { hour: "2-digit", minute: "2-digit" } as const;
    expect(formatDateTime("en", at, clock, "UTC")).toBe("14:07");
    expect(formatDateTime("en", at, clock, "Asia/Shanghai")).toBe("22:07");
    expect(formatDateTime("en", at, { ...clock }, "UTC")).toBe("14:07");
    expect(formatNumber("en", 0.5, { style: "percent" })).toBe("50%");
    expect(formatNumber("en", 0.5)).toBe("0.5");
  });
});
