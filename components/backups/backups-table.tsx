"use client";

import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, Trash2Icon } from "lucide-react";
import Link from "next/link";
import { StatusBadge } from "@/components/status/status-badge";
import { StatusProgress } from "@/components/status/status-progress";
import { Button } from "@/components/ui/button";
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
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { BackupRow, SortDir, SortKey } from "@/lib/schemas/backups";
import { cn } from "@/lib/utils";
import { canDelete } from "./backup-actions";
import { formatGigabytes, formatMegabytes, shortId } from "./format";

type BackupsTableProps = {
  rows: BackupRow[];
  sort: SortKey;
  dir: SortDir;
  onSort: (sort: SortKey, dir: SortDir) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  onDelete: (rows: BackupRow[]) => void;
  /** The user may change things (not read-only) and the service supports deleting here. */
  canChange: boolean;
  /** Rows from the previous view while the next one loads. */
  stale: boolean;
};

export function detailHref(row: Pick<BackupRow, "id" | "service">): string {
  return `/backups/${encodeURIComponent(row.id)}${row.service === "cbr" ? "?service=cbr" : ""}`;
}

export function When({ iso, locale }: { iso: string | undefined; locale: Locale }) {
  if (!iso) return <span className="text-muted-foreground">—</span>;
  const absolute = formatDateTime(locale, iso);
  return (
    // Rendered on the server first, where the clock and the zone are not the reader's.
    <time dateTime={iso} title={absolute} className="whitespace-nowrap" suppressHydrationWarning>
      {formatRelativeTime(locale, iso)}
    </time>
  );
}

export function kindLabel(row: Pick<BackupRow, "auto" | "incremental">, t: Translate): string {
  const parts: string[] = [];
  if (row.auto !== undefined) parts.push(t(row.auto ? "backups.kind.auto" : "backups.kind.manual"));
  if (row.incremental !== undefined) {
    parts.push(t(row.incremental ? "backups.kind.incremental" : "backups.kind.full"));
  }
  return parts.join(" · ") || "—";
}

/**
 * A checkbox's hit area, the label around it: the box itself on a mouse, 44 px around it on a
 * touch screen (the table is shown from 768 px, a portrait tablet).
 */
const CHECKBOX_HIT_AREA = "-m-2 inline-flex items-center justify-center p-2 touch-target";

function SortHeader({
  label,
  column,
  sort,
  dir,
  onSort,
  className,
}: {
  label: string;
  column: SortKey;
  sort: SortKey;
  dir: SortDir;
  onSort: (sort: SortKey, dir: SortDir) => void;
  className?: string;
}) {
  const active = sort === column;
  const Icon = active ? (dir === "asc" ? ArrowUpIcon : ArrowDownIcon) : ArrowUpDownIcon;
  return (
    <TableHead
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
      className={className}
    >
      <button
        type="button"
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-1 font-medium hover:text-foreground focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 touch-target"
        onClick={() => onSort(column, active && dir === "desc" ? "asc" : "desc")}
      >
        {label}
        <Icon aria-hidden="true" className={cn("size-3.5", !active && "opacity-40")} />
      </button>
    </TableHead>
  );
}

