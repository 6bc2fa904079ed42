import { LIVE_REFRESH_MS } from "@/lib/api/backups";
import { isApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { Translate } from "@/lib/i18n/translate";
import type { BackupDetail, BackupRow } from "@/lib/schemas/backups";
import { type ProbeResult, type WatchedBackup, watchDeletes } from "./delete-watch";

/** One look at a backup through the console's API, as a background request (not a user action). */
async function probe(backup: WatchedBackup): Promise<ProbeResult> {
  try {
    const detail = await apiFetch<BackupDetail>(
      `/api/backups/${encodeURIComponent(backup.id)}?service=${backup.service}`,
      { background: true, redirectOnSessionEnd: false },
    );
    return { kind: "status", status: detail.row.status };
  } catch (error) {
    return isApiError(error) && error.status === 404 ? { kind: "gone" } : { kind: "unknown" };
  }
}

/**
 * Follows accepted deletes to their end and announces it in the user's language (the words are
 * taken now: the watcher outlives the dialog that started it).
 */
export function followDeletes(
  rows: readonly Pick<BackupRow, "id" | "service" | "status" | "name">[],
  t: Translate,
  onSettled: () => void,
): () => void {
  return watchDeletes(
    rows.map((r) => ({ id: r.id, service: r.service, name: r.name || r.id, from: r.status })),
    {
      probe,
      intervalMs: LIVE_REFRESH_MS,
      onSettled,
      words: {
        deletedOne: (name) => t("backups.deleteDone.one", { name }),
        deletedMany: (count) => t("backups.deleteDone.many", { count }),
        failedOne: (name) => t("backups.deleteFailed.one", { name }),
        failedSome: (failed, count, names) =>
          t("backups.deleteFailed.some", { failed, count, names }),
      },
    },
  );
}
