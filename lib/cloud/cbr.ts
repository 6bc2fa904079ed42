import "server-only";
import { z } from "zod";
import type { CloudContext } from "./context";
import {
  type CbrBackup,
  type CbrCheckpoint,
  type CbrPolicy,
  cbrBackupListSchema,
  cbrBackupResponseSchema,
  cbrCheckpointResponseSchema,
  cbrPolicyListSchema,
  cbrPolicyResponseSchema,
  cbrRestoreResponseSchema,
  type OperationLog,
  operationLogListSchema,
  operationLogResponseSchema,
  type Vault,
  vaultListSchema,
  vaultPolicyBindingSchema,
  vaultResponseSchema,
} from "./schemas/cbr";
import { pickQuery, serviceCall } from "./service";
import { param } from "./url";

export type Page<T> = { items: T[]; count?: number; limit?: number; offset?: number };

// ---------- vaults ----------

export type VaultQuery = {
  limit?: number;
  offset?: number;
  name?: string;
  cloud_type?: "public" | "hybrid";
  protect_type?: "backup" | "replication";
  object_type?: string;
  enterprise_project_id?: string;
  /** Repeated: `id=a&id=b`. */
  id?: readonly string[];
  policy_id?: string;
  status?: string;
  resource_ids?: string;
};
const VAULT_KEYS = [
  "limit",
  "offset",
  "name",
  "cloud_type",
  "protect_type",
  "object_type",
  "enterprise_project_id",
  "id",
  "policy_id",
  "status",
  "resource_ids",
] as const;

/** `GET /vaults`. */
export async function listVaults(ctx: CloudContext, query?: VaultQuery): Promise<Page<Vault>> {
  const data = await serviceCall(ctx, "cbr", "GET", ["vaults"], {
    query: pickQuery(query, VAULT_KEYS),
    schema: vaultListSchema,
  });
  return page(data.vaults, data);
}

const summarySchema = z.object({ size: z.number().catch(0), used_size: z.number().catch(0) });

/** `GET /vaults/summary`: the project's vaults together, capacity in GB and use in MB. */
export async function getVaultSummary(
  ctx: CloudContext,
): Promise<{ sizeGb: number; usedMb: number }> {
  const data = await serviceCall(ctx, "cbr", "GET", ["vaults", "summary"], {
    schema: summarySchema,
  });
  return { sizeGb: data.size, usedMb: data.used_size };
}

/** `GET /vaults/{vault_id}`. */
export async function getVault(ctx: CloudContext, vaultId: string): Promise<Vault> {
  const data = await serviceCall(ctx, "cbr", "GET", ["vaults", param("vault_id", vaultId)], {
    schema: vaultResponseSchema,
  });
  return data.vault;
}

/** The fields of `POST /vaults` the console sends (VaultCreate; a pay-per-use backup vault). */
export type CreateVaultBody = {
  name: string;
  description?: string;
  billing: {
    cloud_type: "public";
    consistent_level: "crash_consistent" | "app_consistent";
    object_type: "server" | "disk";
    protect_type: "backup";
    size: number;
    charging_mode: "post_paid";
  };
  resources: { id: string; type: string }[];
  backup_policy_id?: string;
  auto_expand?: boolean;
  auto_bind?: boolean;
  bind_rules?: { tags: { key: string; value: string }[] };
  tags?: { key: string; value: string }[];
};

/** `POST /vaults`: the vault with its first resources, policy binding and tags in one request. */
export async function createVault(ctx: CloudContext, body: CreateVaultBody): Promise<Vault> {
  const data = await serviceCall(ctx, "cbr", "POST", ["vaults"], {
    body: { vault: body },
    schema: vaultResponseSchema,
  });
  return data.vault;
}

/** The fields of `PUT /vaults/{vault_id}` the console changes (UpdateVault). */
export type UpdateVaultBody = {
  name?: string;
  billing?: { size?: number };
  auto_expand?: boolean;
  /** Backup locking: false → true only; the cloud refuses the way back. */
  locked?: boolean;
  auto_bind?: boolean;
  bind_rules?: { tags: { key: string; value: string }[] };
};