/** The backups of one page: a table on wide screens, cards (name, status, main action) on narrow ones. */
export function BackupsTable({
  rows,
  sort,
  dir,
  onSort,
  selected,
  onSelect,
  onDelete,
  canChange,
  stale,
}: BackupsTableProps) {
  const t = useT();
  const locale = useLocale();
  const csbs = rows[0]?.service !== "cbr";
  // Both services delete (CSBS by checkpoint item, CBR one backup at a time).
  const selectable = canChange;
  const deletable = rows.filter(canDelete);
  const allSelected = deletable.length > 0 && deletable.every((r) => selected.has(r.id));
  const sortProps = { sort, dir, onSort };
  return (
    <div className={cn("transition-opacity", stale && "opacity-60")} aria-busy={stale || undefined}>
      <div className="hidden md:block">
        <Table label={t("backups.tableLabel")}>
          <TableHeader>
            <TableRow>
              {selectable ? (
                <TableHead className="w-10">
                  <label className={CHECKBOX_HIT_AREA}>
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      aria-label={t("backups.selectAll")}
                      checked={allSelected}
                      disabled={deletable.length === 0}
                      onChange={(e) =>
                        onSelect(
                          deletable.map((r) => r.id),
                          e.target.checked,
                        )
                      }
                    />
                  </label>
                </TableHead>
              ) : null}
              <SortHeader label={t("backups.col.name")} column="name" {...sortProps} />
              <TableHead>{t("backups.col.server")}</TableHead>
              <SortHeader label={t("backups.col.status")} column="status" {...sortProps} />
              <TableHead>{t("backups.col.kind")}</TableHead>
              <TableHead className="text-right">{t("backups.col.size")}</TableHead>
              <TableHead className="hidden xl:table-cell">{t("backups.col.az")}</TableHead>
              <SortHeader label={t("backups.col.created")} column="created_at" {...sortProps} />
              <SortHeader
                label={t("backups.col.finished")}
                column="protected_at"
                className="hidden lg:table-cell"
                {...sortProps}
              />
              <TableHead className="hidden lg:table-cell">
                {t(csbs ? "backups.col.policy" : "backups.col.vault")}
              </TableHead>
              {canChange ? (
                <TableHead>
                  <span className="sr-only">{t("backups.col.actions")}</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow
                key={row.id}
                data-testid="backup-row"
                data-id={row.id}
                data-status={row.status}
              >
                {selectable ? (
                  <TableCell>
                    <label className={CHECKBOX_HIT_AREA}>
                      <input
                        type="checkbox"
                        className="size-4 accent-primary"
                        aria-label={t("backups.select", { name: row.name || row.id })}
                        checked={selected.has(row.id)}
                        disabled={!canDelete(row)}
                        onChange={(e) => onSelect([row.id], e.target.checked)}
                      />
                    </label>
                  </TableCell>
                ) : null}
                <TableCell className="max-w-64">
                  <Link
                    href={detailHref(row)}
                    className="block truncate font-medium hover:underline"
                  >
                    {row.name || shortId(row.id)}
                  </Link>
                  <span className="font-mono text-muted-foreground text-xs" title={row.id}>
                    {shortId(row.id)}
                  </span>
                </TableCell>
                <TableCell className="max-w-48">
                  <span className="block truncate">{row.serverName ?? "—"}</span>
                  {row.serverId ? (
                    <span className="font-mono text-muted-foreground text-xs" title={row.serverId}>
                      {shortId(row.serverId)}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="min-w-36">
                  <div className="grid gap-1">
                    <StatusBadge status={row.status} progress={row.progress} />
                    <StatusProgress status={row.status} progress={row.progress} label={row.name} />
                    {row.failReason ? (
                      <span className="max-w-56 text-destructive text-xs" title={row.failReason}>
                        {row.failReason}
                      </span>
                    ) : null}
                  </div>
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  {kindLabel(row, t)}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {row.sizeMb !== undefined
                    ? formatMegabytes(locale, row.sizeMb)
                    : formatGigabytes(locale, row.resourceSizeGb)}
                </TableCell>
                <TableCell className="hidden whitespace-nowrap xl:table-cell">
                  {row.az ?? "—"}
                </TableCell>
                <TableCell>
                  <When iso={row.createdAt} locale={locale} />
                </TableCell>
                <TableCell className="hidden lg:table-cell">
                  <When iso={row.finishedAt} locale={locale} />
                </TableCell>
                <TableCell className="hidden max-w-40 truncate lg:table-cell">
                  {(csbs ? row.policyName : (row.vaultName ?? row.vaultId)) ?? "—"}
                </TableCell>
                {canChange ? (
                  <TableCell className="text-right">
                    {canDelete(row) ? (
                      <Button
                        variant="ghost"
                        size="icon"
                        className="text-destructive hover:text-destructive"
                        aria-label={t("backups.deleteOne", { name: row.name || row.id })}
                        onClick={() => onDelete([row])}
                      >
                        <Trash2Icon aria-hidden="true" />
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="grid gap-3 md:hidden" aria-label={t("backups.tableLabel")}>
        {rows.map((row) => (
          <li
            key={row.id}
            className="grid gap-2 rounded-lg border bg-card p-3"
            data-testid="backup-card"
          >
            <div className="flex items-start justify-between gap-2">
              <Link href={detailHref(row)} className="min-w-0 truncate font-medium hover:underline">
                {row.name || shortId(row.id)}
              </Link>
              <StatusBadge status={row.status} progress={row.progress} />
            </div>
            <StatusProgress status={row.status} progress={row.progress} label={row.name} />
            <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              <dt className="text-muted-foreground">{t("backups.col.server")}</dt>
              <dd className="truncate">{row.serverName ?? "—"}</dd>
              <dt className="text-muted-foreground">{t("backups.col.created")}</dt>
              <dd>
                <When iso={row.createdAt} locale={locale} />
              </dd>
              <dt className="text-muted-foreground">{t("backups.col.kind")}</dt>
              <dd>{kindLabel(row, t)}</dd>
            </dl>
            {row.failReason ? <p className="text-destructive text-sm">{row.failReason}</p> : null}
            {canChange && canDelete(row) ? (
              <Button
                variant="outline"
                size="sm"
                className="justify-self-end text-destructive"
                onClick={() => onDelete([row])}
              >
                <Trash2Icon aria-hidden="true" />
                {t("backups.delete")}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
