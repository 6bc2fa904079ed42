import "server-only";
import {
  type AuditEntry,
  type AuditQuery,
  type AuditStore,
  normalizeEntry,
  UNVERIFIED_CAP,
  UNVERIFIED_PER_HOUR,
  type UnverifiedLimits,
} from "@/lib/server/audit-store";
import type { RedisHandle } from "./redis-client";

/**
 * The audit trail (lib/server/audit-store.ts) in Redis, shared by every console instance, so that
 * `/activity` shows the same trail whichever instance answers.
 *
 * Keys, all in one hash slot (`{audit}`) so the script stays valid on a Redis cluster:
 * - `account:{name}`: a sorted set per account whose members are the entries as JSON, scored by
 *   time (ms × 1000 plus a sequence number, so that entries of the same millisecond keep their
 *   order across instances); capped at `maxEntries`, the oldest dropped first;
 * - `seq`: the sequence counter;
 * - `accounts`: the accounts that have a trail, for `purgeOlderThan`, and the accounts known to be
 *   real (only a signed-in session starts a trail);
 * - `unverified`: one sorted set of the events nobody signed in for, whatever account they name,
 *   capped at `unverifiedCap`; `shown:{name}`: how many of them reached that account's trail in
 *   the current hour.
 *
 * Listing without filters (or with a time span only) is a range read; the other filters scan the
 * account's entries in the span in chunks, which the cap keeps bounded.
 */
export type RedisAuditOptions = UnverifiedLimits & {
  prefix?: string;
  maxEntries?: number;
  /** Entries read per round trip of a filtered list (small in tests, to cross chunk borders). */
  scanChunk?: number;
};

/** Entries kept per account (beyond the time-based retention of lib/server/audit.ts). */
export const REDIS_AUDIT_MAX_ENTRIES = 20_000;
const SCAN_CHUNK = 1_000;
const SEQ_SPAN = 1_000;

const RECORD = `
local seq = redis.call('INCR', KEYS[2]) % tonumber(ARGV[4])
local score = tonumber(ARGV[2]) * tonumber(ARGV[4]) + seq
redis.call('ZADD', KEYS[1], score, ARGV[1])
redis.call('SADD', KEYS[3], ARGV[5])
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
if extra > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1) end
return 1
`;

// KEYS: unverified, account, seq, accounts, shown. ARGV: entry, ms, unverifiedCap, seqSpan,
// account, perHour, maxEntries. Atomic: the account check, the hourly count and both writes.
const RECORD_UNVERIFIED = `
local seq = redis.call('INCR', KEYS[3]) % tonumber(ARGV[4])
local score = tonumber(ARGV[2]) * tonumber(ARGV[4]) + seq
redis.call('ZADD', KEYS[1], score, ARGV[1])
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
if extra > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1) end
if redis.call('SISMEMBER', KEYS[4], ARGV[5]) == 0 then return 0 end
local n = redis.call('INCR', KEYS[5])
if n == 1 then redis.call('EXPIRE', KEYS[5], 3600) end
if n > tonumber(ARGV[6]) then return 0 end
redis.call('ZADD', KEYS[2], score, ARGV[1])
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[7])
if over > 0 then redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1) end
return 1
`;

/** The filters that a range read cannot apply. */
function needsScan(query: AuditQuery): boolean {
  return (
    (query.actions?.length ?? 0) > 0 ||
    (query.results?.length ?? 0) > 0 ||
    !!query.user ||
    !!query.project ||
    !!query.target
  );
}

/** Pure: whether an entry passes the query's non-time filters (as the SQLite store's WHERE). */
export function matchesAuditQuery(entry: AuditEntry, query: AuditQuery): boolean {
  if (query.actions?.length && !query.actions.includes(entry.action)) return false;
  if (query.results?.length && !query.results.includes(entry.result)) return false;
  if (query.user && entry.user !== query.user) return false;
  if (query.project && entry.project !== query.project) return false;
  // SQLite's LIKE ignores ASCII case; the text is matched literally.
  if (query.target && !entry.target.toLowerCase().includes(query.target.toLowerCase())) {
    return false;
  }
  return true;
}