/** `PUT /vaults/{vault_id}`: rename, resize, auto-expand, locking. */
export async function updateVault(
  ctx: CloudContext,
  vaultId: string,
  body: UpdateVaultBody,
): Promise<Vault> {
  const data = await serviceCall(ctx, "cbr", "PUT", ["vaults", param("vault_id", vaultId)], {
    body: { vault: body },
    schema: vaultResponseSchema,
  });
  return data.vault;
}

/**
 * `POST /vault/{vault_id}/tags/action`: `create` adds the tags (a key already there takes the new
 * value), `delete` removes them by key.
 */
export async function vaultTagAction(
  ctx: CloudContext,
  vaultId: string,
  action: "create" | "delete",
  tags: readonly { key: string; value: string }[],
): Promise<void> {
  await serviceCall(ctx, "cbr", "POST", ["vault", param("vault_id", vaultId), "tags", "action"], {
    body: { action, tags: tags.map((t) => ({ key: t.key, value: t.value })) },
  });
}

/** `DELETE /vaults/{vault_id}`: the vault and every backup in it (asynchronous on the cloud). */
export async function deleteVault(ctx: CloudContext, vaultId: string): Promise<void> {
  await serviceCall(ctx, "cbr", "DELETE", ["vaults", param("vault_id", vaultId)]);
}

const removedSchema = z.object({ remove_resource_ids: z.array(z.string()).catch([]) });

/** `POST /vaults/{vault_id}/removeresources`: the resources leave and their backups are deleted. */
export async function removeVaultResources(
  ctx: CloudContext,
  vaultId: string,
  resourceIds: readonly string[],
): Promise<string[]> {
  const data = await serviceCall(
    ctx,
    "cbr",
    "POST",
    ["vaults", param("vault_id", vaultId), "removeresources"],
    { body: { resource_ids: [...resourceIds] }, schema: removedSchema },
  );
  return data.remove_resource_ids;
}

const protectableSchema = z.object({
  id: z.string(),
  name: z.string().catch(""),
  type: z.string().catch(""),
  size: z.number().optional().catch(undefined),
  status: z.string().optional().catch(undefined),
  children: z
    .array(
      z.object({
        id: z.string(),
        name: z.string().catch(""),
        size: z.number().optional().catch(undefined),
      }),
    )
    .catch([]),
  protectable: z
    .object({
      result: z.boolean().catch(false),
      code: z.string().optional().catch(undefined),
      reason: z.string().optional().catch(undefined),
      vault: z
        .object({ id: z.string(), name: z.string().optional() })
        .nullable()
        .optional()
        .catch(null),
    })
    .optional()
    .catch(undefined),
});
export type Protectable = z.infer<typeof protectableSchema>;
const protectableListSchema = z.object({ instances: z.array(protectableSchema).catch([]) });

/**
 * `GET /protectables/{protectable_type}/instances`: what can go in a vault of that type, and for
 * each whether it can now (`protectable.result`), or why not, with the vault that already holds it.
 */
export async function listProtectables(
  ctx: CloudContext,
  type: "server" | "disk",
  query: { name?: string; limit?: number; offset?: number } = {},
): Promise<Protectable[]> {
  const data = await serviceCall(ctx, "cbr", "GET", ["protectables", type, "instances"], {
    query: pickQuery(query, ["name", "limit", "offset"] as const),
    schema: protectableListSchema,
  });
  return data.instances;
}

/** `POST /vaults/{vault_id}/addresources`. */
export async function addVaultResources(
  ctx: CloudContext,
  vaultId: string,
  resources: readonly { id: string; type: string }[],
): Promise<string[]> {
  const data = await serviceCall(
    ctx,
    "cbr",
    "POST",
    ["vaults", param("vault_id", vaultId), "addresources"],
    {
      body: { resources: resources.map((r) => ({ id: r.id, type: r.type })) },
      schema: z.object({ add_resource_ids: z.array(z.string()).catch([]) }),
    },
  );
  return data.add_resource_ids;
}

