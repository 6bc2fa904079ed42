import { z } from "zod";
import { OVERVIEW_REFRESH_MS } from "@/lib/api/overview";

/** Grafana's `refresh=` convention: seconds, bounded so that a typo cannot hammer the cloud. */
const refreshSeconds = z.coerce.number().int().min(10).max(3600);

/**
 * How often the wall asks for new figures: `?refresh=N` (seconds) when given and sane, else the
 * overview's own rhythm (faster while something runs).
 */
export function wallRefreshMs(param: string | null | undefined, running: boolean): number {
  const parsed = refreshSeconds.safeParse(param ?? undefined);
  if (param && parsed.success) return parsed.data * 1000;
  return running ? OVERVIEW_REFRESH_MS.running : OVERVIEW_REFRESH_MS.idle;
}

/** The figures are stale when two refreshes were missed (a network drop, a sleeping tablet). */
export function isStale(updatedAt: number, now: number, intervalMs: number): boolean {
  return updatedAt > 0 && now - updatedAt > 2 * intervalMs;
}
