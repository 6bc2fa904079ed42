// The CBR v3 part of a project's simulated state. Everything is plain JSON (dates as ISO strings)
// because sim-core persists the whole state to SIM_DATA_DIR.

export type CbrObjectType = "server" | "disk";
export type CbrResourceType = "OS::Nova::Server" | "OS::Cinder::Volume";
export type CbrVaultStatus = "available" | "lock" | "frozen" | "deleting" | "error";

export type CbrBackupStatus =
  | "available"
  | "protecting"
  | "deleting"
  | "restoring"
  | "error"
  | "waiting_protect"
  | "waiting_delete"
  | "waiting_restore";

export type CbrCheckpointStatus =
  | "available"
  | "deleting"
  | "protecting"
  | "deleted"
  | "error-deleting"
  | "error";

export type CbrOperationType =
  | "backup"
  | "restore"
  | "delete"
  | "vault_delete"
  | "remove_resource"
  | "sync"
  | "replication";

export type CbrOperationStatus =
  | "success"
  | "skipped"
  | "failed"
  | "running"
  | "timeout"
  | "waiting";

export type CbrVaultResource = {
  id: string;
  name: string;
  type: CbrResourceType;
  /** Allocated capacity of the resource in GB (a server: the sum of its disks). */
  sizeGb: number;
  excludeVolumes: string[];
  autoProtect: boolean;
};

export type CbrVault = {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  userId: string;
  objectType: CbrObjectType;
  /** Vault capacity in GB. */
  sizeGb: number;
  status: CbrVaultStatus;
  frozenScene: string | null;
  /** Backup locking (WORM): once enabled it stays enabled. */
  locked: boolean;
  autoBind: boolean;
  autoExpand: boolean;
  tags: { key: string; value: string }[];
  resources: CbrVaultResource[];
  /** Set by vault creation (vault-admin.ts); optional so that seeded and saved vaults still load. */
  protectType?: "backup" | "replication";
  consistentLevel?: "crash_consistent" | "app_consistent";
  bindRules?: { key: string; value: string }[];
  threshold?: number;
  smnNotify?: boolean;
};

/** A disk-level backup inside a server backup (`children[]` in the API). */
export type CbrDiskBackup = {
  id: string;
  name: string;
  volumeId: string;
  volumeName: string;
  sizeGb: number;
  bootable: boolean;
  encrypted: boolean;
  snapshotId: string;
};

/** What the simulator is currently doing to a backup; drives the lifecycle ticker. */
export type CbrBackupTask =
  | { kind: "protect"; startedAt: string; opLogId: string }
  | { kind: "restore"; startedAt: string; opLogId: string }
  /** `startedAt` is null while the delete waits for one of the project's delete slots. */
  | { kind: "delete"; startedAt: string | null; requestedAt: string; opLogId: string };

export type CbrBackup = {
  id: string;
  name: string;
  description: string;
  checkpointId: string;
  vaultId: string;
  resourceId: string;
  resourceName: string;
  resourceType: CbrResourceType;
  resourceAz: string;
  resourceSizeGb: number;
  status: CbrBackupStatus;
  createdAt: string;
  updatedAt: string;
  protectedAt: string | null;
  expiredAt: string | null;
  autoTrigger: boolean;
  incremental: boolean;
  /** Stored data in MB; what the vault's `used` capacity adds up. */
  sizeMb: number;
  /** A disk backup: its own flags (server backups keep them per child). */
  bootable: boolean;
  encrypted: boolean;
  snapshotId: string | null;
  children: CbrDiskBackup[];
  task: CbrBackupTask | null;
};

export type CbrCheckpointResource = {
  id: string;
  name: string;
  type: CbrResourceType;
  sizeGb: number;
};

export type CbrSkippedResource = {
  id: string;
  name: string;
  type: string;
  code: string;
  reason: string;
};

export type CbrCheckpoint = {
  id: string;
  vaultId: string;
  vaultName: string;
  status: CbrCheckpointStatus;
  createdAt: string;
  name: string;
  description: string;
  incremental: boolean;
  autoTrigger: boolean;
  retentionDuration: number;
  resources: CbrCheckpointResource[];
  skipped: CbrSkippedResource[];
  backupIds: string[];
};

export type CbrOperationLog = {
  id: string;
  operationType: CbrOperationType;
  status: CbrOperationStatus;
  checkpointId: string | null;
  vaultId: string;
  vaultName: string;
  providerId: string;
  policyId: string | null;
  createdAt: string;
  startedAt: string;
  updatedAt: string;
  endedAt: string | null;
  /** Set on finished operations; running ones derive progress from the clock. */
  progress: number;
  requestId: string;
  errorInfo: { code: string; message: string };
  resource: { id: string; name: string; type: CbrResourceType };
  /** `vault_delete` and `remove_resource` logs: the backups they delete (extra_info). */
  deleteCounts?: { total: number; failed: number };
  backup: { backupId: string; backupName: string; incremental: boolean } | null;
  restore: {
    backupId: string;
    backupName: string;
    targetResourceId: string;
    targetResourceName: string;
    powerOn: boolean;
  } | null;
};

/**
 * A CBR v3 policy (`/policies`). Its vaults are bound through associatepolicy/dissociatepolicy;
 * a vault has no policy field of its own (the reference's vault model has none).
 */
export type CbrPolicy = {
  id: string;
  name: string;
  enabled: boolean;
  operationType: "backup" | "replication";
  /** `operation_definition` as stored (lib/schemas/cbr-policy's CbrOperationDefinition). */
  definition: Record<string, number | string>;
  /** `trigger.properties.pattern`: UTC RRULEs, one per time of day. */
  pattern: string[];
  triggerId: string;
  createdAt: string;
  /** The instant up to which its runs have been handled (null: from the next run on). */
  checkedAt: string | null;
  associatedVaults: { vaultId: string; destinationVaultId?: string }[];
};

export type CbrState = {
  policies: CbrPolicy[];
  vaults: CbrVault[];
  backups: CbrBackup[];
  checkpoints: CbrCheckpoint[];
  operationLogs: CbrOperationLog[];
};

/**
 * A CBR state read back from disk may predate a field (a data dir written by an earlier build):
 * missing lists become empty instead of crashing every request.
 */
export function coerceCbrState(value: Partial<CbrState> | undefined): CbrState {
  return {
    policies: Array.isArray(value?.policies) ? value.policies : [],
    vaults: Array.isArray(value?.vaults) ? value.vaults : [],
    backups: Array.isArray(value?.backups) ? value.backups : [],
    checkpoints: Array.isArray(value?.checkpoints) ? value.checkpoints : [],
    operationLogs: Array.isArray(value?.operationLogs) ? value.operationLogs : [],
  };
}

/**
 * The parts of sim-core's Server and Volume (lib/sim/state.ts) that CBR reads. Typed structurally
 * so that the CBR rules can be tested on plain objects.
 */
export type CbrServerView = {
  id: string;
  name: string;
  status: string;
  availabilityZone: string;
  bareMetal: boolean;
  volumeIds: string[];
  /** Nova metadata: the simulator's stand-in for ECS tags (auto-bind rules match on it). */
  metadata?: Record<string, string>;
};

export type CbrVolumeView = {
  id: string;
  name: string;
  sizeGb: number;
  bootable: boolean;
  multiattach: boolean;
  status: string;
  availabilityZone: string;
  attachments: { serverId: string; device: string }[];
};

/** A project as the CBR code sees it: its compute inventory plus its CBR state. */
export type CbrProject = {
  id: string;
  servers: CbrServerView[];
  volumes: CbrVolumeView[];
  cbr: CbrState;
};
