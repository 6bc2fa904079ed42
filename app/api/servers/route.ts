// GET /api/servers: the project's servers with their disks, policy, last backup and whether CSBS
// can back each one up (and why not).
import type { ServersResponse } from "@/lib/schemas/backups";
import { listServerRows } from "@/lib/server/servers/list-servers";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  {},
  async ({ cloud, locale }): Promise<ServersResponse> => ({
    servers: await listServerRows(cloud, locale),
  }),
);
