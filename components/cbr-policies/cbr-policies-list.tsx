"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, AlertTriangleIcon, EyeIcon, PencilIcon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { useCanChange } from "@/components/layout/session-provider";
import { useHydrated } from "@/components/layout/use-hydrated";
import { EnabledBadge, runText } from "@/components/policies/policy-display";
import { browserZone } from "@/components/schedule/zone-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cbrPoliciesQuery } from "@/lib/api/cbr-policies";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translate";
import { nextRuns, parseCbrPatterns, summarize } from "@/lib/schedule";
import type { CbrPolicyView } from "@/lib/schemas/cbr-policy-form";
import { formRetentionOf } from "@/lib/schemas/cbr-policy-form";

/** "Keep 7 backups, plus the latest of 7 days and 4 weeks (UTC+08:00)". */
export function cbrRetentionText(t: Translate, policy: CbrPolicyView): string {
  const { retention, longTerm, timezone } = formRetentionOf(policy.definition);
  const base =
    retention.kind === "count"
      ? t("policies.retention.count", { count: retention.count ?? 0 })
      : retention.kind === "days"
        ? t("policies.retention.days", { days: retention.days ?? 0 })
        : t("policies.retention.permanent");
  const periods = (["day", "week", "month", "year"] as const)
    .filter((p) => longTerm[p] > 0)
    .map((p) => t(`cbrPolicy.longTerm.short.${p}`, { count: longTerm[p] }));
  return periods.length === 0
    ? base
    : t("cbrPolicy.retention.withLongTerm", { base, periods: periods.join(", "), timezone });
}

/** The CBR v3 backup policies of the project, each with the vaults it backs up. */
export function CbrPoliciesList() {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const canChange = useCanChange();
  const query = useQuery(cbrPoliciesQuery());
  // The reader's zone and clock: known only in the browser, after hydration.
  const zone = hydrated ? browserZone() : "UTC";
  const rows = useMemo(() => {
    const now = new Date();
    return (query.data ?? [])
      .filter((p) => p.operationType === "backup")
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((policy) => {
        const parsed = parseCbrPatterns(policy.pattern);
        const rules = parsed.ok ? parsed.rules : null;
        return {
          policy,
          summary: rules && hydrated ? summarize(rules, { zone, locale, refDate: now }) : null,
          next: rules && hydrated ? (nextRuns(rules, now, 1)[0] ?? null) : null,
          readable: rules !== null,
        };
      });
  }, [query.data, hydrated, zone, locale]);
  const open = canChange
    ? ({ Icon: PencilIcon, named: "policies.editNamed" } as const)
    : ({ Icon: EyeIcon, named: "policies.viewNamed" } as const);

  if (query.isPending) {
    return (
      <div className="grid gap-2" aria-busy="true">
        <span className="sr-only">{t("common.loading")}</span>
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert variant="destructive">
        <AlertCircleIcon aria-hidden="true" />
        <AlertDescription>
          {t("policies.loadError", { message: query.error.message })}
          <Button type="button" variant="outline" size="sm" onClick={() => query.refetch()}>
            {t("common.retry")}
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  if (rows.length === 0) {
    return (
      <Card>
        <CardContent className="flex flex-wrap items-center gap-3 py-6">
          <p>{t("cbrPolicy.list.empty")}</p>
          <NewCbrPolicyLink />
        </CardContent>
      </Card>
    );
  }
  return (
    <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3" aria-label={t("cbrPolicy.list.label")}>
      {rows.map(({ policy, summary, next, readable }) => (
        <li key={policy.id} data-cbr-policy={policy.name}>
          <Card className="h-full">
            <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
              <CardTitle className="text-base">
                <Link
                  href={`/policies/cbr/${policy.id}`}
                  className="underline-offset-4 hover:underline"
                >
                  {policy.name}
                </Link>
              </CardTitle>
              <div className="flex items-center gap-2">
                <EnabledBadge t={t} enabled={policy.enabled} />
                <Button asChild variant="outline" size="icon">
                  <Link
                    href={`/policies/cbr/${policy.id}`}
                    aria-label={t(open.named, { name: policy.name })}
                  >
                    <open.Icon aria-hidden="true" />
                  </Link>
                </Button>
              </div>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm">
              <p>
                {readable ? (
                  (summary ?? <Skeleton className="h-4 w-40" />)
                ) : (
                  <Badge variant="warning">{t("policies.scheduleUnreadable")}</Badge>
                )}
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                <dt className="text-muted-foreground">{t("policies.col.nextRun")}</dt>
                <dd className="tabular-nums">
                  {!policy.enabled
                    ? t("policies.notRunning")
                    : policy.vaults.length === 0
                      ? t("cbrPolicy.list.runsNothing")
                      : next
                        ? runText(t, next, zone)
                        : t("policies.nextRunNone")}
                </dd>
                <dt className="text-muted-foreground">{t("policies.col.retention")}</dt>
                <dd>{cbrRetentionText(t, policy)}</dd>
                <dt className="text-muted-foreground">{t("cbrPolicy.list.vaults")}</dt>
                <dd>
                  {policy.vaults.length === 0 ? (
                    <Badge variant="warning">
                      <AlertTriangleIcon aria-hidden="true" />
                      {t("cbrPolicy.list.noVault")}
                    </Badge>
                  ) : (
                    policy.vaults
                      .map((v) =>
                        v.resources === undefined
                          ? v.name
                          : t("cbrPolicy.list.vault", { vault: v.name, count: v.resources }),
                      )
                      .join(", ")
                  )}
                </dd>
              </dl>
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function NewCbrPolicyLink() {
  const t = useT();
  if (!useCanChange()) return null;
  return (
    <Button asChild>
      <Link href="/policies/cbr/new">
        <PlusIcon aria-hidden="true" />
        {t("cbrPolicy.new")}
      </Link>
    </Button>
  );
}
