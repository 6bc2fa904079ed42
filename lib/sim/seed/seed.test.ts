import { describe, expect, it } from "vitest";
import { createRng } from "../rng";
import { seedCompute } from "./compute";
import { seedState } from "./index";

const now = new Date("2026-11-22T08:00:00Z");

describe("seeded servers and volumes", () => {
  it("is deterministic for a seed and a clock", () => {
    const a = seedCompute("eu-west-0", createRng("s"), now, "normal");
    const b = seedCompute("eu-west-0", createRng("s"), now, "normal");
    expect(a).toEqual(b);
    const c = seedCompute("eu-west-0", createRng("t"), now, "normal");
    expect(c.servers.map((s) => s.id)).not.toEqual(a.servers.map((s) => s.id));
  });

  it("has the special cases the console must handle", () => {
    const { servers, volumes } = seedCompute("cn-north-4", createRng("s"), now, "normal");
    expect(servers).toHaveLength(20);
    const byId = new Map(volumes.map((v) => [v.id, v]));
    expect(servers.filter((s) => s.bareMetal)).toHaveLength(1);
    expect(servers.filter((s) => s.status === "SHUTOFF")).toHaveLength(1);
    expect(servers.filter((s) => s.status === "ERROR")).toHaveLength(1);
    expect(servers.filter((s) => s.volumeIds.length === 0)).toHaveLength(1);
    const shared = volumes.filter((v) => v.multiattach);
    expect(shared).toHaveLength(1);
    expect(shared[0]?.attachments.map((a) => a.serverId)).toHaveLength(2);
    for (const s of servers.filter((x) => x.volumeIds.length > 0)) {
      const system = byId.get(s.volumeIds[0] ?? "");
      expect(system?.bootable).toBe(true);
      expect(system?.attachments.find((a) => a.serverId === s.id)?.device).toBe("/dev/vda");
      const data = s.volumeIds.slice(1).map((id) => byId.get(id));
      expect(data.every((v) => v && !v.bootable && v.availabilityZone === s.availabilityZone)).toBe(
        true,
      );
      expect(data.filter((v) => !v?.multiattach).length).toBeLessThanOrEqual(3);
    }
    expect(new Set(servers.map((s) => s.availabilityZone))).toEqual(
      new Set(["cn-north-4a", "cn-north-4b"]),
    );
  });

  it("has about 500 servers at large scale", () => {
    const { servers } = seedCompute("eu-west-0", createRng("s"), now, "large");
    expect(servers.length).toBeGreaterThanOrEqual(480);
    expect(servers.length).toBeLessThanOrEqual(520);
    expect(new Set(servers.map((s) => s.name)).size).toBe(servers.length);
  });
});

describe("the demo projects", () => {
  it("seeds eu-de with CBR only, the other projects with both services", () => {
    const state = seedState({ seed: "s", scale: "normal", now });
    const byName = new Map(Object.values(state.projects).map((p) => [p.name, p]));
    const cbrOnly = byName.get("eu-de");
    expect(cbrOnly?.csbs.policies).toEqual([]);
    expect(cbrOnly?.csbs.items).toEqual([]);
    expect(cbrOnly?.cbr.vaults.length).toBeGreaterThan(0);
    expect(cbrOnly?.cbr.policies.length).toBeGreaterThan(0);
    // A vault of servers that no policy backs up yet: the CBR-only view of "unprotected".
    const unbound = cbrOnly?.cbr.vaults.find((v) => v.name === "vault-dev-servers");
    expect(unbound?.resources.length).toBeGreaterThan(0);
    const bound = cbrOnly?.cbr.policies.flatMap((p) => p.associatedVaults.map((a) => a.vaultId));
    expect(bound).not.toContain(unbound?.id);
    for (const name of ["eu-west-0", "cn-north-4"]) {
      expect(byName.get(name)?.csbs.policies.length).toBeGreaterThan(0);
    }
  });
});
