import { describe, expect, it } from "vitest";
import type { AuditStore } from "./audit-store";

// What every AuditStore must do, run against each implementation (SQLite here, Redis in
// lib/auth/redis-audit-store.test.ts), so that /activity reads the same whichever is configured.

const who = { account: "demo", user: "admin", project: "eu-west-0" };

/** `make` gives an empty store each time. */
export function describeAuditStore(name: string, make: () => Promise<AuditStore>) {
  describe(name, () => {
    it("keeps entries newest first, scoped to one account, with a total", async () => {
      const store = await make();
      await store.record({
        ...who,
        action: "policy.create",
        result: "succeeded",
        target: "p1",
        at: new Date("2026-01-01T00:00:00Z"),
      });
      await store.record({
        ...who,
        action: "policy.delete",
        result: "failed",
        target: "p1",
        detail: "CSBS.1",
        at: new Date("2026-01-02T00:00:00Z"),
      });
      await store.record({
        ...who,
        account: "other",
        action: "policy.delete",
        result: "succeeded",
      });
      const page = await store.list({ account: "demo", limit: 10, offset: 0 });
      expect(page.total).toBe(2);
      expect(page.items.map((e) => e.action)).toEqual(["policy.delete", "policy.create"]);
      expect(page.items[0]).toMatchObject({
        result: "failed",
        detail: "CSBS.1",
        at: "2026-01-02T00:00:00.000Z",
      });
    });

    it("filters by action, result, user, project, target text and time, and pages", async () => {
      const store = await make();
      for (let i = 0; i < 5; i++) {
        await store.record({
          ...who,
          action: "backup.delete",
          result: i % 2 ? "failed" : "succeeded",
          target: `id_${i}%`,
          at: new Date(Date.UTC(2026, 0, i + 1)),
        });
      }
      await store.record({
        ...who,
        user: "auditor",
        action: "backup.delete",
        result: "refused",
        target: "x",
      });
      await store.record({
        ...who,
        project: "cn-north-4",
        action: "session.sign-in",
        result: "succeeded",
      });
      const q = { account: "demo", limit: 10, offset: 0 };
      expect((await store.list({ ...q, results: ["failed"] })).total).toBe(2);
      expect((await store.list({ ...q, actions: ["session.sign-in"] })).total).toBe(1);
      expect((await store.list({ ...q, user: "auditor" })).items[0]?.result).toBe("refused");
      expect((await store.list({ ...q, project: "cn-north-4" })).total).toBe(1);
      // % and _ are matched literally, not as wildcards.
      expect((await store.list({ ...q, target: "_3%" })).items.map((e) => e.target)).toEqual([
        "id_3%",
      ]);
      expect((await store.list({ ...q, target: "d%" })).total).toBe(0);
      const span = await store.list({
        ...q,
        from: new Date(Date.UTC(2026, 0, 2)),
        to: new Date(Date.UTC(2026, 0, 4)),
      });
      expect(span.items.map((e) => e.target)).toEqual(["id_2%", "id_1%"]);
      const second = await store.list({ ...q, actions: ["backup.delete"], limit: 2, offset: 2 });
      expect(second.total).toBe(6);
      expect(second.items).toHaveLength(2);
    });

    it("bounds long values and purges old entries", async () => {
      const store = await make();
      const long = await store.record({
        ...who,
        action: "policy.create",
        result: "succeeded",
        target: "n".repeat(5000),
      });
      expect(long.target.length).toBe(512);
      await store.record({
        ...who,
        action: "policy.run",
        result: "succeeded",
        at: new Date("2020-01-01T00:00:00Z"),
      });
      await store.purgeOlderThan(new Date("2021-01-01T00:00:00Z"));
      const page = await store.list({ account: "demo", limit: 10, offset: 0 });
      expect(page.items.map((e) => e.action)).toEqual(["policy.create"]);
    });

    it("keeps the order of entries made in the same millisecond, and pages without overlap", async () => {
      const store = await make();
      const at = new Date("2026-03-01T10:00:00.000Z");
      for (let i = 0; i < 12; i++) {
        await store.record({
          ...who,
          action: "policy.run",
          result: "succeeded",
          target: `t${i}`,
          at,
        });
      }
      const all = await store.list({ account: "demo", limit: 100, offset: 0 });
      expect(all.items.map((e) => e.target)).toEqual(
        Array.from({ length: 12 }, (_, i) => `t${11 - i}`),
      );
      const filtered = [0, 5, 10].map((offset) =>
        store.list({ account: "demo", actions: ["policy.run"], limit: 5, offset }),
      );
      const pages = await Promise.all(filtered);
      expect(pages.map((p) => p.total)).toEqual([12, 12, 12]);
      expect(pages.flatMap((p) => p.items.map((e) => e.target))).toEqual(
        all.items.map((e) => e.target),
      );
    });
  });
}

const failure = (account: string, user = "x") => ({
  account,
  user,
  project: "",
  address: "203.0.113.9",
  action: "session.sign-in" as const,
  result: "failed" as const,
  detail: "INVALID_CREDENTIALS",
});

/** `make` gives an empty store with an unverified stream of 5 and 3 shown per account-hour. */
export function describeUnverifiedAudit(name: string, make: () => Promise<AuditStore>) {
  describe(name, () => {
    it("keeps an unauthenticated event out of an account that has no trail", async () => {
      const store = await make();
      expect(await store.recordUnverified(failure("invented"))).toEqual({ shown: false });
      expect((await store.list({ account: "invented", limit: 10, offset: 0 })).total).toBe(0);
      // Nor does it make the account known: a later one is not shown either.
      expect(await store.recordUnverified(failure("invented"))).toEqual({ shown: false });
      expect((await store.listUnverified(10)).map((e) => e.account)).toEqual([
        "invented",
        "invented",
      ]);
    });

    it("shows it to a known account, at most so many an hour, never pushing out its trail", async () => {
      const store = await make();
      await store.record({ ...who, action: "session.sign-in", result: "succeeded" });
      const verdicts = [];
      for (let i = 0; i < 6; i++)
        verdicts.push((await store.recordUnverified(failure("demo", `u${i}`))).shown);
      expect(verdicts).toEqual([true, true, true, false, false, false]);
      const page = await store.list({ account: "demo", limit: 10, offset: 0 });
      expect(page.total).toBe(4);
      expect(page.items.map((e) => e.user)).toEqual(["u2", "u1", "u0", "admin"]);
    });

    it("caps the unverified stream, the newest kept", async () => {
      const store = await make();
      for (let i = 0; i < 9; i++) await store.recordUnverified(failure(`a${i}`));
      expect((await store.listUnverified(100)).map((e) => e.account)).toEqual([
        "a8",
        "a7",
        "a6",
        "a5",
        "a4",
      ]);
    });
  });
}
