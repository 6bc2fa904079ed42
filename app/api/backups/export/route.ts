// GET /api/backups/export: the filtered list (same query as GET /api/backups) as CSV, every page
// up to a bound, in the request's language and the status words of the ui-guide.
import { statusMeta } from "@/components/status/status-meta";
import { toCsv } from "@/lib/csv";
import { createTranslator } from "@/lib/i18n/translate";
import { backupSearchQuerySchema } from "@/lib/schemas/backups";
import { listBackupPage } from "@/lib/server/backups/list-backups";
import { withRoute } from "@/lib/server/with-route";

/** 10 pages of 1,000: enough for a report, bounded so that one click cannot run for minutes. */
const PAGE = 1000;
const MAX_ROWS = 10_000;

export const GET = withRoute(
  { query: backupSearchQuerySchema },
  async ({ cloud, query, locale }) => {
    const t = createTranslator(locale);
    const search = { ...query.search, size: PAGE };
    const rows = [];
    for (let page = 1; rows.length < MAX_ROWS; page++) {
      // Pages follow one another: the next offset depends on nothing but the page number, but the
      // cloud is asked one page at a time so that a large project is never fetched at once.
      const result = await listBackupPage(cloud, { ...search, page });
      rows.push(...result.items);
      if (result.items.length < PAGE || rows.length >= result.total) break;
    }
    const csbs = search.service === "csbs";
    const header = [
      "id",
      t("backups.col.name"),
      t("backups.col.server"),
      "server_id",
      t("backups.col.status"),
      "status",
      t("backups.col.kind"),
      csbs ? "size_mb" : "resource_size_gb",
      t("backups.col.az"),
      t("backups.col.created"),
      t("backups.col.finished"),
      t(csbs ? "backups.col.policy" : "backups.col.vault"),
      "fail_reason",
    ];
    const body = rows.map((r) => {
      const meta = statusMeta(r.status);
      const kind = [
        r.auto === undefined ? "" : t(r.auto ? "backups.kind.auto" : "backups.kind.manual"),
        r.incremental === undefined
          ? ""
          : t(r.incremental ? "backups.kind.incremental" : "backups.kind.full"),
      ]
        .filter(Boolean)
        .join(" · ");
      return [
        r.id,
        r.name,
        r.serverName,
        r.serverId,
        meta.known ? t(meta.label) : r.status,
        r.status,
        kind,
        csbs ? r.sizeMb : r.resourceSizeGb,
        r.az,
        r.createdAt,
        r.finishedAt,
        csbs ? r.policyName : (r.vaultName ?? r.vaultId),
        r.failReason,
      ];
    });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    // A byte-order mark so that spreadsheets read the Chinese words as UTF-8.
    return new Response(`\uFEFF${toCsv(header, body)}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="backups-${search.service}-${stamp}.csv"`,
      },
    });
  },
);
