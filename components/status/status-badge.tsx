"use client";

import { Badge } from "@/components/ui/badge";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { cn } from "@/lib/utils";
import { StatusGlyph } from "./status-icon";
import { statusMeta } from "./status-meta";

type StatusBadgeProps = {
  status: string;
  /** 0–100, shown beside the word while the backup is moving. */
  progress?: number | undefined;
  className?: string;
};

/**
 * A backup's state in the ui-guide's status language: its word, its icon and its tone, so that
 * colour is never the only signal. An unknown state shows the cloud's own word.
 */
export function StatusBadge({ status, progress, className }: StatusBadgeProps) {
  const t = useT();
  const locale = useLocale();
  const meta = statusMeta(status);
  const word = meta.known ? t(meta.label) : status;
  const showProgress = meta.running && progress !== undefined && Number.isFinite(progress);
  return (
    <Badge
      variant={meta.tone}
      className={cn("gap-1.5", className)}
      data-status={status}
      data-testid="status-badge"
    >
      <StatusGlyph icon={meta.icon} />
      <span>{word}</span>
      {showProgress ? (
        <span className="tabular-nums">
          {formatNumber(locale, Math.round(progress) / 100, { style: "percent" })}
        </span>
      ) : null}
    </Badge>
  );
}
