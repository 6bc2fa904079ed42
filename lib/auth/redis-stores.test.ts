import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUSY_HOLD_MS, type NewRestoreRecord, restoreFingerprint } from "@/lib/server/idempotency";
import {
  freePort,
  needBinary,
  redisServerPath,
  startTestRedis,
  type TestRedis,
} from "@/lib/testing/redis";
import { describeLoginThrottle } from "./login-throttle.contract";
import { type RedisHandle, redisHandle } from "./redis-client";
import { redisIdempotencyStore } from "./redis-idempotency-store";
import { redisLoginThrottle } from "./redis-login-throttle";
import { redisSessionStore } from "./redis-session-store";
import { parseRedisSettings } from "./redis-stores";
import { sessionKey, sessionService } from "./session-service";
import type { SessionData } from "./session-store";
import { tokenCipher } from "./token-crypto";

// The Redis stores against a real redis-server started on a free loopback port.
const run = needBinary("redis-server", redisServerPath(), "apt-get install redis-server");

let redis: TestRedis;
let a: RedisHandle;
let b: RedisHandle;
let inspect: RedisHandle;

beforeAll(async () => {
  if (!run) return;
  redis = await startTestRedis();
  // Two handles = two console instances; a third to look at what is stored.
  a = redisHandle(redis.url);
  b = redisHandle(redis.url);
  inspect = redisHandle(redis.url);
}, 30_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), inspect?.close()]);
  await redis?.stop();
});

const secret = "a-test-secret-that-is-long-enough-0123456789";
const limits = { idleMs: 30 * 60_000, absoluteMs: 8 * 3600_000, tokenMarginMs: 5 * 60_000 };
const prefixOf = () => `t${Math.random().toString(36).slice(2)}:`;

function sessionData(over: Partial<SessionData> = {}): SessionData {
  return {
    token: "MIIsecret-iam-token",
    tokenExpiresAt: Date.now() + 24 * 3600_000,
    user: { id: "u1", name: "admin" },
    domain: { id: "d1", name: "demo" },
    project: { id: "p1", name: "eu-west-0" },
    roles: ["te_admin"],
    readOnly: false,
    endpoints: { csbs: "http://c", cbr: "http://r", ecs: "http://e", evs: "http://v" },
    ...over,
  };
}

describe.runIf(run)("redis session store", () => {
  const stores = (prefix = prefixOf()) => {
    const make = (handle: RedisHandle) =>
      redisSessionStore({ redis: handle, cipher: tokenCipher(secret), limits, prefix });
    return { prefix, one: make(a), two: make(b) };
  };

  it("a session started on one instance is resumed on another, token sealed at rest", async () => {
    const { prefix, one, two } = stores();
    const first = sessionService({ store: one, limits });
    const second = sessionService({ store: two, limits });
    const { id } = await first.start(sessionData());
    const lookup = await second.resume(id);
    expect(lookup.status).toBe("active");
    if (lookup.status !== "active") return;
    expect(lookup.record.token).toBe("MIIsecret-iam-token");
    expect(lookup.record.project.name).toBe("eu-west-0");

    const client = await inspect.client();
    const keys = await client.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(id);
    const stored = JSON.stringify(await client.hGetAll(keys[0] ?? ""));
    expect(stored).not.toContain("MIIsecret");
  });

  it("whoever can write to Redis cannot redirect the token nor make a session writable", async () => {
    const { prefix, one } = stores();
    const service = sessionService({ store: one, limits });
    const writable = await service.start(sessionData());
    const readOnly = await service.start(sessionData({ readOnly: true }));
    const client = await inspect.client();
    const [keyW, keyR] = [writable.id, readOnly.id].map(
      (id) => `${prefix}session:${sessionKey(id)}`,
    );
    const stored = await client.hGetAll(keyW ?? "");
    expect(JSON.stringify(stored)).not.toMatch(/readOnly|endpoints|http/);
    // What an attacker might try with the old layout (plain JSON beside a sealed token):
    await client.hSet(keyR ?? "", "data", stored.data ?? "");
    expect((await service.resume(readOnly.id)).status).toBe("none");
    await client.hSet(
      keyW ?? "",
      "data",
      JSON.stringify({ ...sessionData(), endpoints: { csbs: "http://evil.example" } }),
    );
    expect((await service.resume(writable.id)).status).toBe("none");
  });

  it("expires in Redis at the idle deadline (plus grace), moved by activity", async () => {
    const { prefix, one } = stores();
    const created = Date.now();
    await one.create("k", { ...sessionData(), createdAt: created, lastActiveAt: created });
    const client = await inspect.client();
    const key = `${prefix}session:k`;
    const first = await client.pExpireTime(key);
    expect(Math.abs(first - (created + limits.idleMs + 60_000))).toBeLessThan(5);

    await one.touch("k", created + 10_000);
    const moved = await client.pExpireTime(key);
    expect(moved - first).toBe(10_000);
    // An older activity time never moves it back.
    await one.touch("k", created + 5_000);
    expect(await client.pExpireTime(key)).toBe(moved);
    expect((await one.get("k"))?.lastActiveAt).toBe(created + 10_000);
  });

  it("is capped by the token's expiry, also after a project switch", async () => {
    const { prefix, one } = stores();
    const created = Date.now();
    const tokenExpiresAt = created + 10 * 60_000;
    await one.create("k", {
      ...sessionData({ tokenExpiresAt }),
      createdAt: created,
      lastActiveAt: created,
    });
    const client = await inspect.client();
    const key = `${prefix}session:k`;
    expect(await client.pExpireTime(key)).toBe(tokenExpiresAt - limits.tokenMarginMs + 60_000);

    const later = created + 60 * 60_000;
    await one.replaceData(
      "k",
      sessionData({ tokenExpiresAt: later, project: { id: "p2", name: "cn-north-4" } }),
    );
    expect(await client.pExpireTime(key)).toBe(created + limits.idleMs + 60_000);
    expect((await one.get("k"))?.project.name).toBe("cn-north-4");
  });

  it("ended sessions are gone for both instances; touching a missing one creates nothing", async () => {
    const { prefix, one, two } = stores();
    const first = sessionService({ store: one, limits });
    const second = sessionService({ store: two, limits });
    const { id } = await first.start(sessionData());
    await second.end({ id });
    expect((await first.resume(id)).status).toBe("none");
    await one.touch("missing", Date.now());
    expect(await (await inspect.client()).keys(`${prefix}*`)).toEqual([]);
  });

  it("another secret cannot open the token (no session)", async () => {
    const { prefix, one } = stores();
    await one.create("k", { ...sessionData(), createdAt: Date.now(), lastActiveAt: Date.now() });
    const other = redisSessionStore({
      redis: b,
      cipher: tokenCipher("another-secret-that-is-long-enough-987654321"),
      limits,
      prefix,
    });
    expect(await other.get("k")).toBeNull();
  });
});

