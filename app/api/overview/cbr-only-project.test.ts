import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OverviewResponse } from "@/lib/schemas/backups";
import type { SessionInfo } from "@/lib/schemas/session";
import type { VaultListResponse } from "@/lib/schemas/vault";
import { noParams, type RouteHarness, startRouteHarness } from "@/lib/testing/route-harness";
import { GET as session } from "../auth/session/route";
import { POST as createCsbsPolicy, GET as listCsbsPolicies } from "../policies/route";
import { GET as listVaults } from "../vaults/route";
import { GET as overview } from "./route";

// eu-de is the simulator's CBR-only project: its catalog has no CSBS (as on OTC since
// 2025-08-01). Every view must tell the CBR truth there, and nothing may offer CSBS.
let h: RouteHarness;
beforeAll(async () => {
  h = await startRouteHarness({ project: "eu-de" });
});
afterAll(() => h.close());

describe("a project whose region has no CSBS", () => {
  it("says so in the session, lists no CSBS policy and refuses to create one", async () => {
    const info = (await (await session(h.request("GET", "/api/auth/session"), noParams)).json()) as
      | SessionInfo
      | { session: SessionInfo };
    const services = "session" in info ? info.session.services : info.services;
    expect(services).toEqual({ csbs: false, cbr: true });

    const list = await listCsbsPolicies(h.request("GET", "/api/policies"), noParams);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { policies: unknown[] }).policies).toEqual([]);

    const created = await createCsbsPolicy(
      h.request("POST", "/api/policies", {
        name: "never",
        description: "",
        enabled: true,
        pattern:
          "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nRRULE:FREQ=DAILY;BYHOUR=1;BYMINUTE=0\r\nEND:VEVENT\r\nEND:VCALENDAR",
        retention: { kind: "days", days: 30 },
        tags: [],
        resources: [],
      }),
      noParams,
    );
    // A valid policy, refused because the project has no CSBS, never sent to one.
    expect(created.status).toBe(409);
    expect(((await created.json()) as { error: { code: string } }).error.code).toBe("NO_ENDPOINT");
    expect(h.sim.changeRoutes()["POST /csbs/v1/:project_id/policies"] ?? 0).toBe(0);
  });

  it("counts CBR only: tiles, coverage by vault and policy, failures, chart", async () => {
    const res = await overview(h.request("GET", "/api/overview"), noParams);
    expect(res.status).toBe(200);
    const body = (await res.json()) as OverviewResponse;
    expect(body.counts.length).toBeGreaterThan(0);
    expect(body.counts.every((c) => c.service === "cbr")).toBe(true);
    expect(body.counts.find((c) => c.status === "available")?.count).toBeGreaterThan(0);
    expect(body.quotas).toEqual([]);

    const vaults = (await (
      await listVaults(h.request("GET", "/api/vaults"), noParams)
    ).json()) as VaultListResponse;
    const members = (name: string) =>
      new Set(vaults.vaults.find((v) => v.name === name)?.resources.map((r) => r.id));
    const prod = members("vault-prod-servers");
    const dev = members("vault-dev-servers");
    expect(prod.size).toBeGreaterThan(0);
    expect(dev.size).toBeGreaterThan(0);
    const without = new Set(body.coverage.withoutPolicy.map((s) => s.id));
    // The seeded policy's vault protects its servers; the dev vault follows no policy.
    for (const id of prod) expect(without.has(id)).toBe(false);
    for (const id of dev) expect(without.has(id)).toBe(true);
    // Its daily backups count as recent successes.
    const stale = new Set(body.coverage.withoutRecentSuccess.map((s) => s.id));
    for (const id of prod) expect(stale.has(id)).toBe(false);

    expect(body.daily.reduce((sum, d) => sum + d.available, 0)).toBeGreaterThan(0);
    expect(body.failures.items.every((i) => i.service === "cbr")).toBe(true);
    expect(body.running.every((i) => i.service === "cbr")).toBe(true);
    expect(body.scheduled.length).toBeGreaterThan(0);
  });
});
