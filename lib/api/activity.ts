import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  type ActivitySearch,
  activityPageSchema,
  activitySearchParams,
} from "@/lib/schemas/activity";
import { apiFetch, basePath } from "./fetcher";

export const activityKeys = {
  all: ["activity"] as const,
  list: (search: ActivitySearch) =>
    [...activityKeys.all, "list", activitySearchParams(search).toString()] as const,
};

/** One page of the audit trail for a view of `/activity`. */
export function activityListQuery(search: ActivitySearch) {
  const qs = activitySearchParams(search).toString();
  return queryOptions({
    queryKey: activityKeys.list(search),
    queryFn: async ({ signal }) =>
      activityPageSchema.parse(await apiFetch(`/api/activity${qs ? `?${qs}` : ""}`, { signal })),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

/** The CSV of the same filters, every page (the API bounds it). */
export function activityCsvHref(search: ActivitySearch): string {
  const qs = activitySearchParams(search, false).toString();
  return `${basePath()}/api/activity/export${qs ? `?${qs}` : ""}`;
}
