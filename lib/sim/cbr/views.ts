// State → JSON exactly as the CBR v3 API reference shapes it (snake_case, CBR time format).
import { objectTypeOf, providerIds, specCodes } from "./constants";
import { cbrTime } from "./time";
import type {
  CbrBackup,
  CbrCheckpoint,
  CbrDiskBackup,
  CbrOperationLog,
  CbrState,
  CbrVault,
  CbrVaultResource,
} from "./types";

type Json = Record<string, unknown>;

/** Backups that occupy vault capacity: everything but failed ones. */
function occupies(backup: CbrBackup): boolean {
  return backup.status !== "error";
}

export function vaultUsedMb(state: CbrState, vaultId: string): number {
  let used = 0;
  for (const backup of state.backups) {
    if (backup.vaultId === vaultId && occupies(backup)) used += backup.sizeMb;
  }
  return used;
}

/** Protection status of a vault resource, derived from what its backups are doing now. */
export function resourceProtectStatus(
  state: CbrState,
  vaultId: string,
  resourceId: string,
): "available" | "protecting" | "restoring" {
  let status: "available" | "protecting" | "restoring" = "available";
  for (const backup of state.backups) {
    if (backup.vaultId !== vaultId || backup.resourceId !== resourceId) continue;
    if (backup.status === "restoring") return "restoring";
    if (backup.status === "protecting" || backup.status === "waiting_protect")
      status = "protecting";
  }
  return status;
}

function resourceJson(state: CbrState, vault: CbrVault, resource: CbrVaultResource): Json {
  let count = 0;
  let size = 0;
  for (const backup of state.backups) {
    if (backup.vaultId === vault.id && backup.resourceId === resource.id && occupies(backup)) {
      count += 1;
      size += backup.sizeMb;
    }
  }
  return {
    id: resource.id,
    name: resource.name,
    type: resource.type,
    protect_status: resourceProtectStatus(state, vault.id, resource.id),
    size: resource.sizeGb,
    backup_size: size,
    backup_count: count,
    auto_protect: resource.autoProtect,
    extra_info: { exclude_volumes: resource.excludeVolumes },
  };
}

export function vaultJson(state: CbrState, projectId: string, vault: CbrVault): Json {
  const json: Json = {
    id: vault.id,
    name: vault.name,
    description: vault.description,
    project_id: projectId,
    provider_id: providerIds[vault.objectType],
    user_id: vault.userId,
    created_at: cbrTime(vault.createdAt),
    // The reference's samples send this as the number 0 although the SDK types it as a string.
    enterprise_project_id: 0,
    auto_bind: vault.autoBind,
    bind_rules: vault.bindRules?.length
      ? { tags: vault.bindRules.map((tag) => ({ key: tag.key, value: tag.value })) }
      : {},
    threshold: vault.threshold ?? 80,
    smn_notify: vault.smnNotify ?? true,
    auto_expand: vault.autoExpand,
    locked: vault.locked,
    billing: {
      allocated: vault.resources.reduce((sum, r) => sum + r.sizeGb, 0),
      charging_mode: "post_paid",
      cloud_type: "public",
      consistent_level: vault.consistentLevel ?? "crash_consistent",
      object_type: vault.objectType,
      protect_type: vault.protectType ?? "backup",
      size: vault.sizeGb,
      spec_code: specCodes[vault.objectType],
      status: vault.status,
      storage_unit: "",
      used: vaultUsedMb(state, vault.id),
      ...(vault.frozenScene ? { frozen_scene: vault.frozenScene } : {}),
    },
    resources: vault.resources.map((resource) => resourceJson(state, vault, resource)),
    tags: vault.tags.map((tag) => ({ key: tag.key, value: tag.value })),
  };
  return json;
}

export function childJson(projectId: string, parent: CbrBackup, child: CbrDiskBackup): Json {
  return {
    id: child.id,
    name: child.name,
    description: "",
    checkpoint_id: parent.checkpointId,
    vault_id: parent.vaultId,
    provider_id: providerIds.server,
    project_id: projectId,
    parent_id: parent.id,
    resource_id: child.volumeId,
    resource_name: child.volumeName,
    resource_type: "OS::Cinder::Volume",
    resource_az: parent.resourceAz,
    resource_size: child.sizeGb,
    image_type: "backup",
    status: parent.status,
    created_at: cbrTime(parent.createdAt),
    updated_at: cbrTime(parent.updatedAt),
    expired_at: cbrTime(parent.expiredAt),
    protected_at: cbrTime(parent.protectedAt),
    enterprise_project_id: 0,
    replication_records: [],
    extend_info: {
      auto_trigger: parent.autoTrigger,
      bootable: child.bootable,
      incremental: parent.incremental,
      snapshot_id: child.snapshotId,
      encrypted: child.encrypted,
      system_disk: child.bootable,
    },
    children: [],
  };
}

