"use client";

import { CheckCircle2Icon, CircleDashedIcon, CircleSlashIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import { nextRuns, parseCsbsPattern, type ScheduleRule, wallClock } from "@/lib/schedule";
import type { LastRun, PolicyView } from "@/lib/schemas/policy";
import { DAY_KEYS } from "../schedule/schedule-builder";
import { StatusBadge } from "../status/status-badge";

/** How a policy keeps its backups, in words. */
export function retentionText(t: Translate, retention: PolicyView["retention"]): string {
  if (retention.kind === "count") {
    return retention.both
      ? t("policies.retention.both", { count: retention.count ?? 0, days: retention.days ?? 0 })
      : t("policies.retention.count", { count: retention.count ?? 0 });
  }
  if (retention.kind === "days") return t("policies.retention.days", { days: retention.days ?? 0 });
  return t("policies.retention.permanent");
}

export function rulesOf(pattern: string): ScheduleRule[] | null {
  const parsed = parseCsbsPattern(pattern);
  return parsed.ok ? parsed.rules : null;
}

export function nextRunOf(pattern: string, now: Date): Date | null {
  const rules = rulesOf(pattern);
  if (!rules) return null;
  return nextRuns(rules, now, 1)[0] ?? null;
}

/** "Mon 2026-11-23 02:00 (01:00 UTC)": the local wall clock with the UTC one beside it. */
export function runText(t: Translate, at: Date, zone: string): string {
  const local = wallClock(at, zone);
  const utc = wallClock(at, "UTC");
  return t("policies.runAt", {
    day: t(DAY_KEYS[local.day]),
    date: local.date,
    time: local.time,
    utc: utc.time,
  });
}

/** The latest backup's result: word, icon and colour (never colour alone). */
export function LastRunBadge({
  t,
  lastRun,
  loaded,
}: {
  t: Translate;
  lastRun: LastRun | null | undefined;
  loaded: boolean;
}) {
  if (lastRun === undefined) {
    return (
      <span className="text-muted-foreground text-sm">
        {loaded ? t("policies.lastRun.unknown") : t("policies.lastRun.notLoaded")}
      </span>
    );
  }
  if (lastRun === null) {
    return (
      <Badge variant="muted">
        <CircleDashedIcon aria-hidden="true" />
        {t("policies.lastRun.none")}
      </Badge>
    );
  }
  // The shared status language (word, icon, tone), with the time and any failure on hover.
  return (
    <span title={[lastRun.at, lastRun.failReason].filter(Boolean).join(" · ") || undefined}>
      <StatusBadge status={lastRun.status} />
    </span>
  );
}

export function EnabledBadge({ t, enabled }: { t: Translate; enabled: boolean }) {
  return enabled ? (
    <Badge variant="success">
      <CheckCircle2Icon aria-hidden="true" />
      {t("policies.enabled")}
    </Badge>
  ) : (
    <Badge variant="muted">
      <CircleSlashIcon aria-hidden="true" />
      {t("policies.disabled")}
    </Badge>
  );
}
