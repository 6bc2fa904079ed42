// POST /backups/{id}/restore: validation (the mapping rules come from lib/restore, shared with the
// console's wizard) and the start of a restore job followed through operation logs.
import { checkRestore, type RestoreViolationCode, type TargetServer } from "@/lib/restore";
import { protectingStatuses } from "./constants";
import { type CbrErrorName, fail, invalid } from "./errors";
import { type CbrEnv, operationLogFor } from "./operations";
import type { RestoreRequestBody } from "./requests";
import type { CbrBackup, CbrOperationLog, CbrProject } from "./types";

/**
 * CBR's answer to each violation the shared rules report. CBR accepts a partial restore (its
 * console only warns that data may be inconsistent), so CSBS.6018 has no counterpart.
 */
const cbrCodeFor: Record<RestoreViolationCode, CbrErrorName | "invalidParameter" | null> = {
  "CSBS.4000": "backupStatusForbidsRestore",
  "CSBS.6020": "someDisksForbidRestore",
  "CSBS.6017": "invalidParameter",
  "CSBS.6014": "someDisksForbidRestore",
  "CSBS.6021": "diskTypeForbidsRestore",
  "CSBS.6023": "dataDiskToSystemDisk",
  "CSBS.6024": "targetTooSmall",
  "CSBS.6018": null,
  "RESTORE.DUPLICATE_TARGET": "invalidParameter",
  "RESTORE.DUPLICATE_BACKUP": "invalidParameter",
};

function targetServer(project: CbrProject, serverId: string): TargetServer {
  const server = project.servers.find((s) => s.id === serverId);
  if (!server) fail("serverNotFound", `Server (${serverId}) not found.`);
  return {
    id: server.id,
    volumes: project.volumes
      .filter((v) => v.attachments.some((a) => a.serverId === server.id))
      .map((v) => ({
        id: v.id,
        name: v.name,
        sizeGb: v.sizeGb,
        system: v.id === server.volumeIds[0] && v.bootable,
        multiattach: v.multiattach,
        attachedServerIds: v.attachments.map((a) => a.serverId),
        device: v.attachments.find((a) => a.serverId === server.id)?.device,
      })),
  };
}

function checkServerRestore(project: CbrProject, backup: CbrBackup, body: RestoreRequestBody) {
  if (!body.serverId) invalid("Missing required parameter: restore.server_id.");
  if (!body.mappings || body.mappings.length === 0) {
    invalid("Missing required parameter: restore.mappings.");
  }
  const server = project.servers.find((s) => s.id === body.serverId);
  if (!server) fail("serverNotFound", `Server (${body.serverId}) not found.`);
  // CBR restores a server backup onto the server it was taken from (error code 2003).
  if (server.id !== backup.resourceId) {
    fail("restoreToOtherServer", `The backup was taken from server (${backup.resourceId}).`);
  }
  if (server.status === "ERROR") {
    fail("serverStatusForbidsRestore", `Server (${server.id}) is in status ${server.status}.`);
  }
  for (const mapping of body.mappings) {
    if (!project.volumes.some((v) => v.id === mapping.volumeId)) {
      fail("diskNotFound", `Volume (${mapping.volumeId}) not found.`);
    }
  }
  const target = targetServer(project, server.id);
  const violations = checkRestore({
    backup: {
      id: backup.id,
      available: backup.status === "available",
      sourceServerId: backup.resourceId,
      disks: backup.children.map((child) => ({
        id: child.id,
        sourceVolumeId: child.volumeId,
        sourceVolumeName: child.volumeName,
        sizeGb: child.sizeGb,
        bootable: child.bootable,
      })),
    },
    target,
    mappings: body.mappings,
  });
  for (const violation of violations) {
    const name = cbrCodeFor[violation.code];
    if (name === null) continue;
    if (name === "invalidParameter") invalid(`Invalid restore.mappings: ${violation.message}`);
    fail(name, violation.message);
  }
  return { targetId: server.id, targetName: server.name };
}

function checkDiskRestore(project: CbrProject, backup: CbrBackup, body: RestoreRequestBody) {
  if (!body.volumeId) invalid("Missing required parameter: restore.volume_id.");
  const volume = project.volumes.find((v) => v.id === body.volumeId);
  if (!volume) fail("diskNotFound", `Volume (${body.volumeId}) not found.`);
  if (volume.status === "error") {
    fail("diskStatusForbidsRestore", `Volume (${volume.id}) is in status ${volume.status}.`);
  }
  if (volume.sizeGb < backup.resourceSizeGb) {
    fail(
      "targetTooSmall",
      `Volume (${volume.id}) has ${volume.sizeGb} GB, the backup ${backup.resourceSizeGb} GB.`,
    );
  }
  if (volume.bootable && !backup.bootable) {
    fail("dataDiskToSystemDisk", `Volume (${volume.id}) is a system disk.`);
  }
  return { targetId: volume.id, targetName: volume.name };
}

/** Validates a restore and starts it; returns the operation log that follows the job. */
export function startRestore(
  project: CbrProject,
  backup: CbrBackup,
  body: RestoreRequestBody,
  env: CbrEnv,
): CbrOperationLog {
  const { cbr } = project;
  if (backup.status === "restoring") fail("resourceBeingRestored", `Backup (${backup.id}).`);
  if (backup.status !== "available") {
    fail("backupStatusForbidsRestore", `The backup status is ${backup.status}.`);
  }
  const vault = cbr.vaults.find((v) => v.id === backup.vaultId);
  if (vault && vault.status !== "available") {
    fail("vaultStatusForbidsRestore", `The vault status is ${vault.status}.`);
  }
  const resourceBusy = cbr.backups.filter((b) => b.resourceId === backup.resourceId);
  if (resourceBusy.some((b) => protectingStatuses.has(b.status))) fail("restoreWhileBackingUp");
  if (resourceBusy.some((b) => b.status === "restoring")) fail("resourceBeingRestored");

  const target =
    backup.resourceType === "OS::Nova::Server"
      ? checkServerRestore(project, backup, body)
      : checkDiskRestore(project, backup, body);

  const at = env.now.toISOString();
  const log = operationLogFor(backup, vault, env, {
    operationType: "restore",
    status: "running",
    at,
    policyId: null,
    backup: null,
    restore: {
      backupId: backup.id,
      backupName: backup.name,
      targetResourceId: target.targetId,
      targetResourceName: target.targetName,
      powerOn: body.powerOn,
    },
  });
  backup.status = "restoring";
  backup.updatedAt = at;
  backup.task = { kind: "restore", startedAt: at, opLogId: log.id };
  cbr.operationLogs.push(log);
  return log;
}
