import "server-only";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_RESULTS,
  type ActivityAction,
  type ActivityResult,
} from "@/lib/schemas/activity";
import { openPrivateDatabase } from "@/lib/server/sqlite-file";

/** What was done (changes to the cloud, then the session events) and how it ended: one list,
 * shared with the /activity page's filters. */
export const AUDIT_ACTIONS = ACTIVITY_ACTIONS;
export type AuditAction = ActivityAction;
/** refused: stopped by the console before the cloud (validation, read-only, throttled). */
export const AUDIT_RESULTS = ACTIVITY_RESULTS;
export type AuditResult = ActivityResult;

export type AuditEntry = {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  action: AuditAction;
  result: AuditResult;
  account: string;
  user: string;
  project: string;
  /** What the action was about: a backup, policy or server id, a name; "" when none. */
  target: string;
  /** The error code of a failure or refusal, or a short fact ("enabled", "2 of 3"). */
  detail: string;
  /** The client's address, for sign-ins. */
  address: string;
};

export type NewAuditEntry = Omit<AuditEntry, "id" | "at" | "detail" | "address" | "target"> & {
  at?: Date;
  target?: string;
  detail?: string;
  address?: string;
};

export type AuditQuery = {
  /** Entries of one account only: users never see another account's trail. */
  account: string;
  actions?: readonly AuditAction[];
  results?: readonly AuditResult[];
  user?: string;
  project?: string;
  /** Substring of the target. */
  target?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

export type AuditPage = { items: AuditEntry[]; total: number };

/**
 * The audit trail's storage. SQLite beside the sessions by default; a shared store (for several
 * instances) implements the same three methods.
 */
export type AuditStore = {
  record(entry: NewAuditEntry): Promise<AuditEntry>;
  /**
   * An event nobody signed in for (a failed or throttled sign-in: its account, user and address
   * are whatever the caller typed). Kept apart, in one stream capped at `unverifiedCap` entries
   * whatever account they name, and copied into that account's trail only when the account is
   * known to be real (it has a trail of its own, which only signed-in sessions start) and fewer
   * than `unverifiedPerHour` such entries reached that trail in the last hour. Answers whether
   * the entry was shown there.
   */
  recordUnverified(entry: NewAuditEntry): Promise<{ shown: boolean }>;
  /** The newest entries of the unverified stream (for the operator and tests). */
  listUnverified(limit: number): Promise<AuditEntry[]>;
  list(query: AuditQuery): Promise<AuditPage>;
  /** Drops entries older than this (retention). */
  purgeOlderThan(before: Date): Promise<void>;
};

/** Limits of the unverified stream (see AuditStore.recordUnverified). */
export type UnverifiedLimits = { unverifiedCap?: number; unverifiedPerHour?: number };
export const UNVERIFIED_CAP = 10_000;
export const UNVERIFIED_PER_HOUR = 20;

/** Values come from users and the cloud: bounded so that one request cannot bloat the trail. */
function clip(value: string | undefined, max = 256): string {
  if (!value) return "";
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export function normalizeEntry(entry: NewAuditEntry): AuditEntry {
  return {
    id: randomUUID(),
    at: (entry.at ?? new Date()).toISOString(),
    action: entry.action,
    result: entry.result,
    account: clip(entry.account, 64),
    user: clip(entry.user, 64),
    project: clip(entry.project, 64),
    target: clip(entry.target, 512),
    detail: clip(entry.detail),
    address: clip(entry.address, 64),
  };
}

type Row = AuditEntry;

/** The trail in a SQLite file (WAL; the file and its folder are created on first use). */
export function sqliteAuditStore(options: { path: string } & UnverifiedLimits): AuditStore {
  let db: Database.Database | undefined;
  const cap = options.unverifiedCap ?? UNVERIFIED_CAP;
  const perHour = options.unverifiedPerHour ?? UNVERIFIED_PER_HOUR;

  function open(): Database.Database {
    if (db) return db;
    const created = openPrivateDatabase(options.path);
    created.pragma("journal_mode = WAL");
    created.pragma("busy_timeout = 2000");
    created.exec(`CREATE TABLE IF NOT EXISTS audit_events (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      result TEXT NOT NULL,
      account TEXT NOT NULL,
      user TEXT NOT NULL,
      project TEXT NOT NULL,
      target TEXT NOT NULL,
      detail TEXT NOT NULL,
      address TEXT NOT NULL
    )`);
    created.exec(
      "CREATE INDEX IF NOT EXISTS audit_events_account_at ON audit_events (account, at)",
    );
    // Kept apart from the trail: rows are never read by account, only trimmed to the cap.
    created.exec(`CREATE TABLE IF NOT EXISTS audit_unverified (
      id TEXT NOT NULL,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      result TEXT NOT NULL,
      account TEXT NOT NULL,
      user TEXT NOT NULL,
      project TEXT NOT NULL,
      target TEXT NOT NULL,
      detail TEXT NOT NULL,
      address TEXT NOT NULL,
      shown INTEGER NOT NULL
    )`);
    db = created;
    return created;
  }

  return {
    async record(input) {
      const entry = normalizeEntry(input);
      open()
        .prepare(
          `INSERT INTO audit_events (id, at, action, result, account, user, project, target, detail, address)
           VALUES (@id, @at, @action, @result, @account, @user, @project, @target, @detail, @address)`,
        )
        .run(entry);
      return entry;
    },

    async recordUnverified(input) {
      const entry = normalizeEntry(input);
      const database = open();
      const since = new Date(Date.now() - 3600_000).toISOString();
      // One transaction: the check of the account and of its hourly count and the insert cannot
      // interleave with another instance's (SQLite serialises writers).
      return database
        .transaction(() => {
          const known = database
            .prepare("SELECT 1 FROM audit_events WHERE account = ? LIMIT 1")
            .get(entry.account);
          const recent = known
            ? (
                database
                  .prepare(
                    "SELECT COUNT(*) AS n FROM audit_unverified WHERE account = ? AND shown = 1 AND at >= ?",
                  )
                  .get(entry.account, since) as { n: number }
              ).n
            : 0;
          const shown = !!known && recent < perHour;
          database
            .prepare(
              `INSERT INTO audit_unverified (id, at, action, result, account, user, project, target, detail, address, shown)
               VALUES (@id, @at, @action, @result, @account, @user, @project, @target, @detail, @address, @shown)`,
            )
            .run({ ...entry, shown: shown ? 1 : 0 });
          database
            .prepare(
              "DELETE FROM audit_unverified WHERE rowid <= (SELECT MAX(rowid) FROM audit_unverified) - ?",
            )
            .run(cap);
          if (shown) {
            database
              .prepare(
                `INSERT INTO audit_events (id, at, action, result, account, user, project, target, detail, address)
                 VALUES (@id, @at, @action, @result, @account, @user, @project, @target, @detail, @address)`,
              )
              .run(entry);
          }
          return { shown };
        })
        .immediate();
    },

    async listUnverified(limit) {
      return open()
        .prepare(
          "SELECT id, at, action, result, account, user, project, target, detail, address FROM audit_unverified ORDER BY rowid DESC LIMIT ?",
        )
        .all(limit) as Row[];
    },

    async list(query) {
      const where: string[] = ["account = @account"];
      const values: Record<string, string | number> = { account: query.account };
      const addIn = (column: string, list: readonly string[] | undefined) => {
        if (!list || list.length === 0) return;
        const names = list.map((value, i) => {
          values[`${column}${i}`] = value;
          return `@${column}${i}`;
        });
        where.push(`${column} IN (${names.join(", ")})`);
      };
      addIn("action", query.actions);
      addIn("result", query.results);
      if (query.user) {
        where.push("user = @user");
        values.user = query.user;
      }
      if (query.project) {
        where.push("project = @project");
        values.project = query.project;
      }
      if (query.target) {
        // LIKE with the user's text escaped: % and _ are searched for, not wildcards.
        where.push("target LIKE @target ESCAPE '\\'");
        values.target = `%${query.target.replace(/[\\%_]/g, "\\$&")}%`;
      }
      if (query.from) {
        where.push("at >= @from");
        values.from = query.from.toISOString();
      }
      if (query.to) {
        where.push("at < @to");
        values.to = query.to.toISOString();
      }
      const clause = where.join(" AND ");
      const database = open();
      const total = (
        database.prepare(`SELECT COUNT(*) AS n FROM audit_events WHERE ${clause}`).get(values) as {
          n: number;
        }
      ).n;
      const items = database
        .prepare(
          `SELECT * FROM audit_events WHERE ${clause} ORDER BY at DESC, rowid DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...values, limit: query.limit, offset: query.offset }) as Row[];
      return { items, total };
    },

    async purgeOlderThan(before) {
      const database = open();
      database.prepare("DELETE FROM audit_events WHERE at < ?").run(before.toISOString());
      database.prepare("DELETE FROM audit_unverified WHERE at < ?").run(before.toISOString());
    },
  };
}
