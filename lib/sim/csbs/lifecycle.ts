import { parseCsbsPattern, runsBetween } from "../../schedule";
import type { Durations } from "../context";
import type { ProjectState } from "../state";
import {
  checkExcludedVolumes,
  checkQuota,
  completeSizes,
  insertItem,
  isIncremental,
  nameSuffix,
  newItem,
  requestDelete,
} from "./items";
import { checkProtectable, type ProtectableServer } from "./protectable";
import type { CsbsItem, CsbsPolicy, CsbsState } from "./types";

/** Reference 5.3.5: each user runs at most five backup deletions at once; the rest wait. */
export const MAX_RUNNING_DELETES = 5;
/** Deleted items stay listable (`status=deleted`) for a day of simulated time, then go. */
const KEEP_DELETED_MS = 24 * 3600_000;

export type TickDeps = { durations: Durations; rand: () => number; newId: () => string };

/**
 * Advances one project's CSBS state to `now`: running tasks progress from their timestamps (so the
 * result does not depend on the tick rate), queued deletes start, enabled policies fire at the
 * instants their pattern gives (UTC) and retention prunes. Returns whether anything changed.
 */
export function tickCsbs(project: ProjectState, now: Date, deps: TickDeps): boolean {
  const csbs = project.csbs;
  // Tasks first: a backup that finished before a scheduled run must not block that run.
  let changed = advanceTasks(project, now, deps);
  if (runSchedules(project, now, deps)) changed = true;
  if (startQueuedDeletes(csbs, now)) changed = true;
  if (purgeDeleted(csbs, now)) changed = true;
  return changed;
}

function advanceTasks(project: ProjectState, now: Date, deps: TickDeps): boolean {
  const csbs = project.csbs;
  const t = now.getTime();
  const at = now.toISOString();
  let changed = false;
  for (const item of csbs.items) {
    const task = item.task;
    if (!task) continue;
    if (task.startedAt === null) {
      // waiting_protect / waiting_restore start at the next tick; waiting_delete waits for a slot.
      if (task.kind === "delete") continue;
      task.startedAt = at;
      item.status = task.kind === "protect" ? "protecting" : "restoring";
      item.updatedAt = at;
      changed = true;
      continue;
    }
    const started = Date.parse(task.startedAt);
    const elapsed = t - started;
    if (task.kind === "protect") {
      const duration = deps.durations.protectMs;
      if (elapsed >= duration) {
        finishProtect(item, new Date(started + duration).toISOString(), at, deps.rand);
        changed = true;
      } else {
        // Progress follows from the timestamps: not worth a save of the whole state each tick.
        item.progress = Math.min(99, Math.max(0, Math.floor((elapsed / duration) * 100)));
      }
    } else if (task.kind === "restore" && elapsed >= deps.durations.restoreMs) {
      item.status = "available";
      item.updatedAt = at;
      item.task = null;
      const restore = csbs.restores.find((r) => r.id === task.restoreId);
      if (restore) {
        restore.status = "success";
        // The server was stopped for the restore; it starts again only when asked to.
        const server = project.servers.find((s) => s.id === restore.serverId);
        if (server && server.status !== "ERROR") {
          server.status = restore.powerOn ? "ACTIVE" : "SHUTOFF";
          server.updatedAt = at;
        }
      }
      changed = true;
    } else if (task.kind === "delete" && elapsed >= deps.durations.deleteMs) {
      item.status = "deleted";
      item.updatedAt = at;
      item.task = null;
      changed = true;
    }
  }
  return changed;
}

function finishProtect(item: CsbsItem, finishedAt: string, now: string, rand: () => number) {
  item.status = "available";
  item.progress = 100;
  item.finishedAt = finishedAt;
  item.updatedAt = now;
  item.task = null;
  completeSizes(item, rand);
}

/** Fills the five delete slots with the oldest waiting requests. */
export function startQueuedDeletes(csbs: CsbsState, now: Date): boolean {
  let running = 0;
  const waiting: CsbsItem[] = [];
  for (const item of csbs.items) {
    if (item.status === "deleting") running++;
    else if (item.status === "waiting_delete") waiting.push(item);
  }
  if (running >= MAX_RUNNING_DELETES || waiting.length === 0) return false;
  waiting.sort((a, b) => (a.task?.requestedAt ?? "").localeCompare(b.task?.requestedAt ?? ""));
  const at = now.toISOString();
  for (const item of waiting.slice(0, MAX_RUNNING_DELETES - running)) {
    item.status = "deleting";
    item.updatedAt = at;
    item.task = { kind: "delete", startedAt: at, requestedAt: item.task?.requestedAt ?? at };
  }
  return true;
}

