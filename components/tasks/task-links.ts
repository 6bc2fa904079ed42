import type { TaskView } from "@/lib/schemas/tasks";

/** Where a task's backup and vault are, when they still are: a finished delete took them away. */
export function taskLinks(task: TaskView): { backup?: string; vault?: string } {
  const done = task.status === "success";
  const links: { backup?: string; vault?: string } = {};
  if (task.backupId && !(done && task.type === "delete")) {
    links.backup = `/backups/${encodeURIComponent(task.backupId)}?service=cbr`;
  }
  if (task.vault && !(done && task.type === "vault_delete")) {
    links.vault = `/vaults/${encodeURIComponent(task.vault.id)}`;
  }
  return links;
}
