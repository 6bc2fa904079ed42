import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "./testing/start";

let sim: TestSim;
let token: string;
let projectId: string;

beforeAll(async () => {
  sim = await startTestSim();
  ({ token, projectId } = await sim.adminToken());
});
afterAll(async () => {
  await sim.close();
});

describe("errors are JSON in the service's shape, never HTML", () => {
  it("unknown route: 404 JSON", async () => {
    const res = await fetch(`${sim.url}/nothing/here`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error_code: "APIG.0101", error_msg: expect.any(String) });

    const ecs = await fetch(`${sim.url}/ecs/v2.1/${projectId}/flavors-unknown`, {
      headers: { "X-Auth-Token": token },
    });
    expect(ecs.status).toBe(404);
    expect(await ecs.json()).toEqual({ itemNotFound: { code: 404, message: expect.any(String) } });

    const iam = await fetch(`${sim.url}/iam/v3/users`);
    expect(iam.status).toBe(404);
    expect(await iam.json()).toMatchObject({ error: { code: 404 } });
  });

  it("wrong method on a known route: 405 JSON", async () => {
    const res = await fetch(`${sim.url}/ecs/v2.1/${projectId}/servers/detail`, {
      method: "DELETE",
      headers: { "X-Auth-Token": token },
    });
    expect(res.status).toBe(405);
    expect(await res.json()).toEqual({ badMethod: { code: 405, message: expect.any(String) } });
    const iam = await fetch(`${sim.url}/iam/v3/auth/tokens`, { method: "PUT" });
    expect(iam.status).toBe(405);
    expect(await iam.json()).toMatchObject({ error: { code: 405, title: "Method Not Allowed" } });
  });

  it("malformed JSON and a wrong content type: 400 JSON", async () => {
    const res = await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"auth": {',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 400 } });
    const text = await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(text.status).toBe(400);
    const control = await fetch(`${sim.url}/_sim/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "not json",
    });
    expect(control.status).toBe(400);
    expect(await control.json()).toEqual({ error_code: "SIM.0400", error_msg: expect.any(String) });
  });

  it("a handler that throws gives 500 JSON and the simulator keeps serving", async () => {
    const project = sim.ctx.state.projects[projectId];
    if (!project) throw new Error("seeded project missing");
    const servers = project.servers;
    // Corrupt the state so that the ECS handler throws.
    project.servers = null as unknown as typeof servers;
    const res = await fetch(`${sim.url}/ecs/v2.1/${projectId}/servers`, {
      headers: { "X-Auth-Token": token },
    });
    project.servers = servers;
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ computeFault: { code: 500, message: expect.any(String) } });
    const after = await fetch(`${sim.url}/_sim/health`);
    expect(after.status).toBe(200);
  });
});

describe("request size", () => {
  it("refuses a body over 12 MB with 413 JSON", async () => {
    const res = await fetch(`${sim.url}/iam/v3/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"pad":"${"x".repeat(12 * 1024 * 1024)}"}`,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 413 } });
  });
});
