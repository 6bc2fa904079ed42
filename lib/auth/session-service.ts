import { createHash, randomBytes } from "node:crypto";
import type { SessionInfo } from "@/lib/schemas/session";
import type { SessionData, SessionRecord, SessionStore } from "./session-store";

export type SessionLimits = {
  idleMs: number;
  absoluteMs: number;
  /** The session ends this long before IAM stops accepting the token. */
  tokenMarginMs: number;
};

export type SessionLookup =
  | { status: "none" }
  | { status: "expired" }
  | { status: "active"; id: string; key: string; record: SessionRecord };

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url: the only thing the browser holds. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** The store sees a hash, so that a leaked session file holds no usable cookie value. */
export function sessionKey(id: string): string {
  return createHash("sha256").update(id).digest("base64url");
}

export function sessionDeadlines(record: SessionRecord, limits: SessionLimits) {
  const expiresAt = Math.min(
    record.createdAt + limits.absoluteMs,
    record.tokenExpiresAt - limits.tokenMarginMs,
  );
  const idleExpiresAt = Math.min(record.lastActiveAt + limits.idleMs, expiresAt);
  return { expiresAt, idleExpiresAt };
}

export function isSessionOver(record: SessionRecord, limits: SessionLimits, now: number): boolean {
  return now >= sessionDeadlines(record, limits).idleExpiresAt;
}

export function toSessionInfo(
  record: SessionRecord,
  limits: SessionLimits,
  simulator: boolean,
): SessionInfo {
  const { expiresAt, idleExpiresAt } = sessionDeadlines(record, limits);
  return {
    user: record.user,
    account: record.domain,
    project: record.project,
    roles: record.roles,
    readOnly: record.readOnly,
    expiresAt: new Date(expiresAt).toISOString(),
    idleExpiresAt: new Date(idleExpiresAt).toISOString(),
    simulator,
    services: { csbs: record.endpoints.csbs !== "", cbr: record.endpoints.cbr !== "" },
  };
}

/**
 * Session rules on top of any store: a new id at every sign-in, idle and absolute timeouts and the
 * token's own expiry checked on every lookup, and activity recorded only when the caller says the
 * request came from the user.
 */
export type SessionRecheck = {
  everyMs: number;
  /** Whether IAM still honours the token; throws when IAM cannot be asked. */
  isValid(token: string): Promise<boolean>;
};

export function sessionService(options: {
  store: SessionStore;
  limits: SessionLimits;
  now?: () => number;
  /**
   * AK/SK mode: the cloud never sees the user's token, so nothing else would notice a user
   * disabled or a password changed. Checked on the first lookup after `everyMs`: a token IAM no
   * longer honours ends the session. While IAM cannot be asked the session goes on (as with a
   * user token: IAM down does not sign anyone out) and the next lookup asks again.
   */
  recheck?: SessionRecheck;
}) {
  const { store, limits, recheck } = options;
  const now = options.now ?? (() => Date.now());

  return {
    limits,

    async start(data: SessionData): Promise<{ id: string; record: SessionRecord }> {
      const at = now();
      // Old records are swept here rather than by a timer: sign-ins are frequent enough.
      await store.purgeOlderThan(at - limits.absoluteMs);
      const id = newSessionId();
      const record: SessionRecord = { ...data, createdAt: at, lastActiveAt: at };
      if (isSessionOver(record, limits, at)) {
        throw new Error("The IAM token expires before the session could start.");
      }
      await store.create(sessionKey(id), record);
      return { id, record };
    },

    async resume(
      id: string | undefined,
      options: { activity: boolean } = { activity: true },
    ): Promise<SessionLookup> {
      if (!id || !SESSION_ID.test(id)) return { status: "none" };
      const key = sessionKey(id);
      const record = await store.get(key);
      if (!record) return { status: "none" };
      const at = now();
      if (isSessionOver(record, limits, at)) {
        await store.delete(key);
        return { status: "expired" };
      }
      if (recheck && at - (record.verifiedAt ?? record.createdAt) >= recheck.everyMs) {
        const valid = await recheck.isValid(record.token).catch(() => null);
        if (valid === false) {
          await store.delete(key);
          return { status: "expired" };
        }
        if (valid) {
          const { createdAt: _c, lastActiveAt: _l, ...data } = record;
          record.verifiedAt = at;
          await store.replaceData(key, { ...data, verifiedAt: at });
        }
      }
      if (options.activity) {
        await store.touch(key, at);
        record.lastActiveAt = Math.max(record.lastActiveAt, at);
      }
      return { status: "active", id, key, record };
    },

    async replaceData(key: string, data: SessionData): Promise<void> {
      await store.replaceData(key, data);
    },

    async end(idOrKey: { id: string } | { key: string }): Promise<void> {
      await store.delete("key" in idOrKey ? idOrKey.key : sessionKey(idOrKey.id));
    },
  };
}

export type SessionService = ReturnType<typeof sessionService>;
