import { isRunningStatus } from "@/components/status/status-meta";

type Target = { service: "csbs" | "cbr"; status: string };

// What the cloud accepts in which state (reference 003 §6.2: a backup being made, restored or
// deleted refuses other operations). Actions that would be refused are not offered.

/**
 * Both services delete backups at rest: available, or failed (those must be deleted by hand). CBR
 * also refuses backups in a locked vault; the cloud says so per backup.
 */
export function canDelete(target: Target): boolean {
  return target.status === "available" || target.status === "error";
}

/** Only an available backup can be restored. */
export function canRestore(target: Target): boolean {
  return target.status === "available";
}

/** CBR renames a backup that nothing is working on. */
export function canRename(target: Target): boolean {
  return target.service === "cbr" && !isRunningStatus(target.status) && target.status !== "deleted";
}

/** The restore wizard's route (built by the restore issue). */
export function restoreHref(target: { service: "csbs" | "cbr"; id: string }): string {
  return `/restore/${encodeURIComponent(target.id)}${target.service === "cbr" ? "?service=cbr" : ""}`;
}