/** `POST /vaults/{vault_id}/migrateresources`: from this vault to another, with their backups. */
export async function migrateVaultResources(
  ctx: CloudContext,
  sourceVaultId: string,
  destinationVaultId: string,
  resourceIds: readonly string[],
): Promise<void> {
  await serviceCall(
    ctx,
    "cbr",
    "POST",
    ["vaults", param("vault_id", sourceVaultId), "migrateresources"],
    { body: { destination_vault_id: destinationVaultId, resource_ids: [...resourceIds] } },
  );
}

function page<T>(
  items: T[],
  meta: { count?: number | undefined; limit?: number | undefined; offset?: number | undefined },
): Page<T> {
  return {
    items,
    ...(meta.count !== undefined ? { count: meta.count } : {}),
    ...(meta.limit !== undefined ? { limit: meta.limit } : {}),
    ...(meta.offset !== undefined ? { offset: meta.offset } : {}),
  };
}

// ---------- backups ----------

export type CbrBackupQuery = {
  vault_id?: string;
  resource_id?: string;
  resource_name?: string;
  resource_type?: "OS::Nova::Server" | "OS::Cinder::Volume" | "OS::Sfs::Turbo";
  resource_az?: string;
  checkpoint_id?: string;
  parent_id?: string;
  name?: string;
  image_type?: string;
  /** Repeated: `status=available&status=error`. */
  status?: readonly string[];
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  start_time?: string;
  end_time?: string;
  limit?: number;
  offset?: number;
  marker?: string;
  sort?: string;
  own_type?: "private" | "shared" | "all_granted";
  member_status?: "pending" | "accepted" | "rejected";
  used_percent?: string;
  dec?: boolean;
};
const BACKUP_KEYS = [
  "vault_id",
  "resource_id",
  "resource_name",
  "resource_type",
  "resource_az",
  "checkpoint_id",
  "parent_id",
  "name",
  "image_type",
  "status",
  "start_time",
  "end_time",
  "limit",
  "offset",
  "marker",
  "sort",
  "own_type",
  "member_status",
  "used_percent",
  "dec",
] as const;

/** `GET /backups`: offset-paged. */
export async function listBackups(
  ctx: CloudContext,
  query?: CbrBackupQuery,
): Promise<Page<CbrBackup>> {
  const data = await serviceCall(ctx, "cbr", "GET", ["backups"], {
    query: pickQuery(query, BACKUP_KEYS),
    schema: cbrBackupListSchema,
  });
  return page(data.backups, data);
}

export async function getBackup(ctx: CloudContext, backupId: string): Promise<CbrBackup> {
  const data = await serviceCall(ctx, "cbr", "GET", ["backups", param("backup_id", backupId)], {
    schema: cbrBackupResponseSchema,
  });
  return data.backup;
}

/** `PUT /backups/{backup_id}` `{"backup":{"name"}}` (name: 1–64 of `[A-Za-z0-9_-]`). */
export async function renameBackup(
  ctx: CloudContext,
  backupId: string,
  name: string,
): Promise<CbrBackup> {
  const data = await serviceCall(ctx, "cbr", "PUT", ["backups", param("backup_id", backupId)], {
    body: { backup: { name } },
    schema: cbrBackupResponseSchema,
  });
  return data.backup;
}

/**
 * `DELETE /backups/{backup_id}`: 204 with no body. The deletion runs on in the cloud (the backup
 * shows `deleting`, then is gone); a `delete` operation log follows it.
 */
export async function deleteBackup(ctx: CloudContext, backupId: string): Promise<void> {
  await serviceCall(ctx, "cbr", "DELETE", ["backups", param("backup_id", backupId)]);
}

export type CbrRestoreInput =
  | {
      /** Server restore: each disk backup (`children[].id`) onto a volume of the server. */
      server_id: string;
      mappings: readonly { backup_id: string; volume_id: string }[];
      /** Always sent explicitly (the cloud defaults to true). */
      power_on: boolean;
    }
  | {
      /** Disk restore. */
      volume_id: string;
    };

