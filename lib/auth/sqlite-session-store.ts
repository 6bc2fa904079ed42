import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { SessionData, SessionStore } from "./session-store";
import type { TokenCipher } from "./token-crypto";

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
    if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
    const created = new Database(options.path);
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

  function split(data: SessionData): { data: string; token: string } {
    const { token, ...rest } = data;
    return { data: JSON.stringify(rest), token: options.cipher.seal(token) };
  }

  return {
    async create(key, record) {
      const { createdAt, lastActiveAt, ...data } = record;
      const stored = split(data);
      statement(
        "INSERT INTO sessions (key, data, token, created_at, last_active_at) VALUES (?, ?, ?, ?, ?)",
      ).run(key, stored.data, stored.token, createdAt, lastActiveAt);
    },

    async get(key) {
      const row = statement(
        "SELECT data, token, created_at, last_active_at FROM sessions WHERE key = ?",
      ).get(key) as Row | undefined;
      if (!row) return null;
      const token = options.cipher.open(row.token);
      if (token === null) return null;
      const data = JSON.parse(row.data) as Omit<SessionData, "token">;
      return { ...data, token, createdAt: row.created_at, lastActiveAt: row.last_active_at };
    },

    async touch(key, lastActiveAt) {
      statement("UPDATE sessions SET last_active_at = MAX(last_active_at, ?) WHERE key = ?").run(
        lastActiveAt,
        key,
      );
    },

    async replaceData(key, data) {
      const stored = split(data);
      statement("UPDATE sessions SET data = ?, token = ? WHERE key = ?").run(
        stored.data,
        stored.token,
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
