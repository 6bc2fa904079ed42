// What CBR can protect, and what protection costs: GET /protectables/{type}/instances[/{id}]
// (Huawei's ListProtectable / ShowProtectable: ProtectablesResp, ProtectableResult), GET
// /storage_usage (ShowStorageUsage) and GET /vaults/summary (ShowSummary).

import { cbrErrors } from "./errors";
import { serverVolumes } from "./operations";
import type { CbrProject, CbrServerView, CbrVolumeView } from "./types";
import { serverProblem, serverTags, vaultHolding } from "./vault-admin";
import { vaultErrors } from "./vault-admin-errors";
import { vaultJson, vaultUsedMb } from "./views";

type Json = Record<string, unknown>;
export const PROTECTABLE_TYPES = ["server", "disk"] as const;
export type ProtectableType = (typeof PROTECTABLE_TYPES)[number];

/**
 * Whether a resource can be put in a vault now. `result` is false with the reason when it cannot
 * be backed up (the checkpoint's skip codes) or when a vault already holds it (6103, with that
 * `vault`: moving it there is a migration, which keeps its backups).
 */
function protectable(
  project: CbrProject,
  id: string,
  own: { code: string; reason: string } | null,
): Json {
  const vault = vaultHolding(project, id);
  if (vault) {
    const held = vaultErrors.inOtherVault;
    return {
      result: false,
      code: held.code,
      reason: held.message,
      message: `The resource is in vault (${vault.name}).`,
      vault: vaultJson(project.cbr, project.id, vault),
    };
  }
  if (own)
    return { result: false, code: own.code, reason: own.reason, message: own.reason, vault: null };
  return { result: true, code: "", reason: "", vault: null };
}

function diskJson(volume: CbrVolumeView): Json {
  return {
    id: volume.id,
    name: volume.name,
    type: "OS::Cinder::Volume",
    size: volume.sizeGb,
    status: volume.status,
    detail: {
      bootable: volume.bootable,
      multiattach: volume.multiattach,
      device: volume.attachments[0]?.device ?? "",
      attached_server_ids: volume.attachments.map((a) => a.serverId),
    },
  };
}

export function serverProtectable(project: CbrProject, server: CbrServerView): Json {
  const disks = serverVolumes(project, server);
  const problem = serverProblem(project, server);
  return {
    id: server.id,
    name: server.name,
    type: server.bareMetal ? "OS::Ironic::BareMetalServer" : "OS::Nova::Server",
    size: disks.reduce((sum, d) => sum + d.sizeGb, 0),
    status: server.status.toLowerCase() === "active" ? "active" : server.status.toLowerCase(),
    detail: {
      availability_zone: server.availabilityZone,
      tags: serverTags(server),
    },
    children: disks.map(diskJson),
    protectable: protectable(
      project,
      server.id,
      problem ? { code: problem.code, reason: problem.message } : null,
    ),
  };
}

export function diskProtectable(project: CbrProject, volume: CbrVolumeView): Json {
  const problem =
    volume.status === "error"
      ? cbrErrors.diskStatusForbidsBackup
      : volume.multiattach
        ? cbrErrors.sharedDiskForbidsBackup
        : null;
  return {
    ...diskJson(volume),
    children: [],
    protectable: protectable(
      project,
      volume.id,
      problem ? { code: problem.code, reason: problem.message } : null,
    ),
  };
}

/** The instances of a type, filtered by `name` (substring), `id`, `status` and `server_id`. */
export function listProtectables(
  project: CbrProject,
  type: ProtectableType,
  query: { name?: string; id?: string; status?: string; serverId?: string },
): Json[] {
  if (type === "server") {
    return project.servers
      .filter((s) => (query.name ? s.name.includes(query.name) : true))
      .filter((s) => (query.id ? s.id === query.id : true))
      .map((s) => serverProtectable(project, s))
      .filter((json) => (query.status ? json.status === query.status : true));
  }
  return project.volumes
    .filter((v) => (query.name ? v.name.includes(query.name) : true))
    .filter((v) => (query.id ? v.id === query.id : true))
    .filter((v) =>
      query.serverId ? v.attachments.some((a) => a.serverId === query.serverId) : true,
    )
    .filter((v) => (query.status ? v.status === query.status : true))
    .map((v) => diskProtectable(project, v));
}

/**
 * Per resource, the backups it has in any vault (count and MB; failed backups store nothing), the
 * same figures the vaults' `used` adds up.
 */
export function storageUsage(
  project: CbrProject,
  query: { resourceId?: string; resourceType?: string },
): Json[] {
  const byResource = new Map<string, Json & { backup_count: number; backup_size: number }>();
  for (const backup of project.cbr.backups) {
    if (query.resourceId && backup.resourceId !== query.resourceId) continue;
    if (query.resourceType && backup.resourceType !== query.resourceType) continue;
    let row = byResource.get(backup.resourceId);
    if (!row) {
      row = {
        resource_id: backup.resourceId,
        resource_name: backup.resourceName,
        resource_type: backup.resourceType,
        backup_count: 0,
        backup_size: 0,
        backup_size_multiaz: 0,
      };
      byResource.set(backup.resourceId, row);
    }
    row.backup_count += 1;
    if (backup.status !== "error") row.backup_size += backup.sizeMb;
  }
  return [...byResource.values()];
}

/** The project's vaults in all: capacity in GB (as `billing.size`), used in MB (as `billing.used`). */
export function vaultSummary(project: CbrProject): { size: number; used_size: number } {
  let size = 0;
  let used = 0;
  for (const vault of project.cbr.vaults) {
    size += vault.sizeGb;
    used += vaultUsedMb(project.cbr, vault.id);
  }
  return { size, used_size: used };
}
