import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  isRunningTask,
  type TaskSearch,
  taskListResponseSchema,
  taskSearchParams,
} from "@/lib/schemas/tasks";
import { LIVE_REFRESH_MS } from "./backups";
import { apiFetch } from "./fetcher";

export const taskKeys = {
  all: ["tasks"] as const,
  list: (search: TaskSearch) =>
    [...taskKeys.all, "list", taskSearchParams(search).toString()] as const,
};

/**
 * One page of CBR tasks for a view of `/tasks`. While a shown task is still moving it asks again
 * at the pace of `/backups` (unless `paused`); when nothing moves it asks nothing.
 */
export function taskListQuery(search: TaskSearch, { paused = false }: { paused?: boolean } = {}) {
  const qs = taskSearchParams(search).toString();
  return queryOptions({
    queryKey: taskKeys.list(search),
    queryFn: async ({ signal, client, queryKey }) =>
      taskListResponseSchema.parse(
        await apiFetch(`/api/tasks${qs ? `?${qs}` : ""}`, {
          signal,
          // A refresh of rows already on screen is not the user's doing.
          background: client.getQueryData(queryKey) !== undefined,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    refetchInterval: (query) =>
      !paused && (query.state.data?.tasks ?? []).some((task) => isRunningTask(task.status))
        ? LIVE_REFRESH_MS
        : false,
  });
}
