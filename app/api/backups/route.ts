// GET /api/backups: one page of CSBS or CBR backups for the view in the query (see lib/schemas/backups).
import { backupSearchQuerySchema } from "@/lib/schemas/backups";
import { withRoute } from "@/lib/server/with-route";
import { listBackupPage } from "./list-backups";

export const GET = withRoute({ query: backupSearchQuerySchema }, async ({ cloud, query }) =>
  listBackupPage(cloud, query.search, query.dropped),
);
