/**
 * The jobs a user started and is owed an announcement about when they end: a back up now, a vault
 * backup, a policy run, a delete of backups. The page that starts one registers it here; the shell's watcher
 * (components/layout/live-announcer.tsx) polls until it ends, on whatever page the user is by then,
 * and says how it ended. The store lives for the tab: a reload forgets the jobs (and says nothing).
 */
import { isRunningStatus } from "@/lib/status";
import type { DeletesOutcome, DeleteTarget } from "./delete-jobs";

export type JobKind = "backup" | "vaultBackup" | "policyRun" | "delete";

/**
 * Where the job's state is read: CSBS backups by the checkpoints they belong to, a CBR checkpoint,
 * or (a delete) each backup's own page.
 */
export type JobSource =
  | {
      service: "csbs";
      checkpointIds: string[];
      /** Backups the job makes (one per server): ended when that many have ended. */
      expected: number;
    }
  | { service: "cbr"; checkpointId: string }
  | { service: "backups"; backups: readonly DeleteTarget[] };

export type WatchedJob = {
  id: string;
  kind: JobKind;
  /** What the sentence names: a server, a vault, a policy. */
  subject: string;
  source: JobSource;
  startedAt: number;
};

export type JobOutcome =
  | { state: "running" }
  | { state: "finished" }
  | { state: "failed"; reason: string | undefined }
  | Extract<DeletesOutcome, { state: "settled" }>;

/** A backup as the list reports it: enough to tell whether a job's backups have ended. */
export type BackupState = {
  checkpointId?: string | undefined;
  serverName?: string | undefined;
  status: string;
  failReason?: string | undefined;
};

/** A watched job that never ends (the list lost it, the cloud never said) is dropped silently. */
export const JOB_GIVE_UP_MS = 60 * 60 * 1000;
/** A policy run may leave servers out; after this long, the backups that exist are the whole run. */
export const PARTIAL_RUN_AFTER_MS = 60 * 1000;

/**
 * How a CSBS job stands, from the newest backups of the project: running while one of its backups
 * runs or fewer than expected are listed yet (a new backup takes a moment to appear); failed when
 * one of them failed, with the first reason.
 */
export function csbsOutcome(
  job: Pick<WatchedJob, "startedAt"> & { source: Extract<JobSource, { service: "csbs" }> },
  backups: readonly BackupState[],
  now: number,
): JobOutcome {
  const ids = new Set(job.source.checkpointIds);
  const mine = backups.filter((b) => b.checkpointId !== undefined && ids.has(b.checkpointId));
  if (mine.length === 0 || mine.some((b) => isRunningStatus(b.status))) return { state: "running" };
  if (mine.length < job.source.expected && now - job.startedAt < PARTIAL_RUN_AFTER_MS) {
    return { state: "running" };
  }
  const failed = mine.find((b) => b.status === "error");
  if (!failed) return { state: "finished" };
  const reason = failed.failReason?.trim();
  return {
    state: "failed",
    reason:
      reason && mine.length > 1 && failed.serverName ? `${failed.serverName}: ${reason}` : reason,
  };
}

/** How a CBR checkpoint stands, from its status. */
export function checkpointOutcome(status: string, failReason?: string): JobOutcome {
  if (isRunningStatus(status)) return { state: "running" };
  return status === "error" ? { state: "failed", reason: failReason } : { state: "finished" };
}

type Listener = () => void;
const jobs = new Map<string, WatchedJob>();
const listeners = new Set<Listener>();
let nextId = 1;
/** A new array only when the jobs change: React's useSyncExternalStore compares snapshots by identity. */
let snapshot: readonly WatchedJob[] = [];

function changed() {
  snapshot = [...jobs.values()];
  for (const listener of listeners) listener();
}

/** Registers a job to be watched until it ends; returns its id. */
export function watchJob(job: Omit<WatchedJob, "id" | "startedAt">, now = Date.now()): string {
  const id = `job-${nextId++}`;
  jobs.set(id, { ...job, id, startedAt: now });
  changed();
  return id;
}

export function unwatchJob(id: string): void {
  if (jobs.delete(id)) changed();
}

export function watchedJobs(): readonly WatchedJob[] {
  return snapshot;
}

/** For the watcher: called whenever a job is added or removed; returns the unsubscribe function. */
export function subscribeJobs(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
