import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { cn } from "@/lib/utils";
import type { OverviewTile } from "./overview-model";

/**
 * "CBR 5 · CSBS 2" with a tile's number, only when both services add to it; `stacked` puts one
 * service a line, beside the number, where a line under it would not fit.
 */
export function TileParts({
  tile,
  locale,
  stacked = false,
  className,
}: {
  tile: OverviewTile;
  locale: Locale;
  stacked?: boolean;
  className?: string;
}) {
  if (tile.parts.length < 2) return null;
  const texts = tile.parts.map(
    (part) => `${part.service.toUpperCase()} ${formatNumber(locale, part.count)}`,
  );
  return (
    <span
      className={cn("text-muted-foreground tabular-nums", stacked && "grid text-right", className)}
      data-testid="tile-parts"
    >
      {stacked
        ? texts.map((text, i) => <span key={tile.parts[i]?.service}>{text}</span>)
        : texts.join(" · ")}
    </span>
  );
}
