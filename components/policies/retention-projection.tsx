"use client";

import { AlertTriangleIcon, CheckCircle2Icon, InfoIcon } from "lucide-react";
import { useMemo } from "react";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { RetentionValue } from "@/lib/schemas/policy";
import { projectRetention } from "../schedule/builder-model";
import { rulesOf } from "./policy-display";

type RetentionProjectionProps = {
  pattern: string;
  retention: RetentionValue;
  servers: number;
  /** The project's backups quota (-1 unlimited) and use; null when it could not be read. */
  quota: { quota: number; used: number } | null;
  now: Date;
};

/**
 * Before saving: how many backups each server will hold with this schedule and retention, the
 * total for the policy, and whether that fits in the project's backups quota on top of what is
 * already used (conservative when editing: the policy's own backups are in that use already).
 */
export function RetentionProjection({
  pattern,
  retention,
  servers,
  quota,
  now,
}: RetentionProjectionProps) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(locale, value);
  const projection = useMemo(() => {
    const rules = rulesOf(pattern);
    return rules && rules.length > 0 ? projectRetention(rules, retention, now) : null;
  }, [pattern, retention, now]);

  if (!projection) {
    return <p className="text-muted-foreground text-sm">{t("policyForm.projection.noSchedule")}</p>;
  }
  const total = projection.perServer * servers;
  const left = quota && quota.quota >= 0 ? quota.quota - quota.used : null;
  const over = left !== null && total > left ? total - left : 0;

  return (
    <div className="grid gap-2 text-sm" data-testid="retention-projection" aria-live="polite">
      <p>
        {projection.grows
          ? t("policyForm.projection.grows", { count: n(projection.perYear) })
          : t("policyForm.projection.perServer", { count: n(projection.perServer) })}
      </p>
      <p className="tabular-nums">
        {t(projection.grows ? "policyForm.projection.totalYear" : "policyForm.projection.total", {
          servers: n(servers),
          perServer: n(projection.perServer),
          total: n(total),
        })}
      </p>
      {quota === null ? (
        <p className="flex items-center gap-2 text-muted-foreground">
          <InfoIcon className="size-4" aria-hidden="true" />
          {t("policyForm.projection.unknown")}
        </p>
      ) : quota.quota < 0 ? (
        <p className="flex items-center gap-2 text-muted-foreground">
          <InfoIcon className="size-4" aria-hidden="true" />
          {t("policyForm.projection.unlimited")}
        </p>
      ) : (
        <>
          <p className="text-muted-foreground tabular-nums">
            {t("policyForm.projection.quota", { used: n(quota.used), quota: n(quota.quota) })}
          </p>
          {over > 0 ? (
            <p className="flex items-center gap-2 font-medium text-destructive">
              <AlertTriangleIcon className="size-4" aria-hidden="true" />
              {t("policyForm.projection.exceeds", { over: n(over) })}
            </p>
          ) : (
            <p className="flex items-center gap-2 text-success">
              <CheckCircle2Icon className="size-4" aria-hidden="true" />
              {t("policyForm.projection.fits")}
            </p>
          )}
        </>
      )}
    </div>
  );
}
