// GET /api/vaults/{id}/backups?limit: the vault's most recent backups, newest first, with the
// progress of those still running (read from their tasks).
import { z } from "zod";
import { listBackups } from "@/lib/cloud/cbr";
import type { VaultBackupsResponse } from "@/lib/schemas/vault";
import { idParamsSchema } from "@/lib/server/vaults/params";
import { runningProgress, vaultBackupRow } from "@/lib/server/vaults/vault-service";
import { withRoute } from "@/lib/server/with-route";

const querySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const GET = withRoute(
  { params: idParamsSchema, query: querySchema },
  async ({ cloud, params, query }): Promise<VaultBackupsResponse> => {
    const page = await listBackups(cloud, {
      vault_id: params.id,
      limit: query.limit,
      sort: "created_at:desc",
    });
    const running = page.items.some(
      (b) => b.status === "protecting" || b.status === "waiting_protect",
    );
    // Progress is a nicety: a failed task lookup must not hide the backups.
    const progress = running
      ? await runningProgress(cloud, params.id).catch(() => new Map<string, number>())
      : new Map<string, number>();
    return {
      backups: page.items.map((b) => vaultBackupRow(b, progress)),
      count: page.count ?? page.items.length,
    };
  },
);
