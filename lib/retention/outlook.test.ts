import { describe, expect, it } from "vitest";
import { retentionOutlook } from "./outlook";

const DAY_MS = 86_400_000;
const now = new Date("2026-12-04T12:00:00Z");
/** Every day at 02:00 UTC, as a schedule engine would give them. */
const daily = (from: Date, to: Date) => {
  const out: Date[] = [];
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), 2);
  for (let t = start; t <= to.getTime(); t += DAY_MS) if (t > from.getTime()) out.push(new Date(t));
  return out;
};

describe("retentionOutlook", () => {
  it("says so when the schedule never runs, and when nothing is ever deleted", () => {
    expect(retentionOutlook(() => [], { maxBackups: 5, offsetMinutes: 0 }, now)).toEqual({
      kind: "noRuns",
    });
    expect(retentionOutlook(daily, { offsetMinutes: 0 }, now)).toEqual({
      kind: "grows",
      perYear: 365,
    });
  });

  it("keeps the newest n, plus one per period, in the policy's zone", () => {
    const outlook = retentionOutlook(
      daily,
      { maxBackups: 7, week: 4, month: 12, offsetMinutes: 480 },
      now,
    );
    if (outlook.kind !== "steady") throw new Error(outlook.kind);
    // A year and a month: long enough for twelve monthly backups to be there.
    expect(outlook.horizonDays).toBe(403);
    const { projection } = outlook;
    expect(projection.byReason.last).toBe(7);
    expect(projection.byReason.week).toBe(4);
    expect(projection.byReason.month).toBe(12);
    // The newest week's and month's latest backups are among the newest 7: counted in each rule.
    expect(projection.total).toBeLessThan(7 + 4 + 12);
    expect(projection.total).toBeGreaterThanOrEqual(7 + 12 - 1);
    // Twelve monthly backups reach back eleven months and a part from the horizon's end.
    const end = now.getTime() + 403 * DAY_MS;
    const age = (end - (projection.oldest?.getTime() ?? end)) / DAY_MS;
    expect(age).toBeGreaterThan(300);
    expect(age).toBeLessThan(366);
  });

  it("looks far enough for years kept, and no further than five years", () => {
    const outlook = retentionOutlook(daily, { maxBackups: 1, year: 10, offsetMinutes: 0 }, now);
    if (outlook.kind !== "steady") throw new Error(outlook.kind);
    expect(outlook.horizonDays).toBe(5 * 365);
    expect(outlook.projection.byReason.year).toBeGreaterThanOrEqual(5);
    expect(outlook.projection.byReason.year).toBeLessThanOrEqual(6);
  });

  it("shortens the horizon of a crowded schedule instead of projecting for ever", () => {
    const hourly = (from: Date, to: Date) => {
      const out: Date[] = [];
      for (
        let t = Math.ceil(from.getTime() / 3_600_000 + 1e-9) * 3_600_000;
        t <= to.getTime();
        t += 3_600_000
      )
        out.push(new Date(t));
      return out;
    };
    const outlook = retentionOutlook(hourly, { retentionDays: 30, offsetMinutes: 0 }, now);
    if (outlook.kind !== "steady") throw new Error(outlook.kind);
    // 4,000 runs of 24 a day.
    expect(outlook.horizonDays).toBe(166);
    // Thirty days of hourly backups.
    expect(outlook.projection.byReason.age).toBe(30 * 24);
  });
});
