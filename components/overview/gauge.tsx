"use client";

import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { cn } from "@/lib/utils";

type GaugeProps = { label: string; used: number; quota: number; unit?: string };

const R = 36;
const C = 2 * Math.PI * R;

/** A ring showing quota use; -1 (no limit) shows the use alone. Amber from 80 %, red from 95 %. */
export function Gauge({ label, used, quota, unit }: GaugeProps) {
  const t = useT();
  const locale = useLocale();
  const unlimited = quota < 0;
  const ratio = unlimited || quota === 0 ? 0 : Math.min(1, used / quota);
  const tone = ratio >= 0.95 ? "text-destructive" : ratio >= 0.8 ? "text-warning" : "text-info";
  const n = (v: number) => formatNumber(locale, v);
  const text = unlimited
    ? t("overview.gaugeUnlimited", { used: n(used), unit: unit ?? "" })
    : t("overview.gaugeOf", { used: n(used), quota: n(quota), unit: unit ?? "" });
  return (
    <figure className="grid justify-items-center gap-1" data-testid="quota-gauge">
      <meter
        className="sr-only"
        aria-label={label}
        aria-valuetext={text}
        min={0}
        max={unlimited ? Math.max(used, 1) : quota}
        value={used}
      >
        {text}
      </meter>
      <div aria-hidden="true" className="relative size-24">
        <svg viewBox="0 0 96 96" className="size-24 -rotate-90" aria-hidden="true">
          <circle cx="48" cy="48" r={R} fill="none" strokeWidth="10" className="stroke-muted" />
          <circle
            cx="48"
            cy="48"
            r={R}
            fill="none"
            strokeWidth="10"
            strokeLinecap="round"
            className={cn("stroke-current transition-[stroke-dasharray]", tone)}
            strokeDasharray={`${ratio * C} ${C}`}
          />
        </svg>
        <span className="absolute inset-0 grid place-items-center font-semibold text-lg tabular-nums">
          {unlimited ? "∞" : `${Math.round(ratio * 100)}%`}
        </span>
      </div>
      <figcaption className="text-center text-xs">
        <span className="block font-medium">{label}</span>
        <span className="text-muted-foreground tabular-nums">{text}</span>
      </figcaption>
    </figure>
  );
}
