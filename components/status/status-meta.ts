import type { MessageKey } from "@/lib/i18n/messages";
import { type BackupStatus, isBackupStatus, isRunningStatus } from "@/lib/status";

export {
  BACKUP_STATUSES,
  type BackupStatus,
  isBackupStatus,
  isRunningStatus,
  RUNNING_STATUSES,
} from "@/lib/status";

export type StatusTone = "success" | "info" | "warning" | "muted" | "danger";
export type StatusIcon = "check" | "upload" | "rotate" | "trash" | "alert" | "ban" | "help";

export type StatusMeta = {
  tone: StatusTone;
  icon: StatusIcon;
  label: MessageKey;
  /** Still moving: shows an animated bar and keeps the view refreshing (lib/status decides). */
  running: boolean;
};

const META: Record<BackupStatus, Omit<StatusMeta, "running">> = {
  available: { tone: "success", icon: "check", label: "status.available" },
  waiting_protect: { tone: "info", icon: "upload", label: "status.waiting_protect" },
  protecting: { tone: "info", icon: "upload", label: "status.protecting" },
  waiting_restore: { tone: "warning", icon: "rotate", label: "status.waiting_restore" },
  restoring: { tone: "warning", icon: "rotate", label: "status.restoring" },
  waiting_delete: { tone: "muted", icon: "trash", label: "status.waiting_delete" },
  deleting: { tone: "muted", icon: "trash", label: "status.deleting" },
  error: { tone: "danger", icon: "alert", label: "status.error" },
  deleted: { tone: "muted", icon: "ban", label: "status.deleted" },
};

/** The ui-guide's status language for one state; a state the console does not know stays muted. */
export function statusMeta(status: string): StatusMeta & { known: boolean } {
  if (isBackupStatus(status)) {
    return { ...META[status], running: isRunningStatus(status), known: true };
  }
  return { tone: "muted", icon: "help", label: "status.unknown", running: false, known: false };
}

/** Whether any of these backups is still moving (the trigger of live refresh). */
export function anyRunning(statuses: Iterable<string>): boolean {
  for (const status of statuses) if (isRunningStatus(status)) return true;
  return false;
}
