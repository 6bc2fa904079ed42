import { checkRestore, type RestoreRequest, serverIneligibility } from "../../restore";
import type { ProjectState, Server } from "../state";
import { type CsbsErrorCode, type CsbsFailure, failure, invalid, statusOf } from "./errors";
import { findItem } from "./items";
import { attachedVolumes, BARE_METAL_TYPE, deviceOf, PROTECTABLE_TYPES } from "./protectable";
import type { CsbsItem } from "./types";

export type RestoreAsk = {
  checkpointItemId: string;
  serverId: string;
  resourceType?: string;
  volumes: { backup_id: string; volume_id: string }[];
};

/**
 * Whether a backup can be restored onto a server with a volume mapping: the one rule set behind
 * `POST /restores` and `check_restorable`. The mapping rules themselves live in lib/restore, which
 * the console's restore wizard uses too.
 */
export function checkRestorable(
  project: ProjectState,
  ask: RestoreAsk,
): CsbsFailure | { item: CsbsItem; server: Server } {
  const item = findItem(project.csbs, ask.checkpointItemId);
  if (!item) return failure("CSBS.3001", ask.checkpointItemId);
  if (ask.resourceType !== undefined && !PROTECTABLE_TYPES.includes(ask.resourceType)) {
    return failure("CSBS.6013", ask.serverId, ask.resourceType);
  }
  const server = project.servers.find((s) => s.id === ask.serverId);
  if (!server) return failure("CSBS.6000");
  // Which servers may receive a backup at all: the same rule the console's wizard applies.
  const [reason] = serverIneligibility(
    {
      service: "csbs",
      serverId: item.resourceId,
      bareMetal: item.resourceType === BARE_METAL_TYPE,
      availabilityZone: item.resourceAz,
    },
    {
      id: server.id,
      status: server.status,
      bareMetal: server.bareMetal,
      availabilityZone: server.availabilityZone,
      volumeCount: server.volumeIds.length,
    },
  );
  if (reason === "other_type") return failure("CSBS.6016");
  if (reason === "state") return failure("CSBS.6015");
  if (reason === "other_az") return failure("CSBS.6025", item.id, server.id);
  const restoringOnto = project.csbs.restores.some(
    (r) =>
      r.serverId === server.id &&
      r.status === "in_progress" &&
      project.csbs.items.some((i) => i.task?.restoreId === r.id),
  );
  if (restoringOnto) return failure("CSBS.6015");

  const violations = checkRestore(restoreRequest(project, item, server, ask.volumes));
  const first = violations[0];
  if (!first) return { item, server };
  if (first.code.startsWith("RESTORE.")) return invalid(first.message);
  return {
    status: statusOf(first.code as CsbsErrorCode),
    code: first.code,
    message: first.message,
  };
}

/** The plain-data view lib/restore works on. */
export function restoreRequest(
  project: ProjectState,
  item: CsbsItem,
  server: Server,
  volumes: { backup_id: string; volume_id: string }[],
): RestoreRequest {
  return {
    backup: {
      id: item.id,
      available: item.status === "available",
      sourceServerId: item.resourceId,
      disks: item.volumeBackups.map((v) => ({
        id: v.id,
        sourceVolumeId: v.sourceVolumeId,
        sourceVolumeName: v.sourceVolumeName,
        sizeGb: v.sourceVolumeSizeGb,
        bootable: v.bootable,
        device: v.device,
      })),
    },
    target: {
      id: server.id,
      volumes: attachedVolumes(project, server).map((v) => ({
        id: v.id,
        name: v.name,
        sizeGb: v.sizeGb,
        system: server.volumeIds[0] === v.id,
        multiattach: v.multiattach,
        attachedServerIds: v.attachments.map((a) => a.serverId),
        device: deviceOf(v, server.id),
      })),
    },
    mappings: volumes.map((v) => ({ backupId: v.backup_id, volumeId: v.volume_id })),
  };
}
