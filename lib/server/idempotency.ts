import "server-only";
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { idempotencyStoreFor } from "@/lib/auth/redis-stores";
import { openPrivateDatabase } from "@/lib/server/sqlite-file";

/**
 * The restores the console has been asked for, by idempotency key (IETF draft
 * "The Idempotency-Key HTTP Header Field"; security.md §3.4). One key per restore wizard: a double
 * click, a retry after a timeout or a second tab of the same wizard find the first request's
 * record instead of creating a second restore. A refused request gives its key back, so that the
 * user can correct the mapping and submit again from the same wizard.
 *
 * States: `submitting` (sent, no answer yet), `in_doubt` (the cloud did not answer in time: it may
 * have started), `accepted` (the cloud started it), `finished` (followed to its end).
 */
export type RestoreRecordState = "submitting" | "in_doubt" | "accepted" | "finished";

export type RestoreRecord = {
  /** User and project: a key means nothing outside them. */
  owner: string;
  key: string;
  fingerprint: string;
  service: "csbs" | "cbr";
  backupId: string;
  serverId: string;
  state: RestoreRecordState;
  /** CSBS restore id. */
  restoreId?: string | undefined;
  /** CBR job (operation log) id. */
  jobId?: string | undefined;
  /**
   * What the cloud showed before the restore was sent (the backup's updated_at, or the newest
   * restore job's time): a change after it is the restore, whatever the cloud's clock says.
   */
  baseline?: string | undefined;
  /** How it ended, when finished: "succeeded" or "failed: reason". */
  outcome?: string | undefined;
  createdAt: number;
  updatedAt: number;
};

export type NewRestoreRecord = Pick<
  RestoreRecord,
  "owner" | "key" | "fingerprint" | "service" | "backupId" | "serverId"
>;

export type BeginResult =
  /** The key is new: the caller sends the restore and then records how it went. */
  | { kind: "started"; record: RestoreRecord }
  /** The same request again: answer with this record, send nothing. */
  | { kind: "existing"; record: RestoreRecord }
  /** The key was used for a different request. */
  | { kind: "mismatch"; record: RestoreRecord }
  /** Another key is restoring this backup (or was, until someone sees it finish). */
  | { kind: "busy"; record: RestoreRecord };

export type RestorePatch = Partial<
  Pick<RestoreRecord, "state" | "restoreId" | "jobId" | "baseline" | "outcome">
>;

/** The storage interface: SQLite by default, a shared store (Redis) for several replicas. */
export type IdempotencyStore = {
  /** Atomically: find the key, or refuse when another live record holds the backup, or create. */
  begin(record: NewRestoreRecord, now: number): Promise<BeginResult>;
  get(owner: string, key: string): Promise<RestoreRecord | null>;
  update(owner: string, key: string, patch: RestorePatch, now: number): Promise<void>;
  /** Gives a key back (the cloud refused the request, so nothing was started). */
  release(owner: string, key: string): Promise<void>;
  /** Forgets records older than this (the draft's expiry policy: 24 hours). */
  purgeOlderThan(createdBefore: number): Promise<void>;
};

/** Keys are kept this long; a repeated request after that is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** A live record older than this no longer holds its backup (a restore never takes that long). */
export const BUSY_HOLD_MS = 6 * 3600_000;

const LIVE: readonly RestoreRecordState[] = ["submitting", "in_doubt", "accepted"];

/** Same service, backup, server, power-on and mapping (in any order) → same fingerprint. */
export function restoreFingerprint(request: {
  service: string;
  backupId: string;
  serverId: string;
  powerOn: boolean;
  mappings: readonly { backupId: string; volumeId: string }[];
}): string {
  const mappings = request.mappings
    .map((m) => `${m.backupId}>${m.volumeId}`)
    .sort()
    .join(",");
  const canonical = [
    request.service,
    request.backupId,
    request.serverId,
    request.powerOn ? "on" : "off",
    mappings,
  ].join("|");
  return createHash("sha256").update(canonical).digest("hex");
}

/** Owners are `user@project` (lib/server/restores/restore-requests.ts ownerOf). */
function projectOfOwner(owner: string): string {
  return owner.slice(owner.lastIndexOf("@") + 1);
}

function decide(
  found: RestoreRecord | null,
  holders: RestoreRecord[],
  fresh: NewRestoreRecord,
  now: number,
): BeginResult | null {
  if (found) {
    return found.fingerprint === fresh.fingerprint
      ? { kind: "existing", record: found }
      : { kind: "mismatch", record: found };
  }
  // A backup is held per project: the same id seen from another project (a shared backup) is that
  // project's to restore, and its records are never this request's to judge.
  const holder = holders.find(
    (r) =>
      r.key !== fresh.key &&
      r.backupId === fresh.backupId &&
      projectOfOwner(r.owner) === projectOfOwner(fresh.owner) &&
      LIVE.includes(r.state) &&
      now - r.updatedAt < BUSY_HOLD_MS,
  );
  return holder ? { kind: "busy", record: holder } : null;
}

function created(fresh: NewRestoreRecord, now: number): RestoreRecord {
  return { ...fresh, state: "submitting", createdAt: now, updatedAt: now };
}

