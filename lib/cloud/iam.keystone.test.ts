import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as loginRoute } from "@/app/api/auth/login/route";
import { POST as logoutRoute } from "@/app/api/auth/logout/route";
import { POST as switchRoute } from "@/app/api/auth/project/route";
import { GET as projectsRoute } from "@/app/api/auth/projects/route";
import { GET as sessionRoute } from "@/app/api/auth/session/route";
import { signInToIam } from "@/lib/auth/iam-login";
import { sessionService } from "@/lib/auth/session-service";
import { sqliteSessionStore } from "@/lib/auth/sqlite-session-store";
import { tokenCipher } from "@/lib/auth/token-crypto";
import { resetServerEnvForTests } from "@/lib/server/env";
import { RouteError } from "@/lib/server/errors";
import { startTestSim, type TestSim } from "@/lib/sim/testing/start";
import { keystonePaths, startTestKeystone, type TestKeystone } from "@/lib/testing/keystone";
import { needBinary } from "@/lib/testing/redis";
import { parseCloudConfig, setCloudConfigForTests } from "./config";
import * as csbs from "./csbs";
import { CloudError } from "./errors";
import { type IamToken, listUserProjects, passwordLogin, rescopeToken, revokeToken } from "./iam";

/*
 * The console's real IAM client against a real OpenStack Keystone (Debian's python3-keystone,
 * SQLite, started on loopback by lib/testing/keystone.ts), so that the client is not shaped only
 * by our simulator. Keystone's catalog points the services at a simulator; the simulator accepts
 * only the tokens its own IAM issued, so service calls are asserted only as far as the IAM flow
 * goes: the catalog resolves to the simulator's URLs with Keystone's project id, and a Keystone
 * token sent there is refused with 401, which the console treats as an ended session.
 */
const run = needBinary(
  "keystone",
  keystonePaths() ? "found" : null,
  "apt-get install python3-keystone",
);

/** Short, so that expiry is observed within the test; long enough for one sign-in flow. */
const TOKEN_LIFETIME_S = 12;

let sim: TestSim;
let keystone: TestKeystone;

beforeAll(async () => {
  if (!run) return;
  sim = await startTestSim();
  keystone = await startTestKeystone({
    servicesBaseUrl: sim.url,
    tokenLifetimeS: TOKEN_LIFETIME_S,
  });
  setCloudConfigForTests(
    parseCloudConfig({ CLOUD_IAM_ENDPOINT: keystone.url, CLOUD_REGION: "RegionOne" }),
  );
}, 420_000);

afterAll(async () => {
  setCloudConfigForTests();
  await keystone?.stop();
  await sim?.close();
}, 30_000);

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

const project = (name: string) => {
  const found = keystone.account.projects.find((p) => p.name === name);
  if (!found) throw new Error(`no project ${name}`);
  return found;
};

const login = (projectNameOrId: string) =>
  passwordLogin({
    domain: keystone.account.domain,
    user: keystone.account.user,
    password: keystone.account.password,
    project: projectNameOrId,
  });

function expectSimulatorEndpoints(token: IamToken, projectId: string) {
  expect(token.endpoints).toEqual({
    csbs: `${sim.url}/csbs/v1/${projectId}`,
    cbr: `${sim.url}/cbr/v3/${projectId}`,
    ecs: `${sim.url}/ecs/v2.1/${projectId}`,
    evs: `${sim.url}/evs/v2/${projectId}`,
  });
}

