import "server-only";
import type { RedisHandle } from "./redis-client";
import type { SessionLimits } from "./session-service";
import type { SessionData, SessionStore } from "./session-store";
import { openRecord, sealRecord, type TokenCipher } from "./token-crypto";

/**
 * Sessions in Redis, shared by every console instance that uses the same REDIS_URL. One hash per
 * session (`{prefix}session:{key}`): the whole record sealed with its key as associated data
 * (lib/auth/token-crypto.ts), and the times Redis needs for the expiry in the clear (a change to
 * them moves the expiry, never the deadlines, which the session service checks from the sealed
 * creation time).
 * Each hash expires on its own when the session would (the idle deadline, capped by the absolute
 * one and the token's), so Redis needs no sweeping; the session service still checks the
 * deadlines itself on every lookup. `graceMs` keeps an ended record a little longer so that a
 * returning user is told "your session expired" rather than nothing, and so that a clock a few
 * seconds apart between instances and Redis cannot drop a live session.
 */
export type RedisSessionStoreOptions = {
  redis: RedisHandle;
  cipher: TokenCipher;
  limits: SessionLimits;
  prefix?: string;
  graceMs?: number;
};

// Sets lastActiveAt to the larger of the stored and given values, then moves the expiry.
const TOUCH = `
local stored = redis.call('HGET', KEYS[1], 'lastActiveAt')
if not stored then return 0 end
local at = math.max(tonumber(stored), tonumber(ARGV[1]))
redis.call('HSET', KEYS[1], 'lastActiveAt', string.format('%d', at))
local deadline = math.min(at + tonumber(ARGV[2]), tonumber(redis.call('HGET', KEYS[1], 'expiresAt')))
redis.call('PEXPIREAT', KEYS[1], string.format('%d', deadline + tonumber(ARGV[3])))
return 1
`;

// Replaces the cloud part (project switch) of an existing session and recomputes its deadline.
const REPLACE = `
local times = redis.call('HMGET', KEYS[1], 'createdAt', 'lastActiveAt')
if not times[1] then return 0 end
local expiresAt = math.min(tonumber(times[1]) + tonumber(ARGV[3]), tonumber(ARGV[4]) - tonumber(ARGV[5]))
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'expiresAt', string.format('%d', expiresAt))
redis.call('HDEL', KEYS[1], 'token')
local deadline = math.min(tonumber(times[2]) + tonumber(ARGV[6]), expiresAt)
redis.call('PEXPIREAT', KEYS[1], string.format('%d', deadline + tonumber(ARGV[7])))
return 1
`;

export function redisSessionStore(options: RedisSessionStoreOptions): SessionStore {
  const { redis, cipher, limits } = options;
  const prefix = options.prefix ?? "cbc:";
  const graceMs = options.graceMs ?? 60_000;
  const keyOf = (key: string) => `${prefix}session:${key}`;

  const expiresAtOf = (createdAt: number, tokenExpiresAt: number) =>
    Math.min(createdAt + limits.absoluteMs, tokenExpiresAt - limits.tokenMarginMs);

  return {
    async create(key, record) {
      const { createdAt, lastActiveAt, ...data } = record;
      const expiresAt = expiresAtOf(createdAt, data.tokenExpiresAt);
      const deadline = Math.min(lastActiveAt + limits.idleMs, expiresAt);
      const client = await redis.client();
      await client
        .multi()
        .hSet(keyOf(key), {
          data: sealRecord(cipher, key, data, createdAt),
          createdAt: String(createdAt),
          lastActiveAt: String(lastActiveAt),
          expiresAt: String(expiresAt),
        })
        .pExpireAt(keyOf(key), deadline + graceMs)
        .exec();
    },

    async get(key) {
      const client = await redis.client();
      const row = await client.hmGet(keyOf(key), ["data", "lastActiveAt"]);
      const [sealedText, lastActiveAt] = row;
      if (!sealedText || !lastActiveAt) return null;
      const sealed = openRecord<SessionData>(cipher, key, sealedText);
      if (!sealed) return null;
      return { ...sealed, lastActiveAt: Number(lastActiveAt) };
    },

    async touch(key, lastActiveAt) {
      const client = await redis.client();
      await client.eval(TOUCH, {
        keys: [keyOf(key)],
        arguments: [String(lastActiveAt), String(limits.idleMs), String(graceMs)],
      });
    },

    async replaceData(key, data) {
      const client = await redis.client();
      const sealedText = await client.hGet(keyOf(key), "data");
      const current = sealedText ? openRecord<SessionData>(cipher, key, sealedText) : null;
      if (!current) return;
      await client.eval(REPLACE, {
        keys: [keyOf(key)],
        arguments: [
          sealRecord(cipher, key, data, current.createdAt),
          "",
          String(limits.absoluteMs),
          String(data.tokenExpiresAt),
          String(limits.tokenMarginMs),
          String(limits.idleMs),
          String(graceMs),
        ],
      });
    },

    async delete(key) {
      const client = await redis.client();
      await client.del(keyOf(key));
    },

    async purgeOlderThan() {
      // Every record expires on its own (see above).
    },
  };
}