/** `POST /backups/{backup_id}/restore`; Huawei answers `{job_id}`, OTC nothing. */
export async function restoreBackup(
  ctx: CloudContext,
  backupId: string,
  input: CbrRestoreInput,
): Promise<{ job_id?: string | undefined }> {
  const restore =
    "server_id" in input
      ? {
          server_id: input.server_id,
          power_on: input.power_on,
          mappings: input.mappings.map((m) => ({ backup_id: m.backup_id, volume_id: m.volume_id })),
        }
      : { volume_id: input.volume_id };
  return serviceCall(ctx, "cbr", "POST", ["backups", param("backup_id", backupId), "restore"], {
    body: { restore },
    schema: cbrRestoreResponseSchema,
  });
}

// ---------- checkpoints (vault backups) ----------

export type CbrCheckpointInput = {
  vault_id: string;
  parameters?: {
    name?: string;
    description?: string;
    incremental?: boolean;
    auto_trigger?: boolean;
    resources?: readonly string[];
    resource_details?: readonly { id: string; type: string; name?: string }[];
  };
};

/** `POST /checkpoints`: back up a vault (or some of its resources) now. */
export async function createCheckpoint(
  ctx: CloudContext,
  input: CbrCheckpointInput,
): Promise<CbrCheckpoint> {
  const p = input.parameters;
  const parameters: Record<string, unknown> = {};
  if (p?.name !== undefined) parameters.name = p.name;
  if (p?.description !== undefined) parameters.description = p.description;
  if (p?.incremental !== undefined) parameters.incremental = p.incremental;
  if (p?.auto_trigger !== undefined) parameters.auto_trigger = p.auto_trigger;
  if (p?.resources !== undefined) parameters.resources = [...p.resources];
  if (p?.resource_details !== undefined) {
    parameters.resource_details = p.resource_details.map((r) => ({
      id: r.id,
      type: r.type,
      ...(r.name !== undefined ? { name: r.name } : {}),
    }));
  }
  const data = await serviceCall(ctx, "cbr", "POST", ["checkpoints"], {
    body: {
      checkpoint: {
        vault_id: input.vault_id,
        ...(p !== undefined ? { parameters } : {}),
      },
    },
    schema: cbrCheckpointResponseSchema,
  });
  return data.checkpoint;
}

export async function getCheckpoint(
  ctx: CloudContext,
  checkpointId: string,
): Promise<CbrCheckpoint> {
  const data = await serviceCall(
    ctx,
    "cbr",
    "GET",
    ["checkpoints", param("checkpoint_id", checkpointId)],
    { schema: cbrCheckpointResponseSchema },
  );
  return data.checkpoint;
}

// ---------- tasks (operation logs) ----------

export type OperationLogQuery = {
  operation_type?:
    | "backup"
    | "delete"
    | "restore"
    | "vault_delete"
    | "remove_resource"
    | "sync"
    | "replication";
  status?: "success" | "skipped" | "failed" | "running" | "timeout" | "waiting";
  resource_id?: string;
  resource_name?: string;
  vault_id?: string;
  vault_name?: string;
  provider_id?: string;
  start_time?: string;
  end_time?: string;
  limit?: number;
  offset?: number;
};
const LOG_KEYS = [
  "operation_type",
  "status",
  "resource_id",
  "resource_name",
  "vault_id",
  "vault_name",
  "provider_id",
  "start_time",
  "end_time",
  "limit",
  "offset",
] as const;

export async function listOperationLogs(
  ctx: CloudContext,
  query?: OperationLogQuery,
): Promise<Page<OperationLog>> {
  const data = await serviceCall(ctx, "cbr", "GET", ["operation-logs"], {
    query: pickQuery(query, LOG_KEYS),
    schema: operationLogListSchema,
  });
  return page(data.operation_logs, data);
}

