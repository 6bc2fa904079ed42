"use client";

import { AlertCircleIcon } from "lucide-react";
import Link from "next/link";
import { memo, useState } from "react";
import { detailHref, When } from "@/components/backups/backups-table";
import { LiveStatus } from "@/components/data-table/live-status";
import { PageHeader } from "@/components/layout/page-header";
import { useHydrated } from "@/components/layout/use-hydrated";
import { StatusGlyph } from "@/components/status/status-icon";
import { statusMeta } from "@/components/status/status-meta";
import { StatusProgress } from "@/components/status/status-progress";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api/errors";
import { OVERVIEW_REFRESH_MS } from "@/lib/api/overview";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { OverviewResponse } from "@/lib/schemas/backups";
import { cn } from "@/lib/utils";
import { BarChart } from "./bar-chart";
import { Gauge } from "./gauge";
import { firstOf, overviewQuotas, overviewTiles, TONE_TEXT } from "./overview-model";
import { TileParts } from "./tile-parts";
import { type InitialOverview, useOverview } from "./use-overview";

const Tiles = memo(function Tiles({ counts }: { counts: OverviewResponse["counts"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5"
      aria-label={t("overview.counts")}
    >
      {overviewTiles({ counts }).map((tile) => (
        <li key={tile.status}>
          <Link
            href={tile.href}
            className="grid gap-1 rounded-xl border bg-card p-3 shadow-xs transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            data-testid={`tile-${tile.status}`}
          >
            <span
              className={cn(
                "flex items-center gap-1.5 font-medium text-sm",
                TONE_TEXT[tile.meta.tone],
              )}
            >
              <StatusGlyph icon={tile.meta.icon} className="size-4" />
              {t(tile.meta.label)}
            </span>
            {/* The split sits beside the number: a line of its own would push the page past a
                landscape tablet's height. */}
            <span className="flex items-end justify-between gap-1">
              <span
                className="font-semibold text-4xl tabular-nums leading-none"
                data-testid="tile-count"
              >
                {formatNumber(locale, tile.count)}
              </span>
              <TileParts
                tile={tile}
                locale={locale}
                stacked
                className="text-[11px] leading-tight"
              />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
});

const RunningCard = memo(function RunningCard({
  running,
}: {
  running: OverviewResponse["running"];
}) {
  const t = useT();
  const shown = firstOf(running, 5);
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-base">
          {t("overview.running", { count: running.length })}
        </CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        {running.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("overview.nothingRunning")}</p>
        ) : (
          <ul className="grid gap-2.5" data-testid="running-list">
            {shown.items.map((row) => (
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
            {shown.more > 0 ? (
              <li className="text-muted-foreground text-sm">
                <Link href="/backups?status=protecting" className="hover:underline">
                  {t("overview.more", { count: shown.more })}
                </Link>
              </li>
            ) : null}
          </ul>
        )}
      </CardContent>
    </Card>
  );
});

const FailuresCard = memo(function FailuresCard({
  failures,
}: {
  failures: OverviewResponse["failures"];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardTitle className="flex items-center justify-between text-base">
          {t("overview.failures")}
          <span
            className={cn(
              "font-semibold text-2xl tabular-nums",
              failures.count > 0 ? "text-destructive" : "text-muted-foreground",
            )}
            data-testid="failures-count"
          >
            {formatNumber(locale, failures.count)}
          </span>
        </CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        {failures.items.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("overview.noFailures")}</p>
        ) : (
          <ul className="grid gap-2">
            {firstOf(failures.items, 4).items.map((row) => (
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
                href={`/backups?status=error&from=${encodeURIComponent(failures.since)}`}
                className="text-muted-foreground hover:underline"
              >
                {t("overview.allFailures")}
              </Link>
            </li>
          </ul>
        )}
      </CardContent>
    </Card>
  );
});

const QuotaCoverageCard = memo(function QuotaCoverageCard({
  quotas,
  coverage,
}: Pick<OverviewResponse, "quotas" | "coverage">) {
  const t = useT();
  const { backups, capacity } = overviewQuotas({ quotas });
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-base">{t("overview.quotaCoverage")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 px-4">
        <div className="flex justify-around gap-2">
          {backups ? (
            <Gauge label={t("overview.quotaBackups")} used={backups.used} quota={backups.quota} />
          ) : null}
          {capacity ? (
            <Gauge
              label={t("overview.quotaCapacity")}
              used={capacity.used}
              quota={capacity.quota}
              unit={capacity.unit ?? "GB"}
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
              coverage.withoutPolicy.length > 0 && "text-warning",
            )}
            title={coverage.withoutPolicy.map((s) => s.name).join(", ")}
            data-testid="coverage-without-policy"
          >
            {coverage.withoutPolicy.length} / {coverage.servers}
          </dd>
          <dt>{t("overview.withoutSuccess", { days: coverage.days })}</dt>
          <dd
            className={cn(
              "text-right font-semibold tabular-nums",
              coverage.withoutRecentSuccess.length > 0 && "text-warning",
            )}
            title={coverage.withoutRecentSuccess.map((s) => s.name).join(", ")}
          >
            {coverage.withoutRecentSuccess.length} / {coverage.servers}
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
});

const DailyCard = memo(function DailyCard({ daily }: { daily: OverviewResponse["daily"] }) {
  const t = useT();
  return (
    <Card className="gap-2 py-4 lg:col-span-2">
      <CardHeader className="px-4">
        <CardTitle className="text-base">{t("overview.daily", { days: daily.length })}</CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        <BarChart days={daily} />
      </CardContent>
    </Card>
  );
});

const ScheduledCard = memo(function ScheduledCard({
  scheduled,
}: {
  scheduled: OverviewResponse["scheduled"];
}) {
  const t = useT();
  const locale = useLocale();
  // The reader's clock, which the server does not know: filled in once the page runs in the browser.
  const hydrated = useHydrated();
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-base">
          {t("overview.scheduled", { count: scheduled.length })}
        </CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        {scheduled.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("overview.noneScheduled")}</p>
        ) : (
          <ul className="grid gap-1 text-sm" data-testid="scheduled-list">
            {firstOf(scheduled, 5).items.map((run) => (
              <li key={`${run.policyId}-${run.at}`} className="flex justify-between gap-2">
                <span className="truncate">{run.policyName}</span>
                <time
                  dateTime={run.at}
                  title={hydrated ? formatDateTime(locale, run.at) : undefined}
                  className="shrink-0 text-muted-foreground tabular-nums"
                >
                  {t("overview.scheduledRun", {
                    time: hydrated
                      ? formatDateTime(locale, run.at, { hour: "2-digit", minute: "2-digit" })
                      : "--:--",
                    servers: run.servers,
                  })}
                </time>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
});

function OverviewError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t("nav.overview")} />
      <Alert variant="destructive">
        <AlertCircleIcon aria-hidden="true" />
        <AlertTitle>{t("overview.error")}</AlertTitle>
        <AlertDescription>
          <p>{errorMessage(error, t("backups.error.unknown"))}</p>
          <Button variant="outline" size="sm" className="mt-2" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        </AlertDescription>
      </Alert>
    </>
  );
}

function OverviewSkeleton() {
  const t = useT();
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

/**
 * `/`: what an ops room needs from two metres away: counts per status, what runs now, what failed
 * in the last 24 hours, quotas, coverage and two weeks of results. It fits a landscape tablet and
 * refreshes by itself (faster while something runs), with a pause. The server renders it whole
 * with the first figures; each card is memoized on its slice of the figures, which a refresh keeps
 * identical when they did not change, so a refresh repaints only what moved.
 */
export function OverviewView({ initial }: { initial?: InitialOverview | undefined }) {
  const t = useT();
  const [paused, setPaused] = useState(false);
  const query = useOverview(initial, (running) =>
    paused ? false : running ? OVERVIEW_REFRESH_MS.running : OVERVIEW_REFRESH_MS.idle,
  );
  const data = query.data;

  if (query.isError && !data) {
    return <OverviewError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!data) return <OverviewSkeleton />;

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
      <Tiles counts={data.counts} />
      <div className="grid gap-3 lg:grid-cols-3">
        <RunningCard running={data.running} />
        <FailuresCard failures={data.failures} />
        <QuotaCoverageCard quotas={data.quotas} coverage={data.coverage} />
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        <DailyCard daily={data.daily} />
        <ScheduledCard scheduled={data.scheduled} />
      </div>
    </div>
  );
}
