/**
 * The backup states the console knows, without their look: lib code (the job watcher) reads them
 * here; components/status gives each one its words, icon and tone.
 */

/** Every state a CSBS checkpoint item or a CBR backup can be in (CBR has no `deleted`). */
export const BACKUP_STATUSES = [
  "available",
  "waiting_protect",
  "protecting",
  "waiting_restore",
  "restoring",
  "waiting_delete",
  "deleting",
  "error",
  "deleted",
] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];

/** The states in which the cloud is still working on a backup: the pages poll while one shows. */
export const RUNNING_STATUSES = [
  "waiting_protect",
  "protecting",
  "waiting_restore",
  "restoring",
  "waiting_delete",
  "deleting",
] as const satisfies readonly BackupStatus[];

/** The states of a delete the cloud accepted and has not finished. */
export const DELETING_STATUSES = [
  "waiting_delete",
  "deleting",
] as const satisfies readonly (typeof RUNNING_STATUSES)[number][];

export function isBackupStatus(value: string): value is BackupStatus {
  return (BACKUP_STATUSES as readonly string[]).includes(value);
}

const running: ReadonlySet<string> = new Set(RUNNING_STATUSES);

/** Whether the cloud is still working on a backup in this state. */
export function isRunningStatus(status: string): boolean {
  return running.has(status);
}
