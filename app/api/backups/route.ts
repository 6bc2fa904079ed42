// GET /api/backups: one page of CSBS or CBR backups for the view in the query (see lib/schemas/backups).
import { backupSearchQuerySchema } from "@/lib/schemas/backups";
import { listBackupPage } from "@/lib/server/backups/list-backups";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute({ query: backupSearchQuerySchema }, async ({ cloud, query }) =>
  listBackupPage(cloud, query.search, query.dropped),
);