describe.runIf(run)("IAM client against a real Keystone", () => {
  it("signs in with a project name: token, user, domain, project, roles, catalog", async () => {
    const before = Date.now();
    const token = await login("eu-west-0");
    const after = Date.now();
    const euWest = project("eu-west-0");
    expect(token.token.length).toBeGreaterThan(20);
    expect(token.user.name).toBe("admin");
    expect(token.domain.name).toBe("demo");
    expect(token.project).toEqual({ id: euWest.id, name: "eu-west-0" });
    expect(token.roles).toContain("member");
    expectSimulatorEndpoints(token, euWest.id);
    // Keystone's expires_at is its issue time (during the request) plus the configured lifetime.
    const expiresAt = token.expiresAt.getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + (TOKEN_LIFETIME_S - 1) * 1000);
    expect(expiresAt).toBeLessThanOrEqual(after + (TOKEN_LIFETIME_S + 1) * 1000);
  });

  it("signs in with a project id", async () => {
    const cn = project("cn-north-4");
    const token = await login(cn.id);
    expect(token.project).toEqual({ id: cn.id, name: "cn-north-4" });
    expectSimulatorEndpoints(token, cn.id);
  });

  it("a wrong password is a 401 CloudError from IAM, and the form's INVALID_CREDENTIALS", async () => {
    const error = await failure(
      passwordLogin({
        domain: "demo",
        user: "admin",
        password: "not-the-password",
        project: "eu-west-0",
      }),
    );
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ status: 401, service: "iam" });
    const routeError = await failure(
      signInToIam({ domain: "demo", user: "admin", password: "wrong", project: "eu-west-0" }),
    );
    expect(routeError).toBeInstanceOf(RouteError);
    expect(routeError).toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("an unknown account is INVALID_CREDENTIALS too (IAM does not say which part was wrong)", async () => {
    const routeError = await failure(
      signInToIam({ domain: "nope", user: "admin", password: "Demo@2026", project: "eu-west-0" }),
    );
    expect(routeError).toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("a project the user cannot use is UNKNOWN_PROJECT, named at the project field", async () => {
    const base = { domain: "demo", user: "admin", password: "Demo@2026" };
    const missing = await failure(signInToIam({ ...base, project: "no-such-project" }));
    expect(missing).toMatchObject({ code: "UNKNOWN_PROJECT", field: "project" });
  });

  it("lists the user's projects with a project-scoped token", async () => {
    const token = await login("eu-west-0");
    const projects = await listUserProjects(token.token);
    expect(projects.map((p) => p.name).sort()).toEqual(["cn-north-4", "eu-west-0"]);
    expect(projects.every((p) => p.enabled)).toBe(true);
  });

  it("switches project by rescoping the token (same user, other project and catalog)", async () => {
    const first = await login("eu-west-0");
    const cn = project("cn-north-4");
    const second = await rescopeToken(first.token, cn.id);
    expect(second.token).not.toBe(first.token);
    expect(second.user).toEqual(first.user);
    expect(second.project).toEqual({ id: cn.id, name: "cn-north-4" });
    expectSimulatorEndpoints(second, cn.id);
    // Keystone keeps the original expiry on a rescoped token: switching does not extend a session.
    expect(second.expiresAt.getTime()).toBe(first.expiresAt.getTime());
  });

  it("a read-only user cannot rescope to a project without a role there", async () => {
    const reader = await passwordLogin({
      domain: "demo",
      user: keystone.reader.user,
      password: keystone.reader.password,
      project: "eu-west-0",
    });
    expect(reader.roles).toEqual(["reader"]);
    const error = await failure(rescopeToken(reader.token, project("cn-north-4").id));
    expect(error).toMatchObject({ status: 401, service: "iam" });
  });

  it("revokes a token: it stops working, and revoking again is fine", async () => {
    const token = await login("eu-west-0");
    await revokeToken(token.token);
    const error = await failure(listUserProjects(token.token));
    expect(error).toMatchObject({ status: 401, service: "iam" });
    await expect(revokeToken(token.token)).resolves.toBeUndefined();
  });

  it("the simulator behind Keystone's catalog refuses Keystone's token with a 401", async () => {
    const token = await login("eu-west-0");
    const error = await failure(
      csbs.countCheckpointItems({
        token: token.token,
        projectId: token.project.id,
        endpoints: token.endpoints,
      }),
    );
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ status: 401, service: "csbs" });
  });

  it(
    "an expired token ends the console session, and IAM refuses it too",
    async () => {
      const token = await login("eu-west-0");
      const limits = { idleMs: 30 * 60_000, absoluteMs: 8 * 3600_000, tokenMarginMs: 2_000 };
      const service = sessionService({
        store: sqliteSessionStore({ path: ":memory:", cipher: tokenCipher("k".repeat(32)) }),
        limits,
      });
      const { id } = await service.start({
        token: token.token,
        tokenExpiresAt: token.expiresAt.getTime(),
        user: token.user,
        domain: token.domain,
        project: token.project,
        roles: token.roles,
        readOnly: false,
        endpoints: token.endpoints,
      });
      expect((await service.resume(id)).status).toBe("active");

      // The session ends `tokenMarginMs` before IAM's deadline...
      const sessionEnd = token.expiresAt.getTime() - limits.tokenMarginMs;
      await new Promise((r) => setTimeout(r, Math.max(0, sessionEnd - Date.now()) + 100));
      expect((await service.resume(id)).status).toBe("expired");
      expect((await service.resume(id)).status).toBe("none");

      // ...and once IAM's deadline has passed, Keystone itself refuses the token.
      await new Promise((r) =>
        setTimeout(r, Math.max(0, token.expiresAt.getTime() - Date.now()) + 1_500),
      );
      const error = await failure(listUserProjects(token.token));
      expect(error).toMatchObject({ status: 401, service: "iam" });
      // Keystone answers a rescope from an expired token with 404 "Failed to validate token"
      // (the token in the body is not found), not 401: see the report on /api/auth/project.
      const rescope = await failure(rescopeToken(token.token, project("cn-north-4").id));
      expect(rescope).toMatchObject({ status: 404, service: "iam" });
    },
    (TOKEN_LIFETIME_S + 20) * 1000,
  );

  it("a token shorter than the session margin cannot start a session", async () => {
    const token = await login("eu-west-0");
    const service = sessionService({
      store: sqliteSessionStore({ path: ":memory:", cipher: tokenCipher("k".repeat(32)) }),
      limits: { idleMs: 1_800_000, absoluteMs: 28_800_000, tokenMarginMs: 300_000 },
    });
    await expect(
      service.start({
        token: token.token,
        tokenExpiresAt: token.expiresAt.getTime(),
        user: token.user,
        domain: token.domain,
        project: token.project,
        roles: token.roles,
        readOnly: false,
        endpoints: token.endpoints,
      }),
    ).rejects.toThrow(/expires before the session/);
  });
});