describe.runIf(run)("redis login throttle", () => {
  describeLoginThrottle("the LoginThrottle contract", async (options) => {
    const prefix = prefixOf();
    return [
      redisLoginThrottle(a, { ...options, prefix }),
      redisLoginThrottle(b, { ...options, prefix }),
    ];
  });

  it("buckets expire in Redis after forgetAfterMs and hold no user name", async () => {
    const prefix = prefixOf();
    const one = redisLoginThrottle(a, { forgetAfterMs: 60_000, prefix });
    await one.reserve({ account: "demo", user: "admin", address: "10.0.0.1" });
    const client = await inspect.client();
    const keys = await client.keys(`${prefix}*`);
    expect(keys).toHaveLength(4);
    for (const key of keys) {
      expect(key).not.toContain("admin");
      const ttl = await client.pTTL(key);
      expect(ttl).toBeGreaterThan(55_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });
});

describe.runIf(run)("redis idempotency store", () => {
  const request = {
    service: "csbs" as const,
    backupId: "item-1",
    serverId: "srv-1",
    powerOn: true,
    mappings: [{ backupId: "b-1", volumeId: "v-1" }],
  };
  const fresh = (key: string, over: Partial<NewRestoreRecord> = {}): NewRestoreRecord => ({
    owner: "user@project",
    key,
    fingerprint: restoreFingerprint(request),
    service: "csbs",
    backupId: request.backupId,
    serverId: request.serverId,
    ...over,
  });
  const pair = () => {
    const prefix = prefixOf();
    return { one: redisIdempotencyStore(a, { prefix }), two: redisIdempotencyStore(b, { prefix }) };
  };

  it("starts a key once; the same request through another instance finds it", async () => {
    const { one, two } = pair();
    const first = await one.begin(fresh("k1"), 1000);
    expect(first).toMatchObject({ kind: "started", record: { state: "submitting" } });
    expect(await two.begin(fresh("k1"), 1001)).toMatchObject({
      kind: "existing",
      record: { key: "k1", createdAt: 1000, updatedAt: 1000 },
    });
    expect((await two.begin(fresh("k1", { fingerprint: "other" }), 1002)).kind).toBe("mismatch");
  });

  it("of many concurrent submissions of one backup from two instances, exactly one starts", async () => {
    const { one, two } = pair();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).begin(fresh(`k${i}`), 1000 + i)),
    );
    expect(results.filter((r) => r.kind === "started")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "busy")).toHaveLength(19);
  });

  it("holds the backup while live, lets it go when finished or stale", async () => {
    const { one, two } = pair();
    await one.begin(fresh("k1"), 1000);
    await one.update("user@project", "k1", { state: "accepted", restoreId: "r-1" }, 1002);
    expect(await two.begin(fresh("k2"), 1003)).toMatchObject({
      kind: "busy",
      record: { key: "k1", restoreId: "r-1", state: "accepted", updatedAt: 1002 },
    });
    expect((await two.begin(fresh("k3", { backupId: "item-2" }), 1004)).kind).toBe("started");
    expect((await two.begin(fresh("k4", { backupId: "item-2" }), 1004 + BUSY_HOLD_MS)).kind).toBe(
      "started",
    );
    await two.update("user@project", "k1", { state: "finished", outcome: "succeeded" }, 1005);
    expect(await one.get("user@project", "k1")).toMatchObject({
      state: "finished",
      outcome: "succeeded",
      restoreId: "r-1",
      createdAt: 1000,
      updatedAt: 1005,
    });
    expect((await one.begin(fresh("k2"), 1006)).kind).toBe("started");
  });

  it("gives a refused key back, keeps owners apart, purges by age", async () => {
    const { one, two } = pair();
    await one.begin(fresh("k1"), 1000);
    await two.release("user@project", "k1");
    expect(await one.get("user@project", "k1")).toBeNull();
    expect((await one.begin(fresh("k1", { fingerprint: "corrected" }), 1001)).kind).toBe("started");
    expect(await one.get("someone-else", "k1")).toBeNull();
    await one.begin(fresh("k9", { backupId: "item-9" }), 3000);
    await two.purgeOlderThan(2000);
    expect(await one.get("user@project", "k1")).toBeNull();
    expect(await one.get("user@project", "k9")).not.toBeNull();
    // The purged record no longer holds its backup.
    expect((await one.begin(fresh("k5"), 3001)).kind).toBe("started");
  });

  it("records expire in Redis after the idempotency TTL", async () => {
    const prefix = prefixOf();
    const store = redisIdempotencyStore(a, { prefix, ttlMs: 60_000 });
    await store.begin(fresh("k1"), Date.now());
    const client = await inspect.client();
    const keys = await client.keys(`${prefix}{idem}:record:*`);
    expect(keys).toHaveLength(1);
    const ttl = await client.pTTL(keys[0] ?? "");
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});

