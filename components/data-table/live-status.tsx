"use client";

import { PauseIcon, PlayIcon, RefreshCwIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { cn } from "@/lib/utils";

type LiveStatusProps = {
  /** When the data on screen was fetched (0: not yet). */
  updatedAt: number;
  fetching: boolean;
  /** Whether something on screen is still moving, so that the view refreshes by itself. */
  live: boolean;
  paused: boolean;
  onTogglePause: () => void;
  onRefresh: () => void;
};

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // A local clock only: it re-renders the label, it never asks the server for anything.
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * "Updated 12 s ago · live · Pause": the state of an auto-refreshing view (WCAG 2.2.2: what
 * updates by itself can be paused). Not a live region: it would speak every second.
 */
export function LiveStatus({
  updatedAt,
  fetching,
  live,
  paused,
  onTogglePause,
  onRefresh,
}: LiveStatusProps) {
  const t = useT();
  const locale = useLocale();
  const now = useNow(1_000);
  const seconds = updatedAt > 0 ? Math.max(0, Math.round((now - updatedAt) / 1000)) : undefined;
  const state = paused ? t("live.paused") : live ? t("live.on") : t("live.idle");
  return (
    <div
      className="flex flex-wrap items-center gap-2 text-muted-foreground text-sm"
      data-testid="live-status"
    >
      <span className={cn("inline-flex items-center gap-1.5", live && !paused && "text-info")}>
        <span
          aria-hidden="true"
          className={cn(
            "size-2 rounded-full bg-muted-foreground",
            live && !paused && "bg-info motion-safe:animate-pulse",
          )}
        />
        {state}
      </span>
      {seconds !== undefined ? (
        <time
          dateTime={new Date(updatedAt).toISOString()}
          title={formatDateTime(locale, new Date(updatedAt))}
          className="tabular-nums"
          suppressHydrationWarning
        >
          {fetching ? t("live.updating") : t("live.updatedAgo", { seconds })}
        </time>
      ) : null}
      <Button variant="ghost" size="sm" onClick={onTogglePause} aria-pressed={paused}>
        {paused ? <PlayIcon aria-hidden="true" /> : <PauseIcon aria-hidden="true" />}
        {paused ? t("live.resume") : t("live.pause")}
      </Button>
      <Button variant="ghost" size="sm" onClick={onRefresh} disabled={fetching}>
        <RefreshCwIcon aria-hidden="true" className={cn(fetching && "motion-safe:animate-spin")} />
        {t("live.refresh")}
      </Button>
    </div>
  );
}
