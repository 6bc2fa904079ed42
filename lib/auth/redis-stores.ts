import "server-only";
import { z } from "zod";
import { type AuditStore, sqliteAuditStore } from "@/lib/server/audit-store";
import { type IdempotencyStore, sqliteIdempotencyStore } from "@/lib/server/idempotency";
import type { LoginThrottle, ThrottleOptions } from "./login-throttle";
import { redisAuditStore } from "./redis-audit-store";
import { type RedisHandle, redisHandle } from "./redis-client";
import { redisIdempotencyStore } from "./redis-idempotency-store";
import { redisLoginThrottle } from "./redis-login-throttle";
import { redisSessionStore } from "./redis-session-store";
import type { SessionLimits } from "./session-service";
import type { SessionStore } from "./session-store";
import { sqliteLoginThrottle } from "./sqlite-login-throttle";
import { sqliteSessionStore } from "./sqlite-session-store";
import type { TokenCipher } from "./token-crypto";

/**
 * Where the state that several console instances must share lives: with REDIS_URL set, sessions,
 * sign-in throttling, restore idempotency records and the audit trail go to Redis; without it, to
 * the SQLite file (sessions, idempotency, audit, throttle), as for a single instance.
 */
const envSchema = z.object({
  REDIS_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ protocol: /^rediss?$/ }).optional())
    .optional(),
  /** Keys start with this, so that several consoles (or other apps) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().trim().min(1).max(64).default("cbc:"),
  /** `1`: accept plain redis:// to a host other than loopback (a trusted private network only). */
  REDIS_ALLOW_PLAINTEXT: z.enum(["0", "1", ""]).default("0"),
});

/** Pure: whether a URL's host is this machine (plain redis:// is fine there: nothing on a wire). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

export type RedisSettings = { url: string; prefix: string };

/** Pure: the Redis settings of an environment, or null when REDIS_URL is not set. */
export function parseRedisSettings(env: Record<string, string | undefined>): RedisSettings | null {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Name the variable, never echo its value (the URL may carry a password).
    throw new Error(
      `Invalid console configuration: ${issue?.path.join(".") ?? "?"} ${issue?.message ?? ""}`,
    );
  }
  const { REDIS_URL, REDIS_KEY_PREFIX, REDIS_ALLOW_PLAINTEXT } = parsed.data;
  if (!REDIS_URL) return null;
  const url = new URL(REDIS_URL);
  // Sessions, the audit trail and throttle buckets cross the wire: TLS unless on this machine.
  if (url.protocol === "redis:" && !isLoopbackHost(url.hostname) && REDIS_ALLOW_PLAINTEXT !== "1") {
    throw new Error(
      "Invalid console configuration: REDIS_URL must be rediss:// (TLS) unless Redis is on loopback or REDIS_ALLOW_PLAINTEXT=1",
    );
  }
  return { url: REDIS_URL, prefix: REDIS_KEY_PREFIX };
}

type Shared = { handle: RedisHandle; prefix: string } | null;
const GLOBAL_KEY = Symbol.for("cbc.redis");
type Globals = typeof globalThis & { [GLOBAL_KEY]?: Shared };

/** The process's one Redis connection (see lib/auth/session.ts on why globalThis), or null. */
export function sharedRedis(): Shared {
  const globals = globalThis as Globals;
  if (globals[GLOBAL_KEY] === undefined) {
    const settings = parseRedisSettings(process.env);
    globals[GLOBAL_KEY] = settings
      ? { handle: redisHandle(settings.url), prefix: settings.prefix }
      : null;
  }
  return globals[GLOBAL_KEY];
}

export function sessionStoreFor(options: {
  sqlitePath: string;
  cipher: TokenCipher;
  /** Whether SESSION_SECRET is set: instances sharing sessions must share the key. */
  secretConfigured: boolean;
  limits: SessionLimits;
}): SessionStore {
  const redis = sharedRedis();
  if (!redis) return sqliteSessionStore({ path: options.sqlitePath, cipher: options.cipher });
  if (!options.secretConfigured) {
    throw new Error(
      "Invalid console configuration: REDIS_URL needs SESSION_SECRET, the same on every instance",
    );
  }
  return redisSessionStore({
    redis: redis.handle,
    cipher: options.cipher,
    limits: options.limits,
    prefix: redis.prefix,
  });
}

export function loginThrottleFor(
  sqlitePath: string,
  options: Partial<ThrottleOptions>,
): LoginThrottle {
  const redis = sharedRedis();
  return redis
    ? redisLoginThrottle(redis.handle, { ...options, prefix: redis.prefix })
    : sqliteLoginThrottle({ ...options, path: sqlitePath });
}

export function idempotencyStoreFor(sqlitePath: string): IdempotencyStore {
  const redis = sharedRedis();
  return redis
    ? redisIdempotencyStore(redis.handle, { prefix: redis.prefix })
    : sqliteIdempotencyStore(sqlitePath);
}

export function auditStoreFor(sqlitePath: string): AuditStore {
  const redis = sharedRedis();
  return redis
    ? redisAuditStore(redis.handle, { prefix: redis.prefix })
    : sqliteAuditStore({ path: sqlitePath });
}
