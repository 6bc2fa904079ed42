import { describe, expect, it } from "vitest";
import type { LoginThrottle, ThrottleOptions } from "./login-throttle";

// What every LoginThrottle must do, run against the SQLite one (login-throttle.test.ts) and the
// Redis one (redis-stores.test.ts, a real redis-server).

/** `make` gives two throttles (two instances) sharing one fresh store, with these options. */
export type MakeThrottles = (
  options: Partial<ThrottleOptions>,
) => Promise<[LoginThrottle, LoginThrottle]>;

const subject = { account: "demo", user: "admin", address: "10.0.0.1" };

export function describeLoginThrottle(name: string, make: MakeThrottles) {
  describe(name, () => {
    const clocked = (start = 1_000_000) => {
      const clock = { at: start };
      return { clock, now: () => clock.at };
    };

    it("lets a few failures through, then makes each attempt wait longer", async () => {
      const { clock, now } = clocked();
      const [one, two] = await make({ freeAttempts: 3, now });
      for (let i = 0; i < 3; i++) expect(await one.reserve(subject)).toEqual({ allowed: true });
      expect(await two.reserve(subject)).toEqual({ allowed: false, retryAfterS: 1 });
      clock.at += 1_000;
      expect(await two.reserve(subject)).toEqual({ allowed: true });
      expect(await one.reserve({ ...subject, user: " ADMIN " })).toEqual({
        allowed: false,
        retryAfterS: 2,
      });
    });

    it("of 50 parallel guesses from two instances, only the free ones reach IAM", async () => {
      const { now } = clocked();
      const [one, two] = await make({ freeAttempts: 3, now });
      const verdicts = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 ? one : two).reserve(subject)),
      );
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
    });

    it("gives the reservation back when IAM said nothing about the password", async () => {
      const { now } = clocked();
      const [one] = await make({ freeAttempts: 2, now });
      for (let i = 0; i < 5; i++) {
        expect((await one.reserve(subject)).allowed).toBe(true);
        await one.release(subject);
      }
    });

    it("a success clears the pair and gives its reservation back", async () => {
      const { now } = clocked();
      const [one, two] = await make({ freeAttempts: 2, now });
      await one.reserve(subject);
      await one.reserve(subject);
      expect((await one.reserve(subject)).allowed).toBe(false);
      await two.succeeded(subject);
      expect((await one.reserve(subject)).allowed).toBe(true);
    });

    it("bounds one address trying many users, and one user tried from many addresses", async () => {
      const { now } = clocked();
      const [one] = await make({ freeAttempts: 1, userFactor: 3, addressFactor: 4, now });
      for (let i = 0; i < 4; i++) await one.reserve({ ...subject, user: `u${i}` });
      expect((await one.reserve({ ...subject, user: "u9" })).allowed).toBe(false);
      for (let i = 0; i < 3; i++) await one.reserve({ ...subject, address: `10.1.0.${i}` });
      expect((await one.reserve({ ...subject, address: "10.9.9.9" })).allowed).toBe(false);
    });

    it("the global bucket bounds everyone, but not a user at their last good address", async () => {
      const { now } = clocked();
      const [one, two] = await make({ freeAttempts: 5, globalFreeAttempts: 4, now });
      await one.reserve(subject);
      await one.succeeded(subject);
      for (let i = 0; i < 4; i++) {
        await two.reserve({ account: "x", user: `u${i}`, address: `10.2.0.${i}` });
      }
      expect((await two.reserve({ ...subject, user: "auditor" })).allowed).toBe(false);
      expect((await two.reserve({ ...subject, address: "10.3.0.1" })).allowed).toBe(false);
      expect((await two.reserve(subject)).allowed).toBe(true);
    });

    it("an attacker elsewhere cannot lock a user out of their last good address", async () => {
      const { now } = clocked();
      const [one] = await make({ freeAttempts: 1, userFactor: 3, now });
      await one.reserve(subject);
      await one.succeeded(subject);
      for (let i = 0; i < 20; i++) await one.reserve({ ...subject, address: `10.4.0.${i}` });
      expect((await one.reserve({ ...subject, address: "10.5.0.1" })).allowed).toBe(false);
      expect((await one.reserve(subject)).allowed).toBe(true);
    });
  });
}
