/**
 * The CSBS part of a project's simulated state. Plain JSON (the store persists it as is); times
 * are ISO-8601 strings with `Z`, formatted the CSBS way (no zone) only when answering.
 */

export type CsbsStatus =
  | "waiting_protect"
  | "protecting"
  | "available"
  | "waiting_restore"
  | "restoring"
  | "error"
  | "waiting_delete"
  | "deleting"
  | "deleted";

export const CSBS_STATUSES: readonly CsbsStatus[] = [
  "waiting_protect",
  "protecting",
  "available",
  "waiting_restore",
  "restoring",
  "error",
  "waiting_delete",
  "deleting",
  "deleted",
];

export type Tag = { key: string; value: string };

export type PolicyResource = {
  id: string;
  type: string;
  name: string;
  extra_info?: Record<string, unknown>;
};

/** A CSBS policy has exactly one scheduled operation. */
export type CsbsScheduledOperation = {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  /** null when not given: the three null means "keep forever". */
  maxBackups: number | null;
  retentionDurationDays: number | null;
  permanent: boolean | null;
  triggerId: string;
  triggerName: string;
  pattern: string;
  /** When the trigger was (re)created: the trigger's `start_time`. */
  triggerStartAt: string;
};

export type CsbsPolicy = {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  parameters: Record<string, unknown>;
  resources: PolicyResource[];
  tags: Tag[];
  operation: CsbsScheduledOperation;
};

export type CsbsVolumeBackup = {
  id: string;
  name: string;
  sourceVolumeId: string;
  sourceVolumeName: string;
  sourceVolumeSizeGb: number;
  bootable: boolean;
  /** Attachment device of the source volume at backup time ("/dev/vda"). */
  device: string;
  incremental: boolean;
  sizeMb: number;
  averageSpeed: number;
  spaceSavingRatio: number;
  snapshotId: string;
};

/** What a running operation on an item is, so that the ticker can finish it. */
export type CsbsItemTask = {
  kind: "protect" | "restore" | "delete";
  /** When the operation left its waiting state (progress counts from here). */
  startedAt: string | null;
  /** When it was requested: the delete queue is served in this order. */
  requestedAt: string;
  /** The status to go back to when a restore ends. */
  restoreId?: string;
};

/** One backup of one server (a CSBS "checkpoint item"). */
export type CsbsItem = {
  id: string;
  checkpointId: string;
  name: string;
  description: string;
  status: CsbsStatus;
  resourceId: string;
  resourceType: string;
  resourceName: string;
  resourceAz: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** The policy that created the backup, null for a manual backup of a resource. */
  policyId: string | null;
  autoTrigger: boolean;
  incremental: boolean;
  imageType: string;
  progress: number;
  sizeMb: number;
  averageSpeed: number;
  spaceSavingRatio: number;
  failCode: { Code: string; Description: string } | null;
  failOp: "" | "backup" | "restore" | "delete";
  failReason: string;
  taskId: string;
  volumeBackups: CsbsVolumeBackup[];
  backupData: {
    region: string;
    cloudServiceType: string;
    disk: number;
    imageType: string;
    ram: number;
    vcpus: number;
    eip: string;
    privateIp: string;
  };
  tags: Tag[];
  task: CsbsItemTask | null;
};

export type CsbsRestore = {
  id: string;
  checkpointId: string;
  checkpointItemId: string;
  serverId: string;
  powerOn: boolean;
  volumes: { backup_id: string; volume_id: string }[];
  status: "in_progress" | "success" | "fail";
  createdAt: string;
};

export type CsbsQuotas = {
  /** Maximum number of backups (checkpoint items not deleted). */
  backups: number;
  /** Backup capacity in GB, -1 for unlimited. */
  backupCapacityGb: number;
  /** Maximum number of policies (CSBS.0001 beyond). */
  policies: number;
};

export type CsbsState = {
  policies: CsbsPolicy[];
  /** Sorted by `createdAt` ascending (newest last), so that the default listing is a reverse walk. */
  items: CsbsItem[];
  restores: CsbsRestore[];
  quotas: CsbsQuotas;
  /** The simulated instant up to which policy schedules have been run; null before the first tick. */
  scheduledUpTo: string | null;
};
