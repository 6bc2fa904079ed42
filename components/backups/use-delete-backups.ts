"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { backupKeys } from "@/lib/api/backups";
import { apiFetch } from "@/lib/api/fetcher";
import type { DeleteBackupsBody, DeleteResult } from "@/lib/schemas/backups";

/**
 * Deletes backups of either service: one request for the whole selection, one answer per backup.
 * (lib/api/backups.ts's `useDeleteBackupsMutation` speaks CSBS only.)
 */
export function useDeleteBackups() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeleteBackupsBody) =>
      apiFetch<{ results: DeleteResult[] }>("/api/backups/delete", { method: "POST", body }),
    // Never queued for later: a delete that cannot be sent now must fail now.
    networkMode: "always",
    onSettled: () => client.invalidateQueries({ queryKey: backupKeys.all }),
  });
}
