import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sessions } from "@/lib/auth/session";
import { parseCloudConfig, setCloudConfigForTests } from "@/lib/cloud/config";
import { resetServerEnvForTests } from "@/lib/server/env";
import { SOCKET_ADDRESS_HEADER } from "@/lib/server/socket-address";
import { startTestSim, type TestSim } from "@/lib/sim/testing/start";
import { POST as login } from "./login/route";
import { GET as session } from "./session/route";

// AK/SK mode against the simulator: the cloud sees the service account's signature, so the
// console's own rules are all the authorization there is.
const ORIGIN = "http://localhost:3100";
const noParams = { params: Promise.resolve({}) };
let sim: TestSim;
let dir: string;
let ip = 0;

beforeAll(async () => {
  sim = await startTestSim();
  dir = mkdtempSync(join(tmpdir(), "cbc-aksk-routes-"));
  process.env.SESSION_DB_PATH = join(dir, "sessions.sqlite");
  process.env.SESSION_SECRET = "aksk-routes-test-secret-000000000000000";
  resetServerEnvForTests();
});
afterAll(async () => {
  setCloudConfigForTests();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function configure(env: Record<string, string> = {}) {
  setCloudConfigForTests(
    parseCloudConfig({
      SIM_PORT: new URL(sim.url).port,
      CLOUD_AK: "DEMOACCESSKEY0000000",
      CLOUD_SK: "DEMOSECRETKEY000000000000000000000000000",
      ...env,
    }),
  );
  // The session service reads the configuration once per process.
  (globalThis as Record<symbol, unknown>)[Symbol.for("cbc.sessions")] = undefined;
}
beforeEach(() => configure());

function request(method: string, path: string, init: { cookie?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {
    host: "localhost:3100",
    [SOCKET_ADDRESS_HEADER]: `192.0.2.${++ip}`,
  };
  if (method !== "GET") headers.origin = ORIGIN;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

async function signIn(user = "admin", password = "Demo@2026") {
  const res = await login(
    request("POST", "/api/auth/login", {
      body: { domain: "demo", user, password, project: "eu-west-0" },
    }),
    noParams,
  );
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { res, cookie, body: await res.json() };
}

describe("AK/SK mode", () => {
  it("denies changes by default, even to an administrator", async () => {
    const { res, body } = await signIn();
    expect(res.status).toBe(200);
    expect(body.session).toMatchObject({
      readOnly: true,
      roles: expect.arrayContaining(["te_admin"]),
    });
  });

  it("lets only the configured roles change things", async () => {
    configure({ CLOUD_CHANGE_ROLES: "te_admin" });
    expect((await signIn()).body.session.readOnly).toBe(false);
    expect((await signIn("auditor", "Audit@2026")).body.session.readOnly).toBe(true);
  });

  it("ends the session at the next re-check once IAM no longer honours the user's token", async () => {
    configure({ CLOUD_RECHECK_S: "0" });
    const { cookie } = await signIn();
    expect((await session(request("GET", "/api/auth/session", { cookie }), noParams)).status).toBe(
      200,
    );
    const lookup = await sessions().resume(cookie.split("=")[1], { activity: false });
    if (lookup.status !== "active") throw new Error("no session");
    // The user is disabled or their password changed: IAM drops their tokens.
    const revoked = await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      method: "DELETE",
      headers: { "X-Auth-Token": lookup.record.token, "X-Subject-Token": lookup.record.token },
    });
    expect(revoked.status).toBe(204);
    const after = await session(request("GET", "/api/auth/session", { cookie }), noParams);
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("SESSION_EXPIRED");
  });

  it("does not ask IAM on every request between re-checks", async () => {
    configure({ CLOUD_RECHECK_S: "300" });
    const { cookie } = await signIn();
    const lookup = await sessions().resume(cookie.split("=")[1], { activity: false });
    if (lookup.status !== "active") throw new Error("no session");
    await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      method: "DELETE",
      headers: { "X-Auth-Token": lookup.record.token, "X-Subject-Token": lookup.record.token },
    });
    expect((await session(request("GET", "/api/auth/session", { cookie }), noParams)).status).toBe(
      200,
    );
  });
});

describe("CLOUD_ALLOWED_DOMAINS (either mode)", () => {
  it("refuses an account that is not listed, with no session, and admits a listed one", async () => {
    const first = await signIn();
    const domainId = first.body.session.account.id as string;
    configure({ CLOUD_ALLOWED_DOMAINS: "some-other-account-id" });
    const refused = await signIn();
    expect(refused.res.status).toBe(403);
    expect(refused.body.error.code).toBe("ACCOUNT_NOT_ALLOWED");
    expect(refused.cookie).toBe("");
    configure({ CLOUD_ALLOWED_DOMAINS: `x, ${domainId}` });
    expect((await signIn()).res.status).toBe(200);
  });
});
