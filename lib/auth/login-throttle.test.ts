import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultThrottleOptions, waitMs } from "./login-throttle";
import { describeLoginThrottle } from "./login-throttle.contract";
import { sqliteLoginThrottle } from "./sqlite-login-throttle";

const dir = mkdtempSync(join(tmpdir(), "cbc-throttle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

// Two connections to one file: two console processes on one machine.
describeLoginThrottle("sqlite login throttle", async (options) => {
  const path = join(dir, `t${n++}.sqlite`);
  return [sqliteLoginThrottle({ ...options, path }), sqliteLoginThrottle({ ...options, path })];
});

describe("waitMs", () => {
  const options = { ...defaultThrottleOptions, freeAttempts: 3 };
  it("doubles the delay with every failure past the free ones, and forgets old buckets", () => {
    const at = 10_000_000;
    const pair = (failures: number, ago = 0) => ({ pair: { failures, lastFailureAt: at - ago } });
    expect(waitMs(pair(2), false, at, options)).toBe(0);
    expect(waitMs(pair(3), false, at, options)).toBe(1_000);
    expect(waitMs(pair(5), false, at, options)).toBe(4_000);
    expect(waitMs(pair(5, 3_000), false, at, options)).toBe(1_000);
    expect(waitMs(pair(50, options.forgetAfterMs + 1), false, at, options)).toBe(0);
    const user = { user: { failures: 100, lastFailureAt: at } };
    expect(waitMs(user, false, at, options)).toBeGreaterThan(0);
    expect(waitMs(user, true, at, options)).toBe(0);
  });
});
