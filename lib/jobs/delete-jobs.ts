/**
 * A delete of backups as a job of the shell's watcher (./jobs.ts): the cloud accepted it, and the
 * user is owed one sentence when every backup is gone (CBR answers 404), `deleted` (CSBS) or failed.
 * Pure rules; the looks themselves are taken by ./job-polling.ts.
 */
import type { BackupService } from "@/lib/schemas/backups";
import { DELETING_STATUSES } from "@/lib/status";

/** A backup whose delete was accepted. */
export type DeleteTarget = {
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

/** Looks during which an unchanged status still means "not started yet", not "refused". */
export const START_GRACE_PROBES = 5;
/** Looks per backup before it is given up silently (a cloud that never answers). */
export const DELETE_MAX_LOOKS = 400;

const deleting = (status: string) => (DELETING_STATUSES as readonly string[]).includes(status);

/** Pure: the state of an accepted delete after a look, given what earlier looks saw. */
export function deleteStateOf(
  result: ProbeResult,
  seen: { running: boolean; probes: number; from: string },
): DeleteState {
  if (result.kind === "gone") return "deleted";
  if (result.kind === "unknown") return "pending";
  const { status } = result;
  if (status === "deleted") return "deleted";
  if (deleting(status)) return "pending";
  if (!seen.running && status === seen.from && seen.probes < START_GRACE_PROBES) return "pending";
  return "failed";
}

/** What the looks at one backup have found so far. `given-up`: pending for too many looks. */
export type DeleteLook = {
  running: boolean;
  probes: number;
  state: DeleteState | "given-up";
};

/** Pure: the backup's record after one more look. */
export function nextLook(
  target: Pick<DeleteTarget, "from">,
  previous: DeleteLook | undefined,
  result: ProbeResult,
  maxLooks = DELETE_MAX_LOOKS,
): DeleteLook {
  const seen = previous ?? { running: false, probes: 0 };
  const state = deleteStateOf(result, { ...seen, from: target.from });
  const probes = seen.probes + 1;
  const running = seen.running || (result.kind === "status" && deleting(result.status));
  return { running, probes, state: state === "pending" && probes >= maxLooks ? "given-up" : state };
}

/** How a delete job stands: still running while a backup is pending; then the names per end. */
export type DeletesOutcome =
  | { state: "running" }
  | { state: "settled"; deleted: string[]; failed: string[] };

/** Pure: the job's outcome from the looks at its backups (a backup not looked at yet is pending). */
export function deletesOutcome(
  targets: readonly DeleteTarget[],
  looks: ReadonlyMap<string, DeleteLook>,
): DeletesOutcome {
  const deleted: string[] = [];
  const failed: string[] = [];
  for (const target of targets) {
    const state = looks.get(target.id)?.state ?? "pending";
    if (state === "pending") return { state: "running" };
    if (state === "deleted") deleted.push(target.name);
    if (state === "failed") failed.push(target.name);
  }
  return { state: "settled", deleted, failed };
}

/**
 * The job to watch for the accepted deletes of these backups: the subject names them (the words
 * of its end come from the looks, see `deletesOutcome`).
 */
export function deleteJob(
  rows: readonly {
    id: string;
    service: BackupService;
    status: string;
    name?: string | undefined;
  }[],
): {
  kind: "delete";
  subject: string;
  source: { service: "backups"; backups: DeleteTarget[] };
} {
  const backups = rows.map((r) => ({
    id: r.id,
    service: r.service,
    name: r.name || r.id,
    from: r.status,
  }));
  return {
    kind: "delete",
    subject: backups.map((b) => b.name).join(", "),
    source: { service: "backups", backups },
  };
}

/** Backups this browser saw deleted: a page that then gets a 404 for one can say why. */
const deletedHere = new Set<string>();
export function markDeletedHere(id: string): void {
  deletedHere.add(id);
}
export function wasDeletedHere(id: string): boolean {
  return deletedHere.has(id);
}
