// Hostile input against every route handler under app/api, found by walking the folder (routes that
// land later are covered without touching this file). Handlers are called in-process, as the route
// tests do, against a real simulator over HTTP: fast enough for property-based runs on a small
// machine, and the simulator's request counts show what reached the "cloud".
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions } from "@/lib/auth/session";
import { parseCloudConfig, setCloudConfigForTests } from "@/lib/cloud/config";
import { setAuditStoreForTests } from "@/lib/server/audit";
import { resetServerEnvForTests } from "@/lib/server/env";
import { startTestSim, type TestSim } from "@/lib/sim/testing/start";

const ORIGIN = "http://localhost:3100";
const BODY_LIMIT = 4096;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Route = { path: string; segments: string[]; method: string; handler: Handler };

/** `app/api/a/[id]/route.ts` → `/api/a/[id]`, with its dynamic segment names. */
async function discoverRoutes(): Promise<Route[]> {
  const root = join(process.cwd(), "app", "api");
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.split(sep).at(-1) === "route.ts")
    .sort();
  const routes: Route[] = [];
  for (const file of files) {
    const dir = relative(root, join(root, file, ".."))
      .split(sep)
      .filter(Boolean);
    const path = `/api/${dir.join("/")}`.replace(/\/$/, "");
    const segments = dir
      .filter((d) => d.startsWith("["))
      .map((d) => d.replace(/^\[+\.*|\]+$/g, ""));
    const mod = (await import(/* @vite-ignore */ join(root, file))) as Record<string, unknown>;
    for (const method of METHODS) {
      if (typeof mod[method] === "function") {
        routes.push({ path, segments, method, handler: mod[method] as Handler });
      }
    }
  }
  return routes;
}

/** Path values that must never become a cloud request. */
const HOSTILE_IDS = [
  "..",
  ".",
  "%2e%2e",
  "%2E%2E%2F",
  "../../iam/v3/auth/tokens",
  "%2F%2Fhost",
  "//host",
  "a/b",
  "a?b=c",
  "a#b",
  "a b",
  "-leading-dash",
  "x".repeat(65),
  "9".repeat(10_000),
  "日本語",
  "é",
  "\u0000",
  "a\nb",
  "😀",
  "<script>",
  "' OR 1=1 --",
];
/** Any string no cloud id format accepts (every format is within [A-Za-z0-9_-]{1,64}). */
const invalidId = fc.oneof(
  fc.constantFrom(...HOSTILE_IDS),
  fc
    .string({ unit: "binary", maxLength: 120 })
    .filter((s) => !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(s)),
);
const PLAUSIBLE_ID = "00000000-0000-4000-8000-00000000dead";
/** Probes for the platform: answered without a session, by design. */
const PUBLIC_ROUTES = new Set(["/api/health", "/api/ready"]);
/** Property runs call the simulator many times; a loaded machine needs more than the default. */
const SLOW = 180_000;

/**
 * Routes that still send a READ to the cloud for an invalid path value, with the reason. Kept
 * honest: the suite fails when one is fixed, so that it leaves this list. Changes never may.
 */
const KNOWN_READ_GAPS = new Map<string, string>();

let sim: TestSim;
let dir: string;
let cookie = "";
let iamToken = "";
let routes: Route[] = [];
const answers: string[] = [];

function request(
  route: Route,
  init: {
    method?: string;
    query?: string;
    body?: string;
    headers?: Record<string, string>;
    withCookie?: boolean;
  } = {},
): NextRequest {
  const method = init.method ?? route.method;
  const headers: Record<string, string> = { host: "localhost:3100" };
  // Sign-in and sign-out are fuzzed without the session: sign-out would end it.
  if (init.withCookie ?? !route.path.startsWith("/api/auth/log")) headers.cookie = cookie;
  if (method !== "GET") headers.origin = ORIGIN;
  if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    // As a real server sees it: withRoute checks the type of any request that carries a body.
    headers["content-length"] = String(Buffer.byteLength(init.body));
  }
  Object.assign(headers, init.headers);
  for (const [k, v] of Object.entries(headers)) if (v === "") delete headers[k];
  return new NextRequest(`${ORIGIN}${route.path}${init.query ? `?${init.query}` : ""}`, {
    method,
    headers,
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
}

const paramsOf = (route: Route, value: string) => ({
  params: Promise.resolve(Object.fromEntries(route.segments.map((s) => [s, value]))),
});

async function simCounts(): Promise<{ total: number; changes: number }> {
  const res = await fetch(`${sim.url}/_sim/stats`);
  return (await res.json()) as { total: number; changes: number };
}
async function resetSimCounts() {
  await fetch(`${sim.url}/_sim/stats/reset`, { method: "POST" });
}

/** The answer of a refused request: a 4xx with the error envelope and no-store. */
async function expectRefused(res: Response, context: string) {
  const text = await res.text();
  answers.push(text);
  expect(res.status, `${context}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${context}: ${text.slice(0, 200)}`).toBeLessThan(500);
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, context).toBe("string");
  expect(typeof body.error?.message, context).toBe("string");
  expect(res.headers.get("cache-control"), context).toBe("no-store");
  return body.error as { code: string };
}

