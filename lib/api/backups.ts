import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import {
  type BackupDetail,
  type BackupSearch,
  type BackupService,
  backupListKey,
  backupListResponseSchema,
  backupSearchParams,
  type DeleteBackupsBody,
  type DeleteResult,
} from "@/lib/schemas/backups";
import { apiFetch } from "./fetcher";

/** How often a view with a running backup asks again (the tab must be visible). */
export const LIVE_REFRESH_MS = 3_000;

export const backupKeys = {
  all: ["backups"] as const,
  lists: () => [...backupKeys.all, "list"] as const,
  list: (search: BackupSearch) => [...backupKeys.lists(), backupListKey(search)] as const,
  details: () => [...backupKeys.all, "detail"] as const,
  detail: (service: BackupService, id: string) => [...backupKeys.details(), service, id] as const,
};

/** A refresh of data already shown is a background request: it must not keep the session alive. */
function isRefresh(client: QueryClient, queryKey: readonly unknown[]): boolean {
  return client.getQueryData(queryKey) !== undefined;
}

/** One page of backups for a view of `/backups`. */
export function backupListQuery(search: BackupSearch) {
  const params = backupSearchParams(search);
  if (search.service !== "csbs" && !params.has("service")) params.set("service", search.service);
  return queryOptions({
    queryKey: backupKeys.list(search),
    queryFn: async ({ signal, client, queryKey }) =>
      backupListResponseSchema.parse(
        await apiFetch(`/api/backups?${params.toString()}`, {
          signal,
          background: isRefresh(client, queryKey),
        }),
      ),
    // Paging keeps the previous rows on screen (dimmed) instead of flashing a skeleton.
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function backupDetailQuery(service: BackupService, id: string) {
  return queryOptions({
    queryKey: backupKeys.detail(service, id),
    queryFn: async ({ signal, client, queryKey }) =>
      apiFetch<BackupDetail>(`/api/backups/${encodeURIComponent(id)}?service=${service}`, {
        signal,
        background: isRefresh(client, queryKey),
      }),
    staleTime: 10_000,
  });
}

/** Deletes backups of either service: one request for the whole selection, one answer per backup. */
export function useDeleteBackupsMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeleteBackupsBody) =>
      apiFetch<{ results: DeleteResult[] }>("/api/backups/delete", { method: "POST", body }),
    // Never queued for later: a delete that cannot be sent now must fail now.
    networkMode: "always",
    onSettled: () => client.invalidateQueries({ queryKey: backupKeys.all }),
  });
}

/** Renames a CBR backup. */
export function useRenameBackupMutation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiFetch<unknown>(`/api/backups/${encodeURIComponent(id)}`, {
        method: "PATCH",
        body: { name },
      }),
    networkMode: "always",
    onSuccess: () => client.invalidateQueries({ queryKey: backupKeys.all }),
  });
}
