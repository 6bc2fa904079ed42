"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DownloadIcon, Trash2Icon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { type FilterChip, FilterChips } from "@/components/data-table/filter-chips";
import { ListState } from "@/components/data-table/list-state";
import { LiveStatus } from "@/components/data-table/live-status";
import { Pagination } from "@/components/data-table/pagination";
import { usePageVisible } from "@/components/data-table/use-page-visible";
import { useCanChange, useSession } from "@/components/layout/session-provider";
import { anyRunning, statusMeta } from "@/components/status/status-meta";
import { Button } from "@/components/ui/button";
import { backupListQuery, LIVE_REFRESH_MS } from "@/lib/api/backups";
import { errorMessage } from "@/lib/api/errors";
import { basePath } from "@/lib/api/fetcher";
import { formatDateTime } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import {
  BACKUP_SERVICES,
  type BackupListResponse,
  type BackupRow,
  type BackupSearch,
  backupListKey,
  backupSearchParams,
  DEFAULT_SEARCH,
  PAGE_SIZES,
  parseBackupSearch,
} from "@/lib/schemas/backups";
import { BackupFilters } from "./backup-filters";
import { BackupsTable } from "./backups-table";
import { DeleteBackupsDialog } from "./delete-backups-dialog";
import { DroppedNotice } from "./dropped-notice";

/** The filters that narrow the list (not service, sort or paging). */
const FILTER_KEYS = [
  "name",
  "server",
  "az",
  "from",
  "to",
  "policy",
  "vault",
  "type",
  "image",
] as const;

/**
 * `/backups`: one page of CSBS or CBR backups, everything about the view in the URL. While a shown
 * backup is moving, the page asks again every few seconds (not while the tab is hidden, not when
 * paused); when nothing moves, it asks nothing.
 */
