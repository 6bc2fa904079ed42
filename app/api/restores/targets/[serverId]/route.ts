// GET /api/restores/targets/{serverId}: the server's attached disks, as restore targets.
import { serverIdParamsSchema, type TargetResponse } from "@/lib/schemas/restore";
import { loadTarget } from "@/lib/server/restores/restore-service";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  { params: serverIdParamsSchema },
  async ({ cloud, params }): Promise<TargetResponse> => loadTarget(cloud, params.serverId),
);
