"use client";

import { StatusGlyph } from "@/components/status/status-icon";
import { Badge } from "@/components/ui/badge";
import { formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { isRunningTask } from "@/lib/schemas/tasks";
import { taskStatusLabel, taskStatusLook } from "./task-labels";

/** A task's state: its word, icon and tone (colour never alone), and its progress while it runs. */
export function TaskStatusBadge({ status, progress }: { status: string; progress?: number }) {
  const t = useT();
  const locale = useLocale();
  const look = taskStatusLook(status);
  const showProgress = isRunningTask(status) && progress !== undefined && Number.isFinite(progress);
  return (
    <Badge variant={look.tone} className="gap-1.5" data-status={status} data-testid="task-status">
      <StatusGlyph icon={look.icon} />
      <span>{taskStatusLabel(t, status)}</span>
      {showProgress ? (
        <span className="tabular-nums">
          {formatNumber(locale, Math.round(progress) / 100, { style: "percent" })}
        </span>
      ) : null}
    </Badge>
  );
}
