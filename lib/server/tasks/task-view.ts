import "server-only";
import type { OperationLog } from "@/lib/cloud/cbr";
import { cloudErrorMessage } from "@/lib/i18n/cloud-errors";
import type { Locale } from "@/lib/i18n/locales";
import type { TaskView } from "@/lib/schemas/tasks";

/**
 * A CBR operation log as `/tasks` and a vault's page show it. A failure is told in the catalog's
 * plain words for its code where there are some, in the cloud's own only where there are none.
 */
export function toTaskView(log: OperationLog, locale: Locale): TaskView {
  const task: TaskView = {
    id: log.id,
    type: log.operation_type ?? "",
    status: log.status,
  };
  if (log.checkpoint_id) task.checkpointId = log.checkpoint_id;
  const started = log.started_at ?? log.created_at;
  if (started) task.startedAt = started;
  if (log.ended_at) task.endedAt = log.ended_at;
  const info = log.extra_info;
  const progress = info?.common?.progress;
  if (progress !== undefined) task.progress = progress;
  if (log.vault_id) task.vault = { id: log.vault_id, name: log.vault_name || log.vault_id };
  const resource = info?.resource;
  if (resource?.id) {
    task.resource = {
      id: resource.id,
      name: resource.name || resource.id,
      type: resource.type ?? "",
    };
  }
  // A backup names itself in the part of its kind: backup, restore or delete.
  const backup = info?.backup ?? info?.restore ?? info?.delete;
  if (backup?.backup_id) task.backupId = backup.backup_id;
  if (backup?.backup_name) task.backupName = backup.backup_name;
  const target = info?.restore;
  if (target?.target_resource_id) {
    task.restoreTarget = {
      id: target.target_resource_id,
      name: target.target_resource_name || target.target_resource_id,
    };
  }
  const code = log.error_info?.code;
  if (code) task.errorCode = code;
  const message = (code && cloudErrorMessage(code, locale)) || log.error_info?.message;
  if (message) task.errorMessage = message;
  if (log.policy_id) task.policyId = log.policy_id;
  return task;
}
