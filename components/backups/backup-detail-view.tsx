"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, ArrowLeftIcon, HistoryIcon, PencilIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { LiveStatus } from "@/components/data-table/live-status";
import { useCanChange } from "@/components/layout/session-provider";
import { StatusBadge } from "@/components/status/status-badge";
import { isRunningStatus } from "@/components/status/status-meta";
import { StatusProgress } from "@/components/status/status-progress";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
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
import { backupDetailQuery, LIVE_REFRESH_MS } from "@/lib/api/backups";
import { errorMessage, isApiError } from "@/lib/api/errors";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import { wasDeletedHere } from "@/lib/jobs/delete-jobs";
import type { BackupDetail, BackupService } from "@/lib/schemas/backups";
import { canDelete, canRename, canRestore, restoreHref } from "./backup-actions";
import { kindLabel } from "./backups-table";
import { DeleteBackupsDialog } from "./delete-backups-dialog";
import { formatGigabytes, formatMegabytes } from "./format";
import { RenameBackupDialog } from "./rename-backup-dialog";

function Facts({ items }: { items: [string, ReactNode][] }) {
  const shown = items.filter(([, value]) => value !== undefined && value !== null && value !== "");
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
      {shown.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const mono = (value: string | undefined) =>
  value ? <span className="font-mono text-xs">{value}</span> : undefined;

/** `/backups/{id}`: the backup's state, failure, disks, server, timings, and the actions its state allows. */
export function BackupDetailView({ id, service }: { id: string; service: BackupService }) {
  const t = useT();
  const locale = useLocale();
  const canChange = useCanChange();
  const [paused, setPaused] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const query = useQuery({
    ...backupDetailQuery(service, id),
    refetchInterval: (q) =>
      !paused &&
      q.state.data &&
      isRunningStatus(q.state.data.row.status) &&
      // Gone (a finished CBR delete): nothing more to follow.
      !(isApiError(q.state.error) && q.state.error.status === 404)
        ? LIVE_REFRESH_MS
        : false,
  });

  const back = (
    <Button variant="ghost" size="sm" asChild className="-ml-2 w-fit">
      <Link href={service === "cbr" ? "/backups?service=cbr" : "/backups"}>
        <ArrowLeftIcon aria-hidden="true" />
        {t("backups.detail.back")}
      </Link>
    </Button>
  );

  const notFound = query.isError && isApiError(query.error) && query.error.status === 404;
  const lastStatus = query.data?.row.status;
  const wasBeingDeleted = lastStatus === "deleting" || lastStatus === "waiting_delete";
  if (notFound && (wasDeletedHere(id) || wasBeingDeleted)) {
    // A CBR backup leaves the cloud when its delete ends: this page (or this tab) saw it go.
    return (
      <div className="grid gap-4">
        {back}
        <Alert>
          <Trash2Icon aria-hidden="true" />
          <AlertTitle>{t("backups.detail.deleted")}</AlertTitle>
        </Alert>
      </div>
    );
  }
  if (query.isError && (!query.data || notFound)) {
    return (
      <div className="grid gap-4">
        {back}
        <Alert variant="destructive">
          <AlertCircleIcon aria-hidden="true" />
          <AlertTitle>
            {t(notFound ? "backups.detail.notFound" : "backups.detail.error")}
          </AlertTitle>
          <AlertDescription>
            <p>{errorMessage(query.error, t("backups.error.unknown"))}</p>
            {notFound ? null : (
              <Button
                variant="outline"
                size="sm"
                className="mt-2"
                onClick={() => void query.refetch()}
              >
                {t("common.retry")}
              </Button>
            )}
          </AlertDescription>
        </Alert>
      </div>
    );
  }
  if (!query.data) {
    return (
      <div className="grid gap-4" role="status" aria-busy="true" aria-label={t("common.loading")}>
        {back}
        <Skeleton className="h-10 w-1/2" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }

  const detail: BackupDetail = query.data;
  const row = detail.row;
  const running = isRunningStatus(row.status);
  const date = (iso: string | undefined) =>
    iso ? <time dateTime={iso}>{formatDateTime(locale, iso)}</time> : undefined;
  const duration =
    row.createdAt && row.finishedAt
      ? Math.max(0, (Date.parse(row.finishedAt) - Date.parse(row.createdAt)) / 60_000)
      : undefined;
  const num = (value: number | undefined, digits = 1) =>
    value === undefined
      ? undefined
      : formatNumber(locale, value, { maximumFractionDigits: digits });

  return (
    <div className="grid min-w-0 gap-6 [&>*]:min-w-0">
      {back}
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid min-w-0 gap-2">
          <h1 className="break-all font-semibold text-2xl tracking-tight">{row.name || row.id}</h1>
          <div className="flex flex-wrap items-center gap-3">
            <StatusBadge status={row.status} progress={row.progress} />
            <span className="text-muted-foreground text-sm">
              {t(service === "cbr" ? "backups.service.cbr" : "backups.service.csbs")} ·{" "}
              {kindLabel(row, t)}
            </span>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {canChange && canRestore(row) ? (
            <Button variant="outline" asChild>
              <Link href={restoreHref(row)}>
                <HistoryIcon aria-hidden="true" />
                {t("backups.detail.restore")}
              </Link>
            </Button>
          ) : null}
          {canChange && canRename(row) ? (
            <Button variant="outline" onClick={() => setRenaming(true)}>
              <PencilIcon aria-hidden="true" />
              {t("backups.detail.rename")}
            </Button>
          ) : null}
          {canChange && canDelete(row) ? (
            <Button variant="destructive" className="sm:ml-4" onClick={() => setDeleting(true)}>
              <Trash2Icon aria-hidden="true" />
              {t("backups.delete")}
            </Button>
          ) : null}
        </div>
      </header>

      {running ? (
        <Card>
          <CardContent className="grid gap-3 pt-6">
            <StatusProgress
              status={row.status}
              progress={row.progress}
              label={row.name}
              className="h-2.5"
            />
            <LiveStatus
              updatedAt={query.dataUpdatedAt}
              fetching={query.isFetching}
              live
              paused={paused}
              onTogglePause={() => setPaused((p) => !p)}
              onRefresh={() => void query.refetch()}
            />
          </CardContent>
        </Card>
      ) : null}

      {detail.failure ? (
        <Alert variant="destructive">
          <AlertCircleIcon aria-hidden="true" />
          <AlertTitle>{t("backups.detail.failed")}</AlertTitle>
          <AlertDescription>
            <Facts
              items={[
                [t("backups.detail.failOp"), detail.failure.op],
                [
                  t("backups.detail.failReason"),
                  detail.failure.reason ?? detail.failure.description,
                ],
                [t("backups.detail.failCode"), mono(detail.failure.code)],
              ]}
            />
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("backups.detail.summary")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <Facts
              items={[
                [
                  t("backups.col.server"),
                  row.serverName ? (
                    <>
                      {row.serverName} {mono(row.serverId)}
                    </>
                  ) : (
                    mono(row.serverId)
                  ),
                ],
                [t("backups.detail.resourceType"), row.resourceType],
                [t("backups.col.az"), row.az],
                [
                  t("backups.col.size"),
                  row.sizeMb !== undefined
                    ? formatMegabytes(locale, row.sizeMb)
                    : row.resourceSizeGb !== undefined
                      ? `${formatGigabytes(locale, row.resourceSizeGb)} ${t("backups.detail.resourceSize")}`
                      : undefined,
                ],
                [t("backups.col.policy"), row.policyName],
                [t("backups.col.vault"), row.vaultName ?? row.vaultId],
                [t("backups.detail.description"), detail.description],
                [t("backups.detail.restoreMode"), detail.restoreMode],
                [t("backups.filter.image"), row.imageType],
                [t("backups.detail.copyStatus"), detail.copyStatus],
                [t("backups.detail.backupId"), mono(row.id)],
                [t("backups.detail.checkpointId"), mono(row.checkpointId)],
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("backups.detail.timings")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <Facts
              items={[
                [t("backups.col.created"), date(row.createdAt)],
                [t("backups.col.finished"), date(row.finishedAt)],
                [t("backups.detail.updated"), date(detail.updatedAt)],
                [t("backups.detail.expires"), date(detail.expiresAt)],
                [
                  t("backups.detail.duration"),
                  duration !== undefined
                    ? t("backups.detail.minutes", { minutes: num(duration) ?? "" })
                    : undefined,
                ],
                [
                  t("backups.detail.speed"),
                  detail.averageSpeed !== undefined
                    ? `${num(detail.averageSpeed)} MB/s`
                    : undefined,
                ],
                [t("backups.detail.saving"), num(detail.spaceSavingRatio, 2)],
              ]}
            />
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("backups.detail.disks", { count: detail.disks.length })}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {detail.disks.length === 0 ? (
            <p className="text-muted-foreground text-sm">{t("backups.detail.noDisks")}</p>
          ) : (
            <Table label={t("backups.detail.disksLabel")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("backups.col.name")}</TableHead>
                  <TableHead>{t("backups.detail.sourceVolume")}</TableHead>
                  <TableHead>{t("backups.detail.diskRole")}</TableHead>
                  <TableHead className="text-right">{t("backups.col.size")}</TableHead>
                  <TableHead className="text-right">{t("backups.detail.sourceSize")}</TableHead>
                  <TableHead>{t("backups.col.kind")}</TableHead>
                  <TableHead className="text-right">{t("backups.detail.speed")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {detail.disks.map((disk) => (
                  <TableRow key={disk.id}>
                    <TableCell>
                      <span className="block">{disk.name ?? "—"}</span>
                      {mono(disk.id)}
                    </TableCell>
                    <TableCell>
                      <span className="block">{disk.sourceVolumeName ?? "—"}</span>
                      {mono(disk.sourceVolumeId)}
                    </TableCell>
                    <TableCell>
                      {disk.system === undefined
                        ? "—"
                        : t(disk.system ? "backups.detail.systemDisk" : "backups.detail.dataDisk")}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatMegabytes(locale, disk.sizeMb)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatGigabytes(locale, disk.sourceSizeGb)}
                    </TableCell>
                    <TableCell>
                      {disk.incremental === undefined
                        ? "—"
                        : t(disk.incremental ? "backups.kind.incremental" : "backups.kind.full")}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {disk.averageSpeed !== undefined ? `${num(disk.averageSpeed)} MB/s` : "—"}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        {detail.server ? (
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>{t("backups.detail.serverAtBackup")}</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <Facts
                items={[
                  [t("backups.detail.vcpus"), num(detail.server.vcpus, 0)],
                  [t("backups.detail.ram"), formatMegabytes(locale, detail.server.ramMb)],
                  [t("backups.detail.disk"), formatGigabytes(locale, detail.server.diskGb)],
                  [t("backups.detail.imageType"), detail.server.imageType],
                  [t("backups.detail.privateIp"), mono(detail.server.privateIp)],
                  [t("backups.detail.eip"), mono(detail.server.eip)],
                  [t("backups.detail.region"), detail.server.region],
                  [t("backups.detail.cloudServiceType"), detail.server.cloudServiceType],
                ]}
              />
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("backups.detail.more")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3">
            <Facts
              items={[
                [
                  t("backups.detail.images"),
                  detail.images.length > 0 ? (
                    <ul key="images">
                      {detail.images.map((image) => (
                        <li key={image}>{mono(image)}</li>
                      ))}
                    </ul>
                  ) : (
                    t("backups.detail.none")
                  ),
                ],
                [
                  t("backups.detail.tags"),
                  detail.tags.length > 0
                    ? detail.tags.map((tag) => `${tag.key}=${tag.value ?? ""}`).join(", ")
                    : t("backups.detail.none"),
                ],
                ...Object.entries(detail.extra).map(([key, value]): [string, ReactNode] => [
                  key,
                  mono(String(value)),
                ]),
              ]}
            />
          </CardContent>
        </Card>
      </div>

      {canRename(row) ? (
        <RenameBackupDialog
          backup={{ id: row.id, name: row.name }}
          open={renaming}
          onOpenChange={setRenaming}
        />
      ) : null}
      <DeleteBackupsDialog rows={deleting ? [row] : []} onClose={() => setDeleting(false)} />
    </div>
  );
}
