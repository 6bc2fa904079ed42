import "server-only";
import type { CloudContext } from "./context";
import { nextMarker } from "./schemas/common";
import {
  type CheckpointItem,
  type CsbsCheckpoint,
  checkpointItemListSchema,
  checkpointItemResponseSchema,
  countSchema,
  csbsCheckpointResponseSchema,
  type Policy,
  policyListSchema,
  policyResponseSchema,
  protectableResponseSchema,
  type Quota,
  quotasResponseSchema,
  type ResourceCheckResult,
  type Restore,
  restorableResponseSchema,
  restoreResponseSchema,
} from "./schemas/csbs";
import { pickQuery, serviceCall } from "./service";
import { encodeParam, param } from "./url";

/** The one CSBS provider (cloud server backup). */
export const CSBS_PROVIDER_ID = "fc4d5750-22e7-4798-8a46-f48f62c4c1da";
const provider = () => param("provider_id", CSBS_PROVIDER_ID);

/**
 * Whether the project's catalog offers CSBS. A region that ended the service (OTC's, since
 * 2025-08-01) lists no `data-protect` endpoint: its lists read as empty, so that every view shows
 * the CBR truth, and a change is refused with NO_ENDPOINT.
 */
export function csbsOffered(ctx: CloudContext): boolean {
  return ctx.endpoints.csbs !== "";
}

// ---------- backups (checkpoint items) ----------

export type CheckpointItemFilter = {
  status?: string;
  all_tenants?: boolean;
  name?: string;
  az?: string;
  resource_id?: string;
  resource_name?: string;
  /** e.g. "2017-04-18T01:21:52.701973" (UTC, no zone). */
  start_time?: string;
  end_time?: string;
  image_type?: string;
  policy_id?: string;
  ip?: string;
  checkpoint_id?: string;
  resource_type?: string;
};
export type CheckpointItemQuery = CheckpointItemFilter & {
  limit?: number;
  marker?: string;
  offset?: number;
  /** `key[:asc|desc],…` with keys created_at, updated_at, name, status, protected_at, id. */
  sort?: string;
};

const FILTER_KEYS = [
  "status",
  "all_tenants",
  "name",
  "az",
  "resource_id",
  "resource_name",
  "start_time",
  "end_time",
  "image_type",
  "policy_id",
  "ip",
  "checkpoint_id",
  "resource_type",
] as const;
const LIST_KEYS = [...FILTER_KEYS, "limit", "marker", "offset", "sort"] as const;

export type CheckpointItemPage = { items: CheckpointItem[]; nextMarker?: string };

/** `GET /checkpoint_items`: one page of backups. */
export async function listCheckpointItems(
  ctx: CloudContext,
  query?: CheckpointItemQuery,
): Promise<CheckpointItemPage> {
  if (!csbsOffered(ctx)) return { items: [] };
  const data = await serviceCall(ctx, "csbs", "GET", ["checkpoint_items"], {
    query: pickQuery(query, LIST_KEYS),
    schema: checkpointItemListSchema,
  });
  const marker = nextMarker(data.checkpoint_items_links);
  return { items: data.checkpoint_items, ...(marker ? { nextMarker: marker } : {}) };
}

/** `GET /checkpoint_items/count` with the same filters. */
export async function countCheckpointItems(
  ctx: CloudContext,
  filter?: CheckpointItemFilter,
): Promise<number> {
  if (!csbsOffered(ctx)) return 0;
  const data = await serviceCall(ctx, "csbs", "GET", ["checkpoint_items", "count"], {
    query: pickQuery(filter, FILTER_KEYS),
    schema: countSchema,
  });
  return data.count;
}

export async function getCheckpointItem(
  ctx: CloudContext,
  itemId: string,
): Promise<CheckpointItem> {
  const data = await serviceCall(
    ctx,
    "csbs",
    "GET",
    ["checkpoint_items", param("checkpoint_item_id", itemId)],
    { schema: checkpointItemResponseSchema },
  );
  return data.checkpoint_item;
}

