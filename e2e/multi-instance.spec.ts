import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createClient } from "redis";
import { defaultMapping } from "../lib/restore";
import {
  type RestoreContextResponse,
  ruleBackup,
  ruleTarget,
  type TargetResponse,
} from "../lib/schemas/restore";
import { startTestSim, type TestSim } from "../lib/sim/testing/start";
import {
  freePort,
  needBinary,
  redisServerPath,
  startTestRedis,
  stopChild,
  type TestRedis,
} from "../lib/testing/redis";
import { demo } from "./fixtures";

/*
 * Several instances: two production consoles (`next start` of the build `npm test` made) on two
 * free ports share one redis-server (REDIS_URL) and one simulator. Each has its own SQLite file,
 * so whatever they share can only have come through Redis. Plain HTTP, no browser: what is under
 * test is the servers' shared state, not a page. A Playwright spec rather than a vitest test
 * because it needs the production build, which `npm test` makes after the unit tests.
 */
const run = needBinary("redis-server", redisServerPath(), "apt-get install redis-server");

type Instance = { url: string; child: ChildProcess; exited: Promise<number | null> };

let redis: TestRedis;
let sim: TestSim;
let dir: string;
let a: Instance;
let b: Instance;

async function startConsole(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(
    path.resolve("node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`console on ${port} did not start: ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, child, exited };
}

/** A same-origin JSON POST, as the console's own pages send it. */
function post(instance: Instance, route: string, body: unknown, cookie?: string) {
  return fetch(`${instance.url}${route}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: instance.url,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

const get = (instance: Instance, route: string, cookie: string) =>
  fetch(`${instance.url}${route}`, { headers: { cookie } });

/** A GET through node:http, whose agent decides whether the connection is a new one. */
function httpGet(
  url: string,
  options: { agent: http.Agent | false },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; socketReused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: options.agent, timeout: 5_000 }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          socketReused: (req as http.ClientRequest & { reusedSocket: boolean }).reusedSocket,
        }),
      );
    });
    req.on("timeout", () =>
      req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
    );
    req.on("error", reject);
  });
}

async function signIn(instance: Instance): Promise<string> {
  const res = await post(instance, "/api/auth/login", {
    domain: demo.account,
    user: demo.admin.user,
    password: demo.admin.password,
    project: demo.projects[0],
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cbc_session="));
  expect(cookie).toBeTruthy();
  return (cookie ?? "").split(";")[0] ?? "";
}

test.describe("several instances sharing one Redis", () => {
  test.skip(!run, "redis-server is not installed");
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    redis = await startTestRedis();
    sim = await startTestSim();
    dir = mkdtempSync(path.join(tmpdir(), "multi-instance-"));
    const shared = {
      REDIS_URL: redis.url,
      SESSION_SECRET: "multi-instance-test-secret-0123456789abcdef",
      SIM_PORT: new URL(sim.url).port,
      // One free failure per user and address: the second wrong password already has to wait
      // (the address bucket allows ten times more, so another user from here is not held back).
      LOGIN_FREE_ATTEMPTS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    [a, b] = await Promise.all([
      startConsole({ ...shared, SESSION_DB_PATH: path.join(dir, "a.sqlite") }),
      startConsole({ ...shared, SESSION_DB_PATH: path.join(dir, "b.sqlite") }),
    ]);
  });

  test.afterAll(async () => {
    await Promise.all([a && stopChild(a.child), b && stopChild(b.child)]);
    await sim?.close();
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("a session made on one instance works on the other, and ends on both", async () => {
    const cookie = await signIn(a);
    const onB = await get(b, "/api/auth/session", cookie);
    expect(onB.status).toBe(200);
    expect(await onB.json()).toMatchObject({
      user: { name: "admin" },
      project: { name: "eu-west-0" },
    });
    // B calls the cloud with the token that A stored (sealed) in Redis.
    const projects = await get(b, "/api/auth/projects", cookie);
    expect(projects.status).toBe(200);
    expect(((await projects.json()) as { projects: unknown[] }).projects).toHaveLength(3);

    // The record is in Redis, without the token in clear.
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys("cbc:session:*");
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        // The whole record sealed with SESSION_SECRET (AES-GCM, "v2." envelope, the key as
        // associated data): no field holds the user, the project or the IAM token in clear.
        const fields = await client.hGetAll(key);
        expect(Object.keys(fields).sort()).toEqual([
          "createdAt",
          "data",
          "expiresAt",
          "lastActiveAt",
        ]);
        expect(fields.data).toMatch(/^v2\./);
        expect(JSON.stringify(fields)).not.toMatch(/admin|eu-west-0/);
      }
    } finally {
      await client.close();
    }

    // Signing out on B ends the session on A.
    expect((await post(b, "/api/auth/logout", {}, cookie)).status).toBeLessThan(300);
    expect((await get(a, "/api/auth/session", cookie)).status).toBe(401);
  });

  test("sign-in throttling is shared: a failure on one instance delays the next try on the other", async () => {
    const attempt = (instance: Instance, user: string) =>
      post(instance, "/api/auth/login", {
        domain: demo.account,
        user,
        password: "wrong",
        project: demo.projects[0],
      });
    const user = `nobody-${Date.now()}`;
    const same = (instance: Instance) => attempt(instance, user);
    expect((await same(a)).status).toBe(401);
    const onB = await same(b);
    expect(onB.status).toBe(429);
    expect(Number(onB.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another user is not held back.
    expect((await attempt(b, `${user}-other`)).status).toBe(401);
  });

  test("a restore submitted through one instance is not sent again through the other", async () => {
    const cookie = await signIn(a);
    const { token, projectId } = await sim.adminToken();
    const list = (await (
      await fetch(
        `${sim.url}/csbs/v1/${projectId}/checkpoint_items?status=available&resource_name=db-01&limit=50`,
        { headers: { "x-auth-token": token } },
      )
    ).json()) as { checkpoint_items: { id: string; resource_id: string }[] };
    const item = list.checkpoint_items[0];
    if (!item) throw new Error("the simulator has an available backup of db-01");
    const context = (await (
      await get(a, `/api/restores/backups/${item.id}?service=csbs`, cookie)
    ).json()) as RestoreContextResponse;
    const target = (await (
      await get(b, `/api/restores/targets/${item.resource_id}`, cookie)
    ).json()) as TargetResponse;
    const body = {
      key: randomUUID(),
      service: "csbs",
      backupId: item.id,
      serverId: item.resource_id,
      powerOn: false,
      mappings: defaultMapping(
        ruleBackup(context.backup),
        ruleTarget(item.resource_id, target.volumes),
      ),
    };
    const restoresSent = async () =>
      (
        (await (await fetch(`${sim.url}/_sim/stats`)).json()) as {
          changeRoutes: Record<string, number>;
        }
      ).changeRoutes["POST /csbs/v1/:project_id/restores"] ?? 0;
    const before = await restoresSent();

    // The same wizard's request through both instances at once (a retry landing elsewhere).
    const [onA, onB] = await Promise.all([
      post(a, "/api/restores", body, cookie),
      post(b, "/api/restores", body, cookie),
    ]);
    // One is sent (201); the other finds it on its way (202) or, if it came second, started (200).
    const statuses = [onA.status, onB.status].sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect([200, 202]).toContain(statuses.find((status) => status !== 201));
    // Once more through B, after both answered: the first request's restore, nothing sent.
    const again = await post(b, "/api/restores", body, cookie);
    expect(again.status).toBe(200);
    expect(await restoresSent()).toBe(before + 1);
    // Another wizard (another key) for the same backup, through the other instance: refused.
    const other = await post(a, "/api/restores", { ...body, key: randomUUID() }, cookie);
    expect(other.status).toBe(409);
    expect(await restoresSent()).toBe(before + 1);
  });

  test("SIGTERM drains: new connections are refused, the request in flight completes, kept-alive connections are closed", async () => {
    test.setTimeout(90_000);
    const cookie = await signIn(b);
    // Long enough that the request is still waiting upstream when the signal comes, on any machine.
    const latencyMs = 8_000;
    const fault = await fetch(`${sim.url}/_sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ method: "GET", path: "/iam/v3/auth/projects", latencyMs, times: 1 }),
    });
    expect(fault.status).toBe(201);

    // A client that keeps its connection open, as a load balancer's pool does: one kept-alive
    // socket, used before the signal and again after it.
    const pool = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const pooled = () => httpGet(`${b.url}/api/ready`, { agent: pool });
    expect((await pooled()).socketReused).toBe(false);

    const sentAt = Date.now();
    const slow = get(b, "/api/auth/projects", cookie).then(async (res) => ({
      status: res.status,
      connection: res.headers.get("connection"),
      body: (await res.json()) as { projects?: unknown[] },
      at: Date.now(),
    }));
    // The rule is used up once the request has reached the simulator (and waits there).
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${sim.url}/_sim/faults`)).json()) as { faults: [] }).faults.length,
        { timeout: 20_000 },
      )
      .toBe(0);

    const termAt = Date.now();
    b.child.kill("SIGTERM");
    // Each probe on a connection of its own (no pool): what a load balancer's new connection meets.
    await expect
      .poll(
        () =>
          httpGet(`${b.url}/login`, { agent: false }).then(
            () => "accepted",
            (error: NodeJS.ErrnoException) => error.code ?? "failed",
          ),
        { timeout: 20_000, intervals: [50] },
      )
      .toBe("ECONNREFUSED");
    const refusedAt = Date.now();
    // The kept-alive connection is not served on: closed by the drain, or told to close.
    const onPool = await pooled().then(
      (res) => `${res.status} ${res.headers.connection}`,
      (error: NodeJS.ErrnoException) => error.code ?? "failed",
    );
    expect(["ECONNREFUSED", "ECONNRESET", "503 close"]).toContain(onPool);
    pool.destroy();

    const code = await b.exited;
    const exitAt = Date.now();
    const answer = await slow;

    expect(answer.status).toBe(200);
    expect(answer.body.projects).toHaveLength(3);
    // In flight across the signal: answered after it, on a connection it then closed, and the
    // process waited for it before it exited.
    expect(answer.at).toBeGreaterThan(termAt);
    expect(answer.connection).toBe("close");
    expect(exitAt).toBeGreaterThanOrEqual(answer.at);
    expect(code === 143 || code === null).toBe(true);
    test.info().annotations.push({
      type: "drain",
      description: `request sent at 0 ms, SIGTERM at ${termAt - sentAt} ms, new connections refused at ${refusedAt - sentAt} ms, the kept-alive connection: ${onPool}, answered ${answer.status} (connection: ${answer.connection}) at ${answer.at - sentAt} ms, process exited (code ${code}) at ${exitAt - sentAt} ms`,
    });
    console.log(test.info().annotations.at(-1)?.description);

    // The survivor keeps serving the same users: the session lives in Redis, not in B.
    expect((await get(a, "/api/auth/session", cookie)).status).toBe(200);
  });
});
