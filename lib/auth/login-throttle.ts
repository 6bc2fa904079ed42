/**
 * Sign-in throttling: after a few free failures for the same user from the same address, each
 * further attempt must wait a delay that doubles with every failure (capped), and a per-user bucket
 * with a higher allowance stops attacks spread over many addresses. A success clears the
 * user+address bucket. In memory for one process; a Redis implementation of `LoginThrottle` can
 * replace it for several replicas.
 */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterS: number };

export type LoginThrottle = {
  check(subject: LoginSubject): Promise<ThrottleVerdict>;
  recordFailure(subject: LoginSubject): Promise<void>;
  recordSuccess(subject: LoginSubject): Promise<void>;
};

export type LoginSubject = { account: string; user: string; address: string };

type Bucket = { failures: number; lastFailureAt: number };

export type ThrottleOptions = {
  /** Failures allowed before any delay. */
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The per-user bucket allows this many times more failures than the per-address one. */
  userFactor: number;
  /** Buckets are forgotten this long after their last failure. */
  forgetAfterMs: number;
  now?: () => number;
};

export const defaultThrottleOptions: ThrottleOptions = {
  freeAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  userFactor: 5,
  forgetAfterMs: 60 * 60_000,
};

export function delayAfter(failures: number, free: number, options: ThrottleOptions): number {
  if (failures < free) return 0;
  const exponent = Math.min(failures - free, 30);
  return Math.min(options.baseDelayMs * 2 ** exponent, options.maxDelayMs);
}

export function memoryLoginThrottle(partial: Partial<ThrottleOptions> = {}): LoginThrottle {
  const options = { ...defaultThrottleOptions, ...partial };
  const now = options.now ?? (() => Date.now());
  const buckets = new Map<string, Bucket>();

  const keys = (s: LoginSubject) => {
    const user = `${s.account.trim().toLowerCase()}\u0000${s.user.trim().toLowerCase()}`;
    return { pair: `p\u0000${user}\u0000${s.address}`, user: `u\u0000${user}` };
  };

  function waitFor(key: string, free: number, at: number): number {
    const bucket = buckets.get(key);
    if (!bucket) return 0;
    if (at - bucket.lastFailureAt > options.forgetAfterMs) {
      buckets.delete(key);
      return 0;
    }
    return Math.max(0, bucket.lastFailureAt + delayAfter(bucket.failures, free, options) - at);
  }

  function fail(key: string, at: number) {
    const bucket = buckets.get(key);
    buckets.set(key, { failures: (bucket?.failures ?? 0) + 1, lastFailureAt: at });
  }

  function sweep(at: number) {
    // Bounded memory under a spray of made-up user names.
    if (buckets.size < 10_000) return;
    for (const [key, bucket] of buckets) {
      if (at - bucket.lastFailureAt > options.forgetAfterMs) buckets.delete(key);
    }
  }

  return {
    async check(subject) {
      const at = now();
      const { pair, user } = keys(subject);
      const waitMs = Math.max(
        waitFor(pair, options.freeAttempts, at),
        waitFor(user, options.freeAttempts * options.userFactor, at),
      );
      return waitMs > 0
        ? { allowed: false, retryAfterS: Math.ceil(waitMs / 1000) }
        : { allowed: true };
    },
    async recordFailure(subject) {
      const at = now();
      sweep(at);
      const { pair, user } = keys(subject);
      fail(pair, at);
      fail(user, at);
    },
    async recordSuccess(subject) {
      buckets.delete(keys(subject).pair);
    },
  };
}
