import "server-only";
import {
  type BeginResult,
  BUSY_HOLD_MS,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyStore,
  type RestoreRecord,
} from "@/lib/server/idempotency";
import type { RedisHandle } from "./redis-client";

/**
 * Restore idempotency records (lib/server/idempotency.ts) in Redis, shared by every console
 * instance: a restore submitted through one instance cannot be sent again through another.
 *
 * Keys, all in one hash slot (`{idem}`) so the scripts stay valid on a Redis cluster:
 * - `record:{owner}\0{key}`: the record as JSON, expiring IDEMPOTENCY_TTL_MS after it was made;
 * - `backup:{backupId}`: a hash whose fields are the ids of the records of that backup (who may
 *   hold it);
 * - `created`: a sorted set of record ids by creation time, for `purgeOlderThan`.
 * `begin` is one Lua script, so that the look-up, the hold check and the insert are atomic across
 * instances, the same guarantee the SQLite store gets from its transaction.
 */
export type RedisIdempotencyOptions = { prefix?: string; ttlMs?: number };

const BEGIN = `
local found = redis.call('GET', KEYS[1])
if found then
  if cjson.decode(found).fingerprint == ARGV[2] then return {'existing', found} end
  return {'mismatch', found}
end
local now = tonumber(ARGV[3])
for _, id in ipairs(redis.call('HKEYS', KEYS[2])) do
  local raw = redis.call('GET', ARGV[5] .. id)
  if not raw then
    redis.call('HDEL', KEYS[2], id)
  elseif id ~= ARGV[6] then
    local r = cjson.decode(raw)
    local live = r.state == 'submitting' or r.state == 'in_doubt' or r.state == 'accepted'
    if live and now - tonumber(r.updatedAt) < tonumber(ARGV[4]) then return {'busy', raw} end
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[7])
redis.call('HSET', KEYS[2], ARGV[6], '1')
redis.call('PEXPIRE', KEYS[2], ARGV[7])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[6])
return {'started', ARGV[1]}
`;

// Read, merge and write back under the same expiry, atomically.
const UPDATE = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
local patch = cjson.decode(ARGV[1])
for k, v in pairs(patch) do record[k] = v end
record.updatedAt = tonumber(ARGV[2])
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return 1
`;

type Kind = BeginResult["kind"];

export function redisIdempotencyStore(
  redis: RedisHandle,
  options: RedisIdempotencyOptions = {},
): IdempotencyStore {
  const base = `${options.prefix ?? "cbc:"}{idem}:`;
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
  const idOf = (owner: string, key: string) => `${owner}\u0000${key}`;
  const recordKey = (id: string) => `${base}record:${id}`;
  const backupKey = (backupId: string) => `${base}backup:${backupId}`;
  const createdKey = `${base}created`;

  // Lua's cjson writes large integers in exponent form; Number() reads both.
  const parse = (raw: string): RestoreRecord => {
    const record = JSON.parse(raw) as RestoreRecord;
    return { ...record, createdAt: Number(record.createdAt), updatedAt: Number(record.updatedAt) };
  };

  async function forget(ids: string[]) {
    if (ids.length === 0) return;
    const client = await redis.client();
    const raws = await client.mGet(ids.map(recordKey));
    const tx = client.multi();
    ids.forEach((id, i) => {
      const raw = raws[i];
      if (raw) tx.hDel(backupKey(parse(raw).backupId), id);
      tx.del(recordKey(id));
      tx.zRem(createdKey, id);
    });
    await tx.exec();
  }

  return {
    async begin(fresh, now) {
      const id = idOf(fresh.owner, fresh.key);
      const record: RestoreRecord = {
        ...fresh,
        state: "submitting",
        createdAt: now,
        updatedAt: now,
      };
      const client = await redis.client();
      const [kind, raw] = (await client.eval(BEGIN, {
        keys: [recordKey(id), backupKey(fresh.backupId), createdKey],
        arguments: [
          JSON.stringify(record),
          fresh.fingerprint,
          String(now),
          String(BUSY_HOLD_MS),
          `${base}record:`,
          id,
          String(ttlMs),
        ],
      })) as [Kind, string];
      return { kind, record: parse(raw) };
    },

    async get(owner, key) {
      const client = await redis.client();
      const raw = await client.get(recordKey(idOf(owner, key)));
      return raw ? parse(raw) : null;
    },

    async update(owner, key, patch, now) {
      // JSON has no undefined: a field patched to undefined is left as it was.
      const client = await redis.client();
      await client.eval(UPDATE, {
        keys: [recordKey(idOf(owner, key))],
        arguments: [JSON.stringify(patch), String(now)],
      });
    },

    async release(owner, key) {
      await forget([idOf(owner, key)]);
    },

    async purgeOlderThan(createdBefore) {
      const client = await redis.client();
      const ids = await client.zRangeByScore(createdKey, "-inf", `(${createdBefore}`);
      await forget(ids);
    },
  };
}