export function BackupsView({
  initial,
}: {
  /** The first page, fetched with the HTML for the view the address asked for. */
  initial?: { key: string; data: BackupListResponse; fetchedAt: number } | undefined;
}) {
  const t = useT();
  const { services } = useSession();
  const locale = useLocale();
  const canChange = useCanChange();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { search, dropped } = useMemo(
    () => parseBackupSearch(new URLSearchParams(params.toString())),
    [params],
  );
  const visible = usePageVisible();
  const [paused, setPaused] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [toDelete, setToDelete] = useState<BackupRow[]>([]);

  const seeded = initial && initial.key === backupListKey(search) ? initial : undefined;
  const query = useQuery({
    ...backupListQuery(search),
    initialData: seeded?.data,
    initialDataUpdatedAt: seeded?.fetchedAt,
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      !paused && anyRunning((q.state.data?.items ?? []).map((r) => r.status))
        ? LIVE_REFRESH_MS
        : false,
  });
  const data = query.data;
  const rows = data?.items ?? [];
  const live = anyRunning(rows.map((r) => r.status));

  const navigate = useCallback(
    (next: BackupSearch) => {
      const qs = backupSearchParams(next).toString();
      setSelected(new Set());
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  // A new filter starts again at page 1; the URL keeps what is valid and drops the rest.
  const change = (patch: Partial<BackupSearch>) => navigate({ ...search, page: 1, ...patch });
  const switchService = (service: BackupSearch["service"]) =>
    navigate({ ...DEFAULT_SEARCH, service, size: search.size });

  const groupName = (id: string) => data?.groups.find((g) => g.id === id)?.name ?? id;
  const chips: FilterChip[] = [];
  for (const status of search.status) {
    chips.push({
      key: `status-${status}`,
      label: `${t("backups.filter.status")}: ${t(statusMeta(status).label)}`,
      onRemove: () => change({ status: search.status.filter((s) => s !== status) }),
    });
  }
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (!value) continue;
    let shown: string = value;
    if (key === "from" || key === "to")
      shown = formatDateTime(locale, value, { dateStyle: "medium" }, "UTC");
    if (key === "policy" || key === "vault") shown = groupName(value);
    chips.push({
      key,
      label: `${t(`backups.filter.${key}`)}: ${shown}`,
      onRemove: () => change({ [key]: undefined }),
    });
  }
  const clearFilters = () =>
    navigate({
      ...DEFAULT_SEARCH,
      service: search.service,
      size: search.size,
      sort: search.sort,
      dir: search.dir,
    });

  const selectedRows = rows.filter((r) => selected.has(r.id));
  const csvHref = `${basePath()}/api/backups/export?${(() => {
    const p = backupSearchParams({ ...search, page: 1 });
    p.set("service", search.service);
    return p.toString();
  })()}`;

  return (
    <div className="grid min-w-0 gap-4 [&>*]:min-w-0">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <fieldset className="inline-flex rounded-md border p-0.5">
          <legend className="sr-only">{t("backups.service")}</legend>
          {BACKUP_SERVICES.filter((service) => services[service]).map((service) => (
            <Button
              key={service}
              size="sm"
              variant={search.service === service ? "secondary" : "ghost"}
              aria-pressed={search.service === service}
              onClick={() => (search.service === service ? undefined : switchService(service))}
              title={t(`backups.service.${service}Hint`)}
            >
              {t(`backups.service.${service}`)}
            </Button>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-2">
          <LiveStatus
            updatedAt={query.dataUpdatedAt}
            fetching={query.isFetching}
            live={live && visible}
            paused={paused}
            onTogglePause={() => setPaused((p) => !p)}
            onRefresh={() => void query.refetch()}
          />
          <Button variant="outline" size="sm" asChild>
            <a href={csvHref} download>
              <DownloadIcon aria-hidden="true" />
              {t("backups.exportCsv")}
            </a>
          </Button>
        </div>
      </div>

      <DroppedNotice dropped={dropped} onClean={() => navigate(search)} />

      <BackupFilters search={search} groups={data?.groups ?? []} onChange={change} />
      <FilterChips chips={chips} onClear={clearFilters} />

      {canChange && selectedRows.length > 0 ? (
        <div className="flex items-center justify-between gap-3 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2">
          <span className="text-sm">{t("backups.selected", { count: selectedRows.length })}</span>
          <Button variant="destructive" size="sm" onClick={() => setToDelete(selectedRows)}>
            <Trash2Icon aria-hidden="true" />
            {t("backups.deleteSelected", { count: selectedRows.length })}
          </Button>
        </div>
      ) : null}

      <ListState
        query={query}
        isEmpty={rows.length === 0}
        error={{ title: t("backups.error.title"), fallback: t("backups.error.unknown") }}
        empty={{
          title: t(chips.length > 0 ? "backups.empty.filtered" : "backups.empty.none"),
          hint: t(chips.length > 0 ? "backups.empty.filteredHint" : "backups.empty.noneHint"),
          action:
            chips.length > 0
              ? { label: t("table.clearFilters"), onClick: clearFilters }
              : undefined,
        }}
        loading={{ rowClassName: "h-12" }}
      >
        {query.isError ? (
          <p role="status" className="text-destructive text-sm">
            {t("backups.error.stale", {
              message: errorMessage(query.error, ""),
            })}
          </p>
        ) : null}
        <BackupsTable
          rows={rows}
          sort={search.sort}
          dir={search.dir}
          onSort={(sort, dir) => navigate({ ...search, sort, dir, page: 1 })}
          selected={selected}
          onSelect={(ids, on) =>
            setSelected((prev) => {
              const next = new Set(prev);
              for (const id of ids) on ? next.add(id) : next.delete(id);
              return next;
            })
          }
          onDelete={setToDelete}
          canChange={canChange}
          stale={query.isPlaceholderData}
        />
      </ListState>
      {data ? (
        <Pagination
          page={search.page}
          size={search.size}
          total={data.total}
          sizes={PAGE_SIZES}
          busy={query.isFetching}
          onPage={(page) => navigate({ ...search, page })}
          onSize={(size) => navigate({ ...search, size, page: 1 })}
        />
      ) : null}
      <DeleteBackupsDialog
        rows={toDelete}
        onClose={() => setToDelete([])}
        onDeleted={() => setSelected(new Set())}
      />
    </div>
  );
}
