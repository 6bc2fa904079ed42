import type { DiskBackup, ServerBackup, TargetServer, TargetVolume, VolumeMapping } from "./types";

/**
 * The mapping a restore wizard proposes before the user changes anything.
 * - Restoring onto the original server: each disk backup goes back to its source volume when that
 *   volume is still attached.
 * - Otherwise (or for disks whose source volume is gone): the system backup goes to the system
 *   disk, then data backups, in device order, each take the first free non-shared data volume (in
 *   device order) that is at least as large.
 * Disks for which no volume fits stay unmapped; `checkRestore` then reports them.
 */
export function defaultMapping(backup: ServerBackup, target: TargetServer): VolumeMapping[] {
  const attached = target.volumes.filter((v) => v.attachedServerIds.includes(target.id));
  const used = new Set<string>();
  const result = new Map<string, string>();

  if (target.id === backup.sourceServerId) {
    const byId = new Map(attached.map((v) => [v.id, v]));
    for (const disk of backup.disks) {
      if (byId.has(disk.sourceVolumeId) && !used.has(disk.sourceVolumeId)) {
        result.set(disk.id, disk.sourceVolumeId);
        used.add(disk.sourceVolumeId);
      }
    }
  }

  const free = (v: TargetVolume) => !used.has(v.id) && !v.multiattach;
  const systemDisk = backup.disks.find((d) => d.bootable && !result.has(d.id));
  if (systemDisk) {
    const systemVolume = attached.find((v) => v.system && free(v) && v.sizeGb >= systemDisk.sizeGb);
    if (systemVolume) {
      result.set(systemDisk.id, systemVolume.id);
      used.add(systemVolume.id);
    }
  }

  const dataDisks = byDevice(backup.disks.filter((d) => !d.bootable && !result.has(d.id)));
  const dataVolumes = byDevice(attached.filter((v) => !v.system));
  for (const disk of dataDisks) {
    const volume = dataVolumes.find((v) => free(v) && v.sizeGb >= disk.sizeGb);
    if (volume) {
      result.set(disk.id, volume.id);
      used.add(volume.id);
    }
  }

  // Keep the backup's disk order so that the wizard's rows do not jump around.
  return backup.disks.flatMap((d) => {
    const volumeId = result.get(d.id);
    return volumeId ? [{ backupId: d.id, volumeId }] : [];
  });
}

/** Stable sort by attachment device ("/dev/vdb" < "/dev/vdc" < "/dev/vdaa"), unknown devices last. */
export function byDevice<T extends Pick<DiskBackup, "device"> | Pick<TargetVolume, "device">>(
  items: T[],
): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compareDevice(a.item.device, b.item.device) || a.index - b.index)
    .map((x) => x.item);
}

function compareDevice(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
