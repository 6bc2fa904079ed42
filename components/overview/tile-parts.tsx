import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { cn } from "@/lib/utils";
import type { OverviewTile } from "./overview-model";

/** "CBR 5 · CSBS 2" under a tile's number, only when both services add to it. */
export function TileParts({
  tile,
  locale,
  className,
}: {
  tile: OverviewTile;
  locale: Locale;
  className?: string;
}) {
  if (tile.parts.length < 2) return null;
  return (
    <span className={cn("text-muted-foreground tabular-nums", className)} data-testid="tile-parts">
      {tile.parts
        .map((part) => `${part.service.toUpperCase()} ${formatNumber(locale, part.count)}`)
        .join(" · ")}
    </span>
  );
}
