import "server-only";
import type { CbrBackup } from "@/lib/cloud/cbr";
import type { CheckpointItem, Policy } from "@/lib/cloud/csbs";
import type { BackupRow } from "@/lib/schemas/backups";

/** Server id → the CSBS policy that protects it now (a server is in at most one policy). */
export function policyByServer(
  policies: readonly Policy[],
): Map<string, { id: string; name: string }> {
  const map = new Map<string, { id: string; name: string }>();
  for (const policy of policies) {
    for (const resource of policy.resources)
      map.set(resource.id, { id: policy.id, name: policy.name });
  }
  return map;
}

const defined = <T extends Record<string, unknown>>(row: T): T =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;

/**
 * A CSBS backup as a list row. CSBS does not say which policy made a backup: an automatic backup
 * is attributed to the policy that protects its server now, which is right unless it was moved.
 */
export function csbsRow(
  item: CheckpointItem,
  policies: Map<string, { id: string; name: string }>,
): BackupRow {
  const info = item.extend_info;
  const policy = info.auto_trigger && item.resource_id ? policies.get(item.resource_id) : undefined;
  return defined({
    id: item.id,
    service: "csbs" as const,
    checkpointId: item.checkpoint_id,
    name: item.name ?? "",
    status: item.status,
    progress: info.progress,
    serverId: item.resource_id,
    serverName: info.resource_name,
    resourceType: item.resource_type ?? info.resource_type,
    auto: info.auto_trigger,
    incremental: info.incremental,
    sizeMb: info.size,
    az: info.resource_az,
    createdAt: item.created_at,
    finishedAt: info.finished_at,
    policyId: policy?.id,
    policyName: policy?.name,
    imageType: info.image_type,
    failReason:
      item.status === "error" ? (info.fail_reason ?? info.fail_code?.Description) : undefined,
  });
}

/** A CBR backup as a list row. */
export function cbrRow(backup: CbrBackup, vaults: Map<string, string>): BackupRow {
  const info = backup.extend_info;
  return defined({
    id: backup.id,
    service: "cbr" as const,
    checkpointId: backup.checkpoint_id,
    name: backup.name ?? "",
    status: backup.status,
    serverId: backup.resource_id,
    serverName: backup.resource_name,
    resourceType: backup.resource_type,
    auto: info?.auto_trigger,
    incremental: backup.incremental ?? info?.incremental,
    resourceSizeGb: backup.resource_size,
    az: backup.resource_az,
    createdAt: backup.created_at,
    finishedAt: backup.protected_at,
    vaultId: backup.vault_id,
    vaultName: backup.vault_id ? vaults.get(backup.vault_id) : undefined,
    imageType: backup.image_type,
  });
}