export function backupJson(projectId: string, backup: CbrBackup): Json {
  const isServer = backup.resourceType === "OS::Nova::Server";
  const restorable = backup.status === "available" || backup.status === "restoring";
  const extendInfo: Json = {
    auto_trigger: backup.autoTrigger,
    incremental: backup.incremental,
    supported_restore_mode: restorable ? "backup" : "na",
    support_lld: true,
    encrypted: backup.encrypted,
    os_images_data: [],
  };
  if (isServer) {
    extendInfo.contain_system_disk = backup.children.some((child) => child.bootable);
    extendInfo.system_disk = false;
  } else {
    extendInfo.bootable = backup.bootable;
    extendInfo.system_disk = backup.bootable;
    if (backup.snapshotId) extendInfo.snapshot_id = backup.snapshotId;
  }
  return {
    id: backup.id,
    name: backup.name,
    description: backup.description,
    checkpoint_id: backup.checkpointId,
    vault_id: backup.vaultId,
    provider_id: providerIds[objectTypeOf(backup.resourceType)],
    project_id: projectId,
    resource_id: backup.resourceId,
    resource_name: backup.resourceName,
    resource_type: backup.resourceType,
    resource_az: backup.resourceAz,
    resource_size: backup.resourceSizeGb,
    image_type: "backup",
    status: backup.status,
    created_at: cbrTime(backup.createdAt),
    updated_at: cbrTime(backup.updatedAt),
    expired_at: cbrTime(backup.expiredAt),
    protected_at: cbrTime(backup.protectedAt),
    enterprise_project_id: 0,
    replication_records: [],
    extend_info: extendInfo,
    children: backup.children.map((child) => childJson(projectId, backup, child)),
  };
}

export function checkpointJson(
  state: CbrState,
  projectId: string,
  checkpoint: CbrCheckpoint,
): Json {
  const backups = checkpoint.backupIds
    .map((id) => state.backups.find((backup) => backup.id === id))
    .filter((backup): backup is CbrBackup => backup !== undefined);
  return {
    id: checkpoint.id,
    project_id: projectId,
    status: checkpoint.status,
    created_at: cbrTime(checkpoint.createdAt),
    vault: {
      id: checkpoint.vaultId,
      name: checkpoint.vaultName,
      resources: checkpoint.resources.map((resource) => {
        const backup = backups.find((b) => b.resourceId === resource.id);
        return {
          id: resource.id,
          name: resource.name,
          type: resource.type,
          protect_status: protectStatusOfBackup(backup),
          // The reference types these three as strings but its samples send resource_size as a
          // number: the simulator does the same, so clients must read both.
          resource_size: resource.sizeGb,
          backup_size: String(backup?.sizeMb ?? 0),
          backup_count: String(backup ? 1 : 0),
        };
      }),
      skipped_resources: checkpoint.skipped.map((skipped) => ({
        id: skipped.id,
        type: skipped.type,
        name: skipped.name,
        code: skipped.code,
        reason: skipped.reason,
      })),
    },
    extra_info: {
      name: checkpoint.name,
      description: checkpoint.description,
      retention_duration: checkpoint.retentionDuration,
    },
  };
}

function protectStatusOfBackup(backup: CbrBackup | undefined): string {
  if (!backup) return "error";
  switch (backup.status) {
    case "available":
      return "available";
    case "restoring":
      return "restoring";
    case "error":
      return "error";
    default:
      return "protecting";
  }
}

/** Progress of an operation: stored once finished, derived from the clock while it runs. */
export function operationProgress(log: CbrOperationLog, now: Date, durationMs: number): number {
  if (log.status !== "running") return log.progress;
  if (durationMs <= 0) return 99;
  const elapsed = now.getTime() - Date.parse(log.startedAt);
  return Math.max(0, Math.min(99, Math.floor((elapsed / durationMs) * 100)));
}

export function operationLogJson(projectId: string, log: CbrOperationLog, progress: number): Json {
  const extraInfo: Json = {
    resource: { id: log.resource.id, name: log.resource.name, type: log.resource.type },
    common: { progress, request_id: log.requestId, task_id: log.id },
  };
  if (log.backup) {
    extraInfo.backup = {
      backup_id: log.backup.backupId,
      backup_name: log.backup.backupName,
      // A string on purpose: the reference enumerates it as "true"/"false".
      incremental: String(log.backup.incremental),
    };
  }
  if (log.deleteCounts) {
    const counts = { total_count: log.deleteCounts.total, fail_count: log.deleteCounts.failed };
    extraInfo[log.operationType === "vault_delete" ? "vault_delete" : "remove_resources"] = counts;
  }
  if (log.restore) {
    extraInfo.restore = {
      backup_id: log.restore.backupId,
      backup_name: log.restore.backupName,
      target_resource_id: log.restore.targetResourceId,
      target_resource_name: log.restore.targetResourceName,
    };
  }
  const json: Json = {
    id: log.id,
    project_id: projectId,
    provider_id: log.providerId,
    checkpoint_id: log.checkpointId ?? "",
    operation_type: log.operationType,
    status: log.status,
    vault_id: log.vaultId,
    vault_name: log.vaultName,
    created_at: cbrTime(log.createdAt),
    started_at: cbrTime(log.startedAt),
    updated_at: cbrTime(log.updatedAt),
    error_info: { code: log.errorInfo.code, message: log.errorInfo.message },
    extra_info: extraInfo,
  };
  if (log.endedAt) json.ended_at = cbrTime(log.endedAt);
  if (log.policyId) json.policy_id = log.policyId;
  return json;
}
