import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The machine zones the suite runs under (the list): results must not depend on them. */
export const MACHINE_ZONES = [
  "UTC",
  "Asia/Shanghai",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
] as const;

const JAN_OFFSET: Record<(typeof MACHINE_ZONES)[number], number> = {
  UTC: 0,
  "Asia/Shanghai": -480,
  "Europe/Berlin": -60,
  "America/New_York": 300,
  "Asia/Kolkata": -330,
  "Australia/Lord_Howe": -660,
};

/**
 * Runs `body` once per machine zone. Node re-reads `process.env.TZ` when it is assigned, so
 * `Date`'s local methods really change; the first test proves it before the others run.
 */
export function underEachMachineZone(body: () => void): void {
  describe.each(MACHINE_ZONES)("machine TZ=%s", (zone) => {
    let saved: string | undefined;
    beforeAll(() => {
      saved = process.env.TZ;
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it("is really running in that zone", () => {
      expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(JAN_OFFSET[zone]);
    });
    body();
  });
}
