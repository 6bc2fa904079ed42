import "server-only";
import type { CbrBackup } from "@/lib/cloud/cbr";
import type { CheckpointItem } from "@/lib/cloud/csbs";
import type { Server } from "@/lib/cloud/ecs";
import type { Volume } from "@/lib/cloud/evs";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import type { Locale } from "@/lib/i18n/locales";
import { isSystemDevice, serverIneligibility } from "@/lib/restore";
import type {
  CandidateServerView,
  RestoreBackupView,
  RestoreDisk,
  TargetVolumeView,
} from "@/lib/schemas/restore";

export const SERVER_TYPE = "OS::Nova::Server";
export const BARE_METAL_TYPE = "OS::Ironic::BareMetalServer";

const RESTORABLE_STATUS = "available";

/** Bare-metal flavours are named `physical.*` on Huawei Cloud and OTC. */
export function isBareMetal(server: Server): boolean {
  return (server.flavor?.name ?? server.flavor?.id ?? "").startsWith("physical.");
}

function refusalOf(
  status: string,
  restoreMode: string | undefined,
  resourceType: string | undefined,
  locale: Locale,
): RestoreBackupView["refusal"] {
  if (resourceType && resourceType !== SERVER_TYPE && resourceType !== BARE_METAL_TYPE) {
    return { code: "RESTORE.NOT_SERVER", message: `Not a server backup (${resourceType}).` };
  }
  if (status !== RESTORABLE_STATUS) {
    return {
      code: "CSBS.4000",
      message: cloudErrorMessage("CSBS.4000", locale) ?? "checkpoint item not available",
    };
  }
  if (restoreMode === "na") {
    return { code: "RESTORE.MODE_NA", message: "The backup does not support restores." };
  }
  return undefined;
}

const defined = <T extends Record<string, unknown>>(row: T): T =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;

export function csbsBackupView(item: CheckpointItem, locale: Locale): RestoreBackupView {
  const info = item.extend_info;
  const resourceType = item.resource_type ?? info.resource_type;
  const disks: RestoreDisk[] = info.volume_backups.map((v) => ({
    id: v.id,
    name: v.name ?? v.source_volume_name ?? v.id,
    sourceVolumeId: v.source_volume_id ?? "",
    sourceVolumeName: v.source_volume_name ?? v.name ?? "",
    // source_volume_size is GB; the backup's own size (MB) is a fallback only.
    sizeGb: v.source_volume_size ?? Math.ceil((v.size ?? 0) / 1024),
    bootable: v.bootable ?? false,
  }));
  return defined({
    service: "csbs" as const,
    id: item.id,
    checkpointId: item.checkpoint_id,
    name: item.name ?? item.id,
    status: item.status,
    serverId: item.resource_id ?? "",
    serverName: info.resource_name ?? item.resource_id ?? "",
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    availabilityZone: info.resource_az,
    bareMetal: resourceType === BARE_METAL_TYPE,
    restoreMode: info.supported_restore_mode,
    disks,
    refusal: refusalOf(item.status, info.supported_restore_mode, resourceType, locale),
  });
}

export function cbrBackupView(backup: CbrBackup, locale: Locale): RestoreBackupView {
  const info = backup.extend_info;
  const disks: RestoreDisk[] = backup.children.map((child) => ({
    id: child.id,
    name: child.name ?? child.resource_name ?? child.id,
    sourceVolumeId: child.resource_id ?? "",
    sourceVolumeName: child.resource_name ?? "",
    sizeGb: child.resource_size ?? 0,
    bootable: child.extend_info?.bootable ?? child.extend_info?.system_disk ?? false,
  }));
  return defined({
    service: "cbr" as const,
    id: backup.id,
    checkpointId: backup.checkpoint_id,
    name: backup.name ?? backup.id,
    status: backup.status,
    serverId: backup.resource_id ?? "",
    serverName: backup.resource_name ?? backup.resource_id ?? "",
    createdAt: backup.created_at,
    updatedAt: backup.updated_at,
    availabilityZone: backup.resource_az,
    bareMetal: backup.resource_type === BARE_METAL_TYPE,
    restoreMode: info?.supported_restore_mode,
    disks,
    refusal: refusalOf(backup.status, info?.supported_restore_mode, backup.resource_type, locale),
  });
}

export function candidateView(backup: RestoreBackupView, server: Server): CandidateServerView {
  const bareMetal = isBareMetal(server);
  const az = server["OS-EXT-AZ:availability_zone"];
  const volumeCount = server["os-extended-volumes:volumes_attached"].length;
  return defined({
    id: server.id,
    name: server.name,
    status: server.status,
    availabilityZone: az,
    bareMetal,
    volumeCount,
    original: server.id === backup.serverId,
    reasons: serverIneligibility(
      {
        service: backup.service,
        serverId: backup.serverId,
        bareMetal: backup.bareMetal,
        availabilityZone: backup.availabilityZone,
      },
      { id: server.id, status: server.status, bareMetal, availabilityZone: az, volumeCount },
    ),
  });
}

/** The target server's attached volumes, with the device each is attached as. */
export function targetVolumeView(
  volume: Volume,
  serverId: string,
  device?: string,
): TargetVolumeView {
  const attachments = volume.attachments.filter((a) => a.server_id);
  const dev = device ?? attachments.find((a) => a.server_id === serverId)?.device;
  return defined({
    id: volume.id,
    name: volume.name ?? volume.id,
    sizeGb: volume.size ?? 0,
    system: isSystemDevice(dev, volume.bootable ?? false),
    multiattach: (volume.multiattach ?? false) || (volume.shareable ?? false),
    attachedServerIds: attachments.map((a) => a.server_id as string),
    device: dev,
  });
}
