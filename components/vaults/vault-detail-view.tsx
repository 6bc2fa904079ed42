"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertCircleIcon, ArrowLeftIcon, LockIcon, RefreshCwIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { canDelete, canRename, canRestore, restoreHref } from "@/components/backups/backup-actions";
import { DeleteBackupsDialog } from "@/components/backups/delete-backups-dialog";
import { RenameBackupDialog } from "@/components/backups/rename-backup-dialog";
import { PageHeader } from "@/components/layout/page-header";
import { useCanChange } from "@/components/layout/session-provider";
import { StatusBadge } from "@/components/status/status-badge";
import { isRunningStatus } from "@/components/status/status-meta";
import { StatusProgress } from "@/components/status/status-progress";
import { TaskList } from "@/components/tasks/task-list";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { isApiError } from "@/lib/api/errors";
import {
  LIVE_REFRESH_MS,
  vaultBackupsQuery,
  vaultKeys,
  vaultQuery,
  vaultTasksQuery,
} from "@/lib/api/vaults";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { BackupRow } from "@/lib/schemas/backups";
import { isRunningTask } from "@/lib/schemas/tasks";
import type { CheckpointView, VaultView } from "@/lib/schemas/vault";
import { AddResourcesDialog } from "./add-resources-dialog";
import { BackUpVaultDialog } from "./back-up-vault-dialog";
import { CapacityBar } from "./capacity-bar";
import { CheckpointResult } from "./checkpoint-result";
import { MoveResourceButton } from "./move-resource-dialog";
import { RelativeTime } from "./relative-time";
import { RemoveResourceButton, VaultSettingsCard } from "./vault-admin";
import { resourceTypeLabel, sizeText, vaultTypeLabel } from "./vault-labels";
import { VaultStatusBadge } from "./vault-status-badge";

const backupHref = (id: string) => `/backups/${encodeURIComponent(id)}?service=cbr`;

