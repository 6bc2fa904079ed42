import { describe, expect, it } from "vitest";
import { createRng } from "../rng";
import { fixtureNow, fixtureProject } from "./fixture";
import { seedCbrState } from "./seed";
import { coerceCbrState } from "./types";
import { vaultUsedMb } from "./views";

describe("seedCbrState", () => {
  it("is deterministic", () => {
    const a = fixtureProject();
    const b = fixtureProject();
    expect(JSON.stringify(a.cbr)).toBe(JSON.stringify(b.cbr));
    const other = seedCbrState(a, createRng("another seed"), fixtureNow);
    expect(other.vaults[0]?.id).not.toBe(a.cbr.vaults[0]?.id);
  });

  it("has server and disk vaults, an empty one, a frozen one, a locked one and one with a policy", () => {
    const { cbr } = fixtureProject();
    expect(cbr.vaults.map((v) => v.objectType)).toEqual([
      "server",
      "server",
      "disk",
      "server",
      "disk",
    ]);
    expect(cbr.vaults.find((v) => v.resources.length === 0)?.name).toBe("vault-empty");
    expect(cbr.vaults.find((v) => v.status === "frozen")?.resources.length).toBe(1);
    expect(cbr.vaults.some((v) => v.locked)).toBe(true);
    const bound = cbr.policies.flatMap((p) => p.associatedVaults.map((a) => a.vaultId));
    expect(cbr.vaults.filter((v) => bound.includes(v.id)).map((v) => v.name)).toEqual([
      "vault-prod-servers",
    ]);
    expect(cbr.policies.map((p) => [p.name, p.enabled, p.associatedVaults.length])).toEqual([
      ["daily-prod-0200utc", true, 1],
      ["weekly-disks-longterm", false, 0],
    ]);
    for (const vault of cbr.vaults) {
      expect(vaultUsedMb(cbr, vault.id)).toBeLessThanOrEqual(vault.sizeGb * 1024);
    }
  });

  it("gives server backups one child per disk and logs every backup", () => {
    const project = fixtureProject();
    const { cbr } = project;
    const serverBackups = cbr.backups.filter((b) => b.resourceType === "OS::Nova::Server");
    expect(serverBackups.length).toBeGreaterThan(100);
    for (const backup of serverBackups) {
      const server = project.servers.find((s) => s.id === backup.resourceId);
      expect(backup.children.map((c) => c.volumeId)).toEqual(server?.volumeIds);
    }
    const statuses = new Set(cbr.backups.map((b) => b.status));
    expect([...statuses].sort()).toEqual(["available", "error", "protecting"]);
    for (const backup of cbr.backups) {
      const log = cbr.operationLogs.find(
        (l) => l.operationType === "backup" && l.backup?.backupId === backup.id,
      );
      expect(log?.status).toBe(
        backup.status === "available"
          ? "success"
          : backup.status === "error"
            ? "failed"
            : "running",
      );
    }
    expect(cbr.operationLogs.some((l) => l.operationType === "restore")).toBe(true);
    // Every backup belongs to a checkpoint that lists it.
    for (const backup of cbr.backups) {
      const checkpoint = cbr.checkpoints.find((c) => c.id === backup.checkpointId);
      expect(checkpoint?.backupIds).toContain(backup.id);
    }
  });

  it("keeps bare-metal servers and shared disks out of the vaults", () => {
    const project = fixtureProject();
    const ids = project.cbr.vaults.flatMap((v) => v.resources.map((r) => r.id));
    expect(ids).not.toContain(project.servers.find((s) => s.bareMetal)?.id);
  });
});

describe("coerceCbrState", () => {
  it("turns a state saved by an older build into an empty but usable one", () => {
    expect(coerceCbrState({} as never)).toEqual({
      policies: [],
      vaults: [],
      backups: [],
      checkpoints: [],
      operationLogs: [],
    });
    const { cbr } = fixtureProject();
    expect(coerceCbrState(cbr)).toEqual(cbr);
  });
});
