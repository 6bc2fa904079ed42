import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CandidateServersResponse, PolicyView } from "@/lib/schemas/policy";
import {
  idParams,
  noParams,
  type RouteHarness,
  startRouteHarness,
} from "@/lib/testing/route-harness";
import { GET as candidates } from "../servers/protectable/route";
import { POST as execute } from "./[id]/execute/route";
import { GET as getOne, PATCH as patch, PUT as put, DELETE as remove } from "./[id]/route";
import { POST as create, GET as list } from "./route";

const PATTERN =
  "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=1;BYMINUTE=0\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
let h: RouteHarness;
const request: RouteHarness["request"] = (...args) => h.request(...args);

beforeAll(async () => {
  h = await startRouteHarness({ project: "eu-west-0" });
});
afterAll(() => h.close());

async function servers(): Promise<CandidateServersResponse> {
  const res = await candidates(request("GET", "/api/servers/protectable"), noParams);
  expect(res.status).toBe(200);
  return res.json();
}

const body = (name: string, resources: { id: string; name: string }[], extra = {}) => ({
  name,
  description: "made by a test",
  enabled: true,
  pattern: PATTERN,
  retention: { kind: "days", days: 30 },
  tags: [{ key: "team", value: "ops" }],
  resources,
  ...extra,
});

describe("policy routes against the simulator", () => {
  it("lists the seeded policies with their retention, servers and latest backup", async () => {
    const res = await list(request("GET", "/api/policies"), noParams);
    expect(res.status).toBe(200);
    const data = (await res.json()) as { policies: PolicyView[]; lastRunsLoaded: boolean };
    expect(data.lastRunsLoaded).toBe(true);
    expect(data.policies.length).toBeGreaterThan(0);
    for (const p of data.policies) {
      expect(p.operationId).not.toBe("");
      expect(p.pattern).toContain("RRULE");
      expect(["count", "days", "permanent"]).toContain(p.retention.kind);
    }
    expect(data.policies.some((p) => p.lastRun)).toBe(true);
  });

  it("offers servers with their policy and why some cannot be protected", async () => {
    const data = await servers();
    expect(data.servers.length).toBeGreaterThan(5);
    expect(data.servers.some((s) => s.policy !== null && s.protectable)).toBe(true);
    const refused = data.servers.filter((s) => !s.protectable);
    expect(refused.length).toBeGreaterThan(0);
    for (const s of refused) expect(s.reason).toBeTruthy();
    expect(data.backupsQuota?.quota).toBeDefined();
  });

  it("creates, refuses a duplicate name at the name, edits, disables, runs and deletes", async () => {
    const free = (await servers()).servers.filter((s) => s.protectable && !s.policy);
    const first = free[0];
    expect(first).toBeDefined();
    if (!first) return;
    const res = await create(
      request("POST", "/api/policies", body("route-test", [{ id: first.id, name: first.name }])),
      noParams,
    );
    expect(res.status).toBe(200);
    const { policy } = (await res.json()) as { policy: PolicyView };
    expect(policy).toMatchObject({
      name: "route-test",
      enabled: true,
      pattern: PATTERN,
      retention: { kind: "days", days: 30 },
      tags: [{ key: "team", value: "ops" }],
      resources: [{ id: first.id }],
    });

    const dup = await create(request("POST", "/api/policies", body("route-test", [])), noParams);
    expect(dup.status).toBe(400);
    expect((await dup.json()).error).toMatchObject({ code: "CSBS.9007", field: "name" });

    const edited = await put(
      request(
        "PUT",
        `/api/policies/${policy.id}`,
        body("route-test-2", [], {
          operationId: policy.operationId,
          retention: { kind: "count", count: 5 },
        }),
      ),
      idParams(policy.id),
    );
    expect(edited.status).toBe(200);
    expect((await edited.json()).policy).toMatchObject({
      name: "route-test-2",
      retention: { kind: "count", count: 5, both: false },
      resources: [],
    });

    const disabled = await patch(
      request("PATCH", `/api/policies/${policy.id}`, {
        enabled: false,
        operationId: policy.operationId,
      }),
      idParams(policy.id),
    );
    expect((await disabled.json()).policy.enabled).toBe(false);

    const got = await getOne(request("GET", `/api/policies/${policy.id}`), idParams(policy.id));
    expect((await got.json()).policy).toMatchObject({ name: "route-test-2", enabled: false });

    const gone = await remove(request("DELETE", `/api/policies/${policy.id}`), idParams(policy.id));
    expect(gone.status).toBe(204);
    const missing = await getOne(request("GET", `/api/policies/${policy.id}`), idParams(policy.id));
    expect(missing.status).toBe(404);
  });

  it("refuses a server of another policy at the servers, and moves it when asked", async () => {
    const member = (await servers()).servers.find((s) => s.protectable && s.policy);
    expect(member).toBeDefined();
    if (!member?.policy) return;
    const ref = [{ id: member.id, name: member.name }];
    const refused = await create(request("POST", "/api/policies", body("move-1", ref)), noParams);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: "CSBS.6004", field: "servers" });

    const moved = await create(
      request("POST", "/api/policies", body("move-1", ref, { moveServers: true })),
      noParams,
    );
    expect(moved.status).toBe(200);
    const { policy } = (await moved.json()) as { policy: PolicyView };
    const after = (await servers()).servers.find((s) => s.id === member.id);
    expect(after?.policy?.id).toBe(policy.id);

    const run = await execute(
      request("POST", `/api/policies/${policy.id}/execute`, {}),
      idParams(policy.id),
    );
    expect(run.status).toBe(200);
    expect((await run.json()).checkpointId).toBeTruthy();
    // A second run while the first is still backing up is refused with CSBS.1001.
    const again = await execute(
      request("POST", `/api/policies/${policy.id}/execute`, { resources: [member.id] }),
      idParams(policy.id),
    );
    expect((await again.json()).error.code).toBe("CSBS.1001");
  });

  it("checks the pattern with the schedule engine before the cloud sees it", async () => {
    const res = await create(
      request(
        "POST",
        "/api/policies",
        body("bad-pattern", [], { pattern: "FREQ=DAILY;BYHOUR=1;BYMINUTE=0,30" }),
      ),
      noParams,
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "VALIDATION", field: "pattern" });
  });
});

describe("policy ids", () => {
  it("refuses an id that is not a UUID at params.id, before the cloud", async () => {
    await fetch(`${h.sim.url}/_sim/stats/reset`, { method: "POST" });
    const res = await getOne(request("GET", "/api/policies/policy-1"), idParams("policy-1"));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "VALIDATION", field: "params.id" });
    const stats = (await (await fetch(`${h.sim.url}/_sim/stats`)).json()) as { total: number };
    expect(stats.total).toBe(0);
  });
});
