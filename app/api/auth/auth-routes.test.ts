import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCloudConfig, setCloudConfigForTests } from "@/lib/cloud/config";
import { resetServerEnvForTests } from "@/lib/server/env";
import { SOCKET_ADDRESS_HEADER } from "@/lib/server/socket-address";
import { startTestSim, type TestSim } from "@/lib/sim/testing/start";
import { POST as login } from "./login/route";
import { POST as logout } from "./logout/route";
import { POST as switchProject } from "./project/route";
import { GET as projects } from "./projects/route";
import { GET as session } from "./session/route";

const ORIGIN = "http://localhost:3100";
const noParams = { params: Promise.resolve({}) };
let sim: TestSim;
let dir: string;

beforeAll(async () => {
  sim = await startTestSim();
  dir = mkdtempSync(join(tmpdir(), "cbc-auth-routes-"));
  process.env.SESSION_DB_PATH = join(dir, "sessions.sqlite");
  process.env.SESSION_SECRET = "auth-routes-test-secret-000000000000000";
  resetServerEnvForTests();
  setCloudConfigForTests(parseCloudConfig({ SIM_PORT: new URL(sim.url).port }));
});
afterAll(async () => {
  setCloudConfigForTests();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function request(
  method: string,
  path: string,
  init: { cookie?: string; body?: unknown; ip?: string; forwardedFor?: string } = {},
) {
  const headers: Record<string, string> = {
    host: "localhost:3100",
    // What lib/server/socket-address.ts stamps from the socket under `next start`.
    [SOCKET_ADDRESS_HEADER]: init.ip ?? "192.0.2.1",
  };
  if (init.forwardedFor) headers["x-forwarded-for"] = init.forwardedFor;
  if (method !== "GET") headers.origin = ORIGIN;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

const credentials = (overrides: Record<string, string> = {}) => ({
  domain: "demo",
  user: "admin",
  password: "Demo@2026",
  project: "eu-west-0",
  ...overrides,
});

async function signIn(overrides: Record<string, string> = {}) {
  const res = await login(
    request("POST", "/api/auth/login", { body: credentials(overrides) }),
    noParams,
  );
  const setCookie = res.headers.get("set-cookie") ?? "";
  return { res, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}

describe("auth routes against the simulator", () => {
  it("signs in: session info without the token, and an HttpOnly cookie", async () => {
    const { res, setCookie } = await signIn();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.session).toMatchObject({
      user: { name: "admin" },
      account: { name: "demo" },
      project: { name: "eu-west-0" },
      roles: expect.arrayContaining(["te_admin"]),
      readOnly: false,
      simulator: true,
    });
    expect(setCookie).toMatch(
      /^cbc_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
    const tokens = Object.keys(sim.ctx.state.tokens);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(JSON.stringify(body)).not.toContain(token);
  });

  it("answers 401 INVALID_CREDENTIALS for a wrong password or an unknown account", async () => {
    const wrongs: Record<string, string>[] = [
      { password: "nope" },
      { domain: "other" },
      { user: "nobody" },
    ];
    for (const wrong of wrongs) {
      const { res, setCookie } = await signIn({ ...wrong });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("INVALID_CREDENTIALS");
      expect(setCookie).toBe("");
    }
  });

  it("answers 404 UNKNOWN_PROJECT at the project field", async () => {
    const { res } = await signIn({ project: "mars-1" });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: "UNKNOWN_PROJECT", field: "project" });
  });

  it("answers 400 VALIDATION naming the field", async () => {
    const { res } = await signIn({ domain: "  " });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "VALIDATION", field: "domain" });
  });

  it("throttles repeated failures with 429 and Retry-After", async () => {
    const ip = "198.51.100.7";
    const attempt = () =>
      login(
        request("POST", "/api/auth/login", {
          ip,
          body: credentials({ user: "auditor", password: "x" }),
        }),
        noParams,
      );
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await blocked.json()).error.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("of 50 parallel wrong guesses, only the free ones reach IAM", async () => {
    const iamCalls = async () =>
      ((await (await fetch(`${sim.url}/_sim/stats`)).json()) as { total: number }).total;
    const before = await iamCalls();
    const guesses = await Promise.all(
      Array.from({ length: 50 }, () =>
        login(
          request("POST", "/api/auth/login", {
            ip: "198.51.100.50",
            body: credentials({ user: "admin", password: "wrong" }),
          }),
          noParams,
        ),
      ),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(47);
    // Each wrong guess that got through cost IAM its two calls (see lib/auth/iam-login.ts).
    expect((await iamCalls()) - before).toBe(6);
  });

  it("uses the socket's address, not a forged X-Forwarded-For, unless TRUST_PROXY=1", async () => {
    const attempt = (i: number) =>
      login(
        request("POST", "/api/auth/login", {
          ip: "198.51.100.60",
          forwardedFor: `203.0.113.${i}`,
          body: credentials({ user: "nobody-xff", password: "x" }),
        }),
        noParams,
      );
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(i)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("lists projects, switches project, reports the session, signs out", async () => {
    const { cookie } = await signIn();
    const list = await projects(request("GET", "/api/auth/projects", { cookie }), noParams);
    const { projects: choices } = await list.json();
    expect(choices.map((p: { name: string }) => p.name)).toEqual([
      "cn-north-4",
      "eu-de",
      "eu-west-0",
    ]);
    expect(choices.find((p: { current: boolean }) => p.current).name).toBe("eu-west-0");
    const target = choices.find((p: { name: string }) => p.name === "cn-north-4");

    const switched = await switchProject(
      request("POST", "/api/auth/project", { cookie, body: { projectId: target.id } }),
      noParams,
    );
    expect(switched.status).toBe(200);
    expect((await switched.json()).session.project).toEqual({ id: target.id, name: "cn-north-4" });

    const probe = await session(request("GET", "/api/auth/session", { cookie }), noParams);
    expect((await probe.json()).project.name).toBe("cn-north-4");

    const bye = await logout(request("POST", "/api/auth/logout", { cookie }), noParams);
    expect(bye.status).toBe(204);
    expect(bye.headers.get("set-cookie")).toContain("Max-Age=0");
    const after = await session(request("GET", "/api/auth/session", { cookie }), noParams);
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("NO_SESSION");
  });

  it("refuses an invalid project id before calling IAM", async () => {
    const { cookie } = await signIn();
    const res = await switchProject(
      request("POST", "/api/auth/project", { cookie, body: { projectId: "../../x" } }),
      noParams,
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe("projectId");
  });

  it("marks the auditor read-only", async () => {
    const { res } = await signIn({ user: "auditor", password: "Audit@2026" });
    expect((await res.json()).session.readOnly).toBe(true);
  });
});
