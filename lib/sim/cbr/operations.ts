// Creating CBR backups and operation logs: shared by the checkpoint API, the seed and restores.
import { objectTypeOf, providerIds } from "./constants";
import type {
  CbrBackup,
  CbrDiskBackup,
  CbrOperationLog,
  CbrProject,
  CbrServerView,
  CbrVault,
  CbrVaultResource,
  CbrVolumeView,
} from "./types";

/** What the CBR domain code needs from the simulator: time, ids and randomness. */
export type CbrEnv = { now: Date; newId(): string; rand(): number };

export function hex4(rand: () => number): string {
  return Math.floor(rand() * 0x10000)
    .toString(16)
    .padStart(4, "0");
}

export function serverVolumes(
  project: Pick<CbrProject, "volumes">,
  server: CbrServerView,
  exclude: string[] = [],
): CbrVolumeView[] {
  return server.volumeIds
    .filter((id) => !exclude.includes(id))
    .map((id) => project.volumes.find((v) => v.id === id))
    .filter((v): v is CbrVolumeView => v !== undefined);
}

export function requestId(env: Pick<CbrEnv, "newId">): string {
  return `req-${env.newId()}`;
}

export type NewBackup = {
  vault: CbrVault;
  resource: CbrVaultResource;
  checkpointId: string;
  name: string;
  description: string;
  autoTrigger: boolean;
  incremental: boolean;
  createdAt: string;
  expiredAt: string | null;
};

/**
 * A backup of one vault resource, its per-disk children for a server, and the size it stores:
 * a full backup a fraction of the allocated disks, an incremental one a small share of that.
 */
export function buildBackup(
  project: Pick<CbrProject, "servers" | "volumes">,
  input: NewBackup,
  env: Pick<CbrEnv, "newId" | "rand">,
): CbrBackup {
  const { resource } = input;
  const id = env.newId();
  let children: CbrDiskBackup[] = [];
  let az = "";
  let bootable = false;
  let sizeGb = resource.sizeGb;
  if (resource.type === "OS::Nova::Server") {
    const server = project.servers.find((s) => s.id === resource.id);
    const volumes = server ? serverVolumes(project, server, resource.excludeVolumes) : [];
    az = server?.availabilityZone ?? "";
    children = volumes.map((volume) => ({
      id: env.newId(),
      name: `${input.name}_${volume.name}`,
      volumeId: volume.id,
      volumeName: volume.name,
      sizeGb: volume.sizeGb,
      bootable: volume.bootable,
      encrypted: false,
      snapshotId: env.newId(),
    }));
    if (volumes.length > 0) sizeGb = volumes.reduce((sum, v) => sum + v.sizeGb, 0);
  } else {
    const volume = project.volumes.find((v) => v.id === resource.id);
    az = volume?.availabilityZone ?? "";
    bootable = volume?.bootable ?? false;
    if (volume) sizeGb = volume.sizeGb;
  }
  const share = input.incremental ? 0.02 + env.rand() * 0.06 : 0.25 + env.rand() * 0.35;
  return {
    id,
    name: input.name,
    description: input.description,
    checkpointId: input.checkpointId,
    vaultId: input.vault.id,
    resourceId: resource.id,
    resourceName: resource.name,
    resourceType: resource.type,
    resourceAz: az,
    resourceSizeGb: sizeGb,
    status: "protecting",
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    protectedAt: null,
    expiredAt: input.expiredAt,
    autoTrigger: input.autoTrigger,
    incremental: input.incremental,
    sizeMb: Math.max(1, Math.round(sizeGb * 1024 * share)),
    bootable,
    encrypted: false,
    snapshotId: resource.type === "OS::Cinder::Volume" ? env.newId() : null,
    children,
    task: null,
  };
}

/**
 * A new operation log about one backup, started at `at`: what every kind shares (ids, vault,
 * provider, resource). The kind's own parts (policy, backup, restore) come from the caller.
 */
export function operationLogFor(
  backup: CbrBackup,
  vault: Pick<CbrVault, "name"> | undefined,
  env: Pick<CbrEnv, "newId">,
  own: Pick<CbrOperationLog, "operationType" | "status" | "policyId" | "backup" | "restore"> & {
    at: string;
  },
): CbrOperationLog {
  const { at, ...kind } = own;
  return {
    id: env.newId(),
    operationType: kind.operationType,
    status: kind.status,
    checkpointId: backup.checkpointId,
    vaultId: backup.vaultId,
    vaultName: vault?.name ?? "",
    providerId: providerIds[objectTypeOf(backup.resourceType)],
    policyId: kind.policyId,
    createdAt: at,
    startedAt: at,
    updatedAt: at,
    endedAt: null,
    progress: 0,
    requestId: requestId(env),
    errorInfo: { code: "", message: "" },
    resource: { id: backup.resourceId, name: backup.resourceName, type: backup.resourceType },
    backup: kind.backup,
    restore: kind.restore,
  };
}

/** The log of a backup being made in `vault` (`policyId`: the policy that triggered it). */
export function backupOperationLog(
  vault: CbrVault,
  backup: CbrBackup,
  env: Pick<CbrEnv, "newId">,
  policyId: string | null = null,
): CbrOperationLog {
  return operationLogFor(backup, vault, env, {
    operationType: "backup",
    status: "running",
    at: backup.createdAt,
    policyId: backup.autoTrigger ? policyId : null,
    backup: { backupId: backup.id, backupName: backup.name, incremental: backup.incremental },
    restore: null,
  });
}

/** Marks an operation finished at `at` (success or failure). */
export function finishOperation(
  log: CbrOperationLog,
  at: string,
  outcome: { status: "success" } | { status: "failed"; code: string; message: string },
): void {
  log.status = outcome.status;
  log.endedAt = at;
  log.updatedAt = at;
  if (outcome.status === "success") {
    log.progress = 100;
  } else {
    log.errorInfo = { code: outcome.code, message: outcome.message };
  }
}
