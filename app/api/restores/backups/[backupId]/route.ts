// GET /api/restores/backups/{backupId}?service=csbs|cbr: what the restore wizard starts from: the
// backup (disks, restore mode, why it cannot be restored) and every server with its eligibility.

import { listAllServers } from "@/lib/cloud/ecs";
import type { RestoreContextResponse } from "@/lib/schemas/restore";
import { backupIdParamsSchema, restoreQuerySchema } from "@/lib/schemas/restore";
import { loadBackup } from "@/lib/server/restores/restore-service";
import { candidateView, isBareMetal } from "@/lib/server/restores/restore-views";
import { restoreWords } from "@/lib/server/restores/restore-words";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  { params: backupIdParamsSchema, query: restoreQuerySchema },
  async ({ cloud, params, query, locale }): Promise<RestoreContextResponse> => {
    const [backup, servers] = await Promise.all([
      loadBackup(cloud, query.service, params.backupId, locale),
      listAllServers(cloud),
    ]);
    // The backup says bare metal by its resource type; the source server's flavour says it too.
    const source = servers.find((s) => s.id === backup.serverId);
    const view = source && isBareMetal(source) ? { ...backup, bareMetal: true } : backup;
    if (view.refusal) {
      const message = restoreWords(locale, view.refusal.code, { status: view.status });
      if (message) view.refusal = { ...view.refusal, message };
    }
    const candidates = servers.map((s) => candidateView(view, s));
    // The original server first, then eligible ones, then by name.
    candidates.sort(
      (a, b) =>
        Number(b.original) - Number(a.original) ||
        Number(a.reasons.length > 0) - Number(b.reasons.length > 0) ||
        a.name.localeCompare(b.name),
    );
    return { backup: view, servers: candidates };
  },
);
