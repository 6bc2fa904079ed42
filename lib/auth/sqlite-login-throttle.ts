import type Database from "better-sqlite3";
import { openPrivateDatabase } from "@/lib/server/sqlite-file";
import {
  BUCKETS,
  type Bucket,
  type BucketName,
  defaultThrottleOptions,
  type LoginThrottle,
  type ThrottleOptions,
  throttleKeys,
  verdictOf,
  waitMs,
} from "./login-throttle";

/**
 * The sign-in throttle of login-throttle.ts in the console's SQLite file: every process on this
 * machine counts the same attempts, and a reservation is one IMMEDIATE transaction (SQLite runs one
 * writer at a time), so concurrent attempts are counted one after the other.
 */
export function sqliteLoginThrottle(
  options: { path: string } & Partial<ThrottleOptions>,
): LoginThrottle {
  const { path, ...rest } = options;
  const settings: ThrottleOptions = { ...defaultThrottleOptions, ...rest };
  const now = settings.now ?? (() => Date.now());
  let db: Database.Database | undefined;

  function open(): Database.Database {
    if (db) return db;
    const created = openPrivateDatabase(path);
    created.pragma("journal_mode = WAL");
    created.pragma("busy_timeout = 2000");
    created.exec(`CREATE TABLE IF NOT EXISTS login_buckets (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      last_failure_at INTEGER NOT NULL
    )`);
    created.exec(
      "CREATE INDEX IF NOT EXISTS login_buckets_last ON login_buckets (last_failure_at)",
    );
    created.exec(`CREATE TABLE IF NOT EXISTS login_good_addresses (
      key TEXT PRIMARY KEY,
      address TEXT NOT NULL,
      at INTEGER NOT NULL
    )`);
    db = created;
    return created;
  }

  const refund = (database: Database.Database, keys: string[]) => {
    const statement = database.prepare(
      "UPDATE login_buckets SET failures = MAX(failures - 1, 0) WHERE key = ?",
    );
    for (const key of keys) statement.run(key);
  };

  return {
    async reserve(subject) {
      const database = open();
      const keys = throttleKeys(subject);
      const at = now();
      return database
        .transaction(() => {
          // Forgotten buckets go first, so that the table stays small under a spray of names.
          database
            .prepare("DELETE FROM login_buckets WHERE last_failure_at < ?")
            .run(at - settings.forgetAfterMs);
          const read = database.prepare(
            "SELECT failures, last_failure_at AS lastFailureAt FROM login_buckets WHERE key = ?",
          );
          const buckets: Partial<Record<BucketName, Bucket>> = {};
          for (const name of BUCKETS) {
            const row = read.get(keys[name]) as Bucket | undefined;
            if (row) buckets[name] = row;
          }
          const good = database
            .prepare("SELECT address FROM login_good_addresses WHERE key = ? AND at >= ?")
            .get(keys.good, at - settings.rememberGoodMs) as { address: string } | undefined;
          const verdict = verdictOf(
            waitMs(buckets, good?.address === subject.address, at, settings),
          );
          if (!verdict.allowed) return verdict;
          const count = database.prepare(
            `INSERT INTO login_buckets (key, failures, last_failure_at) VALUES (?, 1, ?)
             ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at`,
          );
          for (const name of BUCKETS) count.run(keys[name], at);
          return verdict;
        })
        .immediate();
    },

    async succeeded(subject) {
      const database = open();
      const keys = throttleKeys(subject);
      database
        .transaction(() => {
          database.prepare("DELETE FROM login_buckets WHERE key = ?").run(keys.pair);
          refund(database, [keys.user, keys.address, keys.global]);
          database
            .prepare(
              `INSERT INTO login_good_addresses (key, address, at) VALUES (?, ?, ?)
               ON CONFLICT (key) DO UPDATE SET address = excluded.address, at = excluded.at`,
            )
            .run(keys.good, subject.address, now());
        })
        .immediate();
    },

    async release(subject) {
      const database = open();
      const keys = throttleKeys(subject);
      database
        .transaction(() =>
          refund(
            database,
            BUCKETS.map((b) => keys[b]),
          ),
        )
        .immediate();
    },
  };
}
