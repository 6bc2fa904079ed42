import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sessionKey, sessionService, toSessionInfo } from "./session-service";
import type { SessionData } from "./session-store";
import { sqliteSessionStore } from "./sqlite-session-store";
import { tokenCipher } from "./token-crypto";

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 22, 8, 0, 0);

function sampleData(overrides: Partial<SessionData> = {}): SessionData {
  return {
    token: "MIIsecret-iam-token-value",
    tokenExpiresAt: T0 + 24 * HOUR,
    user: { id: "u1", name: "admin" },
    domain: { id: "d1", name: "demo" },
    project: { id: "p".repeat(32), name: "eu-west-0" },
    roles: ["te_admin"],
    readOnly: false,
    endpoints: {
      csbs: "http://x/csbs",
      cbr: "http://x/cbr",
      ecs: "http://x/ecs",
      evs: "http://x/evs",
    },
    ...overrides,
  };
}

describe("session service on the SQLite store", () => {
  let dir: string;
  let path: string;
  let clock: number;
  const limits = { idleMs: 30 * MIN, absoluteMs: 8 * HOUR, tokenMarginMs: 5 * MIN };

  function service(secret = "a-test-secret-that-is-long-enough-0001") {
    const store = sqliteSessionStore({ path, cipher: tokenCipher(secret) });
    return sessionService({ store, limits, now: () => clock });
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cbc-sessions-"));
    path = join(dir, "nested", "sessions.sqlite");
    clock = T0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the file and its folder on first use, in WAL mode", async () => {
    const sessions = service();
    await sessions.start(sampleData());
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("issues a new random id at every sign-in and resumes each", async () => {
    const sessions = service();
    const a = await sessions.start(sampleData());
    const b = await sessions.start(sampleData());
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    const resumed = await sessions.resume(a.id);
    expect(resumed.status).toBe("active");
    if (resumed.status === "active") expect(resumed.record.token).toBe("MIIsecret-iam-token-value");
  });

  it("stores neither the cookie value nor the token in clear", async () => {
    const sessions = service();
    const { id } = await sessions.start(sampleData());
    const db = new Database(path, { readonly: true });
    const rows = db.prepare("SELECT * FROM sessions").all() as Record<string, unknown>[];
    db.close();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(id);
    expect(dump).not.toContain("MIIsecret");
    expect(rows[0]?.key).toBe(sessionKey(id));
  });

  it("keeps the endpoints and rights sealed: a record changed or moved in the file opens nothing", async () => {
    const sessions = service();
    const { id } = await sessions.start(sampleData());
    const other = await sessions.start(sampleData({ readOnly: true }));
    const dump = () => {
      const db = new Database(path, { readonly: true });
      const rows = db.prepare("SELECT data FROM sessions").all();
      db.close();
      return JSON.stringify(rows);
    };
    // Nothing of the cloud part is readable, hence nothing to rewrite in place.
    expect(dump()).not.toContain("readOnly");
    expect(dump()).not.toMatch(/http|endpoints/);
    const db = new Database(path);
    const row = db.prepare("SELECT data FROM sessions WHERE key = ?").get(sessionKey(id)) as {
      data: string;
    };
    // A writable session's sealed record copied over the read-only one's key: refused.
    db.prepare("UPDATE sessions SET data = ? WHERE key = ?").run(row.data, sessionKey(other.id));
    // One flipped character of the sealed record: refused.
    // The character before the last, which carries whole bits of the tag (the last may carry padding).
    const flipped = `${row.data.slice(0, -2)}${row.data.at(-2) === "A" ? "B" : "A"}${row.data.slice(-1)}`;
    db.prepare("UPDATE sessions SET data = ? WHERE key = ?").run(flipped, sessionKey(id));
    db.close();
    expect((await sessions.resume(other.id)).status).toBe("none");
    expect((await sessions.resume(id)).status).toBe("none");
  });

  it("answers none for unknown, malformed or foreign-key sessions", async () => {
    const { id } = await service().start(sampleData());
    expect((await service().resume(undefined)).status).toBe("none");
    expect((await service().resume("not-an-id")).status).toBe("none");
    expect((await service().resume("A".repeat(43))).status).toBe("none");
    expect((await service("another-secret-that-is-long-enough-002").resume(id)).status).toBe(
      "none",
    );
  });

  it("ends a session after the idle timeout and deletes the record", async () => {
    const sessions = service();
    const { id } = await sessions.start(sampleData());
    clock += 29 * MIN;
    expect((await sessions.resume(id)).status).toBe("active");
    clock += 29 * MIN; // 29 min after the last activity: still fine
    expect((await sessions.resume(id)).status).toBe("active");
    clock += 30 * MIN;
    expect((await sessions.resume(id)).status).toBe("expired");
    expect((await sessions.resume(id)).status).toBe("none");
  });

  it("does not extend the idle window for background requests", async () => {
    const sessions = service();
    const { id } = await sessions.start(sampleData());
    for (let i = 0; i < 5; i++) {
      clock += 5 * MIN;
      expect((await sessions.resume(id, { activity: false })).status).toBe("active");
    }
    clock += 6 * MIN; // 31 min after sign-in, only background requests in between
    expect((await sessions.resume(id, { activity: false })).status).toBe("expired");
  });

  it("ends a session at the absolute timeout despite constant activity", async () => {
    const sessions = service();
    const { id } = await sessions.start(sampleData());
    for (let elapsed = 0; elapsed < 8 * HOUR - 20 * MIN; elapsed += 20 * MIN) {
      clock += 20 * MIN;
      expect((await sessions.resume(id)).status).toBe("active");
    }
    clock = T0 + 8 * HOUR;
    expect((await sessions.resume(id)).status).toBe("expired");
  });

  it("ends a session the margin before the IAM token expires", async () => {
    const sessions = service();
    const { id, record } = await sessions.start(sampleData({ tokenExpiresAt: T0 + 20 * MIN }));
    expect(toSessionInfo(record, limits, true).expiresAt).toBe(
      new Date(T0 + 15 * MIN).toISOString(),
    );
    clock = T0 + 15 * MIN - 1;
    expect((await sessions.resume(id)).status).toBe("active");
    clock = T0 + 15 * MIN;
    expect((await sessions.resume(id)).status).toBe("expired");
  });

  it("refuses to start with a token already inside the margin", async () => {
    await expect(service().start(sampleData({ tokenExpiresAt: T0 + MIN }))).rejects.toThrow();
  });

  it("reports deadlines without the token", async () => {
    const sessions = service();
    const { record } = await sessions.start(sampleData());
    clock += 10 * MIN;
    const info = toSessionInfo(record, limits, false);
    expect(info).toEqual({
      user: { id: "u1", name: "admin" },
      account: { id: "d1", name: "demo" },
      project: { id: "p".repeat(32), name: "eu-west-0" },
      roles: ["te_admin"],
      readOnly: false,
      expiresAt: new Date(T0 + 8 * HOUR).toISOString(),
      idleExpiresAt: new Date(T0 + 30 * MIN).toISOString(),
      simulator: false,
      services: { csbs: true, cbr: true },
    });
    expect(JSON.stringify(info)).not.toContain("MIIsecret");
    // A region without CSBS (no data-protect endpoint) says so, so that the UI offers only CBR.
    const cbrOnly = { ...record, endpoints: { ...record.endpoints, csbs: "" } };
    expect(toSessionInfo(cbrOnly, limits, false).services).toEqual({ csbs: false, cbr: true });
  });

  it("sign-out and project switch change the stored record", async () => {
    const sessions = service();
    const { id } = await sessions.start(sampleData());
    const key = sessionKey(id);
    await sessions.replaceData(
      key,
      sampleData({ token: "new-token", project: { id: "q".repeat(32), name: "cn-north-4" } }),
    );
    const resumed = await sessions.resume(id);
    expect(resumed.status === "active" && resumed.record.project.name).toBe("cn-north-4");
    expect(resumed.status === "active" && resumed.record.token).toBe("new-token");
    await sessions.end({ id });
    expect((await sessions.resume(id)).status).toBe("none");
  });

  it("purges records past the absolute timeout at the next sign-in", async () => {
    const sessions = service();
    await sessions.start(sampleData());
    clock += 9 * HOUR;
    await sessions.start(sampleData({ tokenExpiresAt: clock + 24 * HOUR }));
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM sessions").get()).toEqual({ n: 1 });
    db.close();
  });
});
