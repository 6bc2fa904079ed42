import "server-only";
import type { CbrBackup } from "@/lib/cloud/cbr";
import type { CheckpointItem, Policy } from "@/lib/cloud/csbs";
import type { BackupDetail, BackupRow, DiskBackup } from "@/lib/schemas/backups";

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

/** The row without its undefined fields (they would travel as "$undefined" in a page's RSC payload). */
function defined<T extends Record<string, unknown>>(row: T): T {
  // A loop, not Object.entries/fromEntries: every row of every polled page passes through here.
  const out: Record<string, unknown> = {};
  for (const key in row) if (row[key] !== undefined) out[key] = row[key];
  return out as T;
}

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

/** A CSBS backup with everything its API returns, grouped. */
export function csbsDetail(
  item: CheckpointItem,
  policies: Map<string, { id: string; name: string }>,
): BackupDetail {
  const info = item.extend_info;
  const data = item.backup_data;
  const failure =
    info.fail_reason || info.fail_code || info.fail_op
      ? defined({
          op: info.fail_op,
          reason: info.fail_reason,
          code: info.fail_code?.Code,
          description: info.fail_code?.Description,
        })
      : undefined;
  return defined({
    row: csbsRow(item, policies),
    description: item.description,
    updatedAt: item.updated_at,
    failure,
    disks: info.volume_backups.map(
      (v): DiskBackup =>
        defined({
          id: v.id,
          name: v.name,
          status: v.status,
          sourceVolumeId: v.source_volume_id,
          sourceVolumeName: v.source_volume_name,
          sizeMb: v.size,
          sourceSizeGb: v.source_volume_size,
          system: v.bootable,
          incremental: v.incremental,
          averageSpeed: v.average_speed,
          spaceSavingRatio: v.space_saving_ratio,
        }),
    ),
    server: data
      ? defined({
          region: data.__openstack_region_name,
          cloudServiceType: data.cloudservicetype,
          diskGb: data.disk,
          imageType: data.imagetype,
          ramMb: data.ram,
          vcpus: data.vcpus,
          eip: data.eip,
          privateIp: data.private_ip,
        })
      : undefined,
    averageSpeed: info.average_speed,
    spaceSavingRatio: info.space_saving_ratio,
    restoreMode: info.supported_restore_mode,
    images: (info.os_images_data ?? []).map((i) => i.image_id),
    tags: (item.tags ?? []).map((tag) => defined({ key: tag.key, value: tag.value })),
    copyStatus: info.copy_status,
    extra: defined({
      hypervisor_type: info.hypervisor_type,
      taskid: info.taskid,
      support_lld: info.support_lld,
      copy_from: info.copy_from,
    }) as Record<string, string | number | boolean>,
  });
}

/** A CBR backup with its disk backups (children). */
export function cbrDetail(backup: CbrBackup, vaults: Map<string, string>): BackupDetail {
  const info = backup.extend_info;
  return defined({
    row: cbrRow(backup, vaults),
    description: backup.description,
    updatedAt: backup.updated_at,
    expiresAt: backup.expired_at,
    disks: backup.children.map(
      (child): DiskBackup =>
        defined({
          id: child.id,
          name: child.name,
          status: child.status,
          sourceVolumeId: child.resource_id,
          sourceVolumeName: child.resource_name,
          sourceSizeGb: child.resource_size,
          system: child.extend_info?.bootable ?? child.extend_info?.system_disk,
          incremental: child.incremental ?? child.extend_info?.incremental,
        }),
    ),
    restoreMode: info?.supported_restore_mode,
    images: (info?.os_images_data ?? []).map((i) => i.image_id),
    tags: [],
    extra: defined({
      contain_system_disk: info?.contain_system_disk,
      encrypted: info?.encrypted,
      support_lld: info?.support_lld,
      snapshot_id: info?.snapshot_id,
      provider_id: backup.provider_id,
      parent_id: backup.parent_id,
    }) as Record<string, string | number | boolean>,
  });
}
