import { z } from "zod";
import {
  bool,
  date,
  dict,
  imageDataList,
  linksSchema,
  looseString,
  num,
  str,
  tagSchema,
} from "./common";

const vaultResourceSchema = z.object({
  id: looseString,
  name: str,
  type: str,
  protect_status: str,
  /** GB. */
  size: num,
  backup_size: num,
  backup_count: num,
  auto_protect: bool,
  extra_info: z
    .object({ exclude_volumes: z.array(looseString).optional().catch(undefined) })
    .optional()
    .catch(undefined),
});
export type VaultResource = z.infer<typeof vaultResourceSchema>;

const billingSchema = z
  .object({
    /** GB. */
    allocated: num,
    charging_mode: str,
    cloud_type: str,
    consistent_level: str,
    object_type: str,
    protect_type: str,
    /** GB. */
    size: num,
    spec_code: str,
    status: str,
    storage_unit: str,
    /** MB (unlike size and allocated). */
    used: num,
    frozen_scene: str,
    is_multi_az: bool,
  })
  .optional()
  .catch(undefined);

export const vaultSchema = z.object({
  id: looseString,
  name: str,
  description: str,
  project_id: str,
  provider_id: str,
  user_id: str,
  created_at: date,
  billing: billingSchema,
  resources: z.array(vaultResourceSchema).default([]),
  tags: z.array(tagSchema).optional().catch(undefined),
  /** A string in the SDK, a number (0) in OTC samples. */
  enterprise_project_id: str,
  auto_bind: bool,
  bind_rules: dict,
  auto_expand: bool,
  smn_notify: bool,
  threshold: num,
  locked: bool,
  availability_zone: str,
});
/** A CBR vault: a container of backups with its capacity and protected resources. */
export type Vault = z.infer<typeof vaultSchema>;
export const vaultListSchema = z.object({
  vaults: z.array(vaultSchema),
  count: num,
  limit: num,
  offset: num,
});
export const vaultResponseSchema = z.object({ vault: vaultSchema });

const backupExtendInfoSchema = z
  .object({
    auto_trigger: bool,
    bootable: bool,
    incremental: bool,
    snapshot_id: str,
    support_lld: bool,
    supported_restore_mode: str,
    os_images_data: imageDataList,
    contain_system_disk: bool,
    encrypted: bool,
    system_disk: bool,
    is_multi_az: bool,
  })
  .optional()
  .catch(undefined);

const backupBaseSchema = z.object({
  id: looseString,
  name: str,
  description: str,
  checkpoint_id: str,
  vault_id: str,
  provider_id: str,
  project_id: str,
  resource_id: str,
  resource_name: str,
  resource_type: str,
  resource_az: str,
  /** GB. */
  resource_size: num,
  image_type: str,
  status: z.string(),
  parent_id: str,
  created_at: date,
  updated_at: date,
  expired_at: date,
  protected_at: date,
  extend_info: backupExtendInfoSchema,
  enterprise_project_id: str,
  incremental: bool,
  version: num,
});

export const cbrBackupSchema = backupBaseSchema.extend({
  /** The disk-level backups of a server backup (restore maps these ids to volumes). */
  children: z.array(backupBaseSchema).default([]),
});
/** A CBR backup (server or disk) with its per-disk children. */
export type CbrBackup = z.infer<typeof cbrBackupSchema>;
export type CbrBackupChild = z.infer<typeof backupBaseSchema>;
export const cbrBackupListSchema = z.object({
  backups: z.array(cbrBackupSchema),
  count: num,
  limit: num,
  offset: num,
  backups_links: linksSchema,
});
export const cbrBackupResponseSchema = z.object({ backup: cbrBackupSchema });

/** The restore answer: nothing in the docs, `{job_id}` on Huawei (cloud-apis.md §4.5). */
export const cbrRestoreResponseSchema = z
  .union([z.object({ job_id: str }), z.undefined(), z.null()])
  .transform((v) => ({ job_id: v?.job_id }));

