// POST /checkpoints: back up a vault (all its resources or some), per seeds/004 and the reference.
import { protectingStatuses, resourceTypeOf } from "./constants";
import { type CbrErrorCode, cbrErrors, fail } from "./errors";
import { backupOperationLog, buildBackup, type CbrEnv, hex4, serverVolumes } from "./operations";
import type { CheckpointRequest } from "./requests";
import type {
  CbrCheckpoint,
  CbrProject,
  CbrSkippedResource,
  CbrVault,
  CbrVaultResource,
} from "./types";
import { vaultUsedMb } from "./views";

/** Why a resource cannot be backed up now, or null when it can. */
function skipReason(
  project: CbrProject,
  resource: CbrVaultResource,
): { error: CbrErrorCode; reason: string } | null {
  const backups = project.cbr.backups.filter((b) => b.resourceId === resource.id);
  if (backups.some((b) => protectingStatuses.has(b.status))) {
    return { error: cbrErrors.resourceBeingBackedUp, reason: "The resource is being backed up." };
  }
  if (backups.some((b) => b.status === "restoring")) {
    return { error: cbrErrors.resourceBeingRestored, reason: "The resource is being restored." };
  }
  if (resource.type === "OS::Nova::Server") {
    const server = project.servers.find((s) => s.id === resource.id);
    if (!server) return { error: cbrErrors.serverNotFound, reason: "The server does not exist." };
    if (server.status === "ERROR") {
      return {
        error: cbrErrors.serverStatusForbidsBackup,
        reason: `Backup is not allowed in the current server status (${server.status}).`,
      };
    }
    const volumes = serverVolumes(project, server, resource.excludeVolumes);
    if (volumes.length === 0) {
      return { error: cbrErrors.serverWithoutDisks, reason: "The server has no disk to back up." };
    }
    const shared = volumes.find((v) => v.multiattach);
    if (shared) {
      return {
        error: cbrErrors.sharedDiskForbidsBackup,
        reason: `The server has a shared disk (${shared.name}), which cannot be backed up.`,
      };
    }
  } else {
    const volume = project.volumes.find((v) => v.id === resource.id);
    if (!volume) return { error: cbrErrors.diskNotFound, reason: "The disk does not exist." };
    if (volume.status === "error") {
      return {
        error: cbrErrors.diskStatusForbidsBackup,
        reason: `Backup is not allowed in the current disk status (${volume.status}).`,
      };
    }
  }
  return null;
}

/** The vault resources a request names, in request order; every vault resource when it names none. */
function requestedResources(vault: CbrVault, request: CheckpointRequest): CbrVaultResource[] {
  const wantedType = resourceTypeOf[vault.objectType];
  for (const detail of request.resourceDetails) {
    if (detail.type !== wantedType) {
      fail("vaultTypeMismatch", `Resource (${detail.id}) is of type ${detail.type}.`);
    }
  }
  const ids = [...new Set([...request.resources, ...request.resourceDetails.map((d) => d.id)])];
  if (ids.length === 0) return vault.resources;
  return ids.map((id) => {
    const resource = vault.resources.find((r) => r.id === id);
    if (!resource) fail("resourceNotInVault", `Resource (${id}) is not in vault (${vault.id}).`);
    const exclude = request.resourceDetails.find((d) => d.id === id)?.excludeVolumes ?? [];
    if (exclude.length === 0) return resource;
    return { ...resource, excludeVolumes: [...new Set([...resource.excludeVolumes, ...exclude])] };
  });
}

export function createCheckpoint(
  project: CbrProject,
  request: CheckpointRequest,
  env: CbrEnv,
): CbrCheckpoint {
  const { cbr } = project;
  const vault = cbr.vaults.find((v) => v.id === request.vaultId);
  if (!vault) fail("vaultNotFound", `Vault (${request.vaultId}) not found.`);
  if (vault.status !== "available") {
    fail("vaultStatusForbidsBackup", `The vault status is ${vault.status}.`);
  }
  if (vault.resources.length === 0) {
    fail("noResourceToBackUp", "The vault has no associated resources.");
  }
  const resources = requestedResources(vault, request);
  if (!vault.autoExpand && vaultUsedMb(cbr, vault.id) >= vault.sizeGb * 1024) {
    fail("vaultFull", `Vault (${vault.id}) uses all of its ${vault.sizeGb} GB.`);
  }

  const accepted: CbrVaultResource[] = [];
  const skipped: CbrSkippedResource[] = [];
  for (const resource of resources) {
    const skip = skipReason(project, resource);
    if (skip) {
      skipped.push({
        id: resource.id,
        name: resource.name,
        type: resource.type,
        code: skip.error.code,
        reason: skip.reason,
      });
    } else {
      accepted.push(resource);
    }
  }
  if (accepted.length === 0) {
    const reasons = skipped.map((s) => `${s.name}: ${s.reason}`).join(" ");
    fail("noResourceToBackUp", reasons);
  }

  const createdAt = env.now.toISOString();
  const prefix = request.autoTrigger ? "autobk" : "manualbk";
  const name = request.name ?? `${prefix}_${hex4(env.rand)}`;
  const checkpoint: CbrCheckpoint = {
    id: env.newId(),
    vaultId: vault.id,
    vaultName: vault.name,
    status: "protecting",
    createdAt,
    name,
    description: request.description,
    incremental: request.incremental,
    autoTrigger: request.autoTrigger,
    retentionDuration: -1,
    resources: accepted.map((r) => ({ id: r.id, name: r.name, type: r.type, sizeGb: r.sizeGb })),
    skipped,
    backupIds: [],
  };

  for (const resource of accepted) {
    // The first backup of a resource in a vault is always full, whatever was asked.
    const hasBase = cbr.backups.some(
      (b) => b.vaultId === vault.id && b.resourceId === resource.id && b.status === "available",
    );
    const backup = buildBackup(
      project,
      {
        vault,
        resource,
        checkpointId: checkpoint.id,
        name,
        description: request.description,
        autoTrigger: request.autoTrigger,
        incremental: request.incremental && hasBase,
        createdAt,
        expiredAt: null,
      },
      env,
    );
    const log = backupOperationLog(vault, backup, env);
    backup.task = { kind: "protect", startedAt: createdAt, opLogId: log.id };
    cbr.backups.push(backup);
    cbr.operationLogs.push(log);
    checkpoint.backupIds.push(backup.id);
  }
  cbr.checkpoints.push(checkpoint);
  return checkpoint;
}
