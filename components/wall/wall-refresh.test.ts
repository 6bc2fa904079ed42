import { describe, expect, it } from "vitest";
import { OVERVIEW_REFRESH_MS } from "@/lib/api/overview";
import { isStale, wallRefreshMs } from "./wall-refresh";

describe("wallRefreshMs", () => {
  it("follows the overview's rhythm without a parameter", () => {
    expect(wallRefreshMs(null, true)).toBe(OVERVIEW_REFRESH_MS.running);
    expect(wallRefreshMs(undefined, false)).toBe(OVERVIEW_REFRESH_MS.idle);
  });

  it("takes refresh=N seconds between 10 and 3600", () => {
    expect(wallRefreshMs("60", false)).toBe(60_000);
    expect(wallRefreshMs("10", true)).toBe(10_000);
  });

  it("ignores a refresh it must not follow", () => {
    for (const bad of ["0", "1", "9", "3601", "abc", "-5", "1.5", ""]) {
      expect(wallRefreshMs(bad, false), bad).toBe(OVERVIEW_REFRESH_MS.idle);
    }
  });
});

describe("isStale", () => {
  it("is stale after two missed refreshes, never before the first answer", () => {
    expect(isStale(1_000, 1_000 + 60_001, 30_000)).toBe(true);
    expect(isStale(1_000, 1_000 + 60_000, 30_000)).toBe(false);
    expect(isStale(0, 10_000_000, 30_000)).toBe(false);
  });
});
