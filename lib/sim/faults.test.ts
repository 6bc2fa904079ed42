import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isLoopback } from "./control";
import { FaultStore, pathMatcher, truncateBody } from "./faults";
import { startTestSim, type TestSim } from "./testing/start";

let sim: TestSim;
let token: string;
let projectId: string;

beforeAll(async () => {
  sim = await startTestSim({
    env: { SIM_FAULTS: JSON.stringify([{ id: "boot", path: "/iam/v3/projects", status: 503 }]) },
  });
  ({ token, projectId } = await sim.adminToken());
});
afterEach(async () => {
  await fetch(`${sim.url}/_sim/faults`, { method: "DELETE" });
});
afterAll(async () => {
  await sim.close();
});

const control = (path: string, method = "GET", body?: unknown) =>
  fetch(`${sim.url}/_sim${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }
      : {}),
  });

const servers = () =>
  fetch(`${sim.url}/ecs/v2.1/${projectId}/servers`, { headers: { "X-Auth-Token": token } });
const checkpointItems = () =>
  fetch(`${sim.url}/csbs/v1/${projectId}/checkpoint_items`, { headers: { "X-Auth-Token": token } });

describe("fault rules", () => {
  it("SIM_FAULTS installs rules at start", async () => {
    const res = await fetch(`${sim.url}/iam/v3/projects`, { headers: { "X-Auth-Token": token } });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 503 } });
  });

  it("status with a CSBS error code, in the CSBS body", async () => {
    const put = await control("/faults", "PUT", [
      {
        path: "/csbs/v1/*/checkpoint_items",
        method: "get",
        status: 500,
        errorCode: "CSBS.9999",
        errorMessage: "backup failed",
      },
    ]);
    expect(put.status).toBe(200);
    const res = await checkpointItems();
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error_code: "CSBS.9999", error_msg: "backup failed" });
    // Another method or path is not affected.
    expect((await servers()).status).toBe(200);
  });

  it("latency delays the answer", async () => {
    await control("/faults", "POST", { path: "/ecs/**", latencyMs: 300 });
    const started = Date.now();
    expect((await servers()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("malformed truncates the real body (status kept)", async () => {
    await control("/faults", "POST", {
      path: "^/ecs/v2\\.1/[0-9a-f]{32}/servers$",
      malformed: true,
    });
    const res = await servers();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"servers":')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("drop closes the connection without an answer", async () => {
    await control("/faults", "POST", { path: "/ecs/**", drop: true });
    await expect(servers()).rejects.toThrow();
    await control("/faults", "DELETE");
    expect((await servers()).status).toBe(200);
  });

  it("rate fires on about that share of requests; times limits the hits", async () => {
    await control("/faults", "POST", { path: "/ecs/**", status: 502, rate: 0.5 });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () => servers().then((r) => r.status)),
    );
    const failed = statuses.filter((s) => s === 502).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    await control("/faults", "PUT", { faults: [{ path: "/ecs/**", status: 503, times: 2 }] });
    const seq = [];
    for (let i = 0; i < 3; i++) seq.push((await servers()).status);
    expect(seq).toEqual([503, 503, 200]);
  });

  it("rejects invalid rules with 400 and lists / deletes rules by id", async () => {
    expect((await control("/faults", "POST", { path: "/x", rate: 2 })).status).toBe(400);
    expect((await control("/faults", "POST", { path: "^(", status: 500 })).status).toBe(400);
    expect((await control("/faults", "POST", { status: 500 })).status).toBe(400);
    const created = (await (
      await control("/faults", "POST", { id: "mine", path: "/x" })
    ).json()) as { fault: { id: string } };
    expect(created.fault.id).toBe("mine");
    expect(
      ((await (await control("/faults")).json()) as { faults: unknown[] }).faults,
    ).toHaveLength(1);
    expect((await control("/faults/mine", "DELETE")).status).toBe(200);
    expect((await control("/faults/mine", "DELETE")).status).toBe(404);
  });
});

describe("control API", () => {
  it("health, clock read/advance, reset", async () => {
    const health = (await (await control("/health")).json()) as {
      status: string;
      projects: { servers: number }[];
    };
    expect(health.status).toBe("ok");
    expect(health.projects).toHaveLength(3);
    const before = (await (await control("/clock")).json()) as { now: string; offsetMs: number };
    const advanced = (await (await control("/clock", "POST", { advanceMs: 3_600_000 })).json()) as {
      now: string;
      offsetMs: number;
    };
    expect(advanced.offsetMs - before.offsetMs).toBe(3_600_000);
    expect(Date.parse(advanced.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(3_600_000);
    expect(sim.ctx.now().getTime() - Date.now()).toBeGreaterThan(3_500_000);
    await control("/clock", "POST", { offsetMs: 0 });
    expect((await control("/clock", "POST", { advanceMs: 1, offsetMs: 1 })).status).toBe(400);

    const project = sim.ctx.state.projects[projectId];
    const renamed = project?.servers[0];
    if (!renamed) throw new Error("no seeded server");
    renamed.name = "changed-by-test";
    expect((await control("/reset", "POST")).status).toBe(200);
    expect(
      sim.ctx.state.projects[projectId]?.servers.some((s) => s.name === "changed-by-test"),
    ).toBe(false);
    // The token survives a reset.
    expect((await servers()).status).toBe(200);
  });

  it("stats count requests per route pattern and change requests, and reset", async () => {
    await control("/stats/reset", "POST");
    await servers();
    await servers();
    await fetch(`${sim.url}/ecs/v2.1/${projectId}/servers`, {
      method: "POST",
      headers: { "X-Auth-Token": token },
    });
    await fetch(`${sim.url}/not/a/route`);
    const stats = (await (await control("/stats")).json()) as {
      total: number;
      changes: number;
      routes: Record<string, number>;
      changeRoutes: Record<string, number>;
    };
    expect(stats.routes["GET /ecs/v2.1/:project_id/servers"]).toBe(2);
    expect(stats.changeRoutes["POST (no route)"]).toBe(1);
    expect(stats.routes["GET (no route)"]).toBe(1);
    expect(stats.total).toBe(4);
    expect(stats.changes).toBe(1);
    const reset = (await (await control("/stats/reset", "POST")).json()) as { total: number };
    expect(reset.total).toBe(0);
  });

  it("answers only on loopback", () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("127.10.0.3")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("10.0.0.5")).toBe(false);
    expect(isLoopback("::ffff:192.168.1.2")).toBe(false);
    expect(isLoopback("1270.0.0.1")).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });

  it("refuses a request that did not come from a loopback socket", async () => {
    const res = await sim.sim.app.request("/_sim/health");
    expect(res.status).toBe(403);
  });
});

describe("fault helpers", () => {
  it("globs: * within a segment, ** across", () => {
    expect(pathMatcher("/csbs/v1/*/policies").test("/csbs/v1/abc/policies")).toBe(true);
    expect(pathMatcher("/csbs/v1/*/policies").test("/csbs/v1/abc/def/policies")).toBe(false);
    expect(pathMatcher("/csbs/**").test("/csbs/v1/abc/policies/x")).toBe(true);
    expect(pathMatcher("^/cbr/").test("/cbr/v3/x")).toBe(true);
  });

  it("rate uses the PRNG; truncation breaks JSON", () => {
    const never = new FaultStore(() => 0.99);
    never.add({ path: "/x", rate: 0.5 });
    expect(never.pick("GET", "/x")).toBeNull();
    const always = new FaultStore(() => 0.1);
    always.add({ path: "/x", rate: 0.5 });
    expect(always.pick("GET", "/x")).not.toBeNull();
    expect(() => JSON.parse(truncateBody('{"a":[1,2,3]}'))).toThrow();
  });
});
