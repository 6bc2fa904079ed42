import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { BackupNowBody, BackupNowResult, ServersResponse } from "@/lib/schemas/backups";
import { backupKeys } from "./backups";
import { apiFetch } from "./fetcher";
import { overviewKeys } from "./overview";
import { vaultKeys } from "./vaults";

export const serverKeys = {
  all: ["servers"] as const,
  list: () => [...serverKeys.all, "list"] as const,
};

/** The project's servers with their disks, policy, last backup and protectable verdict. */
export function serversQuery() {
  return queryOptions({
    queryKey: serverKeys.list(),
    queryFn: async ({ signal, client, queryKey }) =>
      apiFetch<ServersResponse>("/api/servers", {
        signal,
        // A refresh of rows already on screen is not the user's doing.
        background: client.getQueryData(queryKey) !== undefined,
      }),
    staleTime: 15_000,
  });
}

/** Back up now: one request for all chosen servers, never retried, then every list refreshes. */
export function useBackupNowMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BackupNowBody) =>
      apiFetch<{ results: BackupNowResult[] }>("/api/servers/backup", { method: "POST", body }),
    networkMode: "always",
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: serverKeys.all }),
        client.invalidateQueries({ queryKey: backupKeys.all }),
        client.invalidateQueries({ queryKey: overviewKeys.all }),
        // A server of a vault is backed up in it: the vault's backups and tasks change.
        client.invalidateQueries({ queryKey: vaultKeys.all }),
      ]);
    },
  });
}
