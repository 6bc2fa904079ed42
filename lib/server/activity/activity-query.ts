import "server-only";
import type { ActivityQuery } from "@/lib/schemas/activity";
import type { AuditQuery } from "@/lib/server/audit-store";

const DAY_MS = 24 * 3600 * 1000;

/**
 * The API's query as a store query of the signed-in account; days are UTC and `to` is inclusive.
 */
export function toAuditQuery(
  account: string,
  query: ActivityQuery,
  paging: { limit: number; offset: number },
): AuditQuery {
  return {
    account,
    actions: query.action,
    results: query.result,
    user: query.user || undefined,
    project: query.project || undefined,
    target: query.target || undefined,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) : undefined,
    ...paging,
  };
}