/** The console's own auth routes (the route handlers, called in process) on top of Keystone. */
describe.runIf(run)("console sign-in routes against a real Keystone", () => {
  const ORIGIN = "http://localhost:3100";
  const noParams = { params: Promise.resolve({}) };
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "keystone-routes-"));
    process.env.SESSION_DB_PATH = path.join(dir, "sessions.sqlite");
    process.env.SESSION_SECRET = "keystone-routes-test-secret-0123456789";
    // Keystone's tokens live TOKEN_LIFETIME_S here: a margin of 2 s lets a session start.
    process.env.SESSION_TOKEN_MARGIN_S = "2";
    resetServerEnvForTests();
  });
  afterAll(() => {
    delete process.env.SESSION_TOKEN_MARGIN_S;
    resetServerEnvForTests();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function request(method: string, route: string, cookie: string, body?: unknown) {
    const headers: Record<string, string> = { host: "localhost:3100", cookie };
    if (method !== "GET") headers.origin = ORIGIN;
    if (body !== undefined) headers["content-type"] = "application/json";
    return new NextRequest(`${ORIGIN}${route}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  async function signIn(user = keystone.account.user, password = keystone.account.password) {
    const res = await loginRoute(
      request("POST", "/api/auth/login", "", {
        domain: "demo",
        user,
        password,
        project: "eu-west-0",
      }),
      noParams,
    );
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return { res, cookie };
  }

  const errorCode = async (res: Response) =>
    ((await res.json()) as { error?: { code?: string } }).error?.code;

  it("signs in, lists and switches projects, signs out", async () => {
    const { res, cookie } = await signIn();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      session: {
        user: { name: "admin" },
        account: { name: "demo" },
        project: { name: "eu-west-0" },
        simulator: false,
      },
    });
    const projects = await projectsRoute(request("GET", "/api/auth/projects", cookie), noParams);
    expect(await projects.json()).toEqual({
      projects: [
        { id: project("cn-north-4").id, name: "cn-north-4", current: false },
        { id: project("eu-west-0").id, name: "eu-west-0", current: true },
      ],
    });
    const switched = await switchRoute(
      request("POST", "/api/auth/project", cookie, { projectId: project("cn-north-4").id }),
      noParams,
    );
    expect(switched.status).toBe(200);
    const session = await sessionRoute(request("GET", "/api/auth/session", cookie), noParams);
    expect(await session.json()).toMatchObject({ project: { name: "cn-north-4" } });

    const out = await logoutRoute(request("POST", "/api/auth/logout", cookie, {}), noParams);
    expect(out.status).toBe(204);
    const after = await sessionRoute(request("GET", "/api/auth/session", cookie), noParams);
    expect(after.status).toBe(401);
  });

  it("a wrong password is INVALID_CREDENTIALS at the form", async () => {
    const { res } = await signIn(keystone.account.user, "wrong-password");
    expect(res.status).toBe(401);
    expect(await errorCode(res)).toBe("INVALID_CREDENTIALS");
  });

  it(
    "when the Keystone token runs out, the next request finds the session expired",
    async () => {
      const { res, cookie } = await signIn();
      const { session } = (await res.json()) as { session: { expiresAt: string } };
      const endsAt = Date.parse(session.expiresAt);
      // The session's end is the token's expiry minus the margin, not the 8 h absolute limit.
      expect(endsAt).toBeLessThan(Date.now() + TOKEN_LIFETIME_S * 1000);
      const alive = await sessionRoute(request("GET", "/api/auth/session", cookie), noParams);
      expect(alive.status).toBe(200);
      await new Promise((r) => setTimeout(r, Math.max(0, endsAt - Date.now()) + 200));
      const ended = await projectsRoute(request("GET", "/api/auth/projects", cookie), noParams);
      expect(ended.status).toBe(401);
      expect(await errorCode(ended)).toBe("SESSION_EXPIRED");
    },
    (TOKEN_LIFETIME_S + 10) * 1000,
  );

  // Keystone (and the simulator) answer a rescope to a project where the user has no role with
  // 401, as for a dead token: the route asks IAM whether the current token still holds.
  it("a switch to a project without a role there keeps the session (UNKNOWN_PROJECT)", async () => {
    const { res, cookie } = await signIn(keystone.reader.user, keystone.reader.password);
    expect(res.status).toBe(200);
    const switched = await switchRoute(
      request("POST", "/api/auth/project", cookie, { projectId: project("cn-north-4").id }),
      noParams,
    );
    expect(await errorCode(switched)).toBe("UNKNOWN_PROJECT");
    const session = await sessionRoute(request("GET", "/api/auth/session", cookie), noParams);
    expect(session.status).toBe(200);
  });
});
