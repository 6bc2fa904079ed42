import "server-only";
import { auditStoreFor } from "@/lib/auth/redis-stores";
import { type ChangeOutcome, changeEntries } from "./audit-actions";
import type { AuditStore, NewAuditEntry } from "./audit-store";
import { serverEnv } from "./env";

type AuditFields = Record<string, string | number | boolean | undefined>;

/** Entries older than this are dropped when the store opens. */
const RETENTION_MS = 400 * 24 * 3600 * 1000;

// One store per process on globalThis: Next may load this module once per bundle.
const GLOBAL_KEY = Symbol.for("cbc.audit-store");
type Globals = typeof globalThis & { [GLOBAL_KEY]?: AuditStore };

/**
 * The audit trail: a table beside the sessions in the console's SQLite file, or, with REDIS_URL,
 * one trail in Redis shared by every instance.
 */
export function auditStore(): AuditStore {
  const globals = globalThis as Globals;
  if (!globals[GLOBAL_KEY]) {
    const store = auditStoreFor(serverEnv().SESSION_DB_PATH);
    globals[GLOBAL_KEY] = store;
    store.purgeOlderThan(new Date(Date.now() - RETENTION_MS)).catch(() => {});
  }
  return globals[GLOBAL_KEY];
}

/** Tests install their own store (or drop it to get a fresh one from the environment). */
export function setAuditStoreForTests(store?: AuditStore): void {
  (globalThis as Globals)[GLOBAL_KEY] = store;
}

/** Session events of the sign-in flow, as the auth routes name them, and how they are kept. */
const SESSION_EVENTS: Record<string, (f: AuditFields) => NewAuditEntry> = {
  "sign-in": (f) => ({ ...who(f), action: "session.sign-in", result: "succeeded" }),
  "sign-in failed": (f) => ({
    ...who(f),
    action: "session.sign-in",
    result: "failed",
    detail: text(f.reason),
  }),
  "sign-in throttled": (f) => ({
    ...who(f),
    action: "session.sign-in",
    result: "refused",
    detail: "TOO_MANY_ATTEMPTS",
  }),
  "sign-out": (f) => ({ ...who(f), action: "session.sign-out", result: "succeeded" }),
  "project switch": (f) => ({
    ...who(f),
    project: text(f.to),
    action: "session.project-switch",
    result: "succeeded",
    target: text(f.to),
    detail: text(f.from),
  }),
  "session ended by the cloud": (f) => ({
    ...who(f),
    action: "session.ended",
    result: "succeeded",
    detail: text(f.service),
  }),
};

/**
 * Events whose account, user and address are only what an unauthenticated caller typed: never
 * written to an account's trail directly (AuditStore.recordUnverified decides).
 */
const UNVERIFIED_EVENTS = new Set(["sign-in failed", "sign-in throttled"]);

function text(value: AuditFields[string]): string {
  return value === undefined ? "" : String(value);
}

function who(f: AuditFields) {
  return {
    account: text(f.account),
    user: text(f.user),
    project: text(f.project),
    address: text(f.address),
  };
}

/**
 * One JSON line per security event (sign-in, failure, sign-out, session end) for the operator's
 * log shipper, and the same event in the audit trail. Values are JSON-encoded, so user input
 * cannot forge lines; never pass secrets.
 */
export function audit(event: string, fields: AuditFields) {
  console.info(JSON.stringify({ at: new Date().toISOString(), audit: event, ...fields }));
  const toEntry = SESSION_EVENTS[event];
  if (!toEntry) return;
  if (UNVERIFIED_EVENTS.has(event)) keepUnverified(toEntry(fields));
  else keep([toEntry(fields)]);
}

/** Records a change request (called once by withRoute for every non-GET request with a session). */
export function auditChange(input: {
  method: string;
  apiPath: string;
  who: { account: string; user: string; project: string };
  params: unknown;
  body: unknown;
  outcome: ChangeOutcome;
}): void {
  keep(changeEntries(input));
}

function keep(entries: NewAuditEntry[]) {
  if (entries.length === 0) return;
  let store: AuditStore;
  try {
    store = auditStore();
  } catch (error) {
    reportFailure(error);
    return;
  }
  // The trail must never break the request it describes; a failure is logged instead.
  for (const entry of entries) store.record(entry).catch(reportFailure);
}

function keepUnverified(entry: NewAuditEntry) {
  try {
    auditStore().recordUnverified(entry).catch(reportFailure);
  } catch (error) {
    reportFailure(error);
  }
}

function reportFailure(error: unknown) {
  console.error(
    "[audit] could not record an entry:",
    error instanceof Error ? error.message : error,
  );
}