/** `/vaults/[id]`: summary, resources, recent backups (live while running), restore points, tasks. */
export function VaultDetailView({ id }: { id: string }) {
  const t = useT();
  const client = useQueryClient();
  const canChange = useCanChange();
  const [created, setCreated] = useState<CheckpointView | null>(null);
  const backups = useQuery({
    ...vaultBackupsQuery(id),
    refetchInterval: (q) =>
      q.state.data?.backups.some((b) => isRunningStatus(b.status)) ? LIVE_REFRESH_MS : false,
  });
  const anyRunning = backups.data?.backups.some((b) => isRunningStatus(b.status)) ?? false;
  const vault = useQuery({
    ...vaultQuery(id),
    refetchInterval: anyRunning ? LIVE_REFRESH_MS : false,
  });
  const tasks = useQuery({
    ...vaultTasksQuery(id),
    refetchInterval: (q) =>
      anyRunning || q.state.data?.tasks.some((task) => isRunningTask(task.status))
        ? LIVE_REFRESH_MS
        : false,
  });

  if (vault.isPending) {
    return (
      <div className="grid gap-4" role="status" aria-label={t("common.loading")}>
        <Skeleton className="h-9 w-64" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (vault.isError) {
    const notFound =
      isApiError(vault.error) && (vault.error.status === 404 || vault.error.status === 400);
    return (
      <>
        <BackLink />
        <Alert variant="destructive">
          <AlertCircleIcon aria-hidden="true" />
          <AlertDescription>
            {notFound
              ? t("vaults.notFound")
              : t("vaults.loadError", { message: vault.error.message })}
          </AlertDescription>
        </Alert>
      </>
    );
  }
  const v = vault.data;

  return (
    <>
      <BackLink />
      <PageHeader title={v.name}>
        <div className="flex flex-wrap items-center gap-3">
          <VaultStatusBadge status={v.status} />
          {canChange ? (
            <BackUpVaultDialog
              vault={v}
              onCreated={(checkpoint) => {
                setCreated(checkpoint);
                void client.invalidateQueries({ queryKey: vaultKeys.detail(id) });
              }}
            />
          ) : null}
        </div>
      </PageHeader>

      {created ? (
        <section aria-label={t("vaults.result.title")} className="mb-6">
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 className="font-semibold text-lg">{t("vaults.result.title")}</h2>
            <Button variant="ghost" size="sm" onClick={() => setCreated(null)}>
              <XIcon aria-hidden="true" />
              {t("vaults.result.dismiss")}
            </Button>
          </div>
          <CheckpointResult checkpoint={created} />
        </section>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <Summary vault={v} />
        <Resources vault={v} />
      </div>

      {canChange ? (
        <div className="mt-6">
          {/* Keyed by the figures it starts from: a change elsewhere resets the form to them. */}
          <VaultSettingsCard key={`${v.name}/${v.capacityGb}/${v.autoExpand}`} vault={v} />
        </div>
      ) : null}

      <Card className="mt-6">
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle>
            <h2>{t("vaults.detail.backups")}</h2>
          </CardTitle>
          {anyRunning ? (
            <span className="inline-flex items-center gap-1.5 text-info text-sm" data-testid="live">
              <RefreshCwIcon className="size-3.5 motion-safe:animate-spin" aria-hidden="true" />
              {t("vaults.detail.backupsLive")}
            </span>
          ) : null}
        </CardHeader>
        <CardContent>
          {backups.isPending ? (
            <Skeleton className="h-32 w-full" />
          ) : backups.isError ? (
            <ErrorLine message={backups.error.message} onRetry={() => void backups.refetch()} />
          ) : backups.data.backups.length === 0 ? (
            <p className="text-muted-foreground">{t("vaults.detail.noBackups")}</p>
          ) : (
            <BackupsTable
              rows={backups.data.backups}
              // A rename changes the list; a delete also the vault's used capacity and its tasks.
              onChanged={() => void client.invalidateQueries({ queryKey: vaultKeys.detail(id) })}
            />
          )}
        </CardContent>
      </Card>

      <div className="mt-6 grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("vaults.detail.checkpoints")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <RestorePoints rows={backups.data?.backups ?? []} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("vaults.detail.tasks")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            {tasks.isPending ? (
              <Skeleton className="h-32 w-full" />
            ) : tasks.isError ? (
              <ErrorLine message={tasks.error.message} onRetry={() => void tasks.refetch()} />
            ) : tasks.data.tasks.length === 0 ? (
              <p className="text-muted-foreground">{t("vaults.detail.noTasks")}</p>
            ) : (
              <TaskList
                tasks={tasks.data.tasks}
                label={t("vaults.detail.tasks")}
                showVault={false}
              />
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}

function BackLink() {
  const t = useT();
  return (
    <Link
      href="/vaults"
      className="mb-3 inline-flex items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
    >
      <ArrowLeftIcon className="size-4" aria-hidden="true" />
      {t("vaults.detail.back")}
    </Link>
  );
}

function ErrorLine({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert variant="destructive">
      <AlertCircleIcon aria-hidden="true" />
      <AlertDescription>
        {t("vaults.loadError", { message })}{" "}
        <Button variant="link" className="h-auto p-0" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      </AlertDescription>
    </Alert>
  );
}

function Summary({ vault }: { vault: VaultView }) {
  const t = useT();
  const locale = useLocale();
  const rows: [string, React.ReactNode][] = [
    [t("vaults.col.type"), vaultTypeLabel(t, vault.type)],
    [t("vaults.col.capacity"), <CapacityBar key="c" vault={vault} />],
    [
      t("vaults.col.policy"),
      vault.policyId ? (
        <span key="p" title={vault.policyId}>
          {t("vaults.policy.applied")}
        </span>
      ) : (
        t("vaults.policy.none")
      ),
    ],
    [
      t("vaults.col.locked"),
      vault.locked ? (
        <span key="l" className="inline-flex items-center gap-1">
          <LockIcon className="size-3.5" aria-hidden="true" />
          {t("vaults.locked.on")}
        </span>
      ) : (
        t("vaults.locked.off")
      ),
    ],
    [
      t("vaults.detail.autoExpand"),
      vault.autoExpand ? t("vaults.locked.on") : t("vaults.locked.off"),
    ],
    [t("vaults.detail.created"), vault.createdAt ? formatDateTime(locale, vault.createdAt) : "—"],
    [
      t("vaults.detail.id"),
      <span key="i" className="break-all font-mono text-xs">
        {vault.id}
      </span>,
    ],
  ];
  if (vault.description) rows.push([t("vaults.detail.description"), vault.description]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{t("vaults.detail.summary")}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-muted-foreground">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

function Resources({ vault }: { vault: VaultView }) {
  const t = useT();
  const canChange = useCanChange();
  const locale = useLocale();
  const n = (value: number, o?: Intl.NumberFormatOptions) => formatNumber(locale, value, o);
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>
          <h2>
            {t("vaults.detail.resources")}{" "}
            <span className="font-normal text-muted-foreground tabular-nums">
              ({n(vault.resources.length)})
            </span>
          </h2>
        </CardTitle>
        {canChange && vault.status === "available" ? <AddResourcesDialog vault={vault} /> : null}
      </CardHeader>
      <CardContent>
        {vault.resources.length === 0 ? (
          <p className="text-muted-foreground">{t("vaults.detail.noResources")}</p>
        ) : (
          <Table label={t("vaults.detail.resources")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("vaults.detail.res.name")}</TableHead>
                <TableHead>{t("vaults.detail.res.type")}</TableHead>
                <TableHead>{t("vaults.detail.res.protection")}</TableHead>
                <TableHead className="text-right">{t("vaults.detail.res.size")}</TableHead>
                <TableHead className="text-right">{t("vaults.detail.res.backups")}</TableHead>
                <TableHead className="text-right">{t("vaults.detail.res.backupSize")}</TableHead>
                {canChange ? (
                  <TableHead>
                    <span className="sr-only">{t("vaults.detail.res.actions")}</span>
                  </TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {vault.resources.map((r) => (
                <TableRow key={r.id} data-testid="vault-resource">
                  <TableCell>
                    <div className="font-medium">{r.name}</div>
                    <div className="font-mono text-muted-foreground text-xs">
                      {r.id.slice(0, 8)}
                    </div>
                  </TableCell>
                  <TableCell>{resourceTypeLabel(t, r.type)}</TableCell>
                  <TableCell>
                    {r.protectStatus ? <StatusBadge status={r.protectStatus} /> : "—"}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {r.sizeGb !== undefined ? `${n(r.sizeGb)} GB` : "—"}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {r.backupCount !== undefined ? n(r.backupCount) : "—"}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {r.backupSizeMb !== undefined ? sizeText(r.backupSizeMb, n) : "—"}
                  </TableCell>
                  {canChange ? (
                    <TableCell className="text-right">
                      <div className="flex flex-col items-end gap-2 lg:flex-row lg:justify-end">
                        {vault.locked ? null : <MoveResourceButton vault={vault} resource={r} />}
                        <RemoveResourceButton vault={vault} resource={r} />
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function BackupsTable({ rows, onChanged }: { rows: BackupRow[]; onChanged: () => void }) {
  const t = useT();
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<BackupRow | null>(null);
  const canChange = useCanChange();
  return (
    <>
      <ul className="grid gap-2 lg:hidden" aria-label={t("vaults.detail.backups")}>
        {rows.map((row) => (
          <li
            key={row.id}
            data-testid="vault-backup"
            data-status={row.status}
            className="grid gap-2 rounded-md border p-3"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="grid">
                <Link href={backupHref(row.id)} className="font-medium hover:underline">
                  {row.name || row.id}
                </Link>
                <span className="text-muted-foreground text-xs">
                  {row.serverName ?? row.serverId ?? "—"} · <KindText row={row} /> ·{" "}
                  <RelativeTime value={row.createdAt} />
                </span>
              </div>
              <StatusBadge status={row.status} progress={row.progress} />
            </div>
            <StatusProgress status={row.status} progress={row.progress} label={row.name} />
            {canChange ? (
              <RowActions row={row} onRename={setRenaming} onDelete={setDeleting} />
            ) : null}
          </li>
        ))}
      </ul>
      <div className="hidden lg:block">
        <Table label={t("vaults.detail.backups")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("vaults.detail.b.name")}</TableHead>
              <TableHead>{t("vaults.detail.b.resource")}</TableHead>
              <TableHead className="w-56">{t("vaults.detail.b.status")}</TableHead>
              <TableHead>{t("vaults.detail.b.kind")}</TableHead>
              <TableHead>{t("vaults.detail.b.created")}</TableHead>
              {canChange ? (
                <TableHead>
                  <span className="sr-only">{t("vaults.detail.b.actions")}</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => {
              return (
                <TableRow key={row.id} data-testid="vault-backup" data-status={row.status}>
                  <TableCell>
                    <Link href={backupHref(row.id)} className="font-medium hover:underline">
                      {row.name || row.id}
                    </Link>
                  </TableCell>
                  <TableCell>{row.serverName ?? row.serverId ?? "—"}</TableCell>
                  <TableCell>
                    <div className="grid gap-1">
                      <StatusBadge status={row.status} progress={row.progress} />
                      <StatusProgress
                        status={row.status}
                        progress={row.progress}
                        label={row.name}
                      />
                    </div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <KindText row={row} />
                    <span className="ml-1 text-muted-foreground text-xs">
                      · {row.auto ? t("vaults.detail.auto") : t("vaults.detail.manual")}
                    </span>
                  </TableCell>
                  <TableCell>
                    <RelativeTime value={row.createdAt} />
                  </TableCell>
                  {canChange ? (
                    <TableCell>
                      <RowActions row={row} onRename={setRenaming} onDelete={setDeleting} />
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {renaming ? (
        <RenameBackupDialog
          backup={renaming}
          open
          onOpenChange={(open) => {
            if (!open) {
              setRenaming(null);
              onChanged();
            }
          }}
        />
      ) : null}
      <DeleteBackupsDialog
        rows={deleting ? [deleting] : []}
        onClose={() => setDeleting(null)}
        onDeleted={onChanged}
      />
    </>
  );
}

function KindText({ row }: { row: BackupRow }) {
  const t = useT();
  if (row.incremental === undefined) return <>—</>;
  return <>{row.incremental ? t("vaults.incremental") : t("vaults.full")}</>;
}

/** Restore, rename and delete, offered only in the states the cloud accepts (the backups' own rules). */
function RowActions({
  row,
  onRename,
  onDelete,
}: {
  row: BackupRow;
  onRename: (backup: { id: string; name: string }) => void;
  onDelete: (backup: BackupRow) => void;
}) {
  const t = useT();
  const target = { service: "cbr" as const, status: row.status, id: row.id };
  return (
    <div className="flex justify-end gap-1">
      {canRestore(target) ? (
        <Button asChild variant="outline" size="sm">
          <Link href={restoreHref(target)}>{t("vaults.detail.b.restore")}</Link>
        </Button>
      ) : null}
      {canRename(target) ? (
        <Button variant="ghost" size="sm" onClick={() => onRename({ id: row.id, name: row.name })}>
          {t("vaults.detail.b.rename")}
        </Button>
      ) : null}
      {canDelete(target) ? (
        <Button
          variant="ghost"
          size="sm"
          className="text-destructive hover:text-destructive"
          aria-label={t("backups.deleteOne", { name: row.name || row.id })}
          onClick={() => onDelete(row)}
        >
          {t("backups.delete")}
        </Button>
      ) : null}
    </div>
  );
}

/** Restore points among the recent backups: one per checkpoint, with its backups' states. */
function RestorePoints({ rows }: { rows: BackupRow[] }) {
  const t = useT();
  const groups = new Map<string, BackupRow[]>();
  for (const row of rows) {
    if (!row.checkpointId) continue;
    groups.set(row.checkpointId, [...(groups.get(row.checkpointId) ?? []), row]);
  }
  if (groups.size === 0)
    return <p className="text-muted-foreground">{t("vaults.detail.noCheckpoints")}</p>;
  return (
    <ul className="grid gap-2">
      {[...groups].map(([checkpointId, members]) => {
        const first = members[0];
        const statuses = [...new Set(members.map((m) => m.status))];
        return (
          <li
            key={checkpointId}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2"
            data-testid="restore-point"
          >
            <div className="grid">
              <span className="font-medium">{first?.name || checkpointId}</span>
              <span className="font-mono text-muted-foreground text-xs">
                {checkpointId.slice(0, 8)}
              </span>
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-muted-foreground">
                {t("vaults.detail.cp.backups", { count: members.length })}
              </span>
              {statuses.map((s) => (
                <StatusBadge key={s} status={s} />
              ))}
              <RelativeTime value={first?.createdAt} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
