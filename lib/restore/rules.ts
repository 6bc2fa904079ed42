import type { RestoreRequest, RestoreViolation, TargetVolume } from "./types";

const list = (ids: string[]) => ids.join(", ");

/**
 * Every rule a volume mapping must satisfy before CSBS (or CBR) accepts a restore, in the order the
 * simulator reports them (the first violation is the error a real restore answers).
 * An empty list means the restore is allowed.
 */
export function checkRestore(request: RestoreRequest): RestoreViolation[] {
  const { backup, target, mappings } = request;
  const violations: RestoreViolation[] = [];

  if (!backup.available) {
    violations.push({
      code: "CSBS.4000",
      message: "checkpoint item not available",
      backupIds: [],
      volumeIds: [],
    });
  }
  if (target.volumes.length === 0) {
    violations.push({
      code: "CSBS.6020",
      message: `No volume attached to the server (${target.id}) for restore.`,
      backupIds: [],
      volumeIds: [],
    });
  }

  const disks = new Map(backup.disks.map((d) => [d.id, d]));
  const unknownBackups = unique(mappings.map((m) => m.backupId).filter((id) => !disks.has(id)));
  if (unknownBackups.length > 0) {
    violations.push({
      code: "CSBS.6017",
      message: `Can not find backup(s) (${list(unknownBackups)}) in checkpoint item (${backup.id}).`,
      backupIds: unknownBackups,
      volumeIds: [],
    });
  }

  for (const backupId of duplicates(mappings.map((m) => m.backupId))) {
    violations.push({
      code: "RESTORE.DUPLICATE_BACKUP",
      message: `Backup (${backupId}) is mapped to more than one volume.`,
      backupIds: [backupId],
      volumeIds: mappings.filter((m) => m.backupId === backupId).map((m) => m.volumeId),
    });
  }

  const attached = new Map<string, TargetVolume>();
  for (const v of target.volumes) {
    if (v.attachedServerIds.includes(target.id)) attached.set(v.id, v);
  }
  const notAttached = unique(mappings.map((m) => m.volumeId).filter((id) => !attached.has(id)));
  if (notAttached.length > 0) {
    violations.push({
      code: "CSBS.6014",
      message: `Volume(s) (${list(notAttached)}) not found in target server.`,
      backupIds: mappings.filter((m) => notAttached.includes(m.volumeId)).map((m) => m.backupId),
      volumeIds: notAttached,
    });
  }

  for (const volumeId of duplicates(mappings.map((m) => m.volumeId))) {
    violations.push({
      code: "RESTORE.DUPLICATE_TARGET",
      message: `Volume (${volumeId}) is the target of more than one backup.`,
      backupIds: mappings.filter((m) => m.volumeId === volumeId).map((m) => m.backupId),
      volumeIds: [volumeId],
    });
  }

  for (const m of mappings) {
    const disk = disks.get(m.backupId);
    const volume = attached.get(m.volumeId);
    if (!disk || !volume) continue;
    if (volume.multiattach) {
      violations.push({
        code: "CSBS.6021",
        message: `Volume (${volume.id}) attached to server (${target.id}) is shareable volume.`,
        backupIds: [disk.id],
        volumeIds: [volume.id],
      });
    }
    if (!disk.bootable && volume.system) {
      violations.push({
        code: "CSBS.6023",
        message: `Can not restore data volume to system volume. server id is (${target.id}).`,
        backupIds: [disk.id],
        volumeIds: [volume.id],
      });
    }
    if (volume.sizeGb < disk.sizeGb) {
      violations.push({
        code: "CSBS.6024",
        message: `Target volume (${volume.id}) size (${volume.sizeGb}) small than volume backup (${disk.id}) size (${disk.sizeGb}).`,
        backupIds: [disk.id],
        volumeIds: [volume.id],
      });
    }
  }

  const mapped = new Set(mappings.map((m) => m.backupId));
  const unmapped = backup.disks.filter((d) => !mapped.has(d.id)).map((d) => d.id);
  if (unmapped.length > 0) {
    violations.push({
      code: "CSBS.6018",
      message: `Not assign backup(s) (${list(unmapped)}) to volume(s), partial restore is not supported.`,
      backupIds: unmapped,
      volumeIds: [],
    });
  }

  return violations;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) twice.add(id);
    seen.add(id);
  }
  return [...twice];
}
