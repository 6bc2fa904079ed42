import { z } from "zod";
import {
  bool,
  date,
  dict,
  imageDataList,
  linksSchema,
  looseNumber,
  looseString,
  num,
  str,
  tagSchema,
} from "./common";

/** Known values; the schemas keep any string so that a new state never breaks a page. */
export const CHECKPOINT_ITEM_STATUSES = [
  "waiting_protect",
  "protecting",
  "available",
  "waiting_restore",
  "restoring",
  "error",
  "waiting_delete",
  "deleting",
  "deleted",
] as const;
export type CheckpointItemStatus = (typeof CHECKPOINT_ITEM_STATUSES)[number];

export const volumeBackupSchema = z.object({
  id: looseString,
  name: str,
  status: str,
  bootable: bool,
  incremental: bool,
  image_type: str,
  /** MB. */
  size: num,
  source_volume_id: str,
  source_volume_name: str,
  /** GB. */
  source_volume_size: num,
  snapshot_id: str,
  average_speed: num,
  space_saving_ratio: num,
});
export type VolumeBackup = z.infer<typeof volumeBackupSchema>;

const failCodeSchema = z.object({ Code: str, Description: str }).optional().catch(undefined);

export const checkpointItemExtendInfoSchema = z.object({
  auto_trigger: bool,
  average_speed: num,
  copy_from: str,
  copy_status: str,
  fail_code: failCodeSchema,
  fail_op: str,
  fail_reason: str,
  image_type: str,
  incremental: bool,
  progress: num,
  resource_az: str,
  resource_name: str,
  resource_type: str,
  /** MB. */
  size: num,
  space_saving_ratio: num,
  volume_backups: z.array(volumeBackupSchema).default([]),
  finished_at: date,
  supported_restore_mode: str,
  os_images_data: imageDataList,
  support_lld: bool,
  taskid: str,
  hypervisor_type: str,
});

const backupDataSchema = z
  .object({
    __openstack_region_name: str,
    cloudservicetype: str,
    disk: num,
    imagetype: str,
    ram: num,
    vcpus: num,
    eip: str,
    private_ip: str,
  })
  .optional()
  .catch(undefined);

export const checkpointItemSchema = z.object({
  id: looseString,
  checkpoint_id: looseString,
  name: str,
  description: str,
  status: z.string(),
  resource_id: str,
  resource_type: str,
  created_at: date,
  updated_at: date,
  backup_data: backupDataSchema,
  extend_info: checkpointItemExtendInfoSchema.prefault({}),
  tags: z.array(tagSchema).optional().catch(undefined),
});
/** A CSBS backup ("checkpoint item") of one server. */
export type CheckpointItem = z.infer<typeof checkpointItemSchema>;

export const checkpointItemListSchema = z.object({
  checkpoint_items: z.array(checkpointItemSchema),
  checkpoint_items_links: linksSchema,
});
export const checkpointItemResponseSchema = z.object({ checkpoint_item: checkpointItemSchema });
export const countSchema = z.object({ count: looseNumber });

const planResourceSchema = z.object({
  id: looseString,
  type: str,
  name: str,
  extra_info: dict,
});

export const csbsCheckpointSchema = z.object({
  id: looseString,
  status: str,
  created_at: date,
  project_id: str,
  resource_graph: dict,
  extra_info: dict,
  protection_plan: z
    .object({
      id: str,
      name: str,
      resources: z.array(planResourceSchema).default([]),
    })
    .optional()
    .catch(undefined),
});
/** The answer to "back up now": the checkpoint (backup record) being created. */
export type CsbsCheckpoint = z.infer<typeof csbsCheckpointSchema>;
export const csbsCheckpointResponseSchema = z.object({ checkpoint: csbsCheckpointSchema });

const checkResultSchema = z.object({
  resource_id: str,
  resource_type: str,
  result: bool,
  error_code: str,
  error_msg: str,
});
export type ResourceCheckResult = z.infer<typeof checkResultSchema>;
export const protectableResponseSchema = z.object({
  protectable: z.array(checkResultSchema).default([]),
});
export const restorableResponseSchema = z.object({
  restorable: z.array(checkResultSchema).default([]),
});

export const operationDefinitionSchema = z.object({
  max_backups: num,
  retention_duration_days: num,
  permanent: bool,
  day_backups: num,
  week_backups: num,
  month_backups: num,
  year_backups: num,
  timezone: str,
  plan_id: str,
  provider_id: str,
});
export type OperationDefinition = z.infer<typeof operationDefinitionSchema>;

export const triggerSchema = z.object({
  id: str,
  name: str,
  type: str,
  properties: z
    .object({
      /** Kept byte for byte: never trimmed or unescaped (see the schedule engine). */
      pattern: z.string().optional(),
      start_time: date,
      format: str,
    })
    .prefault({}),
});

export const scheduledOperationSchema = z.object({
  id: str,
  name: str,
  description: str,
  enabled: bool,
  operation_type: str,
  operation_definition: operationDefinitionSchema.prefault({}),
  trigger: triggerSchema.optional(),
  trigger_id: str,
});
export type ScheduledOperation = z.infer<typeof scheduledOperationSchema>;

export const policySchema = z.object({
  id: looseString,
  name: z.string(),
  description: str,
  status: str,
  created_at: date,
  project_id: str,
  provider_id: str,
  parameters: dict,
  resources: z.array(planResourceSchema).default([]),
  scheduled_operations: z.array(scheduledOperationSchema).default([]),
  tags: z.array(tagSchema).optional().catch(undefined),
});
/** A CSBS backup policy (one schedule, its retention and its servers). */
export type Policy = z.infer<typeof policySchema>;
export type PolicyResource = z.infer<typeof planResourceSchema>;
export const policyResponseSchema = z.object({ policy: policySchema });
export const policyListSchema = z.object({
  policies: z.array(policySchema),
  policies_links: linksSchema,
});

export const restoreSchema = z.object({
  /** Optional: the one sample prints id, checkpoint_id and project_id outside `restore`. */
  id: str,
  status: str,
  checkpoint_id: str,
  project_id: str,
  provider_id: str,
  restore_target: str,
  parameters: dict,
  resources_status: dict,
  resources_reason: dict,
});
export type Restore = z.infer<typeof restoreSchema>;
export const restoreResponseSchema = z.object({ restore: restoreSchema });

const quotaResourceSchema = z.object({
  type: z.string(),
  unit: str,
  quota: looseNumber,
  used: looseNumber,
});
/** One quota: `backups` (count) or `backup_capacity` (GB); -1 means unlimited. */
export type Quota = z.infer<typeof quotaResourceSchema>;
const quotaSetSchema = z.object({ resources: z.array(quotaResourceSchema).default([]) });
/** `quotas` is an object in the tables and an array of such objects in one sample: accept both. */
export const quotasResponseSchema = z
  .object({ quotas: z.union([quotaSetSchema, z.array(quotaSetSchema)]) })
  .transform(({ quotas }) =>
    Array.isArray(quotas) ? quotas.flatMap((q) => q.resources) : quotas.resources,
  );