export type CreateBackupInput = {
  /** The server to back up. */
  resourceId: string;
  backup_name?: string;
  description?: string;
  /** Absent or true: incremental; false: full (the first backup is always full). */
  incremental?: boolean;
  resource_type?: "OS::Nova::Server" | "OS::Ironic::BareMetalServer";
  /** Disks of the server to leave out. */
  exclude_volumes?: string[];
  /** Tags of the backup (the reference: at most 10; key 1–36, value 0–43 characters). */
  tags?: readonly { key: string; value: string }[];
};

/** `POST /providers/{provider_id}/resources/{resource_id}/action` `{protect}`: back up a server now. */
export async function createCheckpoint(
  ctx: CloudContext,
  input: CreateBackupInput,
): Promise<CsbsCheckpoint> {
  const protect: Record<string, unknown> = {};
  if (input.backup_name !== undefined) protect.backup_name = input.backup_name;
  if (input.description !== undefined) protect.description = input.description;
  if (input.incremental !== undefined) protect.incremental = input.incremental;
  if (input.resource_type !== undefined) protect.resource_type = input.resource_type;
  if (input.tags && input.tags.length > 0) {
    protect.tags = input.tags.map((t) => ({ key: t.key, value: t.value }));
  }
  protect.extra_info =
    input.exclude_volumes && input.exclude_volumes.length > 0
      ? { exclude_volumes: [...input.exclude_volumes] }
      : {};
  const data = await serviceCall(
    ctx,
    "csbs",
    "POST",
    ["providers", provider(), "resources", param("resource_id", input.resourceId), "action"],
    { body: { protect }, schema: csbsCheckpointResponseSchema },
  );
  return data.checkpoint;
}

/** `POST /providers/{provider_id}/checkpoints`: run a policy now (optionally for some servers). */
export async function executePolicy(
  ctx: CloudContext,
  policyId: string,
  options: { resources?: string[] } = {},
): Promise<CsbsCheckpoint> {
  // The id travels in the body, but it must still be one.
  encodeParam("csbs", param("policy_id", policyId));
  const parameters: Record<string, unknown> = { auto_trigger: false };
  if (options.resources) parameters.resources = [...options.resources];
  const data = await serviceCall(ctx, "csbs", "POST", ["providers", provider(), "checkpoints"], {
    body: { checkpoint: { plan_id: policyId, parameters } },
    schema: csbsCheckpointResponseSchema,
  });
  return data.checkpoint;
}

/**
 * `DELETE /providers/{provider_id}/checkpoints/{checkpoint_id}[?checkpoint_items=…]`. Asynchronous:
 * the item goes through waiting_delete/deleting. Without `itemId` every item of the checkpoint goes.
 */
export async function deleteCheckpoint(
  ctx: CloudContext,
  checkpointId: string,
  itemId?: string,
): Promise<void> {
  // Query values cannot escape the path, but a value that is not an id is refused all the same.
  const query =
    itemId === undefined
      ? undefined
      : { checkpoint_items: encodeParam("csbs", param("checkpoint_item_id", itemId)) };
  await serviceCall(
    ctx,
    "csbs",
    "DELETE",
    ["providers", provider(), "checkpoints", param("checkpoint_id", checkpointId)],
    query ? { query } : {},
  );
}

// ---------- capability checks ----------

export type ProtectableCheck = { resource_id: string; resource_type: string };

/** `POST /providers/{provider_id}/resources/action` `{check_protectable}`. */
export async function checkProtectable(
  ctx: CloudContext,
  checks: readonly ProtectableCheck[],
): Promise<ResourceCheckResult[]> {
  const data = await serviceCall(
    ctx,
    "csbs",
    "POST",
    ["providers", provider(), "resources", "action"],
    {
      body: {
        check_protectable: checks.map((c) => ({
          resource_id: c.resource_id,
          resource_type: c.resource_type,
        })),
      },
      schema: protectableResponseSchema,
    },
  );
  return data.protectable;
}

export type VolumeMapping = { backup_id: string; volume_id: string };
export type RestorableCheck = {
  checkpoint_item_id: string;
  target: { resource_id: string; resource_type: string; volumes: readonly VolumeMapping[] };
};

