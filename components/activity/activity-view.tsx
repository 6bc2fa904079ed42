"use client";

import { useQuery } from "@tanstack/react-query";
import { DownloadIcon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type FilterChip, FilterChips } from "@/components/data-table/filter-chips";
import { ListState } from "@/components/data-table/list-state";
import { Pagination } from "@/components/data-table/pagination";
import { StatusGlyph } from "@/components/status/status-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { activityCsvHref, activityListQuery } from "@/lib/api/activity";
import { formatDateTime } from "@/lib/i18n/format";
import { useLocale, useT } from "@/lib/i18n/i18n-provider";
import {
  ACTIVITY_PAGE_SIZES,
  type ActivityResult,
  type ActivitySearch,
  activitySearchParams,
  emptyActivitySearch,
  parseActivitySearch,
} from "@/lib/schemas/activity";
import { ActivityFilters } from "./activity-filters";

const RESULT_LOOK = {
  succeeded: { tone: "success", icon: "check" },
  failed: { tone: "danger", icon: "alert" },
  refused: { tone: "warning", icon: "ban" },
} as const satisfies Record<ActivityResult, { tone: string; icon: string }>;

/** `/activity`: the account's audit trail, newest first, every filter in the URL, CSV export. */
export function ActivityView() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const search = useMemo(
    () => parseActivitySearch(new URLSearchParams(params.toString())),
    [params],
  );
  const query = useQuery(activityListQuery(search));
  const data = query.data;

  const navigate = useCallback(
    (next: ActivitySearch) => {
      const qs = activitySearchParams(next).toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  const change = (patch: Partial<ActivitySearch>) => navigate({ ...search, page: 1, ...patch });
  const clear = () => navigate({ ...emptyActivitySearch, size: search.size });

  const chips: FilterChip[] = [
    ...search.actions.map((action) => ({
      key: `action-${action}`,
      label: `${t("activity.col.action")}: ${t(`activity.action.${action}`)}`,
      onRemove: () => change({ actions: search.actions.filter((a) => a !== action) }),
    })),
    ...search.results.map((result) => ({
      key: `result-${result}`,
      label: `${t("activity.col.result")}: ${t(`activity.result.${result}`)}`,
      onRemove: () => change({ results: search.results.filter((r) => r !== result) }),
    })),
    ...(["user", "project", "target", "from", "to"] as const)
      .filter((key) => search[key])
      .map((key) => ({
        key,
        label: `${t(key === "from" || key === "to" ? `activity.filter.${key}` : `activity.col.${key}`)}: ${search[key]}`,
        onRemove: () => change({ [key]: "" }),
      })),
  ];

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-muted-foreground text-sm">{t("activity.intro")}</p>
        <Button variant="outline" size="sm" asChild>
          <a href={activityCsvHref(search)} download>
            <DownloadIcon aria-hidden="true" />
            {t("activity.exportCsv")}
          </a>
        </Button>
      </div>
      <ActivityFilters search={search} onChange={change} />
      <FilterChips chips={chips} onClear={clear} />

      <ListState
        query={query}
        isEmpty={data?.items.length === 0}
        error={{ title: t("activity.error.title"), fallback: t("activity.error.unknown") }}
        empty={{
          title: t(chips.length > 0 ? "activity.empty.filtered" : "activity.empty.none"),
          action: chips.length > 0 ? { label: t("table.clearFilters"), onClick: clear } : undefined,
        }}
      >
        <div className={query.isPlaceholderData ? "opacity-60" : undefined}>
          <Table label={t("nav.activity")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("activity.col.time")}</TableHead>
                <TableHead>{t("activity.col.action")}</TableHead>
                <TableHead>{t("activity.col.result")}</TableHead>
                <TableHead>{t("activity.col.user")}</TableHead>
                <TableHead>{t("activity.col.project")}</TableHead>
                <TableHead>{t("activity.col.target")}</TableHead>
                <TableHead>{t("activity.col.detail")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(data?.items ?? []).map((entry) => {
                const look = RESULT_LOOK[entry.result];
                return (
                  <TableRow key={entry.id} data-testid="activity-row">
                    <TableCell className="whitespace-nowrap tabular-nums">
                      <time dateTime={entry.at}>{formatDateTime(locale, entry.at)}</time>
                    </TableCell>
                    <TableCell>{t(`activity.action.${entry.action}`)}</TableCell>
                    <TableCell>
                      <Badge variant={look.tone} className="gap-1.5">
                        <StatusGlyph icon={look.icon} />
                        <span>{t(`activity.result.${entry.result}`)}</span>
                      </Badge>
                    </TableCell>
                    <TableCell>{entry.user}</TableCell>
                    <TableCell>{entry.project}</TableCell>
                    <TableCell className="max-w-64 break-all font-mono text-xs">
                      {entry.target}
                    </TableCell>
                    <TableCell className="max-w-48 break-all text-xs">{entry.detail}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </ListState>
      {data ? (
        <Pagination
          page={search.page}
          size={search.size}
          total={data.total}
          sizes={ACTIVITY_PAGE_SIZES}
          busy={query.isFetching}
          onPage={(page) => navigate({ ...search, page })}
          onSize={(size) => navigate({ ...search, size, page: 1 })}
        />
      ) : null}
    </div>
  );
}