export async function getOperationLog(ctx: CloudContext, logId: string): Promise<OperationLog> {
  const data = await serviceCall(
    ctx,
    "cbr",
    "GET",
    ["operation-logs", param("operation_log_id", logId, "token")],
    { schema: operationLogResponseSchema },
  );
  return data.operation_log;
}

// ---------- policies ----------

export type CbrPolicyQuery = { operation_type?: "backup" | "replication"; vault_id?: string };

/** `GET /policies` (filters `operation_type`, `vault_id`; the reference pages nothing). */
export async function listCbrPolicies(
  ctx: CloudContext,
  query?: CbrPolicyQuery,
): Promise<CbrPolicy[]> {
  const data = await serviceCall(ctx, "cbr", "GET", ["policies"], {
    query: pickQuery(query, ["operation_type", "vault_id"] as const),
    schema: cbrPolicyListSchema,
  });
  return data.policies;
}

export async function getCbrPolicy(ctx: CloudContext, policyId: string): Promise<CbrPolicy> {
  const data = await serviceCall(ctx, "cbr", "GET", ["policies", param("policy_id", policyId)], {
    schema: cbrPolicyResponseSchema,
  });
  return data.policy;
}

/** The body under `policy` of a create (checked by lib/schemas/cbr-policy before it is sent). */
export type CbrPolicyBody = {
  name?: string;
  enabled?: boolean;
  operation_type?: "backup" | "replication";
  operation_definition?: Record<string, number | string>;
  trigger?: { properties: { pattern: string[] } };
};

/** `POST /policies`. */
export async function createCbrPolicy(ctx: CloudContext, body: CbrPolicyBody): Promise<CbrPolicy> {
  const data = await serviceCall(ctx, "cbr", "POST", ["policies"], {
    body: { policy: body },
    schema: cbrPolicyResponseSchema,
  });
  return data.policy;
}

/** `PUT /policies/{id}`: only the fields sent change (`operation_type` is not accepted). */
export async function updateCbrPolicy(
  ctx: CloudContext,
  policyId: string,
  body: Omit<CbrPolicyBody, "operation_type">,
): Promise<CbrPolicy> {
  const data = await serviceCall(ctx, "cbr", "PUT", ["policies", param("policy_id", policyId)], {
    body: { policy: body },
    schema: cbrPolicyResponseSchema,
  });
  return data.policy;
}

/** `DELETE /policies/{id}` (204). */
export async function deleteCbrPolicy(ctx: CloudContext, policyId: string): Promise<void> {
  await serviceCall(ctx, "cbr", "DELETE", ["policies", param("policy_id", policyId)], {});
}

/** `POST /vaults/{id}/associatepolicy`. */
export async function associateVaultPolicy(
  ctx: CloudContext,
  vaultId: string,
  policyId: string,
  destinationVaultId?: string,
): Promise<{ vault_id?: string | undefined; policy_id?: string | undefined }> {
  const data = await serviceCall(
    ctx,
    "cbr",
    "POST",
    ["vaults", param("vault_id", vaultId), "associatepolicy"],
    {
      body: {
        policy_id: policyId,
        ...(destinationVaultId ? { destination_vault_id: destinationVaultId } : {}),
      },
      schema: z.object({ associate_policy: vaultPolicyBindingSchema }),
    },
  );
  return data.associate_policy;
}

/** `POST /vaults/{id}/dissociatepolicy`. */
export async function dissociateVaultPolicy(
  ctx: CloudContext,
  vaultId: string,
  policyId: string,
): Promise<{ vault_id?: string | undefined; policy_id?: string | undefined }> {
  const data = await serviceCall(
    ctx,
    "cbr",
    "POST",
    ["vaults", param("vault_id", vaultId), "dissociatepolicy"],
    {
      body: { policy_id: policyId },
      schema: z.object({ dissociate_policy: vaultPolicyBindingSchema }),
    },
  );
  return data.dissociate_policy;
}

export type {
  CbrBackup,
  CbrBackupChild,
  CbrCheckpoint,
  CbrPolicy,
  OperationLog,
  Vault,
} from "./schemas/cbr";
