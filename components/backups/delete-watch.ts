// Follows the deletes a user started until each backup is gone (CBR), `deleted` (CSBS) or failed,
// then says so once through the shell's live regions. It lives outside React so that leaving the
// page (the list for the detail, or another section) does not lose the announcement.
import { announce } from "@/lib/a11y/announcer";
import type { BackupService } from "@/lib/schemas/backups";

export type WatchedBackup = {
  id: string;
  service: BackupService;
  name: string;
  /** The status when the delete was asked for (a cloud may still show it for a moment). */
  from: string;
};

/** What one look at a backup found. `unknown`: no answer worth reading (offline, 5xx). */
export type ProbeResult =
  | { kind: "status"; status: string }
  | { kind: "gone" }
  | { kind: "unknown" };
export type DeleteState = "pending" | "deleted" | "failed";

const DELETE_RUNNING = new Set(["waiting_delete", "deleting"]);
/** Looks during which an unchanged status still means "not started yet", not "refused". */
export const START_GRACE_PROBES = 5;

/** Pure: the state of an accepted delete after a look, given what earlier looks saw. */
export function deleteStateOf(
  result: ProbeResult,
  seen: { running: boolean; probes: number; from: string },
): DeleteState {
  if (result.kind === "gone") return "deleted";
  if (result.kind === "unknown") return "pending";
  const { status } = result;
  if (status === "deleted") return "deleted";
  if (DELETE_RUNNING.has(status)) return "pending";
  if (!seen.running && status === seen.from && seen.probes < START_GRACE_PROBES) return "pending";
  return "failed";
}

export type DeleteWords = {
  deletedOne(name: string): string;
  deletedMany(count: number): string;
  failedOne(name: string): string;
  failedSome(failed: number, count: number, names: string): string;
};

/** Pure: the one sentence for a finished batch, and how urgently to say it. */
export function deleteSummary(
  outcome: { deleted: WatchedBackup[]; failed: WatchedBackup[] },
  words: DeleteWords,
): { message: string; politeness: "polite" | "assertive" } | null {
  const count = outcome.deleted.length + outcome.failed.length;
  if (count === 0) return null;
  const [first] = outcome.failed;
  if (first) {
    const message =
      count === 1
        ? words.failedOne(first.name)
        : words.failedSome(
            outcome.failed.length,
            count,
            outcome.failed.map((b) => b.name).join(", "),
          );
    return { message, politeness: "assertive" };
  }
  const [only] = outcome.deleted;
  return {
    message: count === 1 && only ? words.deletedOne(only.name) : words.deletedMany(count),
    politeness: "polite",
  };
}

/** Backups this browser saw deleted: a page that then gets a 404 for one can say why. */
const deletedHere = new Set<string>();
export function wasDeletedHere(id: string): boolean {
  return deletedHere.has(id);
}

export type WatchOptions = {
  probe(backup: WatchedBackup): Promise<ProbeResult>;
  words: DeleteWords;
  /** After the batch is settled (e.g. refresh the lists). */
  onSettled?: () => void;
  intervalMs?: number;
  /** Looks per backup before giving up silently (a cloud that never answers). */
  maxProbes?: number;
  /** Tests drive time themselves. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

/** At most this many looks at once, so that a delete of a hundred backups stays gentle. */
const CONCURRENT_PROBES = 5;

/** Starts following a batch; returns a function that stops without a word. */
export function watchDeletes(batch: readonly WatchedBackup[], options: WatchOptions): () => void {
  const interval = options.intervalMs ?? 3_000;
  const maxProbes = options.maxProbes ?? 400;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer =
    options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const pending = new Map(batch.map((b) => [b.id, { backup: b, running: false, probes: 0 }]));
  const deleted: WatchedBackup[] = [];
  const failed: WatchedBackup[] = [];
  let stopped = false;
  let timer: unknown;

  const look = async (entry: { backup: WatchedBackup; running: boolean; probes: number }) => {
    const result = await options
      .probe(entry.backup)
      .catch((): ProbeResult => ({ kind: "unknown" }));
    const state = deleteStateOf(result, { ...entry, from: entry.backup.from });
    entry.probes += 1;
    if (result.kind === "status" && DELETE_RUNNING.has(result.status)) entry.running = true;
    if (state === "pending" && entry.probes < maxProbes) return;
    pending.delete(entry.backup.id);
    if (state === "deleted") {
      deletedHere.add(entry.backup.id);
      deleted.push(entry.backup);
    } else if (state === "failed") {
      failed.push(entry.backup);
    }
  };

  const tick = async () => {
    const entries = [...pending.values()];
    for (let i = 0; i < entries.length && !stopped; i += CONCURRENT_PROBES) {
      await Promise.all(entries.slice(i, i + CONCURRENT_PROBES).map(look));
    }
    if (stopped) return;
    if (pending.size > 0) {
      timer = setTimer(() => void tick(), interval);
      return;
    }
    const summary = deleteSummary({ deleted, failed }, options.words);
    if (summary) announce(summary.message, { politeness: summary.politeness });
    options.onSettled?.();
  };

  timer = setTimer(() => void tick(), interval);
  return () => {
    stopped = true;
    clearTimer(timer);
  };
}
