import type { QueryClient } from "@tanstack/react-query";
import { backupKeys, backupListQuery } from "@/lib/api/backups";
import { isApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { BackupDetail } from "@/lib/schemas/backups";
import { DEFAULT_SEARCH } from "@/lib/schemas/backups";
import type { CheckpointView } from "@/lib/schemas/vault";
import {
  type DeleteLook,
  type DeleteTarget,
  deletesOutcome,
  markDeletedHere,
  nextLook,
  type ProbeResult,
} from "./delete-jobs";
import { checkpointOutcome, csbsOutcome, type JobOutcome, type WatchedJob } from "./jobs";

/** The list's cache is shared with /backups: a page that polls it already saves the watcher a request. */
const LIST_FRESH_MS = 2_000;
/** At most this many backups looked at at once, so that a delete of a hundred backups stays gentle. */
const CONCURRENT_PROBES = 5;

/** What the looks at each delete job's backups have found, by job id (the tab's memory). */
const deleteLooks = new Map<string, Map<string, DeleteLook>>();

/** One look at a backup through the console's API, as a background request (not a user action). */
async function probe(target: DeleteTarget): Promise<ProbeResult> {
  try {
    const detail = await apiFetch<BackupDetail>(
      `/api/backups/${encodeURIComponent(target.id)}?service=${target.service}`,
      { background: true, redirectOnSessionEnd: false },
    );
    return { kind: "status", status: detail.row.status };
  } catch (error) {
    return isApiError(error) && error.status === 404 ? { kind: "gone" } : { kind: "unknown" };
  }
}

/** Looks once more at every backup of a delete job that is still pending; returns its outcome. */
async function pollDeletes(
  job: WatchedJob,
  targets: readonly DeleteTarget[],
  look: (target: DeleteTarget) => Promise<ProbeResult>,
): Promise<JobOutcome> {
  const looks = deleteLooks.get(job.id) ?? new Map<string, DeleteLook>();
  deleteLooks.set(job.id, looks);
  const pending = targets.filter((t) => (looks.get(t.id)?.state ?? "pending") === "pending");
  for (let i = 0; i < pending.length; i += CONCURRENT_PROBES) {
    await Promise.all(
      pending.slice(i, i + CONCURRENT_PROBES).map(async (target) => {
        const result = await look(target).catch((): ProbeResult => ({ kind: "unknown" }));
        const next = nextLook(target, looks.get(target.id), result);
        looks.set(target.id, next);
        if (next.state === "deleted") markDeletedHere(target.id);
      }),
    );
  }
  return deletesOutcome(targets, looks);
}

/**
 * One look at every watched job: CSBS jobs all from one read of the newest backups (the first page
 * of the list, newest first: a job just started is there), each CBR job from its checkpoint, each
 * delete from its backups' pages. A job whose read failed is left out of the answer: it is asked
 * again next time. `look` is for tests.
 */
export async function pollJobs(
  client: QueryClient,
  jobs: readonly WatchedJob[],
  now: number,
  look: (target: DeleteTarget) => Promise<ProbeResult> = probe,
): Promise<Map<string, JobOutcome>> {
  const outcomes = new Map<string, JobOutcome>();
  // The looks of jobs no longer watched are forgotten.
  const watched = new Set(jobs.map((j) => j.id));
  for (const id of deleteLooks.keys()) if (!watched.has(id)) deleteLooks.delete(id);
  const csbs = jobs.filter((j) => j.source.service === "csbs");
  await Promise.all([
    csbs.length > 0
      ? client
          .fetchQuery({ ...backupListQuery(DEFAULT_SEARCH), staleTime: LIST_FRESH_MS })
          .then((list) => {
            for (const job of csbs) {
              if (job.source.service !== "csbs") continue;
              outcomes.set(job.id, csbsOutcome({ ...job, source: job.source }, list.items, now));
            }
          })
          .catch(() => {})
      : undefined,
    ...jobs.map(async (job) => {
      const { source } = job;
      if (source.service === "backups") {
        outcomes.set(job.id, await pollDeletes(job, source.backups, look));
        return;
      }
      if (source.service !== "cbr") return;
      try {
        const { checkpoint } = await apiFetch<{ checkpoint: CheckpointView }>(
          `/api/checkpoints/${encodeURIComponent(source.checkpointId)}`,
          { background: true },
        );
        outcomes.set(job.id, checkpointOutcome(checkpoint.status));
      } catch {
        // asked again at the next tick
      }
    }),
  ]);
  return outcomes;
}

/** After jobs stopped being watched: a delete changed the lists, which are asked again. */
export function afterJobsEnded(client: QueryClient, ended: readonly WatchedJob[]): void {
  for (const job of ended) deleteLooks.delete(job.id);
  if (ended.some((job) => job.kind === "delete")) {
    void client.invalidateQueries({ queryKey: backupKeys.all });
  }
}
