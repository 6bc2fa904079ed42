import { type StatusTone, statusMeta } from "@/components/status/status-meta";
import type { BackupService, OverviewResponse } from "@/lib/schemas/backups";

/** The text colour of each status tone, on the overview's and the wall's tiles. */
export const TONE_TEXT: Record<StatusTone, string> = {
  success: "text-success",
  info: "text-info",
  warning: "text-warning",
  muted: "text-muted-foreground",
  danger: "text-destructive",
};

/** The tiles: each running pair folded into one, so that the numbers fit a tablet's width. */
const TILES: { status: string; include: readonly string[] }[] = [
  { status: "available", include: ["available"] },
  { status: "protecting", include: ["waiting_protect", "protecting"] },
  { status: "restoring", include: ["waiting_restore", "restoring"] },
  { status: "deleting", include: ["waiting_delete", "deleting"] },
  { status: "error", include: ["error"] },
];

export type OverviewTile = {
  status: string;
  /** Both services together. */
  count: number;
  /** Each service's share, the larger first: a tile of a tenant with both says how it splits. */
  parts: { service: BackupService; count: number }[];
  meta: ReturnType<typeof statusMeta>;
  /** Failed backups on the tile: the wall paints it red. */
  alarming: boolean;
  /**
   * The backups list of the service with the larger share (CSBS filters one status at a time, so
   * a folded tile opens its main state there; CBR takes the tile's states together).
   */
  href: string;
};

export function overviewTiles(data: Pick<OverviewResponse, "counts">): OverviewTile[] {
  return TILES.map((tile) => {
    const countOf = (service: BackupService) =>
      data.counts
        .filter((c) => c.service === service && tile.include.includes(c.status))
        .reduce((sum, c) => sum + c.count, 0);
    const parts = (["csbs", "cbr"] as const)
      .map((service) => ({ service, count: countOf(service) }))
      .filter((p) => p.count > 0)
      .sort((a, b) => b.count - a.count);
    const count = parts.reduce((sum, p) => sum + p.count, 0);
    const hasCbr = data.counts.some((c) => c.service === "cbr");
    const hasCsbs = data.counts.some((c) => c.service === "csbs");
    // An empty tile opens the service the tenant has (CBR when it has no CSBS).
    const service = parts[0]?.service ?? (hasCsbs || !hasCbr ? "csbs" : "cbr");
    const params = new URLSearchParams();
    if (service === "cbr") {
      params.set("service", "cbr");
      for (const status of tile.include) params.append("status", status);
    } else {
      params.set("status", tile.status);
    }
    return {
      status: tile.status,
      count,
      parts,
      meta: statusMeta(tile.status),
      alarming: tile.status === "error" && count > 0,
      href: `/backups?${params.toString()}`,
    };
  });
}

type Quota = OverviewResponse["quotas"][number];

/** The two quotas the overview draws as gauges, when the cloud reports them. */
export function overviewQuotas(data: Pick<OverviewResponse, "quotas">): {
  backups: Quota | undefined;
  capacity: Quota | undefined;
} {
  return {
    backups: data.quotas.find((q) => q.type === "backups"),
    capacity: data.quotas.find((q) => q.type === "backup_capacity"),
  };
}

/** What a view shows of a list, and how many more there are behind the "more" line. */
export function firstOf<T>(items: readonly T[], shown: number): { items: T[]; more: number } {
  return { items: items.slice(0, shown), more: Math.max(0, items.length - shown) };
}
