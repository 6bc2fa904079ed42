// GET /api/overview: status counts, running backups, failures of the last 24 h, quotas, coverage
// and two weeks of results for the current project (CSBS).
import type { OverviewResponse } from "@/lib/schemas/backups";
import { buildOverview } from "@/lib/server/overview/overview-service";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  {},
  async ({ cloud }): Promise<OverviewResponse> => buildOverview(cloud),
);
