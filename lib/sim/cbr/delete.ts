// DELETE /backups/{id}: the checks, the queue and the end of a CBR backup deletion. Like CSBS
// (reference 5.3.5), a project runs at most five deletions at once and the rest wait; the API
// answers 204 at once and the backup goes `waiting_delete` → `deleting` → gone, followed by a
// `delete` operation log.
import { checkLockedBackupDelete } from "@/lib/vaults";
import { protectingStatuses } from "./constants";
import { fail } from "./errors";
import { type CbrEnv, finishOperation, operationLogFor } from "./operations";
import type { CbrBackup, CbrOperationLog, CbrProject, CbrState } from "./types";
import { vaultFail } from "./vault-admin-errors";

export const MAX_RUNNING_CBR_DELETES = 5;

/** What may be deleted: finished backups, successful or failed. */
const DELETABLE = new Set(["available", "error"]);

function checkDeletable(state: CbrState, backup: CbrBackup, now: Date): void {
  if (!DELETABLE.has(backup.status)) {
    fail("backupCannotBeDeleted", `The backup status is ${backup.status}.`);
  }
  const vault = state.vaults.find((v) => v.id === backup.vaultId);
  // Backup locking (lib/vaults): manual backups stay deletable, policy backups until they expire.
  if (vault && checkLockedBackupDelete(vault, backup, now)) {
    vaultFail("lockedPolicyBackup", `Backup locking is enabled on vault (${vault.name}).`);
  }
  if (vault && vault.status !== "available") {
    fail("backupCannotBeDeleted", `The vault status is ${vault.status}.`);
  }
  // The CBR user guide: the most recent backup cannot be deleted while a new backup task runs
  // (the new one is incremental on top of it).
  const ofResource = state.backups.filter(
    (b) => b.vaultId === backup.vaultId && b.resourceId === backup.resourceId,
  );
  if (ofResource.some((b) => protectingStatuses.has(b.status))) {
    const newest = ofResource
      .filter((b) => b.status === "available")
      .reduce<CbrBackup | null>((a, b) => (a && a.createdAt >= b.createdAt ? a : b), null);
    if (newest?.id === backup.id) {
      fail(
        "backupCannotBeDeleted",
        "It is the most recent backup of a resource that is being backed up.",
      );
    }
  }
}

/** Checks the request and queues the deletion; returns the operation log that follows it. */
export function requestCbrDelete(
  project: CbrProject,
  backup: CbrBackup,
  env: Pick<CbrEnv, "now" | "newId">,
): CbrOperationLog {
  const { cbr } = project;
  checkDeletable(cbr, backup, env.now);
  const at = env.now.toISOString();
  const vault = cbr.vaults.find((v) => v.id === backup.vaultId);
  const log = operationLogFor(backup, vault, env, {
    operationType: "delete",
    status: "waiting",
    at,
    policyId: null,
    backup: { backupId: backup.id, backupName: backup.name, incremental: backup.incremental },
    restore: null,
  });
  backup.status = "waiting_delete";
  backup.updatedAt = at;
  backup.task = { kind: "delete", startedAt: null, requestedAt: at, opLogId: log.id };
  cbr.operationLogs.push(log);
  startQueuedCbrDeletes(cbr, env.now);
  return log;
}

/** Fills the free delete slots with the oldest waiting requests. Returns whether any started. */
export function startQueuedCbrDeletes(state: CbrState, now: Date): boolean {
  let running = 0;
  const waiting: CbrBackup[] = [];
  for (const backup of state.backups) {
    if (backup.status === "deleting") running++;
    else if (backup.status === "waiting_delete") waiting.push(backup);
  }
  if (running >= MAX_RUNNING_CBR_DELETES || waiting.length === 0) return false;
  const requestedAt = (b: CbrBackup) => (b.task?.kind === "delete" ? b.task.requestedAt : "");
  waiting.sort((a, b) =>
    requestedAt(a) < requestedAt(b) ? -1 : requestedAt(a) > requestedAt(b) ? 1 : 0,
  );
  const at = now.toISOString();
  const logs = new Map(state.operationLogs.map((log) => [log.id, log]));
  for (const backup of waiting.slice(0, MAX_RUNNING_CBR_DELETES - running)) {
    if (backup.task?.kind !== "delete") continue;
    backup.status = "deleting";
    backup.updatedAt = at;
    backup.task = { ...backup.task, startedAt: at };
    const log = logs.get(backup.task.opLogId);
    if (log) {
      log.status = "running";
      log.startedAt = at;
      log.updatedAt = at;
    }
  }
  return true;
}

/**
 * Ends the deletions in `done`: the backups leave the state (the CBR API lists no deleted
 * backups), their logs succeed, and a checkpoint left without backups is `deleted`.
 */
export function finishCbrDeletes(state: CbrState, done: { backup: CbrBackup; at: string }[]): void {
  if (done.length === 0) return;
  const gone = new Set(done.map((d) => d.backup.id));
  const logs = new Map(state.operationLogs.map((log) => [log.id, log]));
  for (const { backup, at } of done) {
    const log = backup.task ? logs.get(backup.task.opLogId) : undefined;
    if (log) finishOperation(log, at, { status: "success" });
  }
  state.backups = state.backups.filter((b) => !gone.has(b.id));
  const remaining = new Set(state.backups.map((b) => b.checkpointId));
  for (const checkpoint of state.checkpoints) {
    if (checkpoint.backupIds.some((id) => gone.has(id)) && !remaining.has(checkpoint.id)) {
      checkpoint.status = "deleted";
    }
  }
}
