import "server-only";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/**
 * Opens (creating) one of the console's SQLite files, readable by the console's user only: they
 * hold sealed tokens, the audit trail and restore records. The folder is made 0700 and the file
 * 0600 before SQLite opens it, and SQLite gives its -wal and -shm files the database file's mode,
 * so the process umask (often 022) does not decide.
 */
export function openPrivateDatabase(path: string): Database.Database {
  if (path === ":memory:") return new Database(path);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, "a", 0o600));
  return new Database(path);
}
