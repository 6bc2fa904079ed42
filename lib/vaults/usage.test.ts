import { describe, expect, it } from "vitest";
import {
  daysLeft,
  estimatedGrowthMbPerDay,
  growthMbPerDay,
  removalImpact,
  usedShare,
} from "./usage";

describe("removalImpact", () => {
  it("counts and sums the backups of the resources removed", () => {
    const resources = [
      { id: "a", backupCount: 3, backupSizeMb: 300 },
      { id: "b", backupCount: 2, backupSizeMb: 50 },
      { id: "c", backupCount: 0, backupSizeMb: 0 },
    ];
    expect(removalImpact(resources, ["a", "c"])).toEqual({ backups: 3, sizeMb: 300, resources: 2 });
    expect(removalImpact(resources, ["x"])).toEqual({ backups: 0, sizeMb: 0, resources: 0 });
  });
});

describe("growth and days left", () => {
  const now = new Date("2026-12-15T00:00:00Z");
  it("spreads the window's backups over the days it covers", () => {
    const backups = [
      { createdAt: "2026-12-01T00:00:00Z", sizeMb: 1400 },
      { createdAt: "2026-12-08T00:00:00Z", sizeMb: 1400 },
      { createdAt: "2026-11-01T00:00:00Z", sizeMb: 99_999 },
    ];
    expect(growthMbPerDay(backups, now)).toBeCloseTo(200);
  });
  it("a young vault is measured from its first backup, at least a day", () => {
    expect(growthMbPerDay([{ createdAt: "2026-12-14T12:00:00Z", sizeMb: 500 }], now)).toBe(500);
    expect(growthMbPerDay([{ createdAt: "2026-12-10T00:00:00Z", sizeMb: 500 }], now)).toBe(100);
  });
  it("no backups, no growth", () => {
    expect(growthMbPerDay([], now)).toBeNull();
  });
  it("days left at the current growth", () => {
    expect(daysLeft({ sizeGb: 10, usedMb: 240 }, 100)).toBe(100);
    expect(daysLeft({ sizeGb: 10, usedMb: 10_240 }, 100)).toBe(0);
    expect(daysLeft({ sizeGb: 10, usedMb: 20_000 }, null)).toBe(0);
    expect(daysLeft({ sizeGb: 10, usedMb: 0 }, null)).toBeNull();
  });
  it("the share used, capped at 1", () => {
    expect(usedShare(10, 5120)).toBe(0.5);
    expect(usedShare(10, 20_480)).toBe(1);
    expect(usedShare(0, 1)).toBe(0);
  });
});

describe("estimatedGrowthMbPerDay", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
  it("counts each recent backup at its resource's average size, over the window", () => {
    const resources = [
      { id: "a", backupCount: 10, backupSizeMb: 1000 },
      { id: "b", backupCount: 2, backupSizeMb: 4000 },
      { id: "c", backupCount: 0, backupSizeMb: 0 },
    ];
    const recent = [
      { resourceId: "a", createdAt: daysAgo(14) },
      { resourceId: "a", createdAt: daysAgo(7) },
      { resourceId: "b", createdAt: daysAgo(1) },
      // Not in the vault any more, and too old: not counted.
      { resourceId: "z", createdAt: daysAgo(2) },
      { resourceId: "a", createdAt: daysAgo(30) },
    ];
    // 100 + 100 + 2000 MB over the 14 days since the oldest counted backup.
    expect(estimatedGrowthMbPerDay(resources, recent, now)).toBeCloseTo(2200 / 14);
    expect(estimatedGrowthMbPerDay(resources, [], now)).toBeNull();
    expect(
      daysLeft({ sizeGb: 10, usedMb: 3000 }, estimatedGrowthMbPerDay(resources, recent, now)),
    ).toBe(Math.floor((10 * 1024 - 3000) / (2200 / 14)));
  });
});
