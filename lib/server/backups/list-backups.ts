import "server-only";
import { type CbrBackupQuery, listBackups, listVaults } from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import {
  type CheckpointItemFilter,
  countCheckpointItems,
  listCheckpointItems,
  listPolicies,
} from "@/lib/cloud/csbs";
import {
  type BackupListResponse,
  type BackupSearch,
  cloudFilter,
  cloudPage,
  type DroppedParam,
} from "@/lib/schemas/backups";
import { rememberLookup } from "@/lib/server/cloud-context";
import { cbrRow, csbsRow, policyByServer } from "./backup-rows";

/**
 * One page of backups for a view: the page itself (limit + offset), the total (CSBS: its count
 * operation; CBR: the list's own count) and the policies or vaults to name, all at once. The names
 * come from a list remembered for a few seconds per session (lib/server/cloud-context): the page
 * polls while something runs, and policies and vaults change far less often than backups.
 */
export async function listBackupPage(
  cloud: CloudContext,
  search: BackupSearch,
  dropped: DroppedParam[] = [],
): Promise<BackupListResponse> {
  const filter = cloudFilter(search);
  const page = cloudPage(search);
  if (search.service === "csbs") {
    const csbsFilter = filter as CheckpointItemFilter;
    const [list, total, policies] = await Promise.all([
      listCheckpointItems(cloud, { ...csbsFilter, ...page }),
      countCheckpointItems(cloud, csbsFilter),
      rememberLookup(cloud, "csbs-policies", (c) => listPolicies(c, { limit: 1000 })),
    ]);
    const byServer = policyByServer(policies);
    return {
      items: list.items.map((item) => csbsRow(item, byServer)),
      total,
      page: search.page,
      size: search.size,
      groups: policies.map((p) => ({ id: p.id, name: p.name })),
      dropped,
    };
  }
  const [list, vaults] = await Promise.all([
    listBackups(cloud, { ...(filter as CbrBackupQuery), ...page }),
    rememberLookup(cloud, "cbr-vaults", (c) => listVaults(c, { limit: 1000 })),
  ]);
  const names = new Map(vaults.items.map((v) => [v.id, v.name ?? v.id]));
  return {
    items: list.items.map((backup) => cbrRow(backup, names)),
    total: list.count ?? page.offset + list.items.length,
    page: search.page,
    size: search.size,
    groups: vaults.items.map((v) => ({ id: v.id, name: v.name ?? v.id })),
    dropped,
  };
}
