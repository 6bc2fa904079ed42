// The CBR lifecycle on the simulated clock. Transitions are computed from timestamps (a job ends
// at its start + its duration), so the result does not depend on how often the ticker runs.
import type { Durations } from "../context";
import { finishCbrDeletes, startQueuedCbrDeletes } from "./delete";
import type { CbrEnv } from "./operations";
import { finishOperation } from "./operations";
import { firePolicies } from "./policies";
import { type CbrBackup, type CbrProject, type CbrState, coerceCbrState } from "./types";

const durationOf = {
  protect: (d: Durations) => d.protectMs,
  restore: (d: Durations) => d.restoreMs,
  delete: (d: Durations) => d.deleteMs,
} as const;

function endOf(backup: CbrBackup, durations: Durations): number | null {
  // A queued delete has not started: it ends only once it has a slot.
  if (!backup.task?.startedAt) return null;
  return Date.parse(backup.task.startedAt) + durationOf[backup.task.kind](durations);
}

/** Advances every running CBR job of one project to `now`. Returns whether anything changed. */
export function advanceCbr(cbr: CbrState, now: Date, durations: Durations): boolean {
  // Runs on every tick and request: find due jobs first, index the logs only when there are some.
  const due = cbr.backups.filter((backup) => {
    const end = endOf(backup, durations);
    return end !== null && end <= now.getTime();
  });
  if (due.length === 0) return false;
  const logs = new Map(cbr.operationLogs.map((log) => [log.id, log]));
  const finished = new Set<string>();
  const deleted: { backup: CbrBackup; at: string }[] = [];
  for (const backup of due) {
    const end = endOf(backup, durations);
    if (end === null || !backup.task) continue;
    const at = new Date(end).toISOString();
    if (backup.task.kind === "delete") {
      deleted.push({ backup, at });
      continue;
    }
    const log = logs.get(backup.task.opLogId);
    if (backup.task.kind === "protect") {
      backup.protectedAt = at;
      finished.add(backup.checkpointId);
    }
    backup.status = "available";
    backup.updatedAt = at;
    backup.task = null;
    if (log) finishOperation(log, at, { status: "success" });
  }
  if (finished.size > 0) {
    for (const checkpoint of cbr.checkpoints) {
      if (checkpoint.status !== "protecting" || !finished.has(checkpoint.id)) continue;
      const backups = cbr.backups.filter((b) => b.checkpointId === checkpoint.id);
      if (backups.some((b) => b.status === "protecting" || b.status === "waiting_protect"))
        continue;
      checkpoint.status = backups.every((b) => b.status === "error") ? "error" : "available";
    }
  }
  if (deleted.length > 0) {
    finishCbrDeletes(cbr, deleted);
    startQueuedCbrDeletes(cbr, now);
  }
  return true;
}

/**
 * Brings a project's CBR state up to `now`: finishes what has ended, fires due policies, then
 * finishes what those runs already completed (after a clock jump they may be in the past).
 */
export function catchUpCbr(
  project: CbrProject,
  now: Date,
  durations: Durations,
  env: Omit<CbrEnv, "now">,
): boolean {
  project.cbr = coerceCbrState(project.cbr);
  const finished = advanceCbr(project.cbr, now, durations);
  const fired = firePolicies(project, now, { ...env, now });
  const again = fired ? advanceCbr(project.cbr, now, durations) : false;
  return finished || fired || again;
}
