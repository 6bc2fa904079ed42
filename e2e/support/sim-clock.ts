import { type APIRequestContext, expect } from "@playwright/test";
import { SIM_URL } from "../fixtures";

// The worker's simulated clock (its control API answers on loopback only), and the zone
// arithmetic the schedule journeys check the builder's preview with.

export async function simNow(request: APIRequestContext): Promise<number> {
  const res = await request.get(`${SIM_URL}/_sim/clock`);
  expect(res.ok()).toBe(true);
  return Date.parse(((await res.json()) as { now: string }).now);
}

/** Moves the simulator's clock on; the policies due in the skipped span fire at once. */
export async function advanceSim(request: APIRequestContext, ms: number) {
  const res = await request.post(`${SIM_URL}/_sim/clock`, { data: { advanceMs: Math.round(ms) } });
  expect(res.ok()).toBe(true);
}

/** The UTC offset of `zone` at `at`, in minutes (what the builder converts with). */
export function zoneOffsetMinutes(zone: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}
