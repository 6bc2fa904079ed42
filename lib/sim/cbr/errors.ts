// CBR error codes the simulator answers with, each as the OTC CBR API reference lists it
// (opentelekomcloud-docs/cloud-backup-recovery, api-ref/source/appendix/error_codes.rst): HTTP status,
// code and message. Bodies are `{"error_code", "error_msg"}` as in the reference's 404 sample of
// "Querying a Single Task" (`BackupService.6500`, "Operation log does not exist.").

export type CbrErrorCode = { status: 400 | 403 | 404 | 500; code: string; message: string };

function def(status: CbrErrorCode["status"], code: string, message: string): CbrErrorCode {
  return { status, code: `BackupService.${code}`, message };
}

export const cbrErrors = {
  /** The create-checkpoint answer when every requested resource is skipped. */
  noResourceToBackUp: def(400, "0001", "No resource is available for backup."),
  /** The skip code of a resource whose previous backup is still running. */
  resourceBeingBackedUp: def(500, "0002", "Resources are being backed up."),
  targetTooSmall: def(
    400,
    "2001",
    "Restoration cannot be executed because the size of the disk on the server is smaller than the backup size.",
  ),
  restoreWhileBackingUp: def(
    400,
    "2002",
    "The resource is being backed up. Restore the resource after the backup is complete.",
  ),
  restoreToOtherServer: def(400, "2003", "Restoration to a different server is not allowed."),
  backupStatusForbidsRestore: def(
    400,
    "2005",
    "Restoration is not allowed in the current backup status.",
  ),
  serverStatusForbidsRestore: def(
    400,
    "2008",
    "Restoration is not allowed in the current ECS status.",
  ),
  diskTypeForbidsRestore: def(400, "2009", "Restoration is not allowed in the current disk type."),
  resourceBeingRestored: def(400, "2010", "The resource is being restored."),
  diskStatusForbidsRestore: def(
    400,
    "2011",
    "Restoration is not allowed in the current disk status.",
  ),
  someDisksForbidRestore: def(400, "2012", "Restoration of some disks is not allowed."),
  dataDiskToSystemDisk: def(
    400,
    "2013",
    "Backup data of a data disk cannot be restored to a system disk.",
  ),
  /**
   * DeleteBackup's own code (Huawei's API definition lists 6201, "the backup cannot be deleted"):
   * the simulator answers it for a backup that is busy, in a locked or unavailable vault, or the
   * newest one of a resource that is being backed up.
   */
  backupCannotBeDeleted: def(400, "6201", "The backup cannot be deleted."),
  vaultTypeMismatch: def(400, "6102", "The vault does not support this resource type."),
  vaultStatusForbidsBackup: def(400, "6113", "Backup is not allowed in the current vault status."),
  vaultFull: def(400, "6114", "The used capacity of the vault exceeds the maximum capacity."),
  resourceNotInVault: def(400, "6135", "The resource does not exist in the vault."),
  vaultStatusForbidsRestore: def(
    400,
    "6202",
    "Backups can be used for restoration only when the vault status is Available.",
  ),
  serverStatusForbidsBackup: def(
    400,
    "7101",
    "Backup is not allowed in the current server status.",
  ),
  sharedDiskForbidsBackup: def(400, "7106", "Shared disks cannot be backed up."),
  diskStatusForbidsBackup: def(400, "7003", "Backup is not allowed in the current disk status."),
  serverWithoutDisks: def(400, "7108", "Backup is not allowed for servers containing no disks."),
  invalidParameter: def(400, "9900", "Parameter verification failed."),
  policyNotFound: def(404, "6000", "The policy does not exist."),
  policyQuota: def(400, "6001", "The maximum number of this type of policies has been reached."),
  policyNotOnVault: def(404, "6002", "The vault is not applied with the policy."),
  destinationRegionLocked: def(
    400,
    "6003",
    "The destination region cannot be changed because the policy has been applied to a replication vault.",
  ),
  unknownPolicyType: def(400, "6117", "Unknown policy type."),
  policyNotApplicable: def(400, "6127", "This policy cannot be applied to this vault."),
  vaultNotFound: def(404, "6105", "The vault does not exist."),
  backupNotFound: def(404, "6200", "The backup does not exist."),
  checkpointNotFound: def(404, "6217", "The backup restore point does not exist."),
  operationLogNotFound: def(404, "6500", "Operation log does not exist."),
  diskNotFound: def(404, "7000", "The disk does not exist."),
  serverNotFound: def(404, "7100", "The server does not exist."),
} as const satisfies Record<string, CbrErrorCode>;

export type CbrErrorName = keyof typeof cbrErrors;

/** A refusal of a CBR operation: the documented code, with a message that names the culprit. */
export class CbrFailure extends Error {
  readonly status: CbrErrorCode["status"];
  readonly code: string;
  constructor(error: CbrErrorCode, detail?: string) {
    super(detail ? `${error.message} ${detail}` : error.message);
    this.status = error.status;
    this.code = error.code;
  }
}

export function fail(name: CbrErrorName, detail?: string): never {
  throw new CbrFailure(cbrErrors[name], detail);
}

/** The `invalidParameter` error with a message naming the field, like the cloud's "Invalid vault_id provided." */
export function invalid(message: string): never {
  throw new CbrFailure({ ...cbrErrors.invalidParameter, message });
}