function purgeDeleted(csbs: CsbsState, now: Date): boolean {
  const limit = new Date(now.getTime() - KEEP_DELETED_MS).toISOString();
  const before = csbs.items.length;
  if (!csbs.items.some((i) => i.status === "deleted" && i.updatedAt < limit)) return false;
  csbs.items = csbs.items.filter((i) => !(i.status === "deleted" && i.updatedAt < limit));
  return csbs.items.length !== before;
}

/**
 * Fires every enabled policy whose pattern has a run in (scheduledUpTo, now]. Several runs missed
 * in one step (a clock jump, a restart) fire once, as a real scheduler catching up does.
 */
function runSchedules(project: ProjectState, now: Date, deps: TickDeps): boolean {
  const csbs = project.csbs;
  const from = csbs.scheduledUpTo ? new Date(csbs.scheduledUpTo) : null;
  csbs.scheduledUpTo = now.toISOString();
  // Only a firing is worth persisting: after a restart the scheduler just catches up once.
  if (!from || from.getTime() >= now.getTime()) return false;
  let changed = false;
  for (const policy of csbs.policies) {
    if (!policy.operation.enabled) continue;
    const parsed = parseCsbsPattern(policy.operation.pattern);
    if (!parsed.ok) continue;
    if (runsBetween(parsed.rules, from, now).length === 0) continue;
    firePolicy(project, policy, now, deps);
    applyRetention(csbs, policy, now);
    changed = true;
  }
  return changed;
}

/** One scheduled run: an `auto_trigger` backup of each member that can be backed up now. */
export function firePolicy(
  project: ProjectState,
  policy: CsbsPolicy,
  now: Date,
  deps: TickDeps,
): CsbsItem[] {
  const csbs = project.csbs;
  const targets: (ProtectableServer & { exclude: string[] })[] = [];
  for (const r of policy.resources) {
    const protectable = checkProtectable(project, r.id, r.type);
    if ("code" in protectable) continue;
    const exclude = checkExcludedVolumes(protectable, r.extra_info);
    // A member whose excluded disk was detached since: back up everything it has now.
    const target = { ...protectable, exclude: "code" in exclude ? [] : exclude };
    // A member still being backed up by this policy is skipped, not queued twice.
    const busy = csbs.items.some(
      (i) => i.policyId === policy.id && i.resourceId === r.id && i.status === "protecting",
    );
    if (!busy) targets.push(target);
  }
  if (targets.length === 0 || checkQuota(csbs, targets.length)) return [];
  const checkpointId = deps.newId();
  const name = `autobk_${nameSuffix(deps.rand)}`;
  return targets.map((target) => {
    const item = newItem(project, target, {
      id: deps.newId(),
      checkpointId,
      name,
      description: "",
      policyId: policy.id,
      autoTrigger: true,
      incremental: isIncremental(csbs, target.server.id, undefined),
      tags: [],
      excludeVolumes: target.exclude,
      createdAt: now,
      newId: deps.newId,
      rand: deps.rand,
    });
    insertItem(csbs, item);
    return item;
  });
}

/**
 * Retention of a policy's automatic backups, per server: `permanent` wins; otherwise keep the
 * newest `max_backups` and those younger than `retention_duration_days`. Values ≤ 0 (-1 documented,
 * 0 as Karbor reads it) do not prune. Pruned backups go through the normal delete queue.
 */
export function applyRetention(csbs: CsbsState, policy: CsbsPolicy, now: Date): number {
  const { permanent, maxBackups, retentionDurationDays } = policy.operation;
  if (permanent === true) return 0;
  const max = maxBackups !== null && maxBackups > 0 ? maxBackups : null;
  const days =
    retentionDurationDays !== null && retentionDurationDays > 0 ? retentionDurationDays : null;
  if (max === null && days === null) return 0;
  const oldest = days === null ? "" : new Date(now.getTime() - days * 86_400_000).toISOString();

  const byServer = new Map<string, CsbsItem[]>();
  for (const item of csbs.items) {
    if (item.policyId !== policy.id || !item.autoTrigger) continue;
    if (item.status !== "available" && item.status !== "protecting") continue;
    const list = byServer.get(item.resourceId) ?? [];
    list.push(item);
    byServer.set(item.resourceId, list);
  }
  let pruned = 0;
  for (const list of byServer.values()) {
    // `items` is in creation order: walk newest first.
    list.reverse();
    list.forEach((item, index) => {
      if (item.status !== "available") return;
      const tooMany = max !== null && index >= max;
      // A backup whose age has reached the retention time has expired.
      const tooOld = days !== null && item.createdAt <= oldest;
      if (tooMany || tooOld) {
        requestDelete(item, now);
        pruned++;
      }
    });
  }
  if (pruned > 0) startQueuedDeletes(csbs, now);
  return pruned;
}
