"use client";

import Link from "next/link";
import { StatusProgress } from "@/components/status/status-progress";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatDateTime, formatRelativeTime } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { TaskView } from "@/lib/schemas/tasks";
import { cn } from "@/lib/utils";
import { movingBackupStatus, taskTypeLabel } from "./task-labels";
import { taskLinks } from "./task-links";
import { TaskStatusBadge } from "./task-status-badge";

type TaskListProps = {
  tasks: TaskView[];
  /** What the list is, for screen readers. */
  label: string;
  /** A vault's own page leaves the vault out. */
  showVault?: boolean;
  /** Rows of the previous view while the next one loads: dimmed. */
  stale?: boolean;
};

/** CBR tasks: a table from 1024 px, cards with 44 px targets below. */
export function TaskList({ tasks, label, showVault = true, stale = false }: TaskListProps) {
  const t = useT();
  return (
    <div className={cn("transition-opacity", stale && "opacity-60")} aria-busy={stale || undefined}>
      <div className="hidden lg:block">
        <Table label={label}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("tasks.col.task")}</TableHead>
              <TableHead>{t("tasks.col.status")}</TableHead>
              {showVault ? <TableHead>{t("tasks.col.vault")}</TableHead> : null}
              <TableHead>{t("tasks.col.resource")}</TableHead>
              <TableHead>{t("tasks.col.backup")}</TableHead>
              <TableHead>{t("tasks.col.started")}</TableHead>
              <TableHead>{t("tasks.col.ended")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tasks.map((task) => (
              <TableRow
                key={task.id}
                data-testid="task-row"
                data-type={task.type}
                data-status={task.status}
              >
                <TableCell className="whitespace-nowrap">
                  <span className="font-medium">{taskTypeLabel(t, task.type)}</span>
                  <span className="block font-mono text-muted-foreground text-xs" title={task.id}>
                    {task.id.slice(0, 8)}
                  </span>
                </TableCell>
                <TableCell className="min-w-36">
                  <Outcome task={task} />
                </TableCell>
                {showVault ? (
                  <TableCell className="max-w-48">
                    <VaultName task={task} />
                  </TableCell>
                ) : null}
                <TableCell className="max-w-48">
                  <ResourceName task={task} />
                </TableCell>
                <TableCell className="max-w-48">
                  <BackupName task={task} />
                </TableCell>
                <TableCell>
                  <When iso={task.startedAt} />
                </TableCell>
                <TableCell>
                  <When iso={task.endedAt} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2 lg:hidden" aria-label={label}>
        {tasks.map((task) => (
          <li
            key={task.id}
            className="grid content-start gap-2 rounded-lg border bg-card p-3"
            data-testid="task-card"
            data-type={task.type}
            data-status={task.status}
          >
            <div className="flex items-start justify-between gap-2">
              <span className="font-medium">{taskTypeLabel(t, task.type)}</span>
              <TaskStatusBadge status={task.status} progress={task.progress} />
            </div>
            <Outcome task={task} badge={false} />
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 text-sm">
              {showVault ? (
                <>
                  <dt className="text-muted-foreground">{t("tasks.col.vault")}</dt>
                  <dd className="min-w-0">
                    <VaultName task={task} touch />
                  </dd>
                </>
              ) : null}
              <dt className="text-muted-foreground">{t("tasks.col.resource")}</dt>
              <dd className="min-w-0 py-1">
                <ResourceName task={task} />
              </dd>
              <dt className="text-muted-foreground">{t("tasks.col.backup")}</dt>
              <dd className="min-w-0">
                <BackupName task={task} touch />
              </dd>
              <dt className="text-muted-foreground">{t("tasks.col.started")}</dt>
              <dd className="py-1">
                <When iso={task.startedAt} />
              </dd>
              <dt className="text-muted-foreground">{t("tasks.col.ended")}</dt>
              <dd className="py-1">
                <When iso={task.endedAt} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The badge, the bar of a moving task, and the reason of a failed one. */
function Outcome({ task, badge = true }: { task: TaskView; badge?: boolean }) {
  const t = useT();
  const moving = movingBackupStatus(task.type, task.status);
  return (
    <div className="grid gap-1">
      {badge ? <TaskStatusBadge status={task.status} progress={task.progress} /> : null}
      {moving ? (
        <StatusProgress
          status={moving}
          progress={task.progress}
          label={`${taskTypeLabel(t, task.type)} ${task.resource?.name ?? task.backupName ?? ""}`.trim()}
        />
      ) : null}
      {task.errorMessage ? (
        <p className="max-w-64 whitespace-normal text-destructive text-xs">
          {task.errorMessage}
          {task.errorCode ? <span className="ml-1 font-mono">({task.errorCode})</span> : null}
        </p>
      ) : null}
    </div>
  );
}

/** Links in cards are 44 px tall: fingers, not pointers, use them. */
const TOUCH = "inline-flex min-h-11 max-w-full items-center";

function VaultName({ task, touch = false }: { task: TaskView; touch?: boolean }) {
  const href = taskLinks(task).vault;
  if (!task.vault) return <span className="text-muted-foreground">—</span>;
  return href ? (
    <Link href={href} className={cn("truncate hover:underline", touch && TOUCH)}>
      {task.vault.name}
    </Link>
  ) : (
    <span className={cn("truncate", touch && TOUCH)}>{task.vault.name}</span>
  );
}

function ResourceName({ task }: { task: TaskView }) {
  const t = useT();
  return (
    <span className="grid min-w-0">
      <span className="truncate" title={task.resource?.id}>
        {task.resource?.name ?? "—"}
      </span>
      {task.restoreTarget && task.restoreTarget.id !== task.resource?.id ? (
        <span className="truncate text-muted-foreground text-xs">
          {t("tasks.restoreTarget", { name: task.restoreTarget.name })}
        </span>
      ) : null}
    </span>
  );
}

function BackupName({ task, touch = false }: { task: TaskView; touch?: boolean }) {
  const t = useT();
  const href = taskLinks(task).backup;
  if (!task.backupId) return <span className="text-muted-foreground">—</span>;
  const name = task.backupName || task.backupId.slice(0, 8);
  return href ? (
    <Link
      href={href}
      className={cn("truncate hover:underline", touch && TOUCH)}
      title={task.backupId}
    >
      {name}
    </Link>
  ) : (
    <span className={cn("truncate text-muted-foreground", touch && TOUCH)}>
      {t("tasks.backupDeleted", { name })}
    </span>
  );
}

/** The time in the reader's zone, named, with how long ago below it. */
function When({ iso }: { iso: string | undefined }) {
  const locale = useLocale();
  if (!iso) return <span className="text-muted-foreground">—</span>;
  return (
    // Rendered on the server first, where the clock and the zone are not the reader's.
    <time dateTime={iso} className="grid whitespace-nowrap" suppressHydrationWarning>
      <span className="tabular-nums" suppressHydrationWarning>
        {formatDateTime(locale, iso)}
      </span>
      <span className="text-muted-foreground text-xs" suppressHydrationWarning>
        {formatRelativeTime(locale, iso)}
      </span>
    </time>
  );
}
