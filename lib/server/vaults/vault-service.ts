import "server-only";
import { z } from "zod";
import {
  type CbrBackup,
  type CbrCheckpoint,
  getVaultSummary,
  listBackups,
  listCbrPolicies,
  listOperationLogs,
  type Vault,
} from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import { CloudError } from "@/lib/cloud/errors";
import { vaultSchema } from "@/lib/cloud/schemas/cbr";
import { tagSchema } from "@/lib/cloud/schemas/common";
import { pickQuery, serviceCall } from "@/lib/cloud/service";
import { param } from "@/lib/cloud/url";
import type { BackupRow } from "@/lib/schemas/backups";
import type { CheckpointView, VaultView } from "@/lib/schemas/vault";
import { daysLeft, estimatedGrowthMbPerDay, GROWTH_WINDOW_DAYS } from "@/lib/vaults/usage";

const listSchema = z.object({
  vaults: z.array(vaultSchema),
  count: z.number().optional().catch(undefined),
});
const oneSchema = z.object({ vault: vaultSchema });

/** CBR names a vault's policies on the policy (`associated_vaults`); a vault has no policy field. */
export type VaultPolicyIndex = Map<string, { id: string; name: string; enabled: boolean }>;

export async function backupPolicyIndex(cloud: CloudContext): Promise<VaultPolicyIndex> {
  const policies = await listCbrPolicies(cloud, { operation_type: "backup" });
  const index: VaultPolicyIndex = new Map();
  for (const policy of policies) {
    for (const binding of policy.associated_vaults ?? []) {
      index.set(binding.vault_id, {
        id: policy.id,
        name: policy.name ?? policy.id,
        enabled: policy.enabled ?? true,
      });
    }
  }
  return index;
}

const LIST_KEYS = ["limit", "offset", "name", "status", "object_type"] as const;

export async function listVaultViews(
  cloud: CloudContext,
  query: { limit: number; offset: number; name?: string; status?: string; object_type?: string },
  { forecasts = false }: { forecasts?: boolean } = {},
): Promise<{ vaults: VaultView[]; count: number }> {
  const [data, policies] = await Promise.all([
    serviceCall(cloud, "cbr", "GET", ["vaults"], {
      query: pickQuery(query, LIST_KEYS),
      schema: listSchema,
    }),
    backupPolicyIndex(cloud),
  ]);
  const vaults = data.vaults.map((v) => toVaultView(v, policies));
  return {
    vaults: forecasts ? await withForecasts(cloud, vaults) : vaults,
    count: data.count ?? query.offset + data.vaults.length,
  };
}

const FORECAST_PAGE = 1000;
const FORECAST_PAGES = 5;

/**
 * Each vault's days left at the pace of the last 14 days: the project's backups of that window
 * (one listing for all vaults, a few pages at most), each at its resource's average size. A figure
 * beside the list: when the backups cannot be read, the vaults come without it.
 */
async function withForecasts(cloud: CloudContext, vaults: VaultView[]): Promise<VaultView[]> {
  if (vaults.length === 0) return vaults;
  const now = new Date();
  const since = new Date(now.getTime() - GROWTH_WINDOW_DAYS * 86_400_000);
  const recent = new Map<string, { resourceId: string; createdAt: string }[]>();
  try {
    for (let page = 0; page < FORECAST_PAGES; page++) {
      const { items } = await listBackups(cloud, {
        start_time: `${since.toISOString().slice(0, 19)}Z`,
        limit: FORECAST_PAGE,
        offset: page * FORECAST_PAGE,
      });
      for (const b of items) {
        if (!b.vault_id || !b.resource_id || !b.created_at) continue;
        const list = recent.get(b.vault_id) ?? [];
        list.push({ resourceId: b.resource_id, createdAt: b.created_at });
        recent.set(b.vault_id, list);
      }
      if (items.length < FORECAST_PAGE) break;
    }
  } catch (error) {
    if (error instanceof CloudError && error.status === 401) throw error;
    return vaults;
  }
  return vaults.map((vault) => {
    const usage = vault.resources.map((r) => ({
      id: r.id,
      backupCount: r.backupCount ?? 0,
      backupSizeMb: r.backupSizeMb ?? 0,
    }));
    const mbPerDay = estimatedGrowthMbPerDay(usage, recent.get(vault.id) ?? [], now);
    const left =
      vault.capacityGb === undefined || vault.usedMb === undefined
        ? null
        : daysLeft({ sizeGb: vault.capacityGb, usedMb: vault.usedMb }, mbPerDay);
    return { ...vault, forecast: { mbPerDay, daysLeft: left } };
  });
}

/**
 * The project's vaults together, from the cloud's summary. A figure beside the list, not the list:
 * when the summary cannot be read the list is still shown, without it.
 */
export async function projectVaultTotal(
  cloud: CloudContext,
): Promise<{ capacityGb: number; usedMb: number } | undefined> {
  try {
    const summary = await getVaultSummary(cloud);
    return { capacityGb: summary.sizeGb, usedMb: summary.usedMb };
  } catch (error) {
    if (error instanceof CloudError && error.status === 401) throw error;
    return undefined;
  }
}

