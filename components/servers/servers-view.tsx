"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircleIcon, CloudUploadIcon, ServerIcon } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { When } from "@/components/backups/backups-table";
import { formatGigabytes, shortId } from "@/components/backups/format";
import { LiveStatus } from "@/components/data-table/live-status";
import { usePageVisible } from "@/components/data-table/use-page-visible";
import { useCanChange } from "@/components/layout/session-provider";
import { StatusBadge } from "@/components/status/status-badge";
import { anyRunning } from "@/components/status/status-meta";
import { StatusProgress } from "@/components/status/status-progress";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { LIVE_REFRESH_MS } from "@/lib/api/backups";
import { errorMessage } from "@/lib/api/errors";
import { serversQuery } from "@/lib/api/servers";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import type { ServerRow } from "@/lib/schemas/backups";
import { BackupNowDialog } from "./backup-now-dialog";
import { useMediaQuery } from "./use-media-query";

function ServerStatus({ status }: { status: string }) {
  const t = useT();
  const tone = status === "ACTIVE" ? "success" : status === "ERROR" ? "danger" : "muted";
  const key =
    status === "ACTIVE"
      ? "servers.state.active"
      : status === "SHUTOFF"
        ? "servers.state.shutoff"
        : status === "ERROR"
          ? "servers.state.error"
          : null;
  return <Badge variant={tone}>{key ? t(key) : status}</Badge>;
}

function LastBackup({ server }: { server: ServerRow }) {
  const t = useT();
  const locale = useLocale();
  const last = server.lastBackup;
  if (!last) return <span className="text-muted-foreground">{t("servers.noBackup")}</span>;
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={last.status} progress={last.progress} />
        <When iso={last.createdAt} locale={locale} />
      </div>
      <StatusProgress status={last.status} progress={last.progress} label={server.name} />
      <Link
        href={`/backups/${encodeURIComponent(last.id)}${last.service === "cbr" ? "?service=cbr" : ""}`}
        className="max-w-56 truncate text-muted-foreground text-xs hover:underline [@media(pointer:coarse)]:flex [@media(pointer:coarse)]:min-h-11 [@media(pointer:coarse)]:items-center"
      >
        {last.name || shortId(last.id)}
      </Link>
    </div>
  );
}

function ServerDisks({ server }: { server: ServerRow }) {
  const t = useT();
  const locale = useLocale();
  if (server.disks.length === 0) {
    return <span className="text-muted-foreground">{t("servers.noDisks")}</span>;
  }
  return (
    <ul>
      {server.disks.map((disk) => (
        <li key={disk.id} className="whitespace-nowrap tabular-nums">
          {disk.device ?? "?"} · {formatGigabytes(locale, disk.sizeGb)} ·{" "}
          {t(disk.system ? "backups.detail.systemDisk" : "backups.detail.dataDisk")}
          {disk.shared ? ` · ${t("servers.shared")}` : ""}
        </li>
      ))}
    </ul>
  );
}

function Protectable({ server }: { server: ServerRow }) {
  const t = useT();
  return server.protectable ? (
    <span className="text-success">{t("servers.protectable")}</span>
  ) : (
    <span className="text-muted-foreground">
      {t("servers.notProtectable")}
      {server.reason ? `: ${server.reason}` : ""}
    </span>
  );
}

const PROTECTION_LINK =
  "font-medium hover:underline [@media(pointer:coarse)]:inline-flex [@media(pointer:coarse)]:min-h-11 [@media(pointer:coarse)]:items-center";

/** How the server is protected: its CSBS policy, its CBR vault and that vault's policy, or nothing. */
function Protection({ server }: { server: ServerRow }) {
  const t = useT();
  const { csbsPolicy, vault, cbrPolicy } = server;
  if (!csbsPolicy && !vault) {
    return <Badge variant="warning">{t("servers.protection.none")}</Badge>;
  }
  return (
    <ul className="grid gap-0.5 text-sm" data-testid="server-protection">
      {csbsPolicy ? (
        <li>
          {t("servers.protection.csbsPolicy")}{" "}
          <Link href={`/policies/${encodeURIComponent(csbsPolicy.id)}`} className={PROTECTION_LINK}>
            {csbsPolicy.name}
          </Link>
        </li>
      ) : null}
      {vault ? (
        <li>
          {t("servers.protection.vault")}{" "}
          <Link href={`/vaults/${encodeURIComponent(vault.id)}`} className={PROTECTION_LINK}>
            {vault.name}
          </Link>
          {cbrPolicy ? (
            <>
              {" · "}
              {t("servers.protection.cbrPolicy")}{" "}
              <Link
                href={`/policies/cbr/${encodeURIComponent(cbrPolicy.id)}`}
                className={PROTECTION_LINK}
              >
                {cbrPolicy.name}
              </Link>
              {cbrPolicy.enabled ? null : (
                <Badge variant="warning" className="ml-1">
                  {t("servers.protection.disabled")}
                </Badge>
              )}
            </>
          ) : (
            t("servers.protection.vaultNoPolicy")
          )}
        </li>
      ) : null}
    </ul>
  );
}