export function redisAuditStore(redis: RedisHandle, options: RedisAuditOptions = {}): AuditStore {
  const base = `${options.prefix ?? "cbc:"}{audit}:`;
  const maxEntries = options.maxEntries ?? REDIS_AUDIT_MAX_ENTRIES;
  const scanChunk = options.scanChunk ?? SCAN_CHUNK;
  const accountKey = (account: string) => `${base}account:${encodeURIComponent(account)}`;
  const seqKey = `${base}seq`;
  const accountsKey = `${base}accounts`;
  const unverifiedKey = `${base}unverified`;
  const shownKey = (account: string) => `${base}shown:${encodeURIComponent(account)}`;
  const scoreOf = (date: Date) => date.getTime() * SEQ_SPAN;

  /** The query's time span as ZRANGE BYSCORE bounds (`to` is exclusive, as in SQLite). */
  const span = (query: AuditQuery) => ({
    min: query.from ? String(scoreOf(query.from)) : "-inf",
    max: query.to ? `(${scoreOf(query.to)}` : "+inf",
  });

  const parse = (raw: string) => JSON.parse(raw) as AuditEntry;

  return {
    async record(input) {
      const entry = normalizeEntry(input);
      const client = await redis.client();
      await client.eval(RECORD, {
        keys: [accountKey(entry.account), seqKey, accountsKey],
        arguments: [
          JSON.stringify(entry),
          String(Date.parse(entry.at)),
          String(maxEntries),
          String(SEQ_SPAN),
          entry.account,
        ],
      });
      return entry;
    },

    async recordUnverified(input) {
      const entry = normalizeEntry(input);
      const client = await redis.client();
      const shown = await client.eval(RECORD_UNVERIFIED, {
        keys: [
          unverifiedKey,
          accountKey(entry.account),
          seqKey,
          accountsKey,
          shownKey(entry.account),
        ],
        arguments: [
          JSON.stringify(entry),
          String(Date.parse(entry.at)),
          String(options.unverifiedCap ?? UNVERIFIED_CAP),
          String(SEQ_SPAN),
          entry.account,
          String(options.unverifiedPerHour ?? UNVERIFIED_PER_HOUR),
          String(maxEntries),
        ],
      });
      return { shown: shown === 1 };
    },

    async listUnverified(limit) {
      const client = await redis.client();
      const raws = await client.zRange(unverifiedKey, 0, limit - 1, { REV: true });
      return raws.map(parse);
    },

    async list(query) {
      const client = await redis.client();
      const key = accountKey(query.account);
      const { min, max } = span(query);
      if (!needsScan(query)) {
        const [total, raws] = await Promise.all([
          client.zCount(key, min, max),
          query.limit > 0
            ? client.zRange(key, max, min, {
                BY: "SCORE",
                REV: true,
                LIMIT: { offset: query.offset, count: query.limit },
              })
            : Promise.resolve([]),
        ]);
        return { total, items: raws.map(parse) };
      }
      // Newest first, chunk by chunk, each after the last score read (entries recorded meanwhile
      // are above it and do not shift the scan): count every match, keep the page's.
      const items: AuditEntry[] = [];
      let total = 0;
      let upper = max;
      for (;;) {
        const chunk = await client.zRangeWithScores(key, upper, min, {
          BY: "SCORE",
          REV: true,
          LIMIT: { offset: 0, count: scanChunk },
        });
        for (const { value } of chunk) {
          const entry = parse(value);
          if (!matchesAuditQuery(entry, query)) continue;
          if (total >= query.offset && items.length < query.limit) items.push(entry);
          total += 1;
        }
        const last = chunk.at(-1);
        if (!last || chunk.length < scanChunk) break;
        upper = `(${last.score}`;
      }
      return { total, items };
    },

    async purgeOlderThan(before) {
      const client = await redis.client();
      const accounts = await client.sMembers(accountsKey);
      await client.zRemRangeByScore(unverifiedKey, "-inf", `(${scoreOf(before)}`);
      await Promise.all(
        accounts.map((account) =>
          client.zRemRangeByScore(accountKey(account), "-inf", `(${scoreOf(before)}`),
        ),
      );
    },
  };
}
