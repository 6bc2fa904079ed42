import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { sessions } from "@/lib/auth/session";
import type { SessionData } from "@/lib/auth/session-store";
import { CloudError } from "@/lib/cloud/errors";
import { audit, auditStore, setAuditStoreForTests } from "./audit";
import { sqliteAuditStore } from "./audit-store";
import { resetServerEnvForTests } from "./env";
import { withRoute } from "./with-route";

const ORIGIN = "http://localhost:3100";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cbc-audit-"));
  process.env.SESSION_DB_PATH = join(dir, "sessions.sqlite");
  process.env.SESSION_SECRET = "audit-test-secret-00000000000000000000";
  resetServerEnvForTests();
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => {
  setAuditStoreForTests();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => setAuditStoreForTests(sqliteAuditStore({ path: ":memory:" })));

function data(readOnly = false): SessionData {
  return {
    token: "secret-token-never-logged",
    tokenExpiresAt: Date.now() + 24 * 3600_000,
    user: { id: "u1", name: readOnly ? "auditor" : "admin" },
    domain: { id: "d1", name: "demo" },
    project: { id: "a".repeat(32), name: "eu-west-0" },
    roles: [],
    readOnly,
    endpoints: {
      csbs: "http://sim/c",
      cbr: "http://sim/b",
      ecs: "http://sim/e",
      evs: "http://sim/v",
    },
  };
}

async function call(
  route: ReturnType<typeof withRoute>,
  method: string,
  path: string,
  params: Record<string, string>,
  body?: unknown,
  readOnly = false,
) {
  const { id } = await sessions().start(data(readOnly));
  const req = new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers: {
      host: "localhost:3100",
      origin: ORIGIN,
      cookie: `cbc_session=${id}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return route(req, { params: Promise.resolve(params) });
}

const trail = async () =>
  (await auditStore().list({ account: "demo", limit: 50, offset: 0 })).items;

describe("audit trail of changes through withRoute", () => {
  const params = z.object({ id: z.string().max(8) });

  it("records a successful change with who, target and time, never the token", async () => {
    const route = withRoute({ params }, async () => ({ ok: true }));
    const res = await call(route, "DELETE", "/api/policies/p1", { id: "p1" });
    expect(res.status).toBe(200);
    const [entry] = await trail();
    expect(entry).toMatchObject({
      action: "policy.delete",
      result: "succeeded",
      account: "demo",
      user: "admin",
      project: "eu-west-0",
      target: "p1",
    });
    expect(Date.now() - Date.parse(entry?.at ?? "")).toBeLessThan(5000);
    expect(JSON.stringify(await trail())).not.toContain("secret-token");
  });

  it("records a read-only refusal and a cloud failure with their codes", async () => {
    const refused = withRoute({ params }, async () => ({ ok: true }));
    expect(
      (await call(refused, "DELETE", "/api/policies/p2", { id: "p2" }, undefined, true)).status,
    ).toBe(403);
    const failing = withRoute({ params }, async () => {
      throw new CloudError({ service: "csbs", status: 500, code: "CSBS.9999", message: "boom" });
    });
    expect((await call(failing, "POST", "/api/policies/p3/execute", { id: "p3" })).status).toBe(
      502,
    );
    const entries = await trail();
    expect(entries.map((e) => [e.action, e.result, e.target, e.detail, e.user])).toEqual([
      ["policy.run", "failed", "p3", "CSBS.9999", "admin"],
      ["policy.delete", "refused", "p2", "READ_ONLY", "auditor"],
    ]);
  });

  it("records one entry per item of a several-at-once answer", async () => {
    const body = z.object({
      service: z.literal("csbs"),
      scope: z.string(),
      items: z.array(z.object({ id: z.string() })),
    });
    const route = withRoute({ body }, async () => ({
      results: [
        { id: "b1", ok: true },
        { id: "b2", ok: false, error: { code: "CSBS.6018" } },
      ],
    }));
    await call(
      route,
      "POST",
      "/api/backups/delete",
      {},
      { service: "csbs", scope: "item", items: [{ id: "b1" }, { id: "b2" }] },
    );
    const entries = await trail();
    expect(entries.map((e) => `${e.target}:${e.result}`).sort()).toEqual([
      "b1:succeeded",
      "b2:failed",
    ]);
  });

  it("leaves reads and unknown routes out", async () => {
    const route = withRoute({}, async () => ({ ok: true }));
    await call(route, "GET", "/api/policies", {});
    await call(route, "POST", "/api/restores/preflight", {}, {});
    expect(await trail()).toEqual([]);
  });

  it("keeps the sign-in events of the auth routes", async () => {
    audit("sign-in", { account: "demo", user: "admin", project: "eu-west-0", address: "10.0.0.1" });
    audit("sign-in failed", { account: "demo", user: "admin", reason: "INVALID_CREDENTIALS" });
    audit("sign-out", { account: "demo", user: "admin" });
    audit("something else", { account: "demo" });
    const entries = await trail();
    expect(entries.map((e) => `${e.action}:${e.result}:${e.detail}`).sort()).toEqual([
      "session.sign-in:failed:INVALID_CREDENTIALS",
      "session.sign-in:succeeded:",
      "session.sign-out:succeeded:",
    ]);
    expect(
      entries.find((e) => e.result === "succeeded" && e.action === "session.sign-in")?.address,
    ).toBe("10.0.0.1");
  });

  it("files failed and throttled sign-ins of an unknown account apart, never in its trail", async () => {
    for (let i = 0; i < 50; i++) {
      audit("sign-in failed", { account: "victim", user: `fake${i}`, address: "6.6.6.6" });
      audit("sign-in throttled", { account: "victim", user: `fake${i}` });
    }
    await new Promise((r) => setTimeout(r, 10));
    expect((await auditStore().list({ account: "victim", limit: 200, offset: 0 })).total).toBe(0);
    expect((await auditStore().listUnverified(200)).length).toBe(100);
  });
});
