import {
  BUCKETS,
  defaultThrottleOptions,
  freeFailures,
  type LoginThrottle,
  SKIPPED_FOR_GOOD_ADDRESS,
  type ThrottleOptions,
  throttleKeys,
  verdictOf,
} from "./login-throttle";
import type { RedisHandle } from "./redis-client";

/**
 * The sign-in throttle of login-throttle.ts with its buckets in Redis, so that every console
 * instance counts the same attempts. A reservation is one script (checked and counted atomically);
 * it repeats `waitMs` of login-throttle.ts in Lua, tested against the same cases as the SQLite
 * throttle. Each bucket is a hash that Redis forgets `forgetAfterMs` after its last failure; keys
 * are hashes (no user name in Redis), all in the `{throttle}` hash slot.
 */

// KEYS: pair, user, address, global, good. ARGV: now, forgetMs, baseMs, maxMs, the four buckets'
// free failures, address, then 1/0 per bucket: skipped for the good address.
const RESERVE = `
local now = tonumber(ARGV[1])
local forget = tonumber(ARGV[2])
local base = tonumber(ARGV[3])
local maxd = tonumber(ARGV[4])
local good = redis.call('GET', KEYS[5]) == ARGV[9]
local wait = 0
for i = 1, 4 do
  if not (good and ARGV[9 + i] == '1') then
    local f = tonumber(redis.call('HGET', KEYS[i], 'failures') or '0')
    local last = tonumber(redis.call('HGET', KEYS[i], 'lastFailureAt') or '0')
    local free = tonumber(ARGV[4 + i])
    if f >= free and now - last <= forget then
      local d = math.min(base * 2 ^ math.min(f - free, 30), maxd)
      local w = last + d - now
      if w > wait then wait = w end
    end
  end
end
if wait > 0 then return math.ceil(wait) end
for i = 1, 4 do
  redis.call('HINCRBY', KEYS[i], 'failures', 1)
  redis.call('HSET', KEYS[i], 'lastFailureAt', ARGV[1])
  redis.call('PEXPIRE', KEYS[i], forget)
end
return 0
`;

// KEYS: the buckets to give one failure back to.
const REFUND = `
for i = 1, #KEYS do
  local f = tonumber(redis.call('HGET', KEYS[i], 'failures') or '0')
  if f > 0 then redis.call('HINCRBY', KEYS[i], 'failures', -1) end
end
return 1
`;

export function redisLoginThrottle(
  redis: RedisHandle,
  partial: Partial<ThrottleOptions> & { prefix?: string } = {},
): LoginThrottle {
  const { prefix = "cbc:", ...rest } = partial;
  const options: ThrottleOptions = { ...defaultThrottleOptions, ...rest };
  const now = options.now ?? (() => Date.now());
  const keysOf = (subject: Parameters<typeof throttleKeys>[0]) => {
    const keys = throttleKeys(subject);
    const full = (key: string) => `${prefix}{throttle}:${key}`;
    return {
      buckets: BUCKETS.map((b) => full(keys[b])),
      pair: full(keys.pair),
      good: full(keys.good),
    };
  };

  return {
    async reserve(subject) {
      const keys = keysOf(subject);
      const client = await redis.client();
      const wait = await client.eval(RESERVE, {
        keys: [...keys.buckets, keys.good],
        arguments: [
          String(now()),
          String(options.forgetAfterMs),
          String(options.baseDelayMs),
          String(options.maxDelayMs),
          ...BUCKETS.map((b) => String(freeFailures(b, options))),
          subject.address,
          ...BUCKETS.map((b) => (SKIPPED_FOR_GOOD_ADDRESS.includes(b) ? "1" : "0")),
        ],
      });
      return verdictOf(Number(wait));
    },

    async succeeded(subject) {
      const keys = keysOf(subject);
      const client = await redis.client();
      await client.del(keys.pair);
      await client.eval(REFUND, { keys: keys.buckets.filter((k) => k !== keys.pair) });
      await client.set(keys.good, subject.address, { PX: options.rememberGoodMs });
    },

    async release(subject) {
      const keys = keysOf(subject);
      const client = await redis.client();
      await client.eval(REFUND, { keys: keys.buckets });
    },
  };
}
