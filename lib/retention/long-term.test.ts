import { describe, expect, it } from "vitest";
import { periodKey, projectRetention, pruneBackups, type RetentionRule } from "./long-term";

const CST = 480; // a policy in UTC+08:00
const at = (iso: string) => new Date(iso);
const b = (id: string, iso: string) => ({ id, createdAt: at(iso) });

describe("periodKey in UTC+08:00", () => {
  it("puts 16:30 UTC on the next local day, week, month and year", () => {
    const lateOnNewYearsEve = at("2026-12-31T16:30:00Z"); // 2027-01-01 00:30 local
    expect(periodKey(lateOnNewYearsEve, "day", CST)).toBe("2027-01-01");
    expect(periodKey(lateOnNewYearsEve, "month", CST)).toBe("2027-01");
    expect(periodKey(lateOnNewYearsEve, "year", CST)).toBe("2027");
    expect(periodKey(lateOnNewYearsEve, "week", CST)).toBe("2026-W53");
    expect(periodKey(lateOnNewYearsEve, "day", 0)).toBe("2026-12-31");
  });

  it("weeks start on Monday, local", () => {
    // Sunday 2026-03-29 23:30 local = 15:30 UTC; Monday 00:30 local = Sunday 16:30 UTC.
    expect(periodKey(at("2026-03-29T15:30:00Z"), "week", CST)).toBe("2026-W13");
    expect(periodKey(at("2026-03-29T16:30:00Z"), "week", CST)).toBe("2026-W14");
  });
});

describe("pruneBackups", () => {
  const now = at("2026-04-01T00:00:00Z");

  it("keeps everything without a rule", () => {
    const result = pruneBackups([b("a", "2020-01-01T00:00:00Z")], { offsetMinutes: 0 }, now);
    expect(result.remove).toEqual([]);
    expect(result.keep.get("a")).toEqual(["forever"]);
  });

  it("keeps the newest max_backups", () => {
    const backups = ["01", "02", "03", "04"].map((d) => b(d, `2026-03-${d}T02:00:00Z`));
    const result = pruneBackups(backups, { maxBackups: 2, offsetMinutes: CST }, now);
    expect(result.remove.sort()).toEqual(["01", "02"]);
  });

  it("keeps backups younger than retention_duration_days", () => {
    const backups = [b("old", "2026-03-20T00:00:00Z"), b("new", "2026-03-30T00:00:00Z")];
    expect(pruneBackups(backups, { retentionDays: 7, offsetMinutes: 0 }, now).remove).toEqual([
      "old",
    ]);
  });

  it("day_backups keeps the latest backup of each local day, days read in UTC+08:00", () => {
    // Two backups 16:00 apart in UTC: 15:00Z on the 10th is 23:00 local on the 10th, 17:00Z is
    // 01:00 local on the 11th, so they are on different local days (the same UTC day).
    const backups = [
      b("10-early", "2026-03-10T01:00:00Z"), // 09:00 local, 10th
      b("10-late", "2026-03-10T15:00:00Z"), // 23:00 local, 10th
      b("11-early", "2026-03-10T17:00:00Z"), // 01:00 local, 11th
      b("11-late", "2026-03-11T10:00:00Z"), // 18:00 local, 11th
    ];
    const rule: RetentionRule = { maxBackups: 1, day: 2, offsetMinutes: CST };
    const result = pruneBackups(backups, rule, now);
    expect([...result.keep.keys()].sort()).toEqual(["10-late", "11-late"]);
    expect(result.keep.get("11-late")).toEqual(["last", "day"]);
    expect(result.remove.sort()).toEqual(["10-early", "11-early"]);
    // Read in UTC the same backups fall on other days: 10-late and 11-early share the 10th.
    const utc = pruneBackups(backups, { ...rule, offsetMinutes: 0 }, now);
    expect([...utc.keep.keys()].sort()).toEqual(["11-early", "11-late"]);
  });

  it("week, month and year rules count the most recent periods that hold a backup", () => {
    const backups = [
      b("2024-dec", "2024-12-31T15:00:00Z"), // 23:00 local, 2024
      b("2025-jan", "2024-12-31T16:30:00Z"), // 00:30 local 2025-01-01
      b("2025-jun", "2025-06-15T02:00:00Z"),
      b("2026-feb", "2026-02-10T02:00:00Z"),
      b("2026-mar-a", "2026-03-02T02:00:00Z"),
      b("2026-mar-b", "2026-03-25T02:00:00Z"),
    ];
    const months = pruneBackups(backups, { month: 2, offsetMinutes: CST }, now);
    expect([...months.keep.keys()].sort()).toEqual(["2026-feb", "2026-mar-b"]);
    const years = pruneBackups(backups, { year: 3, offsetMinutes: CST }, now);
    expect([...years.keep.keys()].sort()).toEqual(["2024-dec", "2025-jun", "2026-mar-b"]);
    const weeks = pruneBackups(backups, { week: 2, offsetMinutes: CST }, now);
    expect([...weeks.keep.keys()].sort()).toEqual(["2026-mar-a", "2026-mar-b"]);
  });

  it("is the union of the rules (max_backups and long-term both apply)", () => {
    const backups = Array.from({ length: 10 }, (_, i) =>
      b(`d${i + 1}`, `2026-03-${String(i + 1).padStart(2, "0")}T04:00:00Z`),
    );
    const result = pruneBackups(backups, { maxBackups: 3, week: 3, offsetMinutes: CST }, now);
    // newest 3 (8, 9, 10) plus the latest of the three most recent ISO weeks: W11 d10, W10 (2–8) d8, W09 (ends Sunday the 1st) d1.
    expect([...result.keep.keys()].sort()).toEqual(["d1", "d10", "d8", "d9"]);
  });
});

describe("projectRetention", () => {
  const daily = (days: number, hourUtc: number) =>
    Array.from({ length: days }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i, hourUtc)));

  it("a daily policy with 7 last, 4 weeks, 12 months in UTC+08:00 holds 19 after a year", () => {
    const p = projectRetention(daily(365, 18), {
      maxBackups: 7,
      week: 4,
      month: 12,
      offsetMinutes: CST,
    });
    // Runs at 18:00Z = 02:00 local the next day: local days 2026-01-02 … 2027-01-01 (a Friday).
    // The 7 newest: Dec 26 – Jan 1. Weeks: W53 → Jan 1 and W52 → Dec 27 (both among the 7), W51 →
    // Dec 20, W50 → Dec 13. Months: Jan → Jan 1, Dec → Dec 31 (among the 7), then Nov 30 … Feb 28.
    // 7 + 2 + 10.
    expect(p.byReason.last).toBe(7);
    expect(p.byReason.week).toBe(4);
    expect(p.byReason.month).toBe(12);
    expect(p.total).toBe(19);
    expect(p.oldest?.toISOString()).toBe("2026-02-27T18:00:00.000Z");
  });

  it("without a rule nothing is removed", () => {
    expect(projectRetention(daily(30, 2), { offsetMinutes: 0 }).total).toBe(30);
  });

  it("by count alone holds exactly the count", () => {
    expect(projectRetention(daily(30, 2), { maxBackups: 5, offsetMinutes: 0 }).total).toBe(5);
  });
});
