"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { detailHref, When } from "@/components/backups/backups-table";
import { LiveStatus } from "@/components/data-table/live-status";
import { PageHeader } from "@/components/layout/page-header";
import { StatusGlyph } from "@/components/status/status-icon";
import { type StatusTone, statusMeta } from "@/components/status/status-meta";
import { StatusProgress } from "@/components/status/status-progress";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api/errors";
import { OVERVIEW_REFRESH_MS, overviewQuery } from "@/lib/api/overview";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { OverviewResponse } from "@/lib/schemas/backups";
import { cn } from "@/lib/utils";
import { BarChart } from "./bar-chart";
import { Gauge } from "./gauge";

const TILE_TONE: Record<StatusTone, string> = {
  success: "text-success",
  info: "text-info",
  warning: "text-warning",
  muted: "text-muted-foreground",
  danger: "text-destructive",
};

/** The tiles: each running pair folded into one, so that six numbers fit a tablet's width. */
const TILES: { status: string; include: string[] }[] = [
  { status: "available", include: ["available"] },
  { status: "protecting", include: ["waiting_protect", "protecting"] },
  { status: "restoring", include: ["waiting_restore", "restoring"] },
  { status: "deleting", include: ["waiting_delete", "deleting"] },
  { status: "error", include: ["error"] },
];

