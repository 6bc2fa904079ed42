import { createHash } from "node:crypto";

/**
 * Sign-in throttling. Every attempt is *reserved* before IAM is asked: the reservation checks the
 * buckets and counts the attempt as a failure in one atomic step (a SQLite transaction, a Redis
 * script), so that fifty parallel guesses cannot all pass the check before the first failure is
 * recorded. A success or an answer that says nothing about the password (IAM down, unknown
 * project) gives the reservation back.
 *
 * Four buckets, each with a number of free failures after which every further attempt waits a delay
 * that doubles with each failure (capped):
 * - pair: this user from this address (`freeAttempts`);
 * - user: this user from anywhere (`userFactor` × more), against guesses spread over addresses;
 * - address: this address for any user (`addressFactor` × more), against one password tried on
 *   many users;
 * - global: every attempt (`globalFreeAttempts`), bounding the guesses sent to IAM altogether.
 * The user and global buckets are not applied to the address the user last signed in from, so an
 * attacker elsewhere cannot lock a real user out with wrong passwords.
 */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterS: number };

export type LoginThrottle = {
  /** Checks and, when allowed, counts the attempt as a failure until `succeeded` or `release`. */
  reserve(subject: LoginSubject): Promise<ThrottleVerdict>;
  /** The attempt signed in: gives the reservation back, clears the pair, remembers the address. */
  succeeded(subject: LoginSubject): Promise<void>;
  /** The attempt said nothing about the password: gives the reservation back. */
  release(subject: LoginSubject): Promise<void>;
};

export type LoginSubject = { account: string; user: string; address: string };

export type ThrottleOptions = {
  /** Failures allowed per user and address before any delay. */
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The per-user bucket allows this many times more failures than the pair. */
  userFactor: number;
  /** The per-address bucket allows this many times more failures than the pair. */
  addressFactor: number;
  /** Failures of all users from all addresses before every attempt must wait. */
  globalFreeAttempts: number;
  /** Buckets are forgotten this long after their last failure. */
  forgetAfterMs: number;
  /** How long a user's last good address is remembered. */
  rememberGoodMs: number;
  now?: () => number;
};

export const defaultThrottleOptions: ThrottleOptions = {
  freeAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  userFactor: 5,
  addressFactor: 10,
  globalFreeAttempts: 1_000,
  forgetAfterMs: 60 * 60_000,
  rememberGoodMs: 30 * 24 * 3600_000,
};

export function delayAfter(failures: number, free: number, options: ThrottleOptions): number {
  if (failures < free) return 0;
  const exponent = Math.min(failures - free, 30);
  return Math.min(options.baseDelayMs * 2 ** exponent, options.maxDelayMs);
}

export type BucketName = "pair" | "user" | "address" | "global";
export const BUCKETS: readonly BucketName[] = ["pair", "user", "address", "global"];
/** The buckets that a user's last good address is let through. */
export const SKIPPED_FOR_GOOD_ADDRESS: readonly BucketName[] = ["user", "global"];

export function freeFailures(bucket: BucketName, options: ThrottleOptions): number {
  switch (bucket) {
    case "pair":
      return options.freeAttempts;
    case "user":
      return options.freeAttempts * options.userFactor;
    case "address":
      return options.freeAttempts * options.addressFactor;
    case "global":
      return options.globalFreeAttempts;
  }
}

/**
 * Bucket keys: hashes, so user names typed into the form are never stored verbatim; names compare
 * case-insensitively (IAM's do).
 */
export function throttleKeys(s: LoginSubject): Record<BucketName | "good", string> {
  const user = `${s.account.trim().toLowerCase()}\u0000${s.user.trim().toLowerCase()}`;
  const hash = (text: string) => createHash("sha256").update(text).digest("base64url");
  return {
    pair: `pair:${hash(`${user}\u0000${s.address}`)}`,
    user: `user:${hash(user)}`,
    address: `address:${hash(s.address)}`,
    global: "global",
    good: `good:${hash(user)}`,
  };
}

export type Bucket = { failures: number; lastFailureAt: number };

/** Pure: how long the attempt must wait given its buckets (0: it may go). */
export function waitMs(
  buckets: Partial<Record<BucketName, Bucket>>,
  fromGoodAddress: boolean,
  at: number,
  options: ThrottleOptions,
): number {
  let wait = 0;
  for (const name of BUCKETS) {
    if (fromGoodAddress && SKIPPED_FOR_GOOD_ADDRESS.includes(name)) continue;
    const bucket = buckets[name];
    if (!bucket || at - bucket.lastFailureAt > options.forgetAfterMs) continue;
    const delay = delayAfter(bucket.failures, freeFailures(name, options), options);
    wait = Math.max(wait, bucket.lastFailureAt + delay - at);
  }
  return wait;
}

export function verdictOf(wait: number): ThrottleVerdict {
  return wait > 0 ? { allowed: false, retryAfterS: Math.ceil(wait / 1000) } : { allowed: true };
}
