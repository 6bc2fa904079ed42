import { describe, expect, it } from "vitest";
import { createRng } from "../rng";
import { createCheckpoint } from "./checkpoints";
import { CbrFailure } from "./errors";
import { fixtureNow, fixtureProject } from "./fixture";
import { advanceCbr } from "./lifecycle";
import type { CbrEnv } from "./operations";
import { parseCheckpointRequest, parseRenameRequest, parseRestoreRequest } from "./requests";
import { startRestore } from "./restore";
import type { CbrProject } from "./types";

const durations = { protectMs: 10_000, restoreMs: 5_000, deleteMs: 1_000, tickMs: 100 };

function envAt(now: Date): CbrEnv {
  let n = 0;
  const rand = createRng("domain-test");
  return {
    now,
    rand,
    newId: () => `aaaaaaaa-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  };
}

/** The refusal `fn` throws, as `code: message`. */
function refusal(fn: () => unknown): { status: number; code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof CbrFailure) {
      return { status: error.status, code: error.code, message: error.message };
    }
    throw error;
  }
  throw new Error("expected a CBR refusal");
}

const vaultNamed = (project: CbrProject, name: string) => {
  const vault = project.cbr.vaults.find((v) => v.name === name);
  if (!vault) throw new Error(name);
  return vault;
};

/** A project whose seeded jobs have all finished. */
function settled(): CbrProject {
  const project = fixtureProject();
  advanceCbr(project.cbr, new Date(fixtureNow.getTime() + 3_600_000), durations);
  return project;
}

describe("request parsing", () => {
  it("accepts the seed 004 sample and applies the documented defaults", () => {
    const request = parseCheckpointRequest({
      checkpoint: {
        parameters: {
          auto_trigger: true,
          description: "backup_description",
          incremental: true,
          name: "backup_name",
          resources: ["94eba8b2-acc9-4d82-badc-127144cc5526"],
        },
        vault_id: "3b5816b5-f29c-4172-9d9a-76c719a659ce",
      },
    });
    expect(request).toMatchObject({ autoTrigger: true, name: "backup_name", incremental: true });
    const bare = parseCheckpointRequest({
      checkpoint: { vault_id: "3b5816b5-f29c-4172-9d9a-76c719a659ce" },
    });
    expect(bare).toMatchObject({
      autoTrigger: false,
      incremental: true,
      name: null,
      resources: [],
    });
  });

  it.each([
    ["a", true],
    ["A-b_9", true],
    ["x".repeat(64), true],
    ["", false],
    ["x".repeat(65), false],
    ["has space", false],
    ["dot.name", false],
    ["名字", false],
  ])("backup name %j valid: %s", (name, ok) => {
    const parse = () => parseRenameRequest({ backup: { name } });
    if (ok) expect(parse()).toEqual({ name });
    else expect(refusal(parse)).toMatchObject({ status: 400, code: "BackupService.9900" });
  });

  it("names the field in its refusals", () => {
    expect(
      refusal(() => parseRenameRequest({ backup: { description: "d".repeat(256) } })).message,
    ).toContain("backup.description");
    expect(refusal(() => parseCheckpointRequest({ checkpoint: {} })).message).toContain(
      "checkpoint.vault_id",
    );
    expect(
      refusal(() => parseCheckpointRequest({ checkpoint: { vault_id: "nope" } })).message,
    ).toBe("Invalid checkpoint.vault_id provided.");
    expect(refusal(() => parseRestoreRequest({ restore: { power_on: "yes" } })).message).toContain(
      "power_on",
    );
    expect(parseRestoreRequest({ restore: {} }).powerOn).toBe(true);
  });
});

describe("createCheckpoint", () => {
  it("backs up every resource of a vault, then the backups become available", () => {
    const project = settled();
    const vault = vaultNamed(project, "vault-dev-servers");
    const now = new Date(fixtureNow.getTime() + 2 * 3_600_000);
    const checkpoint = createCheckpoint(
      project,
      parseCheckpointRequest({ checkpoint: { vault_id: vault.id } }),
      envAt(now),
    );
    expect(checkpoint.status).toBe("protecting");
    expect(checkpoint.name).toMatch(/^manualbk_[0-9a-f]{4}$/);
    expect(checkpoint.resources.map((r) => r.id)).toEqual(vault.resources.map((r) => r.id));
    expect(checkpoint.skipped).toEqual([]);
    const backups = project.cbr.backups.filter((b) => b.checkpointId === checkpoint.id);
    expect(backups.map((b) => b.status)).toEqual(vault.resources.map(() => "protecting"));
    // Earlier available backups exist, so these are incremental.
    expect(backups.every((b) => b.incremental)).toBe(true);

    expect(advanceCbr(project.cbr, new Date(now.getTime() + 9_999), durations)).toBe(false);
    expect(advanceCbr(project.cbr, new Date(now.getTime() + 10_000), durations)).toBe(true);
    expect(backups.map((b) => b.status)).toEqual(vault.resources.map(() => "available"));
    expect(backups[0]?.protectedAt).toBe(new Date(now.getTime() + 10_000).toISOString());
    expect(checkpoint.status).toBe("available");
    const logs = project.cbr.operationLogs.filter((l) => l.checkpointId === checkpoint.id);
    expect(logs.map((l) => [l.operationType, l.status, l.progress])).toEqual(
      vault.resources.map(() => ["backup", "success", 100]),
    );
  });

  it("skips a resource that is already being backed up and says why", () => {
    const project = settled();
    const vault = vaultNamed(project, "vault-prod-servers");
    const [first, second] = vault.resources;
    if (!first || !second) throw new Error("fixture");
    const env = envAt(new Date(fixtureNow.getTime() + 2 * 3_600_000));
    createCheckpoint(
      project,
      parseCheckpointRequest({
        checkpoint: { vault_id: vault.id, parameters: { resources: [first.id] } },
      }),
      env,
    );
    const again = createCheckpoint(
      project,
      parseCheckpointRequest({
        checkpoint: {
          vault_id: vault.id,
          parameters: {
            name: "subset_1",
            incremental: false,
            resource_details: [
              { id: first.id, type: "OS::Nova::Server" },
              { id: second.id, type: "OS::Nova::Server", name: second.name },
            ],
          },
        },
      }),
      env,
    );
    expect(again.resources.map((r) => r.id)).toEqual([second.id]);
    expect(again.skipped).toEqual([
      {
        id: first.id,
        name: first.name,
        type: "OS::Nova::Server",
        code: "BackupService.0002",
        reason: "The resource is being backed up.",
      },
    ]);
    const backup = project.cbr.backups.find((b) => b.checkpointId === again.id);
    expect(backup).toMatchObject({ name: "subset_1", incremental: false, resourceId: second.id });
    // When every resource is skipped the whole request is refused.
    expect(
      refusal(() =>
        createCheckpoint(
          project,
          parseCheckpointRequest({
            checkpoint: { vault_id: vault.id, parameters: { resources: [first.id, second.id] } },
          }),
          env,
        ),
      ),
    ).toMatchObject({ status: 400, code: "BackupService.0001" });
  });

  it("refuses what the reference refuses", () => {
    const project = settled();
    const env = envAt(fixtureNow);
    const attempt = (vaultName: string, parameters?: object) => () =>
      createCheckpoint(
        project,
        parseCheckpointRequest({
          checkpoint: { vault_id: vaultNamed(project, vaultName).id, parameters },
        }),
        env,
      );
    expect(refusal(attempt("vault-empty"))).toMatchObject({ code: "BackupService.0001" });
    expect(refusal(attempt("vault-archive-frozen"))).toMatchObject({ code: "BackupService.6113" });
    const diskId = vaultNamed(project, "vault-data-disks").resources[0]?.id;
    expect(refusal(attempt("vault-prod-servers", { resources: [diskId] }))).toMatchObject({
      status: 400,
      code: "BackupService.6135",
    });
    expect(
      refusal(
        attempt("vault-prod-servers", {
          resource_details: [{ id: diskId, type: "OS::Cinder::Volume" }],
        }),
      ),
    ).toMatchObject({ code: "BackupService.6102" });
    expect(
      refusal(() =>
        createCheckpoint(
          project,
          parseCheckpointRequest({
            checkpoint: { vault_id: "3b5816b5-f29c-4172-9d9a-76c719a659ce" },
          }),
          env,
        ),
      ),
    ).toMatchObject({ status: 404, code: "BackupService.6105" });
    const full = vaultNamed(project, "vault-dev-servers");
    full.sizeGb = 1;
    expect(refusal(attempt("vault-dev-servers"))).toMatchObject({ code: "BackupService.6114" });
  });

  it("leaves out the disks a resource detail excludes", () => {
    const project = settled();
    const vault = vaultNamed(project, "vault-dev-servers");
    const resource = vault.resources.find(
      (r) => (project.servers.find((s) => s.id === r.id)?.volumeIds.length ?? 0) >= 2,
    );
    const server = project.servers.find((s) => s.id === resource?.id);
    if (!resource || !server) throw new Error("fixture");
    const [systemDisk, ...dataDisks] = server.volumeIds;
    const checkpoint = createCheckpoint(
      project,
      parseCheckpointRequest({
        checkpoint: {
          vault_id: vault.id,
          parameters: {
            resource_details: [
              {
                id: resource.id,
                type: "OS::Nova::Server",
                extra_info: { exclude_volumes: dataDisks },
              },
            ],
          },
        },
      }),
      envAt(fixtureNow),
    );
    const backup = project.cbr.backups.find((b) => b.checkpointId === checkpoint.id);
    expect(backup?.children.map((c) => c.volumeId)).toEqual([systemDisk]);
    // The vault's own resource keeps all its disks for the next backups.
    expect(resource.excludeVolumes).toEqual([]);
  });

  it("skips a server that is in error or has lost its disks", () => {
    const project = settled();
    const vault = vaultNamed(project, "vault-dev-servers");
    const [a, b] = vault.resources;
    const serverA = project.servers.find((s) => s.id === a?.id);
    const serverB = project.servers.find((s) => s.id === b?.id);
    if (!serverA || !serverB) throw new Error("fixture");
    serverA.status = "ERROR";
    serverB.volumeIds = [];
    const checkpoint = createCheckpoint(
      project,
      parseCheckpointRequest({ checkpoint: { vault_id: vault.id } }),
      envAt(fixtureNow),
    );
    expect(checkpoint.skipped.map((s) => s.code)).toEqual([
      "BackupService.7101",
      "BackupService.7108",
    ]);
  });
});

describe("startRestore", () => {
  function available(project: CbrProject) {
    const backup = project.cbr.backups.find(
      (b) =>
        b.resourceType === "OS::Nova::Server" && b.status === "available" && b.children.length >= 2,
    );
    if (!backup) throw new Error("fixture");
    return backup;
  }
  const mappingsOf = (backup: ReturnType<typeof available>) =>
    backup.children.map((child) => ({ backup_id: child.id, volume_id: child.volumeId }));

  it("starts a restore job that ends with the backup available and the log successful", () => {
    const project = settled();
    const backup = available(project);
    const now = new Date(fixtureNow.getTime() + 2 * 3_600_000);
    const log = startRestore(
      project,
      backup,
      parseRestoreRequest({
        restore: { mappings: mappingsOf(backup), server_id: backup.resourceId, power_on: false },
      }),
      envAt(now),
    );
    expect(backup.status).toBe("restoring");
    expect(log).toMatchObject({ operationType: "restore", status: "running" });
    expect(log.restore).toMatchObject({ backupId: backup.id, targetResourceId: backup.resourceId });
    expect(
      refusal(() =>
        startRestore(
          project,
          backup,
          parseRestoreRequest({
            restore: { mappings: mappingsOf(backup), server_id: backup.resourceId },
          }),
          envAt(now),
        ),
      ),
    ).toMatchObject({ code: "BackupService.2010" });
    advanceCbr(project.cbr, new Date(now.getTime() + durations.restoreMs), durations);
    expect(backup.status).toBe("available");
    expect(log).toMatchObject({ status: "success", progress: 100 });
  });

  it("accepts a partial mapping, as CBR does", () => {
    const project = settled();
    const backup = available(project);
    const [first] = mappingsOf(backup);
    const log = startRestore(
      project,
      backup,
      parseRestoreRequest({ restore: { mappings: [first], server_id: backup.resourceId } }),
      envAt(fixtureNow),
    );
    expect(log.status).toBe("running");
  });

  it("maps each rule of lib/restore to its CBR code", () => {
    const project = settled();
    const backup = available(project);
    const [system, data] = backup.children;
    if (!system || !data) throw new Error("fixture");
    const attempt = (restore: object) => () =>
      startRestore(project, backup, parseRestoreRequest({ restore }), envAt(fixtureNow));
    const server = backup.resourceId;
    const otherServer = project.servers.find((s) => s.id !== server && s.volumeIds.length > 1);
    const foreignVolume = otherServer?.volumeIds[1];

    expect(refusal(attempt({ server_id: server }))).toMatchObject({ code: "BackupService.9900" });
    expect(
      refusal(
        attempt({
          server_id: server,
          mappings: [{ backup_id: data.id, volume_id: system.volumeId }],
        }),
      ),
    ).toMatchObject({ code: "BackupService.2013" });
    // A smaller disk of the same server: shrink the data disk's twin to provoke it.
    const dataVolume = project.volumes.find((v) => v.id === data.volumeId);
    if (!dataVolume) throw new Error("fixture");
    dataVolume.sizeGb = data.sizeGb - 1;
    expect(
      refusal(
        attempt({
          server_id: server,
          mappings: [{ backup_id: data.id, volume_id: data.volumeId }],
        }),
      ),
    ).toMatchObject({ code: "BackupService.2001" });
    dataVolume.sizeGb = data.sizeGb;
    expect(
      refusal(
        attempt({
          server_id: server,
          mappings: [{ backup_id: data.id, volume_id: foreignVolume }],
        }),
      ),
    ).toMatchObject({ code: "BackupService.2012" });
    expect(
      refusal(
        attempt({
          server_id: server,
          mappings: [
            { backup_id: "aaaaaaaa-0000-4000-8000-999999999999", volume_id: data.volumeId },
          ],
        }),
      ),
    ).toMatchObject({ code: "BackupService.9900" });
    expect(
      refusal(
        attempt({
          server_id: server,
          mappings: [
            { backup_id: system.id, volume_id: system.volumeId },
            { backup_id: data.id, volume_id: system.volumeId },
          ],
        }),
      ).code,
    ).toMatch(/BackupService\.(9900|2013)/);
    expect(
      refusal(
        attempt({
          server_id: server,
          mappings: [{ backup_id: data.id, volume_id: "aaaaaaaa-0000-4000-8000-999999999999" }],
        }),
      ),
    ).toMatchObject({ status: 404, code: "BackupService.7000" });
    expect(
      refusal(attempt({ server_id: otherServer?.id, mappings: mappingsOf(backup) })),
    ).toMatchObject({ code: "BackupService.2003" });
    dataVolume.multiattach = true;
    expect(
      refusal(
        attempt({
          server_id: server,
          mappings: [{ backup_id: data.id, volume_id: data.volumeId }],
        }),
      ),
    ).toMatchObject({ code: "BackupService.2009" });
  });

  it("refuses a backup that is not available", () => {
    const project = fixtureProject();
    const protecting = project.cbr.backups.find((b) => b.status === "protecting");
    if (!protecting) throw new Error("fixture");
    expect(
      refusal(() =>
        startRestore(
          project,
          protecting,
          parseRestoreRequest({ restore: { server_id: protecting.resourceId, mappings: [] } }),
          envAt(fixtureNow),
        ),
      ),
    ).toMatchObject({ code: "BackupService.2005" });
  });

  it("restores a disk backup to a volume of at least its size", () => {
    const project = settled();
    const backup = project.cbr.backups.find(
      (b) => b.resourceType === "OS::Cinder::Volume" && b.status === "available",
    );
    if (!backup) throw new Error("fixture");
    const small = project.volumes.find((v) => v.sizeGb < backup.resourceSizeGb && !v.bootable);
    expect(
      refusal(() =>
        startRestore(
          project,
          backup,
          parseRestoreRequest({ restore: { volume_id: small?.id } }),
          envAt(fixtureNow),
        ),
      ),
    ).toMatchObject({ code: "BackupService.2001" });
    const log = startRestore(
      project,
      backup,
      parseRestoreRequest({ restore: { volume_id: backup.resourceId } }),
      envAt(fixtureNow),
    );
    expect(log.restore?.targetResourceId).toBe(backup.resourceId);
  });
});
