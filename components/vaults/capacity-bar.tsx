"use client";

import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { capacityPercent, usedGb, type VaultView } from "@/lib/schemas/vault";
import { cn } from "@/lib/utils";

/** Used/total GB with a bar; amber from 80 %, red from 95 %, where a vault stops taking backups. */
export function CapacityBar({
  vault,
  className,
}: {
  vault: Pick<VaultView, "name" | "capacityGb" | "usedMb">;
  className?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const percent = capacityPercent(vault);
  if (percent === undefined || vault.usedMb === undefined || vault.capacityGb === undefined) {
    return <span className="text-muted-foreground text-sm">{t("vaults.capacityUnknown")}</span>;
  }
  const used = formatNumber(locale, usedGb(vault.usedMb));
  const total = formatNumber(locale, vault.capacityGb);
  const tone = percent >= 95 ? "bg-destructive" : percent >= 80 ? "bg-warning" : "bg-primary";
  return (
    <div className={cn("grid min-w-32 gap-1", className)}>
      <div className="flex items-baseline justify-between gap-2 text-sm tabular-nums">
        <span>
          {used}/{total} GB
        </span>
        <span className="text-muted-foreground text-xs">
          {formatNumber(locale, percent / 100, { style: "percent" })}
        </span>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot take the console's tones in every browser */}
      <div
        role="meter"
        aria-label={t("vaults.capacityBar", { name: vault.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={t("vaults.capacity", { used, total })}
        className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className={cn("h-full rounded-full", tone)}
          style={{ width: `${Math.max(percent, 1)}%` }}
        />
      </div>
    </div>
  );
}