function Tiles({ data }: { data: OverviewResponse }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5"
      aria-label={t("overview.counts")}
    >
      {TILES.map((tile) => {
        const meta = statusMeta(tile.status);
        const count = data.counts
          .filter((c) => tile.include.includes(c.status))
          .reduce((sum, c) => sum + c.count, 0);
        // CSBS filters one status at a time: a folded tile opens its main state.
        const href = `/backups?status=${tile.status}`;
        return (
          <li key={tile.status}>
            <Link
              href={href}
              className="grid gap-1 rounded-xl border bg-card p-3 shadow-xs transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
              data-testid={`tile-${tile.status}`}
            >
              <span
                className={cn(
                  "flex items-center gap-1.5 font-medium text-sm",
                  TILE_TONE[meta.tone],
                )}
              >
                <StatusGlyph icon={meta.icon} className="size-4" />
                {t(meta.label)}
              </span>
              <span
                className="font-semibold text-4xl tabular-nums leading-none"
                data-testid="tile-count"
              >
                {formatNumber(locale, count)}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * `/`: what an ops room needs from two metres away: counts per status, what runs now, what failed
 * in the last 24 hours, quotas, coverage and two weeks of results. It fits a landscape tablet and
 * refreshes by itself (faster while something runs), with a pause.
 */
export function OverviewView() {
  const t = useT();
  const locale = useLocale();
  const [paused, setPaused] = useState(false);
  const query = useQuery({
    ...overviewQuery(),
    refetchInterval: (q) =>
      paused
        ? false
        : (q.state.data?.running.length ?? 0) > 0
          ? OVERVIEW_REFRESH_MS.running
          : OVERVIEW_REFRESH_MS.idle,
  });
  const data = query.data;

  if (query.isError && !data) {
    return (
      <>
        <PageHeader title={t("nav.overview")} />
        <Alert variant="destructive">
          <AlertCircleIcon aria-hidden="true" />
          <AlertTitle>{t("overview.error")}</AlertTitle>
          <AlertDescription>
            <p>{isApiError(query.error) ? query.error.message : t("backups.error.unknown")}</p>
            <Button
              variant="outline"
              size="sm"
              className="mt-2"
              onClick={() => void query.refetch()}
            >
              {t("common.retry")}
            </Button>
          </AlertDescription>
        </Alert>
      </>
    );
  }
  if (!data) {
    return (
      <div className="grid gap-3" role="status" aria-busy="true" aria-label={t("common.loading")}>
        <PageHeader title={t("nav.overview")} />
        <Skeleton className="h-24 w-full" />
        <div className="grid gap-3 lg:grid-cols-3">
          <Skeleton className="h-56" />
          <Skeleton className="h-56" />
          <Skeleton className="h-56" />
        </div>
      </div>
    );
  }

  const backupsQuota = data.quotas.find((q) => q.type === "backups");
  const capacityQuota = data.quotas.find((q) => q.type === "backup_capacity");

  return (
    <div className="grid gap-3">
      <PageHeader title={t("nav.overview")}>
        <LiveStatus
          updatedAt={query.dataUpdatedAt}
          fetching={query.isFetching}
          live={data.running.length > 0}
          paused={paused}
          onTogglePause={() => setPaused((p) => !p)}
          onRefresh={() => void query.refetch()}
        />
      </PageHeader>
      <Tiles data={data} />
      <div className="grid gap-3 lg:grid-cols-3">
        <Card className="gap-2 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-base">
              {t("overview.running", { count: data.running.length })}
            </CardTitle>
          </CardHeader>
          <CardContent className="px-4">
            {data.running.length === 0 ? (
              <p className="text-muted-foreground text-sm">{t("overview.nothingRunning")}</p>
            ) : (
              <ul className="grid gap-2.5" data-testid="running-list">
                {data.running.slice(0, 5).map((row) => (
                  <li key={row.id} className="grid gap-1">
                    <div className="flex items-center justify-between gap-2 text-sm">
                      <Link href={detailHref(row)} className="truncate font-medium hover:underline">
                        {row.serverName ?? row.name}
                      </Link>
                      <span className="shrink-0 text-muted-foreground tabular-nums">
                        {t(statusMeta(row.status).label)}
                        {row.progress !== undefined ? ` · ${Math.round(row.progress)}%` : ""}
                      </span>
                    </div>
                    <StatusProgress status={row.status} progress={row.progress} label={row.name} />
                  </li>
                ))}
                {data.running.length > 5 ? (
                  <li className="text-muted-foreground text-sm">
                    <Link href="/backups?status=protecting" className="hover:underline">
                      {t("overview.more", { count: data.running.length - 5 })}
                    </Link>
                  </li>
                ) : null}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card className="gap-2 py-4">
          <CardHeader className="px-4">
            <CardTitle className="flex items-center justify-between text-base">
              {t("overview.failures")}
              <span
                className={cn(
                  "font-semibold text-2xl tabular-nums",
                  data.failures.count > 0 ? "text-destructive" : "text-muted-foreground",
                )}
                data-testid="failures-count"
              >
                {formatNumber(locale, data.failures.count)}
              </span>
            </CardTitle>
          </CardHeader>
          <CardContent className="px-4">
            {data.failures.items.length === 0 ? (
              <p className="text-muted-foreground text-sm">{t("overview.noFailures")}</p>
            ) : (
              <ul className="grid gap-2">
                {data.failures.items.slice(0, 4).map((row) => (
                  <li key={row.id} className="grid text-sm">
                    <span className="flex items-center justify-between gap-2">
                      <Link href={detailHref(row)} className="truncate font-medium hover:underline">
                        {row.serverName ?? row.name}
                      </Link>
                      <When iso={row.createdAt} locale={locale} />
                    </span>
                    {row.failReason ? (
                      <span className="truncate text-destructive text-xs" title={row.failReason}>
                        {row.failReason}
                      </span>
                    ) : null}
                  </li>
                ))}
                <li className="text-sm">
                  <Link
                    href={`/backups?status=error&from=${encodeURIComponent(data.failures.since)}`}
                    className="text-muted-foreground hover:underline"
                  >
                    {t("overview.allFailures")}
                  </Link>
                </li>
              </ul>
            )}
          </CardContent>
        </Card>
        <Card className="gap-2 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-base">{t("overview.quotaCoverage")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 px-4">
            <div className="flex justify-around gap-2">
              {backupsQuota ? (
                <Gauge
                  label={t("overview.quotaBackups")}
                  used={backupsQuota.used}
                  quota={backupsQuota.quota}
                />
              ) : null}
              {capacityQuota ? (
                <Gauge
                  label={t("overview.quotaCapacity")}
                  used={capacityQuota.used}
                  quota={capacityQuota.quota}
                  unit={capacityQuota.unit ?? "GB"}
                />
              ) : null}
            </div>
            <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
              <dt>
                <Link href="/servers" className="hover:underline">
                  {t("overview.withoutPolicy")}
                </Link>
              </dt>
              <dd
                className={cn(
                  "text-right font-semibold tabular-nums",
                  data.coverage.withoutPolicy.length > 0 && "text-warning",
                )}
                title={data.coverage.withoutPolicy.map((s) => s.name).join(", ")}
              >
                {data.coverage.withoutPolicy.length} / {data.coverage.servers}
              </dd>
              <dt>{t("overview.withoutSuccess", { days: data.coverage.days })}</dt>
              <dd
                className={cn(
                  "text-right font-semibold tabular-nums",
                  data.coverage.withoutRecentSuccess.length > 0 && "text-warning",
                )}
                title={data.coverage.withoutRecentSuccess.map((s) => s.name).join(", ")}
              >
                {data.coverage.withoutRecentSuccess.length} / {data.coverage.servers}
              </dd>
            </dl>
          </CardContent>
        </Card>
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        <Card className="gap-2 py-4 lg:col-span-2">
          <CardHeader className="px-4">
            <CardTitle className="text-base">
              {t("overview.daily", { days: data.daily.length })}
            </CardTitle>
          </CardHeader>
          <CardContent className="px-4">
            <BarChart days={data.daily} />
          </CardContent>
        </Card>
        <Card className="gap-2 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-base">
              {t("overview.scheduled", { count: data.scheduled.length })}
            </CardTitle>
          </CardHeader>
          <CardContent className="px-4">
            {data.scheduled.length === 0 ? (
              <p className="text-muted-foreground text-sm">{t("overview.noneScheduled")}</p>
            ) : (
              <ul className="grid gap-1 text-sm" data-testid="scheduled-list">
                {data.scheduled.slice(0, 5).map((run) => (
                  <li key={`${run.policyId}-${run.at}`} className="flex justify-between gap-2">
                    <span className="truncate">{run.policyName}</span>
                    <time
                      dateTime={run.at}
                      title={formatDateTime(locale, run.at)}
                      className="shrink-0 text-muted-foreground tabular-nums"
                    >
                      {t("overview.scheduledRun", {
                        time: formatDateTime(locale, run.at, {
                          hour: "2-digit",
                          minute: "2-digit",
                        }),
                        servers: run.servers,
                      })}
                    </time>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
