// POST /api/servers/backup: "back up now" for one or several servers, each by the service that
// holds it (a CBR vault, else CSBS), one answer per server. Never retried.
import { backupNowBodySchema } from "@/lib/schemas/backups";
import { backUpNow } from "@/lib/server/servers/back-up-now";
import { withRoute } from "@/lib/server/with-route";

export const POST = withRoute({ body: backupNowBodySchema }, ({ cloud, body, locale }) =>
  backUpNow(cloud, body, locale),
);