/** Whether the route validates a JSON body: withRoute parses bodies only for those. */
async function validatesBody(route: Route): Promise<boolean> {
  const res = await route.handler(
    request(route, { body: "{not json" }),
    paramsOf(route, PLAUSIBLE_ID),
  );
  return (
    res.status === 400 &&
    ((await res.json()) as { error: { code: string } }).error.code === "INVALID_JSON"
  );
}

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  sim = await startTestSim();
  dir = mkdtempSync(join(tmpdir(), "cbc-hostile-"));
  process.env.SESSION_DB_PATH = join(dir, "sessions.sqlite");
  process.env.SESSION_SECRET = "hostile-input-test-secret-000000000000";
  process.env.BODY_LIMIT_BYTES = String(BODY_LIMIT);
  resetServerEnvForTests();
  setAuditStoreForTests();
  setCloudConfigForTests(parseCloudConfig({ SIM_PORT: new URL(sim.url).port }));
  routes = await discoverRoutes();
  const login = routes.find((r) => r.path === "/api/auth/login" && r.method === "POST");
  if (!login) throw new Error("no sign-in route");
  const res = await login.handler(
    request(login, {
      body: JSON.stringify({
        domain: "demo",
        user: "admin",
        password: "Demo@2026",
        project: "eu-west-0",
      }),
    }),
    { params: Promise.resolve({}) },
  );
  cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const lookup = await sessions().resume(cookie.split("=")[1], { activity: false });
  if (lookup.status !== "active") throw new Error("sign-in failed");
  iamToken = lookup.record.token;
}, 60_000);

