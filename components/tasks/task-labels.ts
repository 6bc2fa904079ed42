import type { StatusIcon, StatusTone } from "@/components/status/status-meta";
import type { Translate } from "@/lib/i18n/translate";
import { TASK_STATUSES, TASK_TYPES, type TaskStatus, type TaskType } from "@/lib/schemas/tasks";

const known = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/** A task's kind in words; an unknown kind shows the cloud's own word rather than nothing. */
export function taskTypeLabel(t: Translate, type: string): string {
  return known(TASK_TYPES, type) ? t(`tasks.type.${type}`) : type || "—";
}

export function taskStatusLabel(t: Translate, status: string): string {
  return known(TASK_STATUSES, status) ? t(`tasks.status.${status}`) : status || "—";
}

const LOOK: Record<TaskStatus, { tone: StatusTone; icon: StatusIcon }> = {
  running: { tone: "info", icon: "rotate" },
  waiting: { tone: "info", icon: "rotate" },
  success: { tone: "success", icon: "check" },
  failed: { tone: "danger", icon: "alert" },
  timeout: { tone: "danger", icon: "alert" },
  skipped: { tone: "muted", icon: "ban" },
};

/** The ui-guide's status language for a task: a tone and an icon beside the word. */
export function taskStatusLook(status: string): { tone: StatusTone; icon: StatusIcon } {
  return known(TASK_STATUSES, status) ? LOOK[status] : { tone: "muted", icon: "help" };
}

const MOVING: Record<TaskType, { running: string; waiting: string }> = {
  backup: { running: "protecting", waiting: "waiting_protect" },
  sync: { running: "protecting", waiting: "waiting_protect" },
  replication: { running: "protecting", waiting: "waiting_protect" },
  restore: { running: "restoring", waiting: "waiting_restore" },
  delete: { running: "deleting", waiting: "waiting_delete" },
  vault_delete: { running: "deleting", waiting: "waiting_delete" },
  remove_resource: { running: "deleting", waiting: "waiting_delete" },
};

/**
 * The backup state a moving task stands for, so that its bar has the tone the ui-guide gives that
 * state (a restore amber, a delete grey); undefined for a task at rest.
 */
export function movingBackupStatus(type: string, status: string): string | undefined {
  if (status !== "running" && status !== "waiting") return undefined;
  return (known(TASK_TYPES, type) ? MOVING[type] : MOVING.backup)[status];
}
