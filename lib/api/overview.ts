import { queryOptions } from "@tanstack/react-query";
import type { OverviewResponse } from "@/lib/schemas/backups";
import { apiFetch } from "./fetcher";

/** The overview refreshes by itself: often while something runs, calmly otherwise. */
export const OVERVIEW_REFRESH_MS = { running: 5_000, idle: 30_000 } as const;

export const overviewKeys = { all: ["overview"] as const };

export function overviewQuery() {
  return queryOptions({
    queryKey: overviewKeys.all,
    queryFn: async ({ signal, client, queryKey }) =>
      apiFetch<OverviewResponse>("/api/overview", {
        signal,
        // A wall screen refreshing all day must not keep an idle session alive.
        background: client.getQueryData(queryKey) !== undefined,
      }),
    staleTime: 5_000,
  });
}