function BackupNowButton({
  server,
  onBackUp,
  className,
}: {
  server: ServerRow;
  onBackUp: (servers: ServerRow[]) => void;
  className?: string;
}) {
  const t = useT();
  return (
    <Button
      variant="outline"
      size="sm"
      className={className}
      disabled={!server.protectable}
      onClick={() => onBackUp([server])}
      aria-label={t("servers.backupNowFor", { name: server.name })}
    >
      <CloudUploadIcon aria-hidden="true" />
      {t("servers.backupNow")}
    </Button>
  );
}

type ListProps = {
  servers: ServerRow[];
  canChange: boolean;
  selected: ReadonlySet<string>;
  toggle: (ids: string[], on: boolean) => void;
  onBackUp: (servers: ServerRow[]) => void;
};

function ServersTable({ servers, canChange, selected, toggle, onBackUp }: ListProps) {
  const t = useT();
  const selectable = servers.filter((s) => s.protectable);
  return (
    <Table label={t("nav.servers")}>
      <TableHeader>
        <TableRow>
          {canChange ? (
            <TableHead className="w-10">
              <input
                type="checkbox"
                className="size-4 accent-primary"
                aria-label={t("servers.selectAll")}
                checked={selectable.length > 0 && selectable.every((s) => selected.has(s.id))}
                onChange={(e) =>
                  toggle(
                    selectable.map((s) => s.id),
                    e.target.checked,
                  )
                }
              />
            </TableHead>
          ) : null}
          <TableHead>{t("servers.col.name")}</TableHead>
          <TableHead>{t("servers.col.status")}</TableHead>
          <TableHead>{t("servers.col.disks")}</TableHead>
          <TableHead>{t("servers.col.protection")}</TableHead>
          <TableHead>{t("servers.col.lastBackup")}</TableHead>
          <TableHead>{t("servers.col.protectable")}</TableHead>
          {canChange ? (
            <TableHead>
              <span className="sr-only">{t("backups.col.actions")}</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {servers.map((server) => (
          <TableRow key={server.id} data-testid="server-row" data-name={server.name}>
            {canChange ? (
              <TableCell>
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  aria-label={t("backups.select", { name: server.name })}
                  disabled={!server.protectable}
                  checked={selected.has(server.id)}
                  onChange={(e) => toggle([server.id], e.target.checked)}
                />
              </TableCell>
            ) : null}
            <TableCell>
              <span className="block font-medium">{server.name}</span>
              <span className="font-mono text-muted-foreground text-xs" title={server.id}>
                {shortId(server.id)}
              </span>
              <span className="block text-muted-foreground text-xs">
                {[server.az, server.flavor].filter(Boolean).join(" · ")}
              </span>
            </TableCell>
            <TableCell>
              <ServerStatus status={server.status} />
            </TableCell>
            <TableCell className="text-sm">
              <ServerDisks server={server} />
            </TableCell>
            <TableCell>
              <Protection server={server} />
            </TableCell>
            <TableCell>
              <LastBackup server={server} />
            </TableCell>
            <TableCell className="min-w-40 max-w-64 whitespace-normal text-sm">
              <Protectable server={server} />
            </TableCell>
            {canChange ? (
              <TableCell className="text-right">
                <BackupNowButton server={server} onBackUp={onBackUp} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Below the desktop width, a card per server with everything the table row has, and touch-sized
 * controls (the selection box's label and the button are 44 px high on a touch screen).
 */
function ServerCards({ servers, canChange, selected, toggle, onBackUp }: ListProps) {
  const t = useT();
  const selectable = servers.filter((s) => s.protectable);
  return (
    <div className="grid gap-3">
      {canChange && selectable.length > 0 ? (
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input
            type="checkbox"
            className="size-5 accent-primary"
            checked={selectable.every((s) => selected.has(s.id))}
            onChange={(e) =>
              toggle(
                selectable.map((s) => s.id),
                e.target.checked,
              )
            }
          />
          {t("servers.selectAll")}
        </label>
      ) : null}
      <ul className="grid gap-3 md:grid-cols-2" aria-label={t("nav.servers")}>
        {servers.map((server) => (
          <li
            key={server.id}
            className="grid min-w-0 content-start gap-3 rounded-lg border bg-card p-3"
            data-testid="server-row"
            data-name={server.name}
          >
            <div className="flex items-start justify-between gap-2">
              {canChange ? (
                <label className="-m-2 flex min-h-11 min-w-0 flex-1 items-center gap-3 p-2">
                  <input
                    type="checkbox"
                    className="size-5 shrink-0 accent-primary"
                    aria-label={t("backups.select", { name: server.name })}
                    disabled={!server.protectable}
                    checked={selected.has(server.id)}
                    onChange={(e) => toggle([server.id], e.target.checked)}
                  />
                  <ServerName server={server} />
                </label>
              ) : (
                <ServerName server={server} />
              )}
              <ServerStatus status={server.status} />
            </div>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
              <dt className="text-muted-foreground">{t("servers.col.disks")}</dt>
              {/* A disk per line as in the table, but wrapping: a card is half a tablet wide. */}
              <dd className="min-w-0 [&_li]:whitespace-normal">
                <ServerDisks server={server} />
              </dd>
              <dt className="text-muted-foreground">{t("servers.col.protection")}</dt>
              <dd>
                <Protection server={server} />
              </dd>
              <dt className="text-muted-foreground">{t("servers.col.lastBackup")}</dt>
              <dd className="min-w-0">
                <LastBackup server={server} />
              </dd>
              <dt className="text-muted-foreground">{t("servers.col.protectable")}</dt>
              <dd>
                <Protectable server={server} />
              </dd>
            </dl>
            {canChange ? (
              <BackupNowButton server={server} onBackUp={onBackUp} className="justify-self-end" />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ServerName({ server }: { server: ServerRow }) {
  return (
    <span className="grid min-w-0">
      <span className="truncate font-medium">{server.name}</span>
      <span className="truncate text-muted-foreground text-xs">
        <span className="font-mono" title={server.id}>
          {shortId(server.id)}
        </span>
        {[server.az, server.flavor].filter(Boolean).map((part) => ` · ${part}`)}
      </span>
    </span>
  );
}

/**
 * `/servers`: each server with its disks, how it is protected (CSBS policy, CBR vault and policy),
 * its last backup in either service (live while one runs) and whether it can be backed up now;
 * "Back up now" for one or several, each by the service that holds it.
 */
export function ServersView() {
  const t = useT();
  const canChange = useCanChange();
  const visible = usePageVisible();
  const [paused, setPaused] = useState(false);
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [backingUp, setBackingUp] = useState<ServerRow[]>([]);
  const query = useQuery({
    ...serversQuery(),
    refetchInterval: (q) =>
      !paused &&
      anyRunning(
        (q.state.data?.servers ?? []).flatMap((s) => (s.lastBackup ? [s.lastBackup.status] : [])),
      )
        ? LIVE_REFRESH_MS
        : false,
  });
  const all = query.data?.servers ?? [];
  const live = anyRunning(all.flatMap((s) => (s.lastBackup ? [s.lastBackup.status] : [])));
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return needle
      ? all.filter((s) => s.name.toLowerCase().includes(needle) || s.id.startsWith(needle))
      : all;
  }, [all, filter]);
  const chosen = all.filter((s) => selected.has(s.id) && s.protectable);
  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
  const unprotected = all.filter((s) => !s.policy).length;
  // One layout in the page at a time (not both, one hidden by CSS): a table from the desktop
  // breakpoint the other list pages use (lg, 1024 px), cards below it.
  const wide = useMediaQuery("(min-width: 64rem)");
  const listProps: ListProps = {
    servers: shown,
    canChange,
    selected,
    toggle,
    onBackUp: setBackingUp,
  };

  if (query.isError && !query.data) {
    return (
      <Alert variant="destructive">
        <AlertCircleIcon aria-hidden="true" />
        <AlertTitle>{t("servers.error")}</AlertTitle>
        <AlertDescription>
          <p>{errorMessage(query.error, t("backups.error.unknown"))}</p>
          <Button variant="outline" size="sm" className="mt-2" onClick={() => void query.refetch()}>
            {t("common.retry")}
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  if (!query.data) {
    return (
      <div className="grid gap-2" role="status" aria-busy="true" aria-label={t("common.loading")}>
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} className="h-14 w-full" />
        ))}
      </div>
    );
  }

  return (
    <div className="grid min-w-0 gap-4 [&>*]:min-w-0">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1.5">
          <label htmlFor="server-filter" className="font-medium text-sm">
            {t("servers.filter")}
          </label>
          <Input
            id="server-filter"
            className="w-72"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t("backups.filter.serverPlaceholder")}
          />
        </div>
        <p className="text-muted-foreground text-sm">
          {t("servers.summary", { count: all.length, unprotected })}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <LiveStatus
            updatedAt={query.dataUpdatedAt}
            fetching={query.isFetching}
            live={live && visible}
            paused={paused}
            onTogglePause={() => setPaused((p) => !p)}
            onRefresh={() => void query.refetch()}
          />
          {canChange ? (
            <Button disabled={chosen.length === 0} onClick={() => setBackingUp(chosen)}>
              <CloudUploadIcon aria-hidden="true" />
              {t("servers.backupSelected", { count: chosen.length })}
            </Button>
          ) : null}
        </div>
      </div>

      {shown.length === 0 ? (
        <div className="grid justify-items-center gap-2 rounded-lg border border-dashed p-10 text-center">
          <ServerIcon aria-hidden="true" className="size-8 text-muted-foreground" />
          <p className="font-medium">
            {t(all.length === 0 ? "servers.empty" : "servers.emptyFiltered")}
          </p>
        </div>
      ) : wide ? (
        <ServersTable {...listProps} />
      ) : (
        <ServerCards {...listProps} />
      )}
      <BackupNowDialog
        servers={backingUp}
        onClose={() => {
          setBackingUp([]);
          setSelected(new Set());
        }}
      />
    </div>
  );
}
