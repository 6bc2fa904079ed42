// GET /api/overview: status counts, running backups, failures of the last 24 h, quotas, coverage
// and two weeks of results for the current project (CSBS).
import type { OverviewResponse } from "@/lib/schemas/backups";
import { withRoute } from "@/lib/server/with-route";
import { buildOverview } from "./overview-service";

export const GET = withRoute(
  {},
  async ({ cloud }): Promise<OverviewResponse> => buildOverview(cloud),
);