const checkpointResourceSchema = z.object({
  id: looseString,
  name: str,
  type: str,
  protect_status: str,
  /** Typed string in the docs, a number in the samples. */
  resource_size: num,
  backup_size: num,
  backup_count: num,
  extra_info: dict,
});
const skippedResourceSchema = z.object({
  id: str,
  type: str,
  name: str,
  code: str,
  reason: str,
});

export const cbrCheckpointSchema = z.object({
  id: looseString,
  project_id: str,
  status: str,
  created_at: date,
  vault: z
    .object({
      id: str,
      name: str,
      resources: z.array(checkpointResourceSchema).default([]),
      skipped_resources: z.array(skippedResourceSchema).default([]),
    })
    .optional()
    .catch(undefined),
  extra_info: z
    .object({ name: str, description: str, retention_duration: num })
    .optional()
    .catch(undefined),
});
/** A CBR restore point: one vault backup run. */
export type CbrCheckpoint = z.infer<typeof cbrCheckpointSchema>;
export const cbrCheckpointResponseSchema = z.object({ checkpoint: cbrCheckpointSchema });

export const operationLogSchema = z.object({
  id: looseString,
  checkpoint_id: str,
  operation_type: str,
  status: z.string(),
  started_at: date,
  ended_at: date,
  created_at: date,
  updated_at: date,
  error_info: z.object({ code: str, message: str }).optional().catch(undefined),
  extra_info: z
    .object({
      common: z
        .object({ progress: num, request_id: str, task_id: str })
        .optional()
        .catch(undefined),
      backup: z
        .object({ backup_id: str, backup_name: str, incremental: bool })
        .optional()
        .catch(undefined),
      restore: z
        .object({
          backup_id: str,
          backup_name: str,
          target_resource_id: str,
          target_resource_name: str,
        })
        .optional()
        .catch(undefined),
      delete: z.object({ backup_id: str, backup_name: str }).optional().catch(undefined),
      resource: z.object({ id: str, name: str, type: str }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  policy_id: str,
  provider_id: str,
  project_id: str,
  vault_id: str,
  vault_name: str,
});
/** A CBR task (backup, restore, delete, …) and its progress. */
export type OperationLog = z.infer<typeof operationLogSchema>;
export const operationLogListSchema = z.object({
  operation_logs: z.array(operationLogSchema),
  count: num,
  limit: num,
  offset: num,
});
export const operationLogResponseSchema = z.object({ operation_log: operationLogSchema });

// ---------- policies (OTC-CBR api-ref policies/*.rst; Huawei SDK policy.py, policyo_od_create.py) ----------

const intOrUndefined = z.number().int().optional().catch(undefined);

export const cbrOperationDefinitionSchema = z
  .object({
    max_backups: intOrUndefined,
    retention_duration_days: intOrUndefined,
    day_backups: intOrUndefined,
    week_backups: intOrUndefined,
    month_backups: intOrUndefined,
    year_backups: intOrUndefined,
    full_backup_interval: intOrUndefined,
    timezone: str,
    destination_region: str,
    destination_project_id: str,
  })
  .optional()
  .catch(undefined);

export const cbrPolicySchema = z.object({
  id: looseString,
  name: str,
  enabled: bool,
  operation_type: str,
  operation_definition: cbrOperationDefinitionSchema,
  trigger: z
    .object({
      id: str,
      name: str,
      type: str,
      properties: z
        .object({
          pattern: z.array(z.string()).optional().catch(undefined),
          start_time: str,
        })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  associated_vaults: z
    .array(z.object({ vault_id: looseString, destination_vault_id: str }))
    .optional()
    .catch(undefined),
});
/** A CBR v3 policy as the cloud answers it. */
export type CbrPolicy = z.infer<typeof cbrPolicySchema>;
export const cbrPolicyListSchema = z.object({ policies: z.array(cbrPolicySchema), count: num });
export const cbrPolicyResponseSchema = z.object({ policy: cbrPolicySchema });
export const vaultPolicyBindingSchema = z.object({ vault_id: str, policy_id: str });
