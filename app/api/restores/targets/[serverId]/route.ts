// GET /api/restores/targets/{serverId}: the server's attached disks, as restore targets.
import { serverIdParamsSchema, type TargetResponse } from "@/lib/schemas/restore";
import { withRoute } from "@/lib/server/with-route";
import { loadTarget } from "../../restore-service";

export const GET = withRoute(
  { params: serverIdParamsSchema },
  async ({ cloud, params }): Promise<TargetResponse> => loadTarget(cloud, params.serverId),
);
