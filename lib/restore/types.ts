/**
 * Plain data for the restore rules. The simulator and the console's restore wizard both build
 * these from what they have (a CSBS checkpoint item, a CBR backup, Nova/Cinder listings), so no
 * type here refers to a cloud's JSON.
 */

/** One disk backup inside a server backup (CSBS `volume_backups[]`, CBR `children[]`). */
export type DiskBackup = {
  id: string;
  /** The volume the backup was taken from. */
  sourceVolumeId: string;
  sourceVolumeName?: string;
  /** Size of the source volume in GB. */
  sizeGb: number;
  /** True for the backup of the system (boot) disk. */
  bootable: boolean;
  /** Attachment device of the source volume when known ("/dev/vda"), used to order data disks. */
  device?: string;
};

/** The server backup being restored. */
export type ServerBackup = {
  id: string;
  /** Whether the backup can be restored now (CSBS `available`, CBR `available`). */
  available: boolean;
  /** The server the backup was taken from. */
  sourceServerId: string;
  disks: DiskBackup[];
};

/** A volume that may receive a disk backup. */
export type TargetVolume = {
  id: string;
  name?: string;
  sizeGb: number;
  /** True when this volume is the target server's system disk. */
  system: boolean;
  /** Shared (multi-attach) volume. */
  multiattach: boolean;
  /** Ids of the servers this volume is attached to. */
  attachedServerIds: string[];
  /** Attachment device on the target server ("/dev/vdb"), used to order data disks. */
  device?: string;
};

export type TargetServer = {
  id: string;
  /** The volumes attached to the target server (in any order). */
  volumes: TargetVolume[];
};

export type VolumeMapping = { backupId: string; volumeId: string };

export type RestoreRequest = {
  backup: ServerBackup;
  target: TargetServer;
  mappings: VolumeMapping[];
};

/**
 * Violation codes: the CSBS error code where CSBS has one, otherwise a `RESTORE.*` code of our own
 * (CSBS has no code for a target used twice or a disk backup mapped twice).
 */
export type RestoreViolationCode =
  | "CSBS.4000" // the backup is not available
  | "CSBS.6020" // the target server has no disk
  | "CSBS.6017" // a mapped disk backup is not in the backup
  | "CSBS.6014" // a target volume is not attached to the target server
  | "CSBS.6021" // a target volume is shared (multiattach)
  | "CSBS.6023" // a data-disk backup onto the system disk
  | "CSBS.6024" // the target volume is smaller than the source
  | "CSBS.6018" // some disk backups are not mapped (partial restore)
  | "RESTORE.DUPLICATE_TARGET"
  | "RESTORE.DUPLICATE_BACKUP";

export type RestoreViolation = {
  code: RestoreViolationCode;
  message: string;
  /** The disk backups concerned. */
  backupIds: string[];
  /** The target volumes concerned. */
  volumeIds: string[];
};
