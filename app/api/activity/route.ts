// GET /api/activity: one page of the audit trail of the signed-in account, filtered.
import { type ActivityPage, activityQuerySchema } from "@/lib/schemas/activity";
import { toAuditQuery } from "@/lib/server/activity/activity-query";
import { auditStore } from "@/lib/server/audit";
import { withRoute } from "@/lib/server/with-route";

export const GET = withRoute(
  { query: activityQuerySchema },
  async ({ session, query }): Promise<ActivityPage> => {
    const page = await auditStore().list(
      toAuditQuery(session.record.domain.name, query, {
        limit: query.size,
        offset: (query.page - 1) * query.size,
      }),
    );
    return { ...page, page: query.page, size: query.size };
  },
);
