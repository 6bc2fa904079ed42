"use client";

import { useT } from "@/lib/i18n/i18n-provider";
import { cn } from "@/lib/utils";
import { type StatusTone, statusMeta } from "./status-meta";

const BAR_TONE: Record<StatusTone, string> = {
  success: "bg-success",
  info: "bg-info",
  warning: "bg-warning",
  muted: "bg-muted-foreground",
  danger: "bg-destructive",
};

type StatusProgressProps = {
  status: string;
  /** 0–100; without it (waiting states, deletes) the bar is indeterminate. */
  progress?: number | undefined;
  /** What is progressing, for screen readers ("web-01"). */
  label?: string;
  className?: string;
};

/** The animated bar of a moving backup; nothing for a backup at rest. */
export function StatusProgress({ status, progress, label, className }: StatusProgressProps) {
  const t = useT();
  const meta = statusMeta(status);
  if (!meta.running) return null;
  const known = progress !== undefined && Number.isFinite(progress);
  const value = known ? Math.min(100, Math.max(0, Math.round(progress))) : undefined;
  const word = t(meta.label);
  return (
    <div
      role="progressbar"
      aria-label={label ? `${label}: ${word}` : word}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className={cn(
        "relative h-1.5 w-full min-w-16 overflow-hidden rounded-full bg-muted",
        className,
      )}
    >
      <div
        className={cn(
          "h-full rounded-full transition-[width] duration-500",
          BAR_TONE[meta.tone],
          // Pulsing, not sliding: the shared stylesheet has no keyframes of its own to borrow.
          value === undefined ? "w-full opacity-60" : undefined,
          "motion-safe:animate-pulse",
        )}
        style={value !== undefined ? { width: `${Math.max(value, 3)}%` } : undefined}
      />
    </div>
  );
}
