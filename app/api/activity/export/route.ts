// GET /api/activity/export: the filtered audit trail (same query as GET /api/activity) as CSV.

import { toCsv } from "@/lib/csv";
import { createTranslator } from "@/lib/i18n/translate";
import { activityQuerySchema } from "@/lib/schemas/activity";
import { toAuditQuery } from "@/lib/server/activity/activity-query";
import { auditStore } from "@/lib/server/audit";
import { withRoute } from "@/lib/server/with-route";

/** Bounded so that one click cannot produce an unbounded file. */
const MAX_ROWS = 10_000;

export const GET = withRoute({ query: activityQuerySchema }, async ({ session, query, locale }) => {
  const t = createTranslator(locale);
  const { items } = await auditStore().list(
    toAuditQuery(session.record.domain.name, query, { limit: MAX_ROWS, offset: 0 }),
  );
  const header = [
    "time_utc",
    "action",
    t("activity.col.action"),
    "result",
    t("activity.col.result"),
    t("activity.col.user"),
    t("activity.col.account"),
    t("activity.col.project"),
    t("activity.col.target"),
    t("activity.col.detail"),
    t("activity.col.address"),
  ];
  const rows = items.map((e) => [
    e.at,
    e.action,
    t(`activity.action.${e.action}`),
    e.result,
    t(`activity.result.${e.result}`),
    e.user,
    e.account,
    e.project,
    e.target,
    e.detail,
    e.address,
  ]);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  // A byte-order mark so that spreadsheets read the Chinese words as UTF-8.
  return new Response(`\uFEFF${toCsv(header, rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="activity-${stamp}.csv"`,
    },
  });
});