describe("parseRedisSettings", () => {
  it("is null without REDIS_URL, so a single instance keeps SQLite and memory", () => {
    expect(parseRedisSettings({})).toBeNull();
    expect(parseRedisSettings({ REDIS_URL: " " })).toBeNull();
  });

  it("reads rediss:// URLs, and redis:// on loopback or when plaintext is allowed", () => {
    expect(parseRedisSettings({ REDIS_URL: "redis://127.0.0.1:6379/2" })).toEqual({
      url: "redis://127.0.0.1:6379/2",
      prefix: "cbc:",
    });
    expect(parseRedisSettings({ REDIS_URL: "redis://localhost:6379" })?.url).toBe(
      "redis://localhost:6379",
    );
    expect(parseRedisSettings({ REDIS_URL: "redis://[::1]:6379" })?.url).toBe("redis://[::1]:6379");
    expect(
      parseRedisSettings({ REDIS_URL: "redis://10.0.0.5:6379/2", REDIS_ALLOW_PLAINTEXT: "1" }),
    )?.toEqual({ url: "redis://10.0.0.5:6379/2", prefix: "cbc:" });
    expect(
      parseRedisSettings({ REDIS_URL: "rediss://:pw@cache:6380", REDIS_KEY_PREFIX: "prod:" }),
    ).toEqual({ url: "rediss://:pw@cache:6380", prefix: "prod:" });
  });

  it("refuses plain redis:// to another host unless REDIS_ALLOW_PLAINTEXT=1", () => {
    for (const url of [
      "redis://10.0.0.5:6379/2",
      "redis://:pw@cache:6379",
      "redis://127.evil.example",
    ]) {
      expect(() => parseRedisSettings({ REDIS_URL: url })).toThrow(
        /rediss:\/\/.*REDIS_ALLOW_PLAINTEXT/,
      );
      expect(() => parseRedisSettings({ REDIS_URL: url })).not.toThrow(/pw@/);
    }
  });

  it("refuses other schemes without echoing the value", () => {
    expect(() => parseRedisSettings({ REDIS_URL: "http://user:hunter2@cache" })).toThrow(
      /REDIS_URL/,
    );
    expect(() => parseRedisSettings({ REDIS_URL: "http://user:hunter2@cache" })).not.toThrow(
      /hunter2/,
    );
  });
});

describe.runIf(run)("when Redis is down", () => {
  it("store calls fail at once instead of hanging, and work again once Redis is back", async () => {
    const port = await freePort();
    const handle = redisHandle(`redis://127.0.0.1:${port}`);
    const store = redisSessionStore({ redis: handle, cipher: tokenCipher(secret), limits });
    try {
      const started = Date.now();
      await expect(store.get("k")).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3_000);

      const server = await startTestRedis({ port });
      try {
        expect(await store.get("k")).toBeNull();
      } finally {
        await server.stop();
      }
      // A connection that was up and went down: refused at once while reconnecting.
      const downAt = Date.now();
      await expect(store.get("k")).rejects.toThrow();
      expect(Date.now() - downAt).toBeLessThan(1_000);

      const again = await startTestRedis({ port });
      try {
        await expect
          .poll(
            () =>
              store.get("k").then(
                () => "ok",
                () => "down",
              ),
            { timeout: 10_000 },
          )
          .toBe("ok");
      } finally {
        await again.stop();
      }
    } finally {
      await handle.close();
    }
  });
});
