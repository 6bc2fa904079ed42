import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/server/audit-store";
import { describeAuditStore, describeUnverifiedAudit } from "@/lib/server/audit-store.contract";
import { needBinary, redisServerPath, startTestRedis, type TestRedis } from "@/lib/testing/redis";
import { matchesAuditQuery, redisAuditStore } from "./redis-audit-store";
import { type RedisHandle, redisHandle } from "./redis-client";
import { auditStoreFor, sharedRedis } from "./redis-stores";

// The Redis audit trail against a real redis-server on a free loopback port: the same contract as
// the SQLite store, and what sharing and the cap add.
const run = needBinary("redis-server", redisServerPath(), "apt-get install redis-server");

let redis: TestRedis;
let a: RedisHandle;
let b: RedisHandle;

beforeAll(async () => {
  if (!run) return;
  redis = await startTestRedis();
  // Two handles = two console instances.
  a = redisHandle(redis.url);
  b = redisHandle(redis.url);
}, 30_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await redis?.stop();
});

const prefixOf = () => `t${Math.random().toString(36).slice(2)}:`;
const who = { account: "demo", user: "admin", project: "eu-west-0" };

describe.runIf(run)("redis audit store", () => {
  describeAuditStore("the AuditStore contract", async () =>
    // Small chunks: filtered lists cross chunk borders, same-millisecond entries among them.
    redisAuditStore(a, { prefix: prefixOf(), scanChunk: 5 }),
  );

  describeUnverifiedAudit("unverified events", async () =>
    redisAuditStore(a, { prefix: prefixOf(), unverifiedCap: 5, unverifiedPerHour: 3 }),
  );

  it("one trail for every instance: what one records, the other lists", async () => {
    const prefix = prefixOf();
    const one = redisAuditStore(a, { prefix });
    const two = redisAuditStore(b, { prefix });
    await one.record({ ...who, action: "session.sign-in", result: "succeeded" });
    await two.record({ ...who, action: "backup.delete", result: "succeeded", target: "b1" });
    for (const store of [one, two]) {
      const page = await store.list({ account: "demo", limit: 10, offset: 0 });
      expect(page.items.map((e) => e.action)).toEqual(["backup.delete", "session.sign-in"]);
    }
  });

  it("keeps at most maxEntries per account, dropping the oldest", async () => {
    const store = redisAuditStore(a, { prefix: prefixOf(), maxEntries: 5 });
    for (let i = 0; i < 8; i++) {
      await store.record({
        ...who,
        action: "policy.run",
        result: "succeeded",
        target: `t${i}`,
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
    }
    await store.record({ ...who, account: "other", action: "policy.run", result: "succeeded" });
    const page = await store.list({ account: "demo", limit: 10, offset: 0 });
    expect(page.total).toBe(5);
    expect(page.items.map((e) => e.target)).toEqual(["t7", "t6", "t5", "t4", "t3"]);
    expect((await store.list({ account: "other", limit: 10, offset: 0 })).total).toBe(1);
  });

  it("is the console's trail when REDIS_URL is set", async () => {
    const key = Symbol.for("cbc.redis");
    const globals = globalThis as Record<symbol, unknown>;
    const saved = { url: process.env.REDIS_URL, prefix: process.env.REDIS_KEY_PREFIX };
    const prefix = prefixOf();
    process.env.REDIS_URL = redis.url;
    process.env.REDIS_KEY_PREFIX = prefix;
    globals[key] = undefined;
    try {
      await auditStoreFor("/nonexistent/unused.sqlite").record({
        ...who,
        action: "policy.delete",
        result: "succeeded",
      });
      const seen = await redisAuditStore(b, { prefix }).list({
        account: "demo",
        limit: 5,
        offset: 0,
      });
      expect(seen.items.map((e) => e.action)).toEqual(["policy.delete"]);
    } finally {
      await sharedRedis()?.handle.close();
      globals[key] = undefined;
      process.env.REDIS_URL = saved.url;
      process.env.REDIS_KEY_PREFIX = saved.prefix;
      if (saved.url === undefined) delete process.env.REDIS_URL;
      if (saved.prefix === undefined) delete process.env.REDIS_KEY_PREFIX;
    }
  });

  it("purges old entries of every account", async () => {
    const store = redisAuditStore(a, { prefix: prefixOf() });
    const old = new Date("2020-01-01T00:00:00Z");
    for (const account of ["demo", "other"]) {
      await store.record({ ...who, account, action: "policy.run", result: "succeeded", at: old });
      await store.record({ ...who, account, action: "policy.create", result: "succeeded" });
    }
    await store.purgeOlderThan(new Date("2021-01-01T00:00:00Z"));
    for (const account of ["demo", "other"]) {
      const page = await store.list({ account, limit: 10, offset: 0 });
      expect(page.items.map((e) => e.action)).toEqual(["policy.create"]);
    }
  });
});

describe("matchesAuditQuery", () => {
  const entry: AuditEntry = {
    id: "1",
    at: "2026-01-01T00:00:00.000Z",
    action: "backup.delete",
    result: "failed",
    account: "demo",
    user: "admin",
    project: "eu-west-0",
    target: "Backup_ID%1",
    detail: "",
    address: "",
  };
  const q = { account: "demo", limit: 10, offset: 0 };
  it("applies each filter as the SQLite store does", () => {
    expect(matchesAuditQuery(entry, q)).toBe(true);
    expect(matchesAuditQuery(entry, { ...q, actions: ["backup.delete", "policy.run"] })).toBe(true);
    expect(matchesAuditQuery(entry, { ...q, actions: ["policy.run"] })).toBe(false);
    expect(matchesAuditQuery(entry, { ...q, results: ["succeeded"] })).toBe(false);
    expect(matchesAuditQuery(entry, { ...q, user: "Admin" })).toBe(false);
    expect(matchesAuditQuery(entry, { ...q, project: "cn-north-4" })).toBe(false);
    expect(matchesAuditQuery(entry, { ...q, target: "backup_id%" })).toBe(true);
    expect(matchesAuditQuery(entry, { ...q, target: "id_%" })).toBe(false);
  });
});
