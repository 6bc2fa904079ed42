import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { sessions } from "@/lib/auth/session";
import type { SessionData } from "@/lib/auth/session-store";
import { CloudError } from "@/lib/cloud/errors";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import { loginBodySchema } from "@/lib/schemas/session";
import { resetServerEnvForTests } from "./env";
import { withRoute } from "./with-route";

vi.mock("@/lib/i18n/cloud-errors", () => ({
  cloudErrorMessage: (code: string, locale: string) =>
    code === "CSBS.6018"
      ? locale === "zh"
        ? "备份不存在。"
        : "The backup does not exist."
      : undefined,
}));

const ORIGIN = "http://localhost:3100";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cbc-route-"));
  process.env.SESSION_DB_PATH = join(dir, "sessions.sqlite");
  process.env.SESSION_SECRET = "with-route-test-secret-000000000000000";
  process.env.BODY_LIMIT_BYTES = "1024";
  resetServerEnvForTests();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

function data(overrides: Partial<SessionData> = {}): SessionData {
  return {
    token: "secret-token-123456",
    tokenExpiresAt: Date.now() + 24 * 3600_000,
    user: { id: "u1", name: "admin" },
    domain: { id: "d1", name: "demo" },
    project: { id: "a".repeat(32), name: "eu-west-0" },
    roles: ["te_admin"],
    readOnly: false,
    endpoints: {
      csbs: "http://sim/csbs",
      cbr: "http://sim/cbr",
      ecs: "http://sim/ecs",
      evs: "http://sim/evs",
    },
    ...overrides,
  };
}

async function signedIn(overrides: Partial<SessionData> = {}) {
  const { id } = await sessions().start(data(overrides));
  return `cbc_session=${id}`;
}

