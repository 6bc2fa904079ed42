import { describe, expect, it } from "vitest";
import { memoryLoginThrottle } from "./login-throttle";

describe("login throttle", () => {
  const subject = { account: "demo", user: "admin", address: "10.0.0.1" };

  function setup() {
    let clock = 1_000_000;
    const throttle = memoryLoginThrottle({ freeAttempts: 3, now: () => clock });
    return { throttle, advance: (ms: number) => (clock += ms) };
  }

  it("allows a few failures, then makes each attempt wait longer", async () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) {
      expect(await throttle.check(subject)).toEqual({ allowed: true });
      await throttle.recordFailure(subject);
    }
    expect(await throttle.check(subject)).toEqual({ allowed: false, retryAfterS: 1 });
    advance(1_000);
    expect(await throttle.check(subject)).toEqual({ allowed: true });
    await throttle.recordFailure(subject);
    expect(await throttle.check(subject)).toEqual({ allowed: false, retryAfterS: 2 });
    advance(2_000);
    await throttle.recordFailure(subject);
    expect(await throttle.check(subject)).toEqual({ allowed: false, retryAfterS: 4 });
  });

  it("keys on user and address, case-insensitively for the names", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 4; i++) await throttle.recordFailure(subject);
    expect((await throttle.check({ ...subject, user: "ADMIN" })).allowed).toBe(false);
    expect((await throttle.check({ ...subject, address: "10.0.0.2" })).allowed).toBe(true);
    expect((await throttle.check({ ...subject, user: "auditor" })).allowed).toBe(true);
  });

  it("bounds failures spread over many addresses with the per-user bucket", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 15; i++) await throttle.recordFailure({ ...subject, address: `10.1.${i}` });
    expect((await throttle.check({ ...subject, address: "10.9.9.9" })).allowed).toBe(false);
  });

  it("clears the user+address bucket after a success", async () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 4; i++) await throttle.recordFailure(subject);
    advance(60_000);
    await throttle.recordSuccess(subject);
    await throttle.recordFailure(subject);
    expect(await throttle.check(subject)).toEqual({ allowed: true });
  });
});