export async function getVaultView(cloud: CloudContext, vaultId: string): Promise<VaultView> {
  const [data, policies] = await Promise.all([
    serviceCall(cloud, "cbr", "GET", ["vaults", param("vault_id", vaultId)], {
      schema: oneSchema,
    }),
    backupPolicyIndex(cloud),
  ]);
  return toVaultView(data.vault, policies);
}

export function toVaultView(vault: Vault, policies: VaultPolicyIndex = new Map()): VaultView {
  const billing = vault.billing;
  const policy = policies.get(vault.id);
  return {
    id: vault.id,
    name: vault.name ?? vault.id,
    description: vault.description ?? "",
    type: billing?.object_type ?? "",
    status: billing?.status ?? "",
    ...(billing?.size !== undefined ? { capacityGb: billing.size } : {}),
    ...(billing?.used !== undefined ? { usedMb: billing.used } : {}),
    policyId: policy?.id ?? null,
    ...(policy ? { policyName: policy.name, policyEnabled: policy.enabled } : {}),
    locked: vault.locked ?? false,
    autoExpand: vault.auto_expand ?? false,
    ...(vault.created_at ? { createdAt: vault.created_at } : {}),
    resources: vault.resources.map((r) => ({
      id: r.id,
      name: r.name ?? r.id,
      type: r.type ?? "",
      ...(r.protect_status ? { protectStatus: r.protect_status } : {}),
      ...(r.size !== undefined ? { sizeGb: r.size } : {}),
      ...(r.backup_size !== undefined ? { backupSizeMb: r.backup_size } : {}),
      ...(r.backup_count !== undefined ? { backupCount: r.backup_count } : {}),
    })),
    tags: plainTags(vault.tags),
    autoBind: vault.auto_bind ?? false,
    bindRules: plainTags(bindRulesOf(vault)),
  };
}

function plainTags(tags: readonly { key?: string | undefined; value?: string | undefined }[] = []) {
  return tags.flatMap((t) => (t.key ? [{ key: t.key, value: t.value ?? "" }] : []));
}

/** `bind_rules` is `{tags: [{key, value}]}` in the documents; anything else reads as no rule. */
const bindRulesSchema = z.object({ tags: z.array(tagSchema).catch([]) }).catch({ tags: [] });
function bindRulesOf(vault: Vault) {
  return bindRulesSchema.parse(vault.bind_rules ?? {}).tags;
}

export function toCheckpointView(checkpoint: CbrCheckpoint): CheckpointView {
  const vault = checkpoint.vault;
  return {
    id: checkpoint.id,
    status: checkpoint.status ?? "",
    ...(checkpoint.created_at ? { createdAt: checkpoint.created_at } : {}),
    ...(checkpoint.extra_info?.name ? { name: checkpoint.extra_info.name } : {}),
    ...(checkpoint.extra_info?.description
      ? { description: checkpoint.extra_info.description }
      : {}),
    ...(vault?.id ? { vault: { id: vault.id, name: vault.name ?? vault.id } } : {}),
    resources: (vault?.resources ?? []).map((r) => ({
      id: r.id,
      name: r.name ?? r.id,
      type: r.type ?? "",
      ...(r.resource_size !== undefined ? { sizeGb: r.resource_size } : {}),
    })),
    skipped: (vault?.skipped_resources ?? []).map((s) => ({
      id: s.id ?? "",
      name: s.name ?? s.id ?? "",
      type: s.type ?? "",
      code: s.code ?? "",
      reason: s.reason ?? "",
    })),
  };
}

/**
 * A vault's backup as a row of the shared backups shape, with the progress of its running task:
 * CBR backups carry no progress of their own, their operation log does.
 */
export function vaultBackupRow(
  backup: CbrBackup,
  progressByBackup: ReadonlyMap<string, number>,
): BackupRow {
  const info = backup.extend_info;
  const progress = progressByBackup.get(backup.id);
  const row: BackupRow = {
    id: backup.id,
    service: "cbr",
    name: backup.name ?? "",
    status: backup.status,
  };
  if (backup.vault_id) row.vaultId = backup.vault_id;
  if (backup.checkpoint_id) row.checkpointId = backup.checkpoint_id;
  if (progress !== undefined) row.progress = progress;
  if (backup.resource_id) row.serverId = backup.resource_id;
  if (backup.resource_name) row.serverName = backup.resource_name;
  if (backup.resource_type) row.resourceType = backup.resource_type;
  const auto = info?.auto_trigger;
  if (auto !== undefined) row.auto = auto;
  const incremental = backup.incremental ?? info?.incremental;
  if (incremental !== undefined) row.incremental = incremental;
  if (backup.resource_size !== undefined) row.resourceSizeGb = backup.resource_size;
  if (backup.created_at) row.createdAt = backup.created_at;
  if (backup.protected_at) row.finishedAt = backup.protected_at;
  return row;
}

/** Backup id → progress (0–100) of the vault's running backup tasks. */
export async function runningProgress(
  cloud: CloudContext,
  vaultId: string,
): Promise<Map<string, number>> {
  const logs = await listOperationLogs(cloud, {
    vault_id: vaultId,
    operation_type: "backup",
    status: "running",
    limit: 100,
  });
  const map = new Map<string, number>();
  for (const log of logs.items) {
    const id = log.extra_info?.backup?.backup_id;
    const progress = log.extra_info?.common?.progress;
    if (id && progress !== undefined) map.set(id, progress);
  }
  return map;
}
