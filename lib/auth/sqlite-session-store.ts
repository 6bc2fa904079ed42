import "server-only";
import type Database from "better-sqlite3";
import { openPrivateDatabase } from "@/lib/server/sqlite-file";
import type { SessionData, SessionStore } from "./session-store";
import { openRecord, sealRecord, type TokenCipher } from "./token-crypto";

type Row = { data: string; token: string; created_at: number; last_active_at: number };

/**
 * Sessions in one SQLite file (WAL, so concurrent readers do not block the writer). The database
 * and its folder are created on first use, not at import, so that builds never touch the disk.
 */
export function sqliteSessionStore(options: { path: string; cipher: TokenCipher }): SessionStore {
  let db: Database.Database | undefined;
  // Prepared once: every API request reads its session, and preparing costs more than the read.
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = open().prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };

  function open(): Database.Database {
    if (db) return db;
    const created = openPrivateDatabase(options.path);
    created.pragma("journal_mode = WAL");
    created.pragma("busy_timeout = 2000");
    created.exec(`CREATE TABLE IF NOT EXISTS sessions (
      key TEXT PRIMARY KEY,
      data TEXT NOT NULL,
      token TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_active_at INTEGER NOT NULL
    )`);
    created.exec("CREATE INDEX IF NOT EXISTS sessions_created_at ON sessions (created_at)");
    db = created;
    return created;
  }

  // The whole record is sealed with its key as associated data (lib/auth/token-crypto.ts); the
  // columns beside it are only what SQLite needs to touch and purge. `token` is kept empty (the
  // column stays for files made before).
  return {
    async create(key, record) {
      const { createdAt, lastActiveAt, ...data } = record;
      statement(
        "INSERT INTO sessions (key, data, token, created_at, last_active_at) VALUES (?, ?, '', ?, ?)",
      ).run(key, sealRecord(options.cipher, key, data, createdAt), createdAt, lastActiveAt);
    },

    async get(key) {
      const row = statement("SELECT data, last_active_at FROM sessions WHERE key = ?").get(key) as
        | Pick<Row, "data" | "last_active_at">
        | undefined;
      if (!row) return null;
      const sealed = openRecord<SessionData>(options.cipher, key, row.data);
      if (!sealed) return null;
      return { ...sealed, lastActiveAt: row.last_active_at };
    },

    async touch(key, lastActiveAt) {
      statement("UPDATE sessions SET last_active_at = MAX(last_active_at, ?) WHERE key = ?").run(
        lastActiveAt,
        key,
      );
    },

    async replaceData(key, data) {
      const row = statement("SELECT data FROM sessions WHERE key = ?").get(key) as
        | Pick<Row, "data">
        | undefined;
      const current = row && openRecord<SessionData>(options.cipher, key, row.data);
      if (!current) return;
      statement("UPDATE sessions SET data = ?, token = '' WHERE key = ?").run(
        sealRecord(options.cipher, key, data, current.createdAt),
        key,
      );
    },

    async delete(key) {
      statement("DELETE FROM sessions WHERE key = ?").run(key);
    },

    async purgeOlderThan(createdBefore) {
      statement("DELETE FROM sessions WHERE created_at < ?").run(createdBefore);
    },
  };
}
