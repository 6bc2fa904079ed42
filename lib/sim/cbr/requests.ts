// Request bodies of the CBR operations, checked with zod. A refusal names the field the way the
// cloud does ("Invalid vault_id provided.") under BackupService.9900.
import { z } from "zod";
import { backupNamePattern, descriptionMax, knownResourceTypes, uuidPattern } from "./constants";
import { invalid } from "./errors";

const uuid = z.string().regex(uuidPattern);
const name = z.string().regex(backupNamePattern);
const description = z.string().max(descriptionMax);

const checkpointSchema = z.object({
  checkpoint: z.object({
    vault_id: uuid,
    parameters: z
      .object({
        auto_trigger: z.boolean().optional(),
        description: description.optional(),
        incremental: z.boolean().optional(),
        name: name.optional(),
        resources: z.array(uuid).max(256).optional(),
        resource_details: z
          .array(
            z.object({
              id: uuid,
              name: z.string().max(255).optional(),
              type: z.enum(knownResourceTypes),
              extra_info: z
                .object({ exclude_volumes: z.array(uuid).optional() })
                .partial()
                .optional(),
            }),
          )
          .max(256)
          .optional(),
        policy_id: z.string().optional(),
      })
      .optional(),
  }),
});

export type CheckpointRequest = {
  vaultId: string;
  autoTrigger: boolean;
  description: string;
  incremental: boolean;
  name: string | null;
  resources: string[];
  resourceDetails: {
    id: string;
    name?: string;
    type: (typeof knownResourceTypes)[number];
    /** Disks of a server left out of this backup. */
    excludeVolumes?: string[];
  }[];
};

const renameSchema = z.object({
  backup: z.object({ name: name.optional(), description: description.optional() }),
});

export type RenameRequest = { name?: string; description?: string };

const restoreSchema = z.object({
  restore: z.object({
    mappings: z.array(z.object({ backup_id: uuid, volume_id: uuid })).optional(),
    power_on: z.boolean().optional(),
    server_id: uuid.optional(),
    volume_id: uuid.optional(),
  }),
});

export type RestoreRequestBody = {
  mappings: { backupId: string; volumeId: string }[] | null;
  powerOn: boolean;
  serverId: string | null;
  volumeId: string | null;
};

/** Field-specific message for the first problem zod found, in the cloud's words. */
function refuse(error: z.ZodError): never {
  const issue = error.issues[0];
  const path = issue?.path.filter((p) => typeof p === "string").join(".") ?? "";
  const field = path.split(".").at(-1) ?? "";
  if (!issue || field === "") invalid("Invalid request body.");
  if (issue.code === "invalid_type" && issue.input === undefined) {
    invalid(`Missing required parameter: ${path}.`);
  }
  if (field === "name") {
    invalid(`Invalid ${path} provided: 1 to 64 characters, only letters, digits, _ and -.`);
  }
  if (field === "description") invalid(`Invalid ${path} provided: at most 255 characters.`);
  invalid(`Invalid ${path} provided.`);
}

export function parseCheckpointRequest(body: unknown): CheckpointRequest {
  const parsed = checkpointSchema.safeParse(body);
  if (!parsed.success) refuse(parsed.error);
  const { vault_id, parameters } = parsed.data.checkpoint;
  return {
    vaultId: vault_id,
    autoTrigger: parameters?.auto_trigger ?? false,
    description: parameters?.description ?? "",
    incremental: parameters?.incremental ?? true,
    name: parameters?.name ?? null,
    resources: parameters?.resources ?? [],
    resourceDetails: (parameters?.resource_details ?? []).map((d) => ({
      id: d.id,
      type: d.type,
      ...(d.name === undefined ? {} : { name: d.name }),
      ...(d.extra_info?.exclude_volumes ? { excludeVolumes: d.extra_info.exclude_volumes } : {}),
    })),
  };
}

export function parseRenameRequest(body: unknown): RenameRequest {
  const parsed = renameSchema.safeParse(body);
  if (!parsed.success) refuse(parsed.error);
  const { name, description } = parsed.data.backup;
  return {
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
  };
}

export function parseRestoreRequest(body: unknown): RestoreRequestBody {
  const parsed = restoreSchema.safeParse(body);
  if (!parsed.success) refuse(parsed.error);
  const r = parsed.data.restore;
  return {
    mappings: r.mappings?.map((m) => ({ backupId: m.backup_id, volumeId: m.volume_id })) ?? null,
    // Documented default: the server is powered on after restoration.
    powerOn: r.power_on ?? true,
    serverId: r.server_id ?? null,
    volumeId: r.volume_id ?? null,
  };
}
