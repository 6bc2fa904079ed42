import { z } from "zod";
import type { ServerBackup, TargetServer } from "@/lib/restore";
import { uuidSchema } from "./common";

/** The two services a server backup comes from. */
/** Why a backup cannot be restored at all: not a server backup, not available, no restore mode. */
export const BACKUP_REFUSAL_CODES = ["RESTORE.NOT_SERVER", "CSBS.4000", "RESTORE.MODE_NA"] as const;
export type BackupRefusalCode = (typeof BACKUP_REFUSAL_CODES)[number];

export const RESTORE_SERVICES = ["csbs", "cbr"] as const;
export const restoreServiceSchema = z.enum(RESTORE_SERVICES);
export type RestoreService = z.infer<typeof restoreServiceSchema>;

export const WIZARD_STEPS = [1, 2, 3, 4, 5] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

// ---------- what the wizard reads ----------

export const restoreDiskSchema = z.object({
  /** The disk-level backup id (CSBS volume_backups[].id, CBR children[].id). */
  id: z.string(),
  name: z.string(),
  sourceVolumeId: z.string(),
  sourceVolumeName: z.string(),
  sizeGb: z.number(),
  bootable: z.boolean(),
  device: z.string().optional(),
});
export type RestoreDisk = z.infer<typeof restoreDiskSchema>;

export const restoreBackupViewSchema = z.object({
  service: restoreServiceSchema,
  id: z.string(),
  checkpointId: z.string().optional(),
  name: z.string(),
  status: z.string(),
  serverId: z.string(),
  serverName: z.string(),
  createdAt: z.string().optional(),
  /** The cloud's last change of the backup (tells a restore that started from one that did not). */
  updatedAt: z.string().optional(),
  availabilityZone: z.string().optional(),
  bareMetal: z.boolean(),
  /** CSBS `supported_restore_mode` (na, snapshot, backup). */
  restoreMode: z.string().optional(),
  disks: z.array(restoreDiskSchema),
  /** Why it cannot be restored now, as a code the UI words (CSBS.4000, RESTORE.MODE_NA, …). */
  refusal: z.object({ code: z.enum(BACKUP_REFUSAL_CODES), message: z.string() }).optional(),
});
export type RestoreBackupView = z.infer<typeof restoreBackupViewSchema>;

export const INELIGIBILITY_REASONS = [
  "other_type",
  "state",
  "other_az",
  "no_disks",
  "not_source",
] as const;

export const candidateServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  availabilityZone: z.string().optional(),
  bareMetal: z.boolean(),
  volumeCount: z.number(),
  original: z.boolean(),
  reasons: z.array(z.enum(INELIGIBILITY_REASONS)),
});
export type CandidateServerView = z.infer<typeof candidateServerSchema>;

export const restoreContextResponseSchema = z.object({
  backup: restoreBackupViewSchema,
  servers: z.array(candidateServerSchema),
});
export type RestoreContextResponse = z.infer<typeof restoreContextResponseSchema>;

export const targetVolumeViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  sizeGb: z.number(),
  system: z.boolean(),
  multiattach: z.boolean(),
  attachedServerIds: z.array(z.string()),
  device: z.string().optional(),
});
export type TargetVolumeView = z.infer<typeof targetVolumeViewSchema>;

export const targetResponseSchema = z.object({
  server: z.object({ id: z.string(), name: z.string(), status: z.string() }),
  volumes: z.array(targetVolumeViewSchema),
});
export type TargetResponse = z.infer<typeof targetResponseSchema>;

// ---------- what the wizard sends ----------

const mappingSchema = z.object({ backupId: z.string().min(1), volumeId: z.string().min(1) });

export const restoreQuerySchema = z.object({ service: restoreServiceSchema.default("csbs") });

export const backupIdParamsSchema = z.object({ backupId: uuidSchema });
export const serverIdParamsSchema = z.object({ serverId: uuidSchema });
export const restoreKeyParamsSchema = z.object({ key: uuidSchema });

export const preflightBodySchema = z.object({
  backupId: uuidSchema,
  serverId: uuidSchema,
  mappings: z.array(mappingSchema).min(1, "Map every disk backup to a target disk."),
});
export type PreflightBody = z.infer<typeof preflightBodySchema>;