/** In one process's memory: tests, and a single console without a data folder. */
export function memoryIdempotencyStore(): IdempotencyStore {
  const records = new Map<string, RestoreRecord>();
  const id = (owner: string, key: string) => `${owner}\u0000${key}`;
  return {
    async begin(fresh, now) {
      const found = records.get(id(fresh.owner, fresh.key)) ?? null;
      const decided = decide(found, [...records.values()], fresh, now);
      if (decided) return { ...decided, record: { ...decided.record } };
      const record = created(fresh, now);
      records.set(id(fresh.owner, fresh.key), record);
      return { kind: "started", record: { ...record } };
    },
    async get(owner, key) {
      const record = records.get(id(owner, key));
      return record ? { ...record } : null;
    },
    async update(owner, key, patch, now) {
      const record = records.get(id(owner, key));
      if (record) records.set(id(owner, key), { ...record, ...patch, updatedAt: now });
    },
    async release(owner, key) {
      records.delete(id(owner, key));
    },
    async purgeOlderThan(createdBefore) {
      for (const [k, r] of records) if (r.createdAt < createdBefore) records.delete(k);
    },
  };
}

type Row = {
  owner: string;
  key: string;
  fingerprint: string;
  service: "csbs" | "cbr";
  backup_id: string;
  server_id: string;
  state: RestoreRecordState;
  restore_id: string | null;
  job_id: string | null;
  baseline: string | null;
  outcome: string | null;
  created_at: number;
  updated_at: number;
};

function fromRow(row: Row): RestoreRecord {
  return {
    owner: row.owner,
    key: row.key,
    fingerprint: row.fingerprint,
    service: row.service,
    backupId: row.backup_id,
    serverId: row.server_id,
    state: row.state,
    restoreId: row.restore_id ?? undefined,
    jobId: row.job_id ?? undefined,
    baseline: row.baseline ?? undefined,
    outcome: row.outcome ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Records in a SQLite file (the session database by default: same folder, same backups). The
 * check-and-insert runs in one transaction; better-sqlite3 is synchronous, so requests of this
 * process cannot interleave inside it, and SQLite's lock covers other processes on the file.
 */
export function sqliteIdempotencyStore(path: string): IdempotencyStore {
  let db: Database.Database | undefined;
  function open(): Database.Database {
    if (db) return db;
    const created = openPrivateDatabase(path);
    created.pragma("journal_mode = WAL");
    created.pragma("busy_timeout = 2000");
    created.exec(`CREATE TABLE IF NOT EXISTS restore_requests (
      owner TEXT NOT NULL,
      key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      service TEXT NOT NULL,
      backup_id TEXT NOT NULL,
      server_id TEXT NOT NULL,
      state TEXT NOT NULL,
      restore_id TEXT,
      job_id TEXT,
      baseline TEXT,
      outcome TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (owner, key)
    )`);
    created.exec(
      "CREATE INDEX IF NOT EXISTS restore_requests_backup ON restore_requests (backup_id, state)",
    );
    db = created;
    return created;
  }

  const select = (owner: string, key: string) =>
    (open().prepare("SELECT * FROM restore_requests WHERE owner = ? AND key = ?").get(owner, key) as
      | Row
      | undefined) ?? null;

  return {
    async begin(fresh, now) {
      const database = open();
      const run = database.transaction((): BeginResult => {
        const foundRow = select(fresh.owner, fresh.key);
        const holders = (
          database
            .prepare(
              "SELECT * FROM restore_requests WHERE backup_id = ? AND state IN ('submitting','in_doubt','accepted')",
            )
            .all(fresh.backupId) as Row[]
        ).map(fromRow);
        const decided = decide(foundRow ? fromRow(foundRow) : null, holders, fresh, now);
        if (decided) return decided;
        const record = created(fresh, now);
        database
          .prepare(
            `INSERT INTO restore_requests (owner, key, fingerprint, service, backup_id, server_id,
              state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            record.owner,
            record.key,
            record.fingerprint,
            record.service,
            record.backupId,
            record.serverId,
            record.state,
            now,
            now,
          );
        return { kind: "started", record };
      });
      return run.immediate();
    },
    async get(owner, key) {
      const row = select(owner, key);
      return row ? fromRow(row) : null;
    },
    async update(owner, key, patch, now) {
      const current = select(owner, key);
      if (!current) return;
      const next = { ...fromRow(current), ...patch };
      open()
        .prepare(
          `UPDATE restore_requests SET state = ?, restore_id = ?, job_id = ?, baseline = ?,
            outcome = ?, updated_at = ? WHERE owner = ? AND key = ?`,
        )
        .run(
          next.state,
          next.restoreId ?? null,
          next.jobId ?? null,
          next.baseline ?? null,
          next.outcome ?? null,
          now,
          owner,
          key,
        );
    },
    async release(owner, key) {
      open().prepare("DELETE FROM restore_requests WHERE owner = ? AND key = ?").run(owner, key);
    },
    async purgeOlderThan(createdBefore) {
      open().prepare("DELETE FROM restore_requests WHERE created_at < ?").run(createdBefore);
    },
  };
}

type Globals = typeof globalThis & { __restoreIdempotencyStore?: IdempotencyStore };

/** The console's store: a table beside the sessions (SESSION_DB_PATH), opened on first use. */
export function restoreRequests(path: string): IdempotencyStore {
  const globals = globalThis as Globals;
  if (!globals.__restoreIdempotencyStore) {
    // SQLite, or Redis when REDIS_URL is set (several instances).
    globals.__restoreIdempotencyStore = idempotencyStoreFor(path);
  }
  return globals.__restoreIdempotencyStore;
}
