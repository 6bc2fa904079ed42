// Request bodies of vault management (CreateVault, UpdateVault, Add/Remove/MigrateResources, the
// tag operations), checked for shape with zod; the vault rules (lib/vaults) are checked by the
// operations themselves so that each violation gets the cloud's own code.
import { z } from "zod";
import { uuidPattern } from "./constants";
import { invalid } from "./errors";

const uuid = z.string().regex(uuidPattern);
const tag = z.object({ key: z.string(), value: z.string().optional() });
const bindRules = z.object({ tags: z.array(tag).optional() });
const resource = z.object({
  id: uuid,
  type: z.string().max(64),
  name: z.string().max(255).optional(),
  extra_info: z
    .object({ exclude_volumes: z.array(uuid).max(64).optional() })
    .partial()
    .optional(),
});

const createSchema = z.object({
  vault: z.object({
    name: z.string(),
    description: z.string().optional(),
    billing: z.object({
      cloud_type: z.literal("public").optional(),
      consistent_level: z.enum(["crash_consistent", "app_consistent"]),
      object_type: z.enum(["server", "disk"]),
      protect_type: z.enum(["backup", "replication"]),
      size: z.number(),
      charging_mode: z.literal("post_paid").optional(),
      is_auto_renew: z.boolean().optional(),
      is_auto_pay: z.boolean().optional(),
      console_url: z.string().max(255).optional(),
    }),
    resources: z.array(resource).max(255),
    tags: z.array(tag).min(1).optional(),
    auto_bind: z.boolean().optional(),
    bind_rules: bindRules.optional(),
    auto_expand: z.boolean().optional(),
    backup_policy_id: z.string().nullable().optional(),
    enterprise_project_id: z.string().optional(),
    locked: z.boolean().optional(),
    threshold: z.number().int().min(1).max(100).optional(),
    smn_notify: z.boolean().optional(),
  }),
});
export type CreateVaultRequest = z.infer<typeof createSchema>["vault"];

const updateSchema = z.object({
  vault: z.object({
    name: z.string().optional(),
    billing: z
      .object({
        size: z.number().optional(),
        consistent_level: z.enum(["crash_consistent", "app_consistent"]).optional(),
      })
      .optional(),
    auto_bind: z.boolean().optional(),
    bind_rules: bindRules.optional(),
    auto_expand: z.boolean().optional(),
    smn_notify: z.boolean().optional(),
    threshold: z.number().int().min(1).max(100).optional(),
    locked: z.boolean().optional(),
  }),
});
export type UpdateVaultRequest = z.infer<typeof updateSchema>["vault"];

const addSchema = z.object({ resources: z.array(resource).min(1).max(256) });
export type AddResourcesRequest = z.infer<typeof addSchema>["resources"];
const removeSchema = z.object({ resource_ids: z.array(uuid).min(1).max(256) });
const migrateSchema = z.object({
  destination_vault_id: uuid,
  resource_ids: z.array(uuid).min(1).max(256),
});
const oneTagSchema = z.object({ tag: tag });
const tagActionSchema = z.object({
  tags: z.array(tag).min(1),
  action: z.enum(["create", "delete"]),
});

const tagsReq = z
  .array(
    z.object({ key: z.string().min(1).max(127), values: z.array(z.string().max(255)).max(20) }),
  )
  .min(1)
  .max(20);
const instancesSchema = z.object({
  action: z.enum(["filter", "count"]),
  without_any_tag: z.boolean().optional(),
  tags: tagsReq.optional(),
  tags_any: tagsReq.optional(),
  not_tags: tagsReq.optional(),
  not_tags_any: tagsReq.optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
  offset: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional(),
  matches: z
    .array(z.object({ key: z.literal("resource_name"), value: z.string().max(255) }))
    .max(1)
    .optional(),
  cloud_type: z.literal("public").optional(),
  object_type: z.enum(["server", "disk"]).optional(),
});
export type ResourceInstancesRequest = z.infer<typeof instancesSchema>;

/** The first problem zod found, named as the cloud names fields ("Invalid vault.name provided."). */
function refuse(error: z.ZodError): never {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  if (!issue || path === "") invalid("Invalid request body.");
  if (issue.code === "invalid_type" && issue.input === undefined) {
    invalid(`Missing required parameter: ${path}.`);
  }
  invalid(`Invalid ${path} provided.`);
}

function parseWith<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) refuse(parsed.error);
  return parsed.data;
}

export const parseCreateVault = (body: unknown) => parseWith(createSchema, body).vault;
export const parseUpdateVault = (body: unknown) => parseWith(updateSchema, body).vault;
export const parseAddResources = (body: unknown) => parseWith(addSchema, body).resources;
export const parseRemoveResources = (body: unknown) => parseWith(removeSchema, body).resource_ids;
export const parseMigrateResources = (body: unknown) => parseWith(migrateSchema, body);
export const parseOneTag = (body: unknown) => parseWith(oneTagSchema, body).tag;
export const parseTagAction = (body: unknown) => parseWith(tagActionSchema, body);
export const parseResourceInstances = (body: unknown) => parseWith(instancesSchema, body);