function request(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit; cookie?: string } = {},
) {
  const headers: Record<string, string> = { host: "localhost:3100", ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  if (method !== "GET" && !("origin" in headers) && !("sec-fetch-site" in headers)) {
    headers.origin = ORIGIN;
  }
  return new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers,
    ...(init.body !== undefined ? { body: init.body, duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}

const json = (value: unknown) => JSON.stringify(value);
const jsonHeaders = { "content-type": "application/json" };
const noParams = { params: Promise.resolve({}) };

describe("withRoute", () => {
  const echo = withRoute(
    { body: z.object({ a: z.object({ b: z.array(z.number()) }) }) },
    async ({ body }) => body,
  );

  it("answers the handler's value as JSON with Cache-Control: no-store", async () => {
    const cookie = await signedIn();
    const res = await echo(
      request("POST", "/api/echo", { cookie, headers: jsonHeaders, body: json({ a: { b: [1] } }) }),
      noParams,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ a: { b: [1] } });
  });

  it("names the invalid body field as a dotted path in the envelope", async () => {
    const cookie = await signedIn();
    const res = await echo(
      request("POST", "/api/echo", {
        cookie,
        headers: jsonHeaders,
        body: json({ a: { b: [1, "x"] } }),
      }),
      noParams,
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.field).toBe("a.b.1");
    expect(typeof body.error.message).toBe("string");
  });

  it("validates a login body field with its own message", async () => {
    const login = withRoute({ auth: "none", body: loginBodySchema }, async () => ({ ok: true }));
    const res = await login(
      request("POST", "/api/auth/login", {
        headers: jsonHeaders,
        body: json({ domain: "demo", user: "", password: "x", project: "eu-west-0" }),
      }),
      noParams,
    );
    expect(await res.json()).toEqual({
      error: { code: "VALIDATION", message: "Enter the user name.", field: "user" },
    });
  });

  it("validates params and query, refusing repeated query keys", async () => {
    const route = withRoute(
      {
        params: z.object({ id: z.uuid() }),
        query: z.object({ limit: z.coerce.number().int().max(100).optional() }),
      },
      async ({ params, query }) => ({ params, query }),
    );
    const cookie = await signedIn();
    const id = "6c5ad1a0-5e1b-4c5b-9b1e-2f4e3f6d7a8b";
    const ok = await route(request("GET", "/api/x?limit=5", { cookie }), {
      params: Promise.resolve({ id }),
    });
    expect(await ok.json()).toEqual({ params: { id }, query: { limit: 5 } });

    const badParam = await route(request("GET", "/api/x", { cookie }), {
      params: Promise.resolve({ id: "../../admin" }),
    });
    expect(badParam.status).toBe(400);
    expect((await badParam.json()).error.field).toBe("params.id");

    const repeated = await route(request("GET", "/api/x?limit=5&limit=6", { cookie }), {
      params: Promise.resolve({ id }),
    });
    expect((await repeated.json()).error.field).toBe("query.limit");
  });

  it("answers 401 NO_SESSION without a session, 400 INVALID_JSON for broken JSON", async () => {
    const res = await echo(
      request("POST", "/api/echo", { headers: jsonHeaders, body: "{}" }),
      noParams,
    );
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("NO_SESSION");
    const cookie = await signedIn();
    const broken = await echo(
      request("POST", "/api/echo", { cookie, headers: jsonHeaders, body: "{not json" }),
      noParams,
    );
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe("INVALID_JSON");
  });

  it("answers 401 SESSION_EXPIRED and clears the cookie after the idle timeout", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const cookie = await signedIn();
    vi.setSystemTime(Date.now() + 31 * 60_000);
    const probe = withRoute({}, async () => ({}));
    const res = await probe(request("GET", "/api/x", { cookie }), noParams);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("SESSION_EXPIRED");
    expect(res.headers.get("set-cookie")).toContain("Max-Age=0");
  });

  it("does not count background requests as activity", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const cookie = await signedIn();
    const probe = withRoute({}, async ({ session }) => session.info);
    vi.setSystemTime(Date.now() + 20 * 60_000);
    const background = await probe(
      request("GET", "/api/x", { cookie, headers: { "x-background": "1" } }),
      noParams,
    );
    expect(background.status).toBe(200);
    vi.setSystemTime(Date.now() + 11 * 60_000);
    expect((await probe(request("GET", "/api/x", { cookie }), noParams)).status).toBe(401);
  });

  it("refuses changes from another origin or without origin information (403 CSRF)", async () => {
    const cookie = await signedIn();
    const forged: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of forged) {
      const res = await echo(
        request("POST", "/api/echo", {
          cookie,
          headers: { ...jsonHeaders, ...headers },
          body: json({ a: { b: [] } }),
        }),
        noParams,
      );
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("CSRF");
    }
  });

  it("refuses bodies that are not JSON (415)", async () => {
    const cookie = await signedIn();
    const res = await echo(
      request("POST", "/api/echo", {
        cookie,
        headers: { "content-type": "text/plain" },
        body: json({ a: { b: [] } }),
      }),
      noParams,
    );
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses bodies over the limit by counting the stream, whatever Content-Length says", async () => {
    const cookie = await signedIn();
    const declared = await echo(
      request("POST", "/api/echo", {
        cookie,
        headers: { ...jsonHeaders, "content-length": "5000" },
        body: "x".repeat(5000),
      }),
      noParams,
    );
    expect(declared.status).toBe(413);

    const chunk = new TextEncoder().encode(" ".repeat(600));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await echo(
      request("POST", "/api/echo", { cookie, headers: jsonHeaders, body: stream }),
      noParams,
    );
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe("BODY_TOO_LARGE");
  });

  it("refuses writes of read-only users before the handler runs", async () => {
    const handler = vi.fn(async () => ({}));
    const route = withRoute({}, handler);
    const cookie = await signedIn({ readOnly: true, roles: ["readonly"] });
    const res = await route(request("DELETE", "/api/x", { cookie }), noParams);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("READ_ONLY");
    expect(handler).not.toHaveBeenCalled();
    expect((await route(request("GET", "/api/x", { cookie }), noParams)).status).toBe(200);
  });

  it("ends the session on an upstream 401", async () => {
    const cookie = await signedIn();
    const route = withRoute({}, async () => {
      throw new CloudError({ status: 401, code: "HTTP_401", message: "x", service: "csbs" });
    });
    const res = await route(request("GET", "/api/x", { cookie }), noParams);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("SESSION_EXPIRED");
    const again = await withRoute({}, async () => ({}))(
      request("GET", "/api/x", { cookie }),
      noParams,
    );
    expect((await again.json()).error.code).toBe("NO_SESSION");
  });

  it("maps cloud errors to their status and code with plain words in the cookie's locale", async () => {
    const cookie = await signedIn();
    const route = withRoute({}, async () => {
      throw new CloudError({
        status: 404,
        code: "CSBS.6018",
        message: "checkpoint item xyz not found in db host 10.1.2.3",
        service: "csbs",
      });
    });
    const res = await route(request("GET", "/api/x", { cookie: `${cookie}; locale=zh` }), noParams);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe("CSBS.6018");
    expect(body.error.message).toBe(cloudErrorMessage("CSBS.6018", "zh"));
    expect(body.error.message).not.toContain("10.1.2.3");

    const timeout = withRoute({}, async () => {
      throw new CloudError({ status: 504, code: "TIMEOUT", message: "t", service: "cbr" });
    });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await timeout(request("GET", "/api/x", { cookie }), noParams)).status).toBe(504);
    quiet.mockRestore();

    // A service the project's catalog lacks is a conflict with the project, not a cloud failure.
    const absent = withRoute({}, async () => {
      throw new CloudError({ status: 0, code: "NO_ENDPOINT", message: "none", service: "csbs" });
    });
    const refused = await absent(request("GET", "/api/x", { cookie }), noParams);
    expect(refused.status).toBe(409);
    const envelope = (await refused.json()).error;
    expect(envelope.code).toBe("NO_ENDPOINT");
    expect(envelope.message).not.toBe("none");
  });

  it("logs an upstream failure as one line (code, status, route), a cancelled one not at all", async () => {
    const cookie = await signedIn();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = (error: CloudError) =>
      withRoute({}, async () => {
        throw error;
      })(request("GET", "/api/backups", { cookie }), noParams);
    const res = await failing(
      new CloudError({ status: 500, code: "CSBS.1001", message: "db down", service: "csbs" }),
    );
    expect(res.status).toBe(502);
    expect(spy).toHaveBeenCalledTimes(1);
    const line = spy.mock.calls[0]?.map(String).join(" ") ?? "";
    expect(line).toBe("[api] GET /api/backups: csbs CSBS.1001 (HTTP 500), answered 502");
    spy.mockClear();
    await failing(new CloudError({ status: 0, code: "NETWORK", message: "x", service: "cbr" }));
    expect(spy.mock.calls[0]?.map(String).join(" ")).toBe(
      "[api] GET /api/backups: cbr NETWORK (no answer), answered 502",
    );
    spy.mockClear();
    await failing(new CloudError({ status: 504, code: "TIMEOUT", message: "x", service: "csbs" }));
    expect(spy.mock.calls[0]?.map(String).join(" ")).toBe(
      "[api] GET /api/backups: csbs TIMEOUT (no answer in time), answered 504",
    );
    spy.mockClear();
    await failing(new CloudError({ status: 0, code: "ABORTED", message: "x", service: "csbs" }));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it("sets the API's security headers on answers and errors, HSTS only under HTTPS", async () => {
    const cookie = await signedIn();
    const ok = await withRoute({}, async () => ({ a: 1 }))(
      request("GET", "/api/x", { cookie }),
      noParams,
    );
    const refused = await withRoute({}, async () => ({}))(request("GET", "/api/x"), noParams);
    for (const res of [ok, refused]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(res.headers.get("permissions-policy")).toContain("camera=()");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
    const secure = await withRoute({ auth: "none" }, async () => ({}))(
      new NextRequest("https://localhost:3100/api/x", { headers: { host: "localhost:3100" } }),
      noParams,
    );
    expect(secure.headers.get("strict-transport-security")).toContain("max-age=63072000");
  });

  it("hides unexpected errors behind 500 INTERNAL", async () => {
    const cookie = await signedIn();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = withRoute({}, async () => {
      throw new Error("database password is hunter2");
    });
    const res = await route(request("GET", "/api/x", { cookie }), noParams);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text).error.code).toBe("INTERNAL");
    // Our own bugs keep their stack in the log.
    expect(spy.mock.calls[0]?.map(String).join(" ")).toContain("at ");
    spy.mockRestore();
  });
});
