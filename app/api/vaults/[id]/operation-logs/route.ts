// GET /api/vaults/{id}/operation-logs?limit: the vault's recent tasks (backups, restores, deletes),
// newest first, each with its checkpoint, progress and failure.
import { z } from "zod";
import { listOperationLogs } from "@/lib/cloud/cbr";
import { toTaskView } from "@/lib/server/tasks/task-view";
import { idParamsSchema } from "@/lib/server/vaults/params";
import { withRoute } from "@/lib/server/with-route";

const querySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const GET = withRoute(
  { params: idParamsSchema, query: querySchema },
  async ({ cloud, params, query, locale }) => {
    const page = await listOperationLogs(cloud, { vault_id: params.id, limit: query.limit });
    return {
      tasks: page.items.map((log) => toTaskView(log, locale)),
      count: page.count ?? page.items.length,
    };
  },
);
