"use client";

import { type ReactNode, useMemo } from "react";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { LONG_TERM_PERIODS } from "@/lib/retention/long-term";
import { retentionOutlook } from "@/lib/retention/outlook";
import { parseCbrPatterns, runsBetween } from "@/lib/schedule";
import { retentionRuleOf } from "@/lib/schemas/cbr-policy";
import { type CbrPolicyFormValues, definitionOf } from "@/lib/schemas/cbr-policy-form";

const REASONS = ["last", "age", ...LONG_TERM_PERIODS] as const;

/**
 * Before saving: how many backups the rules leave each resource with once they have all filled,
 * and why each is kept (a prune simulator over the schedule's own runs, lib/retention/outlook),
 * times the resources of the vaults the policy is bound to.
 */
export function CbrRetentionProjection({
  values,
  resources,
  now,
}: {
  values: CbrPolicyFormValues;
  /** The bound vaults' resources; undefined for a policy bound to none yet. */
  resources: number | undefined;
  now: Date;
}) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(locale, value);
  // The form hands over its live values; only these fields change the answer.
  const key = JSON.stringify([values.pattern, values.retention, values.longTerm, values.timezone]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the fields read.
  const outlook = useMemo(() => {
    const parsed = parseCbrPatterns(values.pattern ?? []);
    if (!parsed.ok) return null;
    return retentionOutlook(
      (from, to) => runsBetween(parsed.rules, from, to),
      retentionRuleOf(definitionOf(values)),
      now,
    );
  }, [key, now]);

  let body: ReactNode;
  if (!outlook || outlook.kind === "noRuns") {
    body = <p className="text-muted-foreground">{t("cbrPolicy.projection.noSchedule")}</p>;
  } else if (outlook.kind === "grows") {
    body = <p>{t("cbrPolicy.projection.grows", { count: n(outlook.perYear) })}</p>;
  } else {
    const { projection, horizonDays } = outlook;
    const reasons = REASONS.filter((r) => projection.byReason[r] > 0).map((r) =>
      t(`cbrPolicy.projection.reason.${r}`, { count: n(projection.byReason[r]) }),
    );
    body = (
      <>
        <p>
          {t("cbrPolicy.projection.holds", {
            count: n(projection.total),
            days: n(horizonDays),
          })}
        </p>
        {reasons.length > 0 ? (
          <p className="text-muted-foreground">
            {t("cbrPolicy.projection.reasons", { reasons: reasons.join(", ") })}
            {reasons.length > 1 ? ` ${t("cbrPolicy.projection.overlap")}` : null}
          </p>
        ) : null}
        {projection.oldest ? (
          <p className="text-muted-foreground">
            {t("cbrPolicy.projection.oldest", {
              age: n(
                Math.round(
                  (now.getTime() + horizonDays * 86_400_000 - projection.oldest.getTime()) /
                    86_400_000,
                ),
              ),
            })}
          </p>
        ) : null}
        {resources !== undefined && resources > 0 ? (
          <p className="tabular-nums">
            {t("cbrPolicy.projection.total", {
              resources: n(resources),
              total: n(resources * projection.total),
            })}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <section
      className="grid gap-1.5 rounded-lg border bg-muted/40 p-3 text-sm md:col-span-2"
      aria-labelledby="cbr-projection-title"
      aria-live="polite"
      data-testid="cbr-retention-projection"
    >
      <h3 id="cbr-projection-title" className="font-medium">
        {t("cbrPolicy.projection.title")}
      </h3>
      {body}
    </section>
  );
}