afterAll(async () => {
  setCloudConfigForTests();
  setAuditStoreForTests();
  delete process.env.BODY_LIMIT_BYTES;
  resetServerEnvForTests();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("hostile input against every API route", () => {
  it("finds the routes", () => {
    console.log(
      `hostile input: ${routes.length} handlers\n${routes.map((r) => `  ${r.method} ${r.path}`).join("\n")}`,
    );
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain("GET /api/backups");
  });

  it(
    "refuses hostile path values before the cloud",
    async () => {
      for (const route of routes.filter((r) => r.segments.length > 0)) {
        await resetSimCounts();
        await fc.assert(
          fc.asyncProperty(invalidId, async (value) => {
            const body = route.method === "GET" ? undefined : "{}";
            const res = await route.handler(request(route, { body }), paramsOf(route, value));
            await expectRefused(
              res,
              `${route.method} ${route.path} with ${JSON.stringify(value.slice(0, 40))}`,
            );
          }),
          { numRuns: RUNS },
        );
        const name = `${route.method} ${route.path}`;
        const counts = await simCounts();
        expect(counts.changes, name).toBe(0);
        if (KNOWN_READ_GAPS.has(name))
          expect(counts.total, `${name} is fixed: drop it from KNOWN_READ_GAPS`).toBeGreaterThan(0);
        else expect(counts.total, name).toBe(0);
      }
    },
    SLOW,
  );

  it(
    "refuses random and malformed bodies before the cloud",
    async () => {
      const bodies = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        fc.constantFrom(
          "",
          "null",
          "[]",
          '{"__proto__":{"admin":true}}',
          "{".repeat(5000),
          '"\\ud800"',
        ),
      );
      for (const route of routes.filter((r) => r.method !== "GET")) {
        if (!(await validatesBody(route))) continue;
        await fc.assert(
          fc.asyncProperty(bodies, async (body) => {
            await resetSimCounts();
            const name = `${route.method} ${route.path} with ${body.slice(0, 60)}`;
            // An empty body is "no body", which a route that needs one refuses as invalid too.
            const res = await route.handler(
              request(route, { body }),
              paramsOf(route, PLAUSIBLE_ID),
            );
            if (res.status < 400) {
              // A body the route accepts (e.g. `{}` where every field is optional): not hostile.
              answers.push(await res.text());
              return;
            }
            const { code } = await expectRefused(res, name);
            if (code === "VALIDATION" || code === "INVALID_JSON") {
              expect((await simCounts()).total, name).toBe(0);
            }
          }),
          { numRuns: RUNS * 2 },
        );
      }
    },
    SLOW,
  );

  it(
    "answers random queries with no 5xx, and refused queries without the cloud",
    async () => {
      const key = fc.oneof(
        fc.constantFrom(
          "page",
          "size",
          "sort",
          "status",
          "service",
          "from",
          "to",
          "name",
          "limit",
          "offset",
          "marker",
        ),
        fc.string({ maxLength: 12 }),
      );
      const value = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom("-1", "0", "1e309", "NaN", "..", "%00", "x".repeat(5000)),
      );
      const query = fc
        .array(fc.tuple(key, value), { maxLength: 5 })
        .map((pairs) => new URLSearchParams(pairs).toString());
      for (const route of routes.filter((r) => r.method === "GET")) {
        await fc.assert(
          fc.asyncProperty(query, async (qs) => {
            await resetSimCounts();
            const res = await route.handler(
              request(route, { query: qs }),
              paramsOf(route, PLAUSIBLE_ID),
            );
            const text = await res.clone().text();
            answers.push(text);
            expect(res.status, `${route.path}?${qs}: ${text.slice(0, 200)}`).toBeLessThan(500);
            if (res.status === 400) {
              await expectRefused(res, `${route.path}?${qs}`);
              expect((await simCounts()).total, `${route.path}?${qs}`).toBe(0);
            }
          }),
          { numRuns: RUNS },
        );
      }
    },
    SLOW,
  );

  it(
    "refuses bodies over the limit, other content types, and missing or foreign origins",
    async () => {
      const changes = routes.filter((r) => r.method !== "GET");
      await resetSimCounts();
      for (const route of changes) {
        const name = `${route.method} ${route.path}`;
        const params = () => paramsOf(route, PLAUSIBLE_ID);
        const big = JSON.stringify({ name: "x".repeat(BODY_LIMIT * 2) });
        expect(
          (
            await expectRefused(
              await route.handler(request(route, { body: big }), params()),
              `${name} big`,
            )
          ).code,
        ).toBe("BODY_TOO_LARGE");
        for (const type of [
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/jsonx",
          "text/json",
        ]) {
          const res = await route.handler(
            request(route, { body: "{}", headers: { "content-type": type } }),
            params(),
          );
          expect((await expectRefused(res, `${name} as ${type}`)).code).toBe(
            "UNSUPPORTED_MEDIA_TYPE",
          );
        }
        for (const origin of [
          "",
          "https://evil.example",
          "null",
          "http://localhost:3100.evil.example",
          "http://localhost:3101",
        ]) {
          const res = await route.handler(
            request(route, { body: "{}", headers: { origin } }),
            params(),
          );
          expect((await expectRefused(res, `${name} from ${origin || "no origin"}`)).code).toBe(
            "CSRF",
          );
        }
        const crossSite = await route.handler(
          request(route, { body: "{}", headers: { origin: "", "sec-fetch-site": "cross-site" } }),
          params(),
        );
        expect((await expectRefused(crossSite, `${name} cross-site`)).code).toBe("CSRF");
      }
      expect(await simCounts()).toMatchObject({ total: 0 });
    },
    SLOW,
  );

  it(
    "answers every route without a session with 401 and nothing sent to the cloud",
    async () => {
      await resetSimCounts();
      const guarded = routes.filter(
        (r) => !r.path.startsWith("/api/auth/log") && !PUBLIC_ROUTES.has(r.path),
      );
      expect(guarded.length).toBeGreaterThan(10);
      for (const route of guarded) {
        const body = route.method === "GET" ? undefined : "{}";
        const res = await route.handler(
          request(route, { body, withCookie: false }),
          paramsOf(route, PLAUSIBLE_ID),
        );
        expect(res.status, `${route.method} ${route.path}`).toBe(401);
        expect((await expectRefused(res, `${route.method} ${route.path} signed out`)).code).toBe(
          "NO_SESSION",
        );
      }
      expect(await simCounts()).toMatchObject({ total: 0 });
    },
    SLOW,
  );

  it("never puts a token, a session id or a stack trace in an answer", () => {
    expect(answers.length).toBeGreaterThan(100);
    const sessionId = cookie.split("=")[1] ?? "";
    for (const text of answers) {
      expect(text).not.toContain(iamToken);
      if (sessionId) expect(text).not.toContain(sessionId);
      expect(text).not.toMatch(/\n\s+at \S+ \(|node_modules|\.tsx?:\d+|X-Subject-Token/i);
    }
  });
});