const mapVolumes = (volumes: readonly VolumeMapping[]) =>
  volumes.map((v) => ({ backup_id: v.backup_id, volume_id: v.volume_id }));

/**
 * `POST /providers/{provider_id}/resources/action` `{check_restorable}`: a dry run of a restore.
 * `target` is an object as the table documents (one sample shows an array).
 */
export async function checkRestorable(
  ctx: CloudContext,
  checks: readonly RestorableCheck[],
): Promise<ResourceCheckResult[]> {
  const data = await serviceCall(
    ctx,
    "csbs",
    "POST",
    ["providers", provider(), "resources", "action"],
    {
      body: {
        check_restorable: checks.map((c) => ({
          checkpoint_item_id: c.checkpoint_item_id,
          target: {
            resource_id: c.target.resource_id,
            resource_type: c.target.resource_type,
            volumes: mapVolumes(c.target.volumes),
          },
        })),
      },
      schema: restorableResponseSchema,
    },
  );
  return data.restorable;
}

// ---------- restore ----------

export type RestoreInput = {
  checkpoint_id: string;
  checkpoint_item_id: string;
  /** Always sent explicitly. */
  power_on: boolean;
  server_id: string;
  /** `backup_id` is the disk-level id from `extend_info.volume_backups[].id`. */
  volumes: readonly VolumeMapping[];
  restore_target?: string;
};

/** `POST /restores`: restore a server from a backup, disk by disk. */
export async function restore(ctx: CloudContext, input: RestoreInput): Promise<Restore> {
  const body = {
    restore: {
      provider_id: CSBS_PROVIDER_ID,
      checkpoint_id: input.checkpoint_id,
      ...(input.restore_target !== undefined ? { restore_target: input.restore_target } : {}),
      parameters: {
        checkpoint_item_id: input.checkpoint_item_id,
        power_on: input.power_on,
        targets: { server_id: input.server_id, volumes: mapVolumes(input.volumes) },
      },
    },
  };
  const data = await serviceCall(ctx, "csbs", "POST", ["restores"], {
    body,
    schema: restoreResponseSchema,
  });
  return data.restore;
}

// ---------- policies ----------

export type PolicyQuery = {
  limit?: number;
  marker?: string;
  offset?: number;
  sort?: string;
  /** Exact match. */
  name?: string;
  all_tenants?: boolean;
};
const POLICY_QUERY_KEYS = ["limit", "marker", "offset", "sort", "name", "all_tenants"] as const;

export async function listPolicies(ctx: CloudContext, query?: PolicyQuery): Promise<Policy[]> {
  if (!csbsOffered(ctx)) return [];
  const data = await serviceCall(ctx, "csbs", "GET", ["policies"], {
    query: pickQuery(query, POLICY_QUERY_KEYS),
    schema: policyListSchema,
  });
  return data.policies;
}

export async function getPolicy(ctx: CloudContext, policyId: string): Promise<Policy> {
  const data = await serviceCall(ctx, "csbs", "GET", ["policies", param("policy_id", policyId)], {
    schema: policyResponseSchema,
  });
  return data.policy;
}

export type PolicyResourceInput = {
  id: string;
  type: string;
  name: string;
  extra_info?: Record<string, unknown>;
};

/** Retention and long-term retention, sent as real JSON numbers and booleans. */
export type OperationDefinitionInput = {
  max_backups?: number;
  retention_duration_days?: number;
  permanent?: boolean;
  day_backups?: number;
  week_backups?: number;
  month_backups?: number;
  year_backups?: number;
  /** "UTC+08:00"; required by the cloud when any *_backups is set. */
  timezone?: string;
};

export type ScheduledOperationInput = {
  name?: string;
  description?: string;
  enabled: boolean;
  operation_definition: OperationDefinitionInput;
  /** The iCalendar pattern, sent as given. */
  pattern: string;
};

export type CreatePolicyInput = {
  name: string;
  description?: string;
  resources: readonly PolicyResourceInput[];
  scheduled_operation: ScheduledOperationInput;
  tags?: readonly { key: string; value: string }[];
};

