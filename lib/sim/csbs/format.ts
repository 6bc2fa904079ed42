import type { CsbsItem, CsbsPolicy, CsbsRestore } from "./types";

export const PROVIDER_ID = "fc4d5750-22e7-4798-8a46-f48f62c4c1da";

/** CSBS timestamps carry microseconds and no zone: "2017-04-18T01:21:52.701000". */
export function csbsTime(iso: string): string {
  return `${iso.slice(0, 23)}000`;
}

/** A trigger's `start_time` uses a space and whole seconds: "2017-03-07 09:27:41". */
export function triggerTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * Reads a time as CSBS clients send it (`2017-04-18T01:21:52.701973`, a space instead of the `T`,
 * with or without a zone); no zone means UTC. Returns epoch milliseconds or null.
 */
export function parseCsbsTime(text: string): number | null {
  const m =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const [, date, time = "00:00:00", fraction = "", zone = "Z"] = m;
  const ms = fraction.slice(0, 3).padEnd(3, "0");
  const value = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}.${ms}${zone}`);
  return Number.isNaN(value) ? null : value;
}

/** Python-style booleans, as real CSBS policy answers carry them ("True"/"False"). */
const pyBool = (b: boolean) => (b ? "True" : "False");

/**
 * A policy as CSBS answers it. Real clouds send `operation_definition` numbers and booleans as
 * strings (reference/cloud-apis.md §3, §5), so the simulator does too; only the fields the policy
 * has set are present, as in the reference's samples.
 */
export function policyJson(p: CsbsPolicy, projectId: string) {
  const op = p.operation;
  const definition: Record<string, string> = {};
  if (op.maxBackups !== null) definition.max_backups = String(op.maxBackups);
  if (op.retentionDurationDays !== null) {
    definition.retention_duration_days = String(op.retentionDurationDays);
  }
  if (op.permanent !== null) definition.permanent = pyBool(op.permanent);
  definition.plan_id = p.id;
  definition.provider_id = PROVIDER_ID;
  return {
    created_at: csbsTime(p.createdAt),
    description: p.description,
    id: p.id,
    name: p.name,
    parameters: p.parameters,
    project_id: projectId,
    provider_id: PROVIDER_ID,
    resources: p.resources.map((r) => ({ ...r, extra_info: r.extra_info ?? {} })),
    scheduled_operations: [
      {
        description: op.description,
        enabled: op.enabled,
        id: op.id,
        name: op.name,
        operation_definition: definition,
        operation_type: "backup",
        trigger: {
          id: op.triggerId,
          name: op.triggerName,
          properties: {
            pattern: op.pattern,
            start_time: triggerTime(op.triggerStartAt),
            format: "ical",
          },
          type: "time",
        },
        trigger_id: op.triggerId,
      },
    ],
    status: op.enabled ? "enabled" : "disabled",
    tags: p.tags,
  };
}

/** A checkpoint item (one server backup) as CSBS answers it. */
export function itemJson(item: CsbsItem) {
  const available = item.status === "available";
  return {
    id: item.id,
    checkpoint_id: item.checkpointId,
    name: item.name,
    description: item.description,
    status: item.status,
    resource_id: item.resourceId,
    resource_type: item.resourceType,
    created_at: csbsTime(item.createdAt),
    updated_at: csbsTime(item.updatedAt),
    tags: item.tags,
    backup_data: {
      __openstack_region_name: item.backupData.region,
      cloudservicetype: item.backupData.cloudServiceType,
      disk: item.backupData.disk,
      imagetype: item.backupData.imageType,
      ram: item.backupData.ram,
      vcpus: item.backupData.vcpus,
      eip: item.backupData.eip,
      private_ip: item.backupData.privateIp,
    },
    extend_info: {
      auto_trigger: item.autoTrigger,
      average_speed: item.averageSpeed,
      copy_from: "",
      copy_status: "na",
      fail_code: item.failCode ?? {},
      fail_op: item.failOp,
      fail_reason: item.failReason,
      image_type: item.imageType,
      incremental: item.incremental,
      progress: item.progress,
      resource_az: item.resourceAz,
      resource_name: item.resourceName,
      resource_type: item.resourceType,
      size: item.sizeMb,
      space_saving_ratio: item.spaceSavingRatio,
      volume_backups: item.volumeBackups.map((v) => ({
        average_speed: v.averageSpeed,
        bootable: v.bootable,
        id: v.id,
        image_type: "backup",
        incremental: v.incremental,
        name: v.name,
        size: v.sizeMb,
        source_volume_id: v.sourceVolumeId,
        source_volume_name: v.sourceVolumeName,
        source_volume_size: v.sourceVolumeSizeGb,
        space_saving_ratio: v.spaceSavingRatio,
        status: volumeBackupStatus(item),
        snapshot_id: v.snapshotId,
      })),
      finished_at: item.finishedAt ? csbsTime(item.finishedAt) : "",
      supported_restore_mode: available || item.status === "restoring" ? "backup" : "na",
      os_images_data: [],
      support_lld: false,
      taskid: item.taskId,
      hypervisor_type: "QEMU",
    },
  };
}

function volumeBackupStatus(item: CsbsItem): string {
  switch (item.status) {
    case "available":
    case "restoring":
    case "waiting_restore":
      return "available";
    case "protecting":
    case "waiting_protect":
      return "creating";
    case "deleting":
    case "waiting_delete":
      return "deleting";
    default:
      return item.status;
  }
}

/** The checkpoint (backup record) answered by "back up a resource" and "execute a policy". */
export function checkpointJson(args: {
  checkpointId: string;
  projectId: string;
  createdAt: string;
  status: string;
  plan: { id: string; name: string };
  resources: { id: string; name: string; type: string; extra_info?: Record<string, unknown> }[];
  extraInfo: string | null;
}) {
  return {
    checkpoint: {
      status: args.status,
      created_at: csbsTime(args.createdAt),
      id: args.checkpointId,
      resource_graph: null,
      project_id: args.projectId,
      protection_plan: {
        id: args.plan.id,
        name: args.plan.name,
        resources: args.resources.map((r) => ({ ...r, extra_info: r.extra_info ?? {} })),
      },
      extra_info: args.extraInfo,
    },
  };
}

export function restoreJson(r: CsbsRestore, projectId: string) {
  return {
    restore: {
      id: r.id,
      checkpoint_id: r.checkpointId,
      project_id: projectId,
      provider_id: PROVIDER_ID,
      restore_target: null,
      status: r.status,
      resources_status: { [`OS::Nova::Server#${r.serverId}`]: r.status },
      resources_reason: {},
      parameters: {
        checkpoint_item_id: r.checkpointItemId,
        power_on: r.powerOn,
        targets: { server_id: r.serverId, volumes: r.volumes },
      },
    },
  };
}