export const preflightResponseSchema = z.object({
  ok: z.boolean(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type PreflightResponse = z.infer<typeof preflightResponseSchema>;

export const restoreSubmitBodySchema = z.object({
  /** One per wizard: the server answers a repeated key with the first request's result. */
  key: uuidSchema,
  service: restoreServiceSchema,
  backupId: uuidSchema,
  serverId: uuidSchema,
  /** Required: power on after the restore is always sent explicitly. */
  powerOn: z.boolean(),
  mappings: z.array(mappingSchema).min(1, "Map every disk backup to a target disk."),
});
export type RestoreSubmitBody = z.infer<typeof restoreSubmitBodySchema>;

/**
 * Where a restore is: `submitting` until the cloud answered, `in_doubt` when it did not answer in
 * time (the console follows the backup rather than send again), then running and its end.
 */
export const RESTORE_STATES = ["submitting", "in_doubt", "running", "succeeded", "failed"] as const;
export type RestoreState = (typeof RESTORE_STATES)[number];

export const restoreStatusSchema = z.object({
  key: z.string(),
  service: restoreServiceSchema,
  backupId: z.string(),
  serverId: z.string(),
  state: z.enum(RESTORE_STATES),
  backupStatus: z.string().optional(),
  serverStatus: z.string().optional(),
  progress: z.number().optional(),
  reason: z.string().optional(),
  restoreId: z.string().optional(),
  jobId: z.string().optional(),
});
export type RestoreStatus = z.infer<typeof restoreStatusSchema>;

// ---------- the wizard's URL ----------

export type WizardState = {
  step: WizardStep;
  service: RestoreService;
  /** The wizard's idempotency key (absent until the wizard made one). */
  key?: string | undefined;
  serverId?: string | undefined;
  /** backupId → volumeId, as chosen. */
  mapping: Record<string, string>;
  powerOn: boolean;
};

const idPattern = /^[A-Za-z0-9-]{1,64}$/;
const uuidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Reads the wizard's search params tolerantly: anything malformed falls back to its default. */
export function parseWizardParams(params: URLSearchParams): WizardState {
  const stepNumber = Number(params.get("step"));
  const step = (WIZARD_STEPS as readonly number[]).includes(stepNumber)
    ? (stepNumber as WizardStep)
    : 1;
  const service = params.get("service") === "cbr" ? "cbr" : "csbs";
  const key = params.get("key");
  const server = params.get("server");
  const mapping: Record<string, string> = {};
  for (const pair of (params.get("map") ?? "").split(",")) {
    const [backupId, volumeId] = pair.split(":");
    if (backupId && volumeId && idPattern.test(backupId) && idPattern.test(volumeId)) {
      mapping[backupId] = volumeId;
    }
  }
  return {
    step,
    service,
    key: key && uuidPattern.test(key) ? key.toLowerCase() : undefined,
    serverId: server && idPattern.test(server) ? server : undefined,
    mapping,
    powerOn: params.get("power") !== "0",
  };
}

/** The search params that give back `state` (defaults left out). */
export function wizardSearchParams(state: WizardState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.service !== "csbs") params.set("service", state.service);
  params.set("step", String(state.step));
  if (state.key) params.set("key", state.key);
  if (state.serverId) params.set("server", state.serverId);
  const pairs = Object.entries(state.mapping).map(([b, v]) => `${b}:${v}`);
  if (pairs.length > 0) params.set("map", pairs.join(","));
  if (!state.powerOn) params.set("power", "0");
  return params;
}

/** The mapping as the rules and the API take it, in the backup's disk order. */
export function mappingList(
  disks: readonly { id: string }[],
  mapping: Record<string, string>,
): { backupId: string; volumeId: string }[] {
  return disks.flatMap((d) => {
    const volumeId = mapping[d.id];
    return volumeId ? [{ backupId: d.id, volumeId }] : [];
  });
}

/** What a confirmation must match: the server's name, ignoring surrounding spaces. */
export function confirmsServerName(typed: string, serverName: string): boolean {
  return typed.trim() !== "" && typed.trim() === serverName.trim();
}

/** The plain data lib/restore works on. */
export function ruleBackup(view: RestoreBackupView): ServerBackup {
  return {
    id: view.id,
    available: view.status === "available",
    sourceServerId: view.serverId,
    disks: view.disks.map((d) => ({
      id: d.id,
      sourceVolumeId: d.sourceVolumeId,
      sourceVolumeName: d.sourceVolumeName,
      sizeGb: d.sizeGb,
      bootable: d.bootable,
      ...(d.device ? { device: d.device } : {}),
    })),
  };
}

export function ruleTarget(serverId: string, volumes: readonly TargetVolumeView[]): TargetServer {
  return {
    id: serverId,
    volumes: volumes.map((v) => ({
      id: v.id,
      name: v.name,
      sizeGb: v.sizeGb,
      system: v.system,
      multiattach: v.multiattach,
      attachedServerIds: v.attachedServerIds,
      ...(v.device ? { device: v.device } : {}),
    })),
  };
}