const DEFINITION_KEYS = [
  "max_backups",
  "retention_duration_days",
  "permanent",
  "day_backups",
  "week_backups",
  "month_backups",
  "year_backups",
  "timezone",
] as const;

function operationDefinition(def: OperationDefinitionInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of DEFINITION_KEYS) if (def[key] !== undefined) out[key] = def[key];
  return out;
}

function resources(list: readonly PolicyResourceInput[]) {
  return list.map((r) => ({
    id: r.id,
    type: r.type,
    name: r.name,
    ...(r.extra_info !== undefined ? { extra_info: r.extra_info } : {}),
  }));
}

/** `POST /policies`. A policy has exactly one scheduled operation. */
export async function createPolicy(ctx: CloudContext, input: CreatePolicyInput): Promise<Policy> {
  const op = input.scheduled_operation;
  const body = {
    policy: {
      name: input.name,
      ...(input.description !== undefined ? { description: input.description } : {}),
      provider_id: CSBS_PROVIDER_ID,
      parameters: { common: {} },
      resources: resources(input.resources),
      scheduled_operations: [
        {
          ...(op.name !== undefined ? { name: op.name } : {}),
          ...(op.description !== undefined ? { description: op.description } : {}),
          enabled: op.enabled,
          operation_type: "backup",
          operation_definition: operationDefinition(op.operation_definition),
          trigger: { properties: { pattern: op.pattern } },
        },
      ],
      ...(input.tags ? { tags: input.tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
    },
  };
  const data = await serviceCall(ctx, "csbs", "POST", ["policies"], {
    body,
    schema: policyResponseSchema,
  });
  return data.policy;
}

export type UpdatePolicyInput = {
  name?: string;
  description?: string;
  resources?: readonly PolicyResourceInput[];
  scheduled_operation?: {
    /** The id of the policy's scheduled operation (required by the cloud). */
    id: string;
    name?: string;
    description?: string;
    enabled?: boolean;
    operation_definition?: OperationDefinitionInput;
    pattern?: string;
  };
};

/** `PUT /policies/{policy_id}`: only the given fields change (enable/disable is `enabled`). */
export async function updatePolicy(
  ctx: CloudContext,
  policyId: string,
  input: UpdatePolicyInput,
): Promise<Policy> {
  const policy: Record<string, unknown> = {};
  if (input.name !== undefined) policy.name = input.name;
  if (input.description !== undefined) policy.description = input.description;
  if (input.resources !== undefined) policy.resources = resources(input.resources);
  const op = input.scheduled_operation;
  if (op) {
    policy.scheduled_operations = [
      {
        id: op.id,
        ...(op.name !== undefined ? { name: op.name } : {}),
        ...(op.description !== undefined ? { description: op.description } : {}),
        ...(op.enabled !== undefined ? { enabled: op.enabled } : {}),
        ...(op.operation_definition !== undefined
          ? { operation_definition: operationDefinition(op.operation_definition) }
          : {}),
        ...(op.pattern !== undefined ? { trigger: { properties: { pattern: op.pattern } } } : {}),
      },
    ];
  }
  const data = await serviceCall(ctx, "csbs", "PUT", ["policies", param("policy_id", policyId)], {
    body: { policy },
    schema: policyResponseSchema,
  });
  return data.policy;
}

export async function deletePolicy(ctx: CloudContext, policyId: string): Promise<void> {
  await serviceCall(ctx, "csbs", "DELETE", ["policies", param("policy_id", policyId)]);
}

// ---------- quotas ----------

/** `GET /quotas`: `backups` (count) and `backup_capacity` (GB); -1 is unlimited. */
export async function getQuotas(ctx: CloudContext): Promise<Quota[]> {
  if (!csbsOffered(ctx)) return [];
  return serviceCall(ctx, "csbs", "GET", ["quotas"], { schema: quotasResponseSchema });
}

export type {
  CheckpointItem,
  CsbsCheckpoint,
  Policy,
  Quota,
  ResourceCheckResult,
  Restore,
} from "./schemas/csbs";
