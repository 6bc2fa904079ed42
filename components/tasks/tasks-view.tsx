"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { type FilterChip, FilterChips } from "@/components/data-table/filter-chips";
import { ListState } from "@/components/data-table/list-state";
import { LiveStatus } from "@/components/data-table/live-status";
import { Pagination } from "@/components/data-table/pagination";
import { usePageVisible } from "@/components/data-table/use-page-visible";
import { errorMessage } from "@/lib/api/errors";
import { taskListQuery } from "@/lib/api/tasks";
import { vaultsQuery } from "@/lib/api/vaults";
import { formatDateTime } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import {
  DEFAULT_TASK_SEARCH,
  DEFAULT_TASK_WINDOW,
  isRunningTask,
  parseTaskSearch,
  TASK_PAGE_SIZES,
  type TaskSearch,
  taskSearchParams,
} from "@/lib/schemas/tasks";
import { TaskFilters } from "./task-filters";
import { taskStatusLabel, taskTypeLabel } from "./task-labels";
import { TaskList } from "./task-list";

/** The vaults a filter offers: one page of the largest size `/vaults` pages by. */
const VAULT_CHOICES = { page: 1, size: 50 } as const;

/**
 * `/tasks`: CBR's tasks of the project, newest first, everything about the view in the URL. While
 * a shown task is moving the page asks again every few seconds (not while the tab is hidden, not
 * when paused); when nothing moves it asks nothing.
 */
export function TasksView() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const search = useMemo(() => parseTaskSearch(new URLSearchParams(params.toString())), [params]);
  const visible = usePageVisible();
  const [paused, setPaused] = useState(false);
  const query = useQuery(taskListQuery(search, { paused }));
  const vaultList = useQuery(vaultsQuery(VAULT_CHOICES));
  const data = query.data;
  const tasks = data?.tasks ?? [];
  const live = tasks.some((task) => isRunningTask(task.status));

  const navigate = useCallback(
    (next: TaskSearch) => {
      const qs = taskSearchParams(next).toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  // A new filter starts again at page 1.
  const change = (patch: Partial<TaskSearch>) => navigate({ ...search, page: 1, ...patch });
  const clear = () => navigate({ ...DEFAULT_TASK_SEARCH, size: search.size });

  // The chosen vault stays choosable (and named) even when the vault list cannot say it.
  const vaults = (vaultList.data?.vaults ?? []).map((v) => ({ id: v.id, name: v.name }));
  if (search.vault && !vaults.some((v) => v.id === search.vault)) {
    const named = tasks.find((task) => task.vault?.id === search.vault)?.vault;
    vaults.push({ id: search.vault, name: named?.name ?? search.vault });
  }
  const vaultName = vaults.find((v) => v.id === search.vault)?.name;

  const chips: FilterChip[] = [];
  if (search.type) {
    chips.push({
      key: "type",
      label: `${t("tasks.filter.type")}: ${taskTypeLabel(t, search.type)}`,
      onRemove: () => change({ type: undefined }),
    });
  }
  if (search.status) {
    chips.push({
      key: "status",
      label: `${t("tasks.filter.status")}: ${taskStatusLabel(t, search.status)}`,
      onRemove: () => change({ status: undefined }),
    });
  }
  if (search.vault) {
    chips.push({
      key: "vault",
      label: `${t("tasks.filter.vault")}: ${vaultName ?? search.vault}`,
      onRemove: () => change({ vault: undefined }),
    });
  }
  if (search.window !== DEFAULT_TASK_WINDOW) {
    chips.push({
      key: "window",
      label: `${t("tasks.filter.window")}: ${t(`tasks.window.${search.window}`)}`,
      onRemove: () => change({ window: DEFAULT_TASK_WINDOW }),
    });
  }

  return (
    <div className="grid min-w-0 gap-4 [&>*]:min-w-0">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="grid gap-0.5 text-sm">
          <p className="text-muted-foreground">{t("tasks.intro")}</p>
          {data ? (
            <p className="text-muted-foreground tabular-nums" suppressHydrationWarning>
              {t("tasks.since", { time: formatDateTime(locale, data.since) })}
            </p>
          ) : null}
        </div>
        <LiveStatus
          updatedAt={query.dataUpdatedAt}
          fetching={query.isFetching}
          live={live && visible}
          paused={paused}
          onTogglePause={() => setPaused((p) => !p)}
          onRefresh={() => void query.refetch()}
        />
      </div>

      <TaskFilters search={search} vaults={vaults} onChange={change} />
      <FilterChips chips={chips} onClear={clear} />

      <ListState
        query={query}
        isEmpty={tasks.length === 0}
        error={{ title: t("tasks.error.title"), fallback: t("tasks.error.unknown") }}
        empty={{
          title: t(chips.length > 0 ? "tasks.empty.filtered" : "tasks.empty.none"),
          hint: t("tasks.empty.noneHint"),
          action: chips.length > 0 ? { label: t("table.clearFilters"), onClick: clear } : undefined,
        }}
        loading={{ rowClassName: "h-14" }}
      >
        {query.isError ? (
          <p role="status" className="text-destructive text-sm">
            {t("tasks.error.stale", { message: errorMessage(query.error, "") })}
          </p>
        ) : null}
        <TaskList tasks={tasks} label={t("tasks.tableLabel")} stale={query.isPlaceholderData} />
      </ListState>
      {data ? (
        <Pagination
          page={search.page}
          size={search.size}
          total={data.total}
          sizes={TASK_PAGE_SIZES}
          busy={query.isFetching}
          onPage={(page) => navigate({ ...search, page })}
          onSize={(size) => navigate({ ...search, size, page: 1 })}
        />
      ) : null}
    </div>
  );
}
