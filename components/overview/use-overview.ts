import { useQuery } from "@tanstack/react-query";
import { overviewQuery } from "@/lib/api/overview";
import type { OverviewResponse } from "@/lib/schemas/backups";

/** The figures the server rendered the page with, and when it fetched them. */
export type InitialOverview = { data: OverviewResponse; fetchedAt: number };

/**
 * The overview's figures for `/` and `/wall`: seeded with what the server rendered, so the page is
 * whole in its HTML, then refreshed every `intervalMs(running)` (false: paused).
 */
export function useOverview(
  initial: InitialOverview | undefined,
  intervalMs: (running: boolean) => number | false,
) {
  return useQuery({
    ...overviewQuery(),
    initialData: initial?.data,
    initialDataUpdatedAt: initial?.fetchedAt,
    refetchInterval: (q) => intervalMs((q.state.data?.running.length ?? 0) > 0),
  });
}
