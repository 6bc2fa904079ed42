"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import {
  type Announcement,
  announce,
  finishedTransition,
  type Politeness,
  subscribeAnnouncements,
} from "@/lib/a11y/announcer";
import { useT } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translator";
import { deleteJob } from "@/lib/jobs/delete-jobs";
import {
  jobEndedAnnouncement,
  jobStartedText,
  joinSentences,
  type StartedJobKind,
} from "@/lib/jobs/job-words";
import {
  JOB_GIVE_UP_MS,
  type JobSource,
  subscribeJobs,
  unwatchJob,
  type WatchedJob,
  watchedJobs,
  watchJob,
} from "@/lib/jobs/jobs";

export { announce };

/** How often the watcher looks at the jobs the user started, while there are some. */
const JOB_POLL_MS = 3_000;
const NO_JOBS: ReturnType<typeof watchedJobs> = [];

/**
 * Says that a job the user just started has started, and watches it until it ends, wherever the
 * user is by then ("Backup of web-01 finished" / "… failed: reason").
 */
export function announceJobStart(
  t: Translate,
  job: { kind: StartedJobKind; subject: string; source: JobSource },
): void {
  announce(jobStartedText(t, job.kind, job.subject));
  watchJob(job);
}

/**
 * Watches the deletes the cloud accepted until every backup is gone, deleted or failed, wherever
 * the user is by then; says how they ended in one sentence and refreshes the backup lists. (The
 * dialog's toast says that they started.)
 */
export function watchAcceptedDeletes(rows: Parameters<typeof deleteJob>[0]): void {
  if (rows.length > 0) watchJob(deleteJob(rows));
}

/**
 * Polls the watched jobs while there are any (and only then: the polling code is loaded with the
 * first job), announces each one's end, and forgets it.
 */
function JobWatcher() {
  const t = useT();
  const client = useQueryClient();
  const jobs = useSyncExternalStore(subscribeJobs, watchedJobs, () => NO_JOBS);
  const wordsOf = useRef(t);
  wordsOf.current = t;
  const active = jobs.length > 0;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const { afterJobsEnded, pollJobs } = await import("@/lib/jobs/job-polling");
        const now = Date.now();
        const current = watchedJobs();
        const outcomes = await pollJobs(client, current, now);
        if (stopped) return;
        // Jobs that end together are said in one sentence per region: a second announcement
        // right after the first would replace it before a screen reader reads it.
        const said: Record<Politeness, string[]> = { polite: [], assertive: [] };
        const ended: WatchedJob[] = [];
        for (const job of current) {
          const outcome = outcomes.get(job.id);
          const words = outcome ? jobEndedAnnouncement(wordsOf.current, job, outcome) : null;
          if (words) said[words.politeness].push(words.message);
          // A delete whose backups were all given up ends without a word.
          const over = outcome !== undefined && outcome.state !== "running";
          if (over || now - job.startedAt > JOB_GIVE_UP_MS) {
            unwatchJob(job.id);
            ended.push(job);
          }
        }
        for (const politeness of ["assertive", "polite"] as const) {
          if (said[politeness].length > 0) {
            announce(joinSentences(said[politeness]), { politeness });
          }
        }
        afterJobsEnded(client, ended);
      } catch {
        // The polling code could not load (offline): the next tick tries again.
      }
      if (!stopped && watchedJobs().length > 0) timer = window.setTimeout(tick, JOB_POLL_MS);
    };
    timer = window.setTimeout(tick, JOB_POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [active, client]);
  return null;
}

/**
 * The shell's live regions, mounted once by the console layout. They exist empty from the first
 * render: screen readers only announce changes to regions they already know. No status/alert
 * role: pages' own `getByRole("alert")` lookups must not find these.
 */
export function LiveAnnouncer() {
  const [text, setText] = useState<Record<Politeness, string>>({ polite: "", assertive: "" });
  useEffect(() => {
    const timers = new Set<number>();
    const stop = subscribeAnnouncements((a: Announcement) => {
      // Empty first, then the words: the same sentence twice in a row is announced twice.
      setText((prev) => ({ ...prev, [a.politeness]: "" }));
      const timer = window.setTimeout(() => {
        timers.delete(timer);
        setText((prev) => ({ ...prev, [a.politeness]: a.message }));
      }, 50);
      timers.add(timer);
    });
    return () => {
      stop();
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, []);
  return (
    <div className="sr-only" data-testid="live-announcer">
      <JobWatcher />
      <div aria-live="polite" aria-atomic="true" data-politeness="polite">
        {text.polite}
      </div>
      <div aria-live="assertive" aria-atomic="true" data-politeness="assertive">
        {text.assertive}
      </div>
    </div>
  );
}

/**
 * Announces once when a polled job leaves its running states: `message(status)` gives the words for
 * the final status, or null to stay silent. A page opened after the job ended says nothing.
 */
export function useAnnounceWhenFinished(
  status: string | undefined,
  running: readonly string[],
  message: (finalStatus: string) => string | null,
): void {
  const previous = useRef<string | undefined>(undefined);
  const describe = useRef(message);
  describe.current = message;
  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (status === undefined || !finishedTransition(before, status, running)) return;
    const words = describe.current(status);
    if (words) announce(words, { politeness: status === "error" ? "assertive" : "polite" });
  }, [status, running]);
}
