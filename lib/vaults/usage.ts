// Capacity figures of vaults: what a removal or a deletion destroys, and how long the space lasts.

/** The window over which growth is measured: the backups written in the last 14 days. */
export const GROWTH_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

export type ResourceUsage = { id: string; backupCount: number; backupSizeMb: number };

/** What removing `ids` from a vault deletes: their backups, counted and summed (MB). */
export function removalImpact(
  resources: readonly ResourceUsage[],
  ids: readonly string[],
): { backups: number; sizeMb: number; resources: number } {
  const wanted = new Set(ids);
  let backups = 0;
  let sizeMb = 0;
  let count = 0;
  for (const resource of resources) {
    if (!wanted.has(resource.id)) continue;
    count += 1;
    backups += resource.backupCount;
    sizeMb += resource.backupSizeMb;
  }
  return { backups, sizeMb, resources: count };
}

/**
 * Growth in MB per day: the size of the backups created within the window, spread over the days
 * the window covers (from the oldest backup seen when the vault is younger than the window).
 * Null when nothing was written: no growth, no forecast.
 */
export function growthMbPerDay(
  backups: readonly { createdAt: string; sizeMb: number }[],
  now: Date,
  windowDays: number = GROWTH_WINDOW_DAYS,
): number | null {
  const start = now.getTime() - windowDays * DAY_MS;
  let total = 0;
  let oldest = now.getTime();
  for (const backup of backups) {
    const at = Date.parse(backup.createdAt);
    if (!Number.isFinite(at) || at < start || at > now.getTime()) continue;
    total += backup.sizeMb;
    oldest = Math.min(oldest, at);
  }
  if (total <= 0) return null;
  const days = Math.max(1, (now.getTime() - oldest) / DAY_MS);
  return total / days;
}

/**
 * Whole days until the vault is full at `mbPerDay`: 0 when it already is, null without growth.
 * With auto-expand the vault grows instead of filling, which the caller says beside the figure.
 */
export function daysLeft(
  vault: { sizeGb: number; usedMb: number },
  mbPerDay: number | null,
): number | null {
  const freeMb = vault.sizeGb * 1024 - vault.usedMb;
  if (freeMb <= 0) return 0;
  if (mbPerDay === null || mbPerDay <= 0) return null;
  return Math.floor(freeMb / mbPerDay);
}

/** The project's total from the vault summary (`size` GB, `used_size` MB) as a share. */
export function usedShare(sizeGb: number, usedMb: number): number {
  if (sizeGb <= 0) return 0;
  return Math.min(1, usedMb / (sizeGb * 1024));
}

/**
 * Growth in MB per day estimated from what the CBR API gives: a backup's own size is in no answer,
 * but each resource's backups in the vault are counted and summed (`backup_count`, `backup_size`).
 * Each backup of the window counts at its resource's average size. Null without recent backups.
 */
export function estimatedGrowthMbPerDay(
  resources: readonly ResourceUsage[],
  recent: readonly { resourceId: string; createdAt: string }[],
  now: Date,
  windowDays: number = GROWTH_WINDOW_DAYS,
): number | null {
  const average = new Map(
    resources
      .filter((r) => r.backupCount > 0)
      .map((r) => [r.id, r.backupSizeMb / r.backupCount] as const),
  );
  return growthMbPerDay(
    recent.flatMap((b) => {
      const sizeMb = average.get(b.resourceId);
      return sizeMb === undefined ? [] : [{ createdAt: b.createdAt, sizeMb }];
    }),
    now,
    windowDays,
  );
}
