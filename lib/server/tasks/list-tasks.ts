import "server-only";
import { listOperationLogs } from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import type { Locale } from "@/lib/i18n/locales";
import { cbrTime } from "@/lib/schemas/backups";
import { type TaskListResponse, type TaskQuery, taskWindowStart } from "@/lib/schemas/tasks";
import { toTaskView } from "./task-view";

/**
 * One page of the project's CBR tasks, newest first, filtered by the cloud (type, status, vault,
 * and the window's start, never more than the 30 days CBR keeps).
 */
export async function listTasks(
  cloud: CloudContext,
  query: TaskQuery,
  locale: Locale,
  now: Date = new Date(),
): Promise<TaskListResponse> {
  const since = taskWindowStart(query.window, now).toISOString();
  const offset = (query.page - 1) * query.size;
  const page = await listOperationLogs(cloud, {
    ...(query.type ? { operation_type: query.type } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.vault ? { vault_id: query.vault } : {}),
    start_time: cbrTime(since),
    limit: query.size,
    offset,
  });
  return {
    tasks: page.items.map((log) => toTaskView(log, locale)),
    total: page.count ?? offset + page.items.length,
    page: query.page,
    size: query.size,
    since,
  };
}
