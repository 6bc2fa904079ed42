import type { Politeness } from "@/lib/a11y/announcer";
import type { MessageKey } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/translator";
import type { JobKind, JobOutcome, WatchedJob } from "./jobs";

/** The jobs that say when they start (a delete's start is the dialog's toast). */
export type StartedJobKind = Exclude<JobKind, "delete">;

const KEYS: Record<StartedJobKind, Record<"started" | "finished" | "failed", MessageKey>> = {
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
export function jobStartedText(t: Translate, kind: StartedJobKind, subject: string): string {
  return t(KEYS[kind].started, { name: subject });
}

type Said = { message: string; politeness: Politeness };

/**
 * One sentence for a settled delete: the backup's name when it was one, a count when several; a
 * failure names the backups that failed and is assertive. Nothing when every backup was given up.
 */
function deleteEndedAnnouncement(t: Translate, deleted: string[], failed: string[]): Said | null {
  const count = deleted.length + failed.length;
  if (count === 0) return null;
  if (failed.length > 0) {
    const message =
      count === 1
        ? t("backups.deleteFailed.one", { name: failed[0] ?? "" })
        : t("backups.deleteFailed.some", {
            failed: failed.length,
            count,
            names: failed.join(", "),
          });
    return { message, politeness: "assertive" };
  }
  return {
    message:
      count === 1
        ? t("backups.deleteDone.one", { name: deleted[0] ?? "" })
        : t("backups.deleteDone.many", { count }),
    politeness: "polite",
  };
}

/**
 * What to say when a job ends: nothing while it runs; a failure is assertive (it interrupts what
 * is being read), a success polite.
 */
export function jobEndedAnnouncement(
  t: Translate,
  job: Pick<WatchedJob, "kind" | "subject">,
  outcome: JobOutcome,
): Said | null {
  if (outcome.state === "running") return null;
  if (outcome.state === "settled") {
    return deleteEndedAnnouncement(t, outcome.deleted, outcome.failed);
  }
  if (job.kind === "delete") return null;
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

/**
 * Sentences said together in one announcement: joined by a full stop unless one already ends the
 * sentence (the delete words carry their own, in both languages).
 */
export function joinSentences(sentences: readonly string[]): string {
  return sentences
    .map((sentence, i) =>
      i === sentences.length - 1 || /[.!?。！？]$/.test(sentence) ? sentence : `${sentence}.`,
    )
    .join(" ");
}
