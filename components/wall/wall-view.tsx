"use client";

import { LogOutIcon, PauseIcon, PlayIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { firstOf, overviewTiles, TONE_TEXT } from "@/components/overview/overview-model";
import { TileParts } from "@/components/overview/tile-parts";
import { useOverview } from "@/components/overview/use-overview";
import { StatusGlyph } from "@/components/status/status-icon";
import { statusMeta } from "@/components/status/status-meta";
import { StatusProgress } from "@/components/status/status-progress";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api/errors";
import { formatDateTime, formatNumber, formatRelativeTime } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { OverviewResponse } from "@/lib/schemas/backups";
import { cn } from "@/lib/utils";
import { isStale, wallRefreshMs } from "./wall-refresh";

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Tiles({ counts }: { counts: OverviewResponse["counts"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul
      className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5"
      aria-label={t("overview.counts")}
    >
      {overviewTiles({ counts }).map((tile) => (
        <li
          key={tile.status}
          className={cn(
            "grid gap-2 rounded-2xl border bg-card p-5",
            tile.alarming && "border-destructive bg-destructive/10",
          )}
          data-testid={`wall-tile-${tile.status}`}
        >
          <span
            className={cn("flex items-center gap-2 font-medium text-xl", TONE_TEXT[tile.meta.tone])}
          >
            <StatusGlyph icon={tile.meta.icon} className="size-6" />
            {t(tile.meta.label)}
          </span>
          <span className="font-semibold text-6xl tabular-nums leading-none lg:text-7xl">
            {formatNumber(locale, tile.count)}
          </span>
          <TileParts tile={tile} locale={locale} className="text-base" />
        </li>
      ))}
    </ul>
  );
}

function Running({ data }: { data: OverviewResponse }) {
  const t = useT();
  const running = firstOf(data.running, 6);
  return (
    <section
      className="grid content-start gap-3 rounded-2xl border bg-card p-5"
      aria-labelledby="wall-running"
    >
      <h2 id="wall-running" className="font-semibold text-2xl">
        {t("overview.running", { count: data.running.length })}
      </h2>
      {data.running.length === 0 ? (
        <p className="text-lg text-muted-foreground">{t("overview.nothingRunning")}</p>
      ) : (
        <ul className="grid gap-3">
          {running.items.map((row) => (
            <li key={row.id} className="grid gap-1.5">
              <div className="flex items-baseline justify-between gap-3 text-lg">
                <span className="truncate font-medium">{row.serverName ?? row.name}</span>
                <span className="shrink-0 text-muted-foreground tabular-nums">
                  {t(statusMeta(row.status).label)}
                  {row.progress !== undefined ? ` · ${Math.round(row.progress)}%` : ""}
                </span>
              </div>
              <StatusProgress
                status={row.status}
                progress={row.progress}
                label={row.name}
                className="h-3"
              />
            </li>
          ))}
          {running.more > 0 ? (
            <li className="text-lg text-muted-foreground">
              {t("overview.more", { count: running.more })}
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}

function Failures({ data }: { data: OverviewResponse }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section
      className="grid content-start gap-3 rounded-2xl border bg-card p-5"
      aria-labelledby="wall-failures"
    >
      <h2
        id="wall-failures"
        className="flex items-baseline justify-between gap-3 font-semibold text-2xl"
      >
        {t("overview.failures")}
        <span
          className={cn(
            "text-5xl tabular-nums",
            data.failures.count > 0 ? "text-destructive" : "text-muted-foreground",
          )}
          data-testid="wall-failures-count"
        >
          {formatNumber(locale, data.failures.count)}
        </span>
      </h2>
      {data.failures.items.length === 0 ? (
        <p className="text-lg text-muted-foreground">{t("overview.noFailures")}</p>
      ) : (
        <ul className="grid gap-2">
          {firstOf(data.failures.items, 5).items.map((row) => (
            <li key={row.id} className="grid">
              <span className="flex items-baseline justify-between gap-3 text-lg">
                <span className="truncate font-medium">{row.serverName ?? row.name}</span>
                {row.createdAt ? (
                  <time
                    dateTime={row.createdAt}
                    className="shrink-0 text-base text-muted-foreground"
                    suppressHydrationWarning
                  >
                    {formatRelativeTime(locale, row.createdAt)}
                  </time>
                ) : null}
              </span>
              {row.failReason ? (
                <span className="truncate text-base text-destructive">{row.failReason}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Coverage({ data }: { data: OverviewResponse }) {
  const t = useT();
  const locale = useLocale();
  const rows = [
    { label: t("overview.withoutPolicy"), count: data.coverage.withoutPolicy.length },
    {
      label: t("overview.withoutSuccess", { days: data.coverage.days }),
      count: data.coverage.withoutRecentSuccess.length,
    },
  ];
  return (
    <section
      className="grid content-start gap-3 rounded-2xl border bg-card p-5"
      aria-labelledby="wall-coverage"
    >
      <h2 id="wall-coverage" className="font-semibold text-2xl">
        {t("wall.coverage")}
      </h2>
      <dl className="grid grid-cols-[1fr_auto] items-baseline gap-x-4 gap-y-2 text-lg">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt>{row.label}</dt>
            <dd
              className={cn(
                "text-right font-semibold text-3xl tabular-nums",
                row.count > 0 && "text-warning",
              )}
            >
              {formatNumber(locale, row.count)} / {formatNumber(locale, data.coverage.servers)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * `/wall`: the overview for a screen on an operations room's wall. No navigation, large figures,
 * read-only (no action but pause and exit), refreshing by itself; `?refresh=N` sets the interval.
 * Polls as background requests, so a wall never keeps a session alive past its idle timeout.
 */
export function WallView({ projectName }: { projectName: string }) {
  const t = useT();
  const locale = useLocale();
  const search = useSearchParams();
  const refreshParam = search.get("refresh");
  const [paused, setPaused] = useState(false);
  // Not seeded by the server as the overview is: a wall's first figures may take their time, and
  // its first request starts the refresh rhythm the screen keeps all day.
  const query = useOverview(undefined, (running) =>
    paused ? false : wallRefreshMs(refreshParam, running),
  );
  const data = query.data;
  const now = useNow(5_000);
  const interval = wallRefreshMs(refreshParam, (data?.running.length ?? 0) > 0);
  const stale = !paused && isStale(query.dataUpdatedAt, now, interval);

  return (
    <div className="grid min-h-dvh grid-rows-[auto_1fr] gap-4 p-4 lg:p-6">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="font-semibold text-3xl">
          {t("wall.title")} <span className="text-muted-foreground">· {projectName}</span>
        </h1>
        <div className="ml-auto flex flex-wrap items-center gap-2 text-lg">
          {stale ? (
            <span
              className="inline-flex items-center gap-1.5 font-medium text-warning"
              data-testid="wall-stale"
            >
              <TriangleAlertIcon aria-hidden="true" className="size-5" />
              {t("wall.stale")}
            </span>
          ) : null}
          {query.dataUpdatedAt > 0 ? (
            <span className="text-muted-foreground tabular-nums" data-testid="wall-updated">
              {t("wall.updatedAt", { time: formatDateTime(locale, new Date(query.dataUpdatedAt)) })}
            </span>
          ) : null}
          <Button variant="outline" onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
            {paused ? <PlayIcon aria-hidden="true" /> : <PauseIcon aria-hidden="true" />}
            {paused ? t("live.resume") : t("live.pause")}
          </Button>
          <Button asChild variant="ghost">
            <Link href="/">
              <LogOutIcon aria-hidden="true" />
              {t("wall.exit")}
            </Link>
          </Button>
        </div>
      </header>
      <main id="main" className="grid content-start gap-4">
        {query.isError && !data ? (
          <p
            className="rounded-2xl border border-destructive p-5 text-destructive text-xl"
            role="alert"
          >
            {t("overview.error")}
            {isApiError(query.error) ? `: ${query.error.message}` : ""}
          </p>
        ) : !data ? (
          <p className="text-muted-foreground text-xl" aria-busy="true">
            {t("common.loading")}
          </p>
        ) : (
          <>
            <Tiles counts={data.counts} />
            <div className="grid gap-4 lg:grid-cols-3">
              <Running data={data} />
              <Failures data={data} />
              <Coverage data={data} />
            </div>
          </>
        )}
      </main>
    </div>
  );
}
