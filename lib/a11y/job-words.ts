import type { MessageKey } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/translator";
import type { Politeness } from "./announcer";
import type { JobKind, JobOutcome, WatchedJob } from "./jobs";

const KEYS: Record<JobKind, Record<"started" | "finished" | "failed", MessageKey>> = {
  backup: {
    started: "announce.backup.started",
    finished: "announce.backup.finished",
    failed: "announce.backup.failed",
  },
  vaultBackup: {
    started: "announce.vaultBackup.started",
    finished: "announce.vaultBackup.finished",
    failed: "announce.vaultBackup.failed",
  },
  policyRun: {
    started: "announce.policyRun.started",
    finished: "announce.policyRun.finished",
    failed: "announce.policyRun.failed",
  },
};

/** "Backup of web-01 started". */
export function jobStartedText(t: Translate, kind: JobKind, subject: string): string {
  return t(KEYS[kind].started, { name: subject });
}

/**
 * What to say when a job ends: nothing while it runs; a failure is assertive (it interrupts what
 * is being read), a success polite.
 */
export function jobEndedAnnouncement(
  t: Translate,
  job: Pick<WatchedJob, "kind" | "subject">,
  outcome: JobOutcome,
): { message: string; politeness: Politeness } | null {
  if (outcome.state === "running") return null;
  if (outcome.state === "finished") {
    return { message: t(KEYS[job.kind].finished, { name: job.subject }), politeness: "polite" };
  }
  return {
    message: t(KEYS[job.kind].failed, {
      name: job.subject,
      reason: outcome.reason || t("announce.noReason"),
    }),
    politeness: "assertive",
  };
}
