import { createHash } from "node:crypto";
import {
  defaultThrottleOptions,
  delayAfter,
  type LoginSubject,
  type LoginThrottle,
  type ThrottleOptions,
} from "./login-throttle";
import type { RedisHandle } from "./redis-client";

/**
 * The sign-in throttle of login-throttle.ts with its buckets in Redis, so that every console
 * instance counts the same failures (an attacker gains nothing by spreading attempts over
 * instances). Same rules, same options; each bucket is a hash that Redis forgets `forgetAfterMs`
 * after its last failure. Bucket keys are hashes: user names typed into the form never become
 * Redis keys verbatim.
 */
export function redisLoginThrottle(
  redis: RedisHandle,
  partial: Partial<ThrottleOptions> & { prefix?: string } = {},
): LoginThrottle {
  const { prefix = "cbc:", ...rest } = partial;
  const options = { ...defaultThrottleOptions, ...rest };
  const now = options.now ?? (() => Date.now());

  const keys = (s: LoginSubject) => {
    const user = `${s.account.trim().toLowerCase()}\u0000${s.user.trim().toLowerCase()}`;
    const hash = (text: string) => createHash("sha256").update(text).digest("base64url");
    return {
      pair: `${prefix}throttle:pair:${hash(`${user}\u0000${s.address}`)}`,
      user: `${prefix}throttle:user:${hash(user)}`,
    };
  };

  function waitFor(
    bucket: { failures?: string; lastFailureAt?: string },
    free: number,
    at: number,
  ): number {
    const failures = Number(bucket.failures ?? 0);
    const lastFailureAt = Number(bucket.lastFailureAt ?? 0);
    if (!failures || at - lastFailureAt > options.forgetAfterMs) return 0;
    return Math.max(0, lastFailureAt + delayAfter(failures, free, options) - at);
  }

  return {
    async check(subject) {
      const at = now();
      const { pair, user } = keys(subject);
      const client = await redis.client();
      const [pairBucket, userBucket] = await Promise.all([
        client.hGetAll(pair),
        client.hGetAll(user),
      ]);
      const waitMs = Math.max(
        waitFor(pairBucket, options.freeAttempts, at),
        waitFor(userBucket, options.freeAttempts * options.userFactor, at),
      );
      return waitMs > 0
        ? { allowed: false, retryAfterS: Math.ceil(waitMs / 1000) }
        : { allowed: true };
    },

    async recordFailure(subject) {
      const at = String(now());
      const { pair, user } = keys(subject);
      const client = await redis.client();
      // One transaction: two instances recording at once both count.
      await client
        .multi()
        .hIncrBy(pair, "failures", 1)
        .hSet(pair, "lastFailureAt", at)
        .pExpire(pair, options.forgetAfterMs)
        .hIncrBy(user, "failures", 1)
        .hSet(user, "lastFailureAt", at)
        .pExpire(user, options.forgetAfterMs)
        .exec();
    },

    async recordSuccess(subject) {
      const client = await redis.client();
      await client.del(keys(subject).pair);
    },
  };
}
