import type { QueryClient } from "@tanstack/react-query";
import { backupListQuery } from "@/lib/api/backups";
import { apiFetch } from "@/lib/api/fetcher";
import { DEFAULT_SEARCH } from "@/lib/schemas/backups";
import type { CheckpointView } from "@/lib/schemas/vault";
import { checkpointOutcome, csbsOutcome, type JobOutcome, type WatchedJob } from "./jobs";

/** The list's cache is shared with /backups: a page that polls it already saves the watcher a request. */
const LIST_FRESH_MS = 2_000;

/**
 * One look at every watched job: CSBS jobs all from one read of the newest backups (the first page
 * of the list, newest first: a job just started is there), each CBR job from its checkpoint. A job
 * whose read failed is left out of the answer: it is asked again next time.
 */
export async function pollJobs(
  client: QueryClient,
  jobs: readonly WatchedJob[],
  now: number,
): Promise<Map<string, JobOutcome>> {
  const outcomes = new Map<string, JobOutcome>();
  const csbs = jobs.filter((j) => j.source.service === "csbs");
  const cbr = jobs.filter((j) => j.source.service === "cbr");
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
    ...cbr.map(async (job) => {
      if (job.source.service !== "cbr") return;
      try {
        const { checkpoint } = await apiFetch<{ checkpoint: CheckpointView }>(
          `/api/checkpoints/${encodeURIComponent(job.source.checkpointId)}`,
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
