// The bodies of vault management (rename and resize, remove resources, delete): checked with the
// vault rules of lib/vaults, so that the form, the route handler and the simulator refuse alike.
import { z } from "zod";
import { uuidSchema } from "@/lib/schemas/common";
import {
  BIND_RULE_TAGS_MAX,
  checkCreateSize,
  checkTags,
  checkVaultDescription,
  checkVaultName,
  RESOURCES_PER_REQUEST_MAX,
  TAG_KEY_MAX,
  TAG_VALUE_MAX,
  type Tag,
  VAULT_CONSISTENCY_LEVELS,
  VAULT_DESCRIPTION_MAX,
  VAULT_NAME_MAX,
  VAULT_OBJECT_TYPES,
  VAULT_SIZE_MIN_GB,
  VAULT_TAGS_MAX,
  type VaultRuleViolation,
} from "@/lib/vaults/rules";

/** The route's words for a rule (the form shows the user's, lib/i18n/words/vault-admin.ts). */
export const VAULT_RULE_TEXT: Partial<Record<VaultRuleViolation, string>> = {
  "name.empty": "Enter a name.",
  "name.tooLong": `At most ${VAULT_NAME_MAX} characters.`,
  "name.chars": "Use letters, digits, _ and - only.",
  "size.notInteger": "Enter whole GB.",
  "size.aboveMaximum": "Above the largest capacity a vault can have.",
  "size.shrink": "A vault's capacity can only grow.",
  "size.belowUsed": "Below the space its backups use.",
  "lock.forbidsRemoval": "Backup locking forbids removing resources from this vault.",
  "description.tooLong": `At most ${VAULT_DESCRIPTION_MAX} characters.`,
  "size.belowMinimum": `At least ${VAULT_SIZE_MIN_GB} GB.`,
  "tag.keyEmpty": "Enter a key.",
  "tag.keyTooLong": `At most ${TAG_KEY_MAX} characters.`,
  "tag.keyChars": "Use letters, digits, _ and - only.",
  "tag.valueTooLong": `At most ${TAG_VALUE_MAX} characters.`,
  "tag.valueChars": "Use letters, digits, _ and - only.",
  "tag.duplicateKey": "Each key only once.",
  "tag.tooMany": `At most ${VAULT_TAGS_MAX} tags.`,
  "bindRules.tooMany": `At most ${BIND_RULE_TAGS_MAX} tags.`,
};

/** Where a tag list's problem belongs: the key or the value of the tag it is about. */
export function tagIssuePath(
  list: "tags" | "bindRules",
  problem: { index: number; violation: VaultRuleViolation },
): (string | number)[] {
  if (problem.violation === "tag.tooMany" || problem.violation === "bindRules.tooMany") {
    return [list];
  }
  const part = problem.violation.startsWith("tag.value") ? "value" : "key";
  return [list, problem.index, part];
}

const tagSchema = z.object({ key: z.string().max(255), value: z.string().max(255).default("") });
const tagListSchema = z.array(tagSchema).max(VAULT_TAGS_MAX + 1);
const bindRulesSchema = z.array(tagSchema).max(BIND_RULE_TAGS_MAX + 1);

/**
 * The tag rules of lib/vaults on a vault's tags and auto-bind rules, each problem at its tag; and
 * auto-bind only with a rule (without one the cloud would take every unprotected server).
 */
function refineTagLists(
  value: {
    tags?: Tag[] | undefined;
    autoBind?: boolean | undefined;
    bindRules?: Tag[] | undefined;
  },
  ctx: z.RefinementCtx,
) {
  for (const list of ["tags", "bindRules"] as const) {
    const tags = value[list];
    if (!tags) continue;
    const problem = checkTags(tags, list === "tags" ? VAULT_TAGS_MAX : BIND_RULE_TAGS_MAX);
    if (problem) {
      ctx.addIssue({
        code: "custom",
        path: tagIssuePath(list, problem),
        message: VAULT_RULE_TEXT[problem.violation] ?? "",
      });
    }
  }
  if (value.autoBind && (value.bindRules ?? []).length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["bindRules"],
      message: "Name at least one tag that the servers to bind carry.",
    });
  }
}

/** `PATCH /api/vaults/{id}`: what changes; at least one field. */
export const vaultChangeBodySchema = z
  .object({
    name: z.string().trim().max(255).optional(),
    sizeGb: z.number().optional(),
    autoExpand: z.boolean().optional(),
    /** The vault's tags as they are to be: the ones missing are removed. */
    tags: tagListSchema.optional(),
    autoBind: z.boolean().optional(),
    bindRules: bindRulesSchema.optional(),
  })
  .superRefine((value, ctx) => {
    refineTagLists(value, ctx);
    if (value.name !== undefined) {
      const violation = checkVaultName(value.name);
      if (violation) {
        ctx.addIssue({ code: "custom", path: ["name"], message: VAULT_RULE_TEXT[violation] ?? "" });
      }
    }
    if (value.sizeGb !== undefined && !Number.isInteger(value.sizeGb)) {
      ctx.addIssue({
        code: "custom",
        path: ["sizeGb"],
        message: VAULT_RULE_TEXT["size.notInteger"] ?? "",
      });
    }
    if (Object.values(value).every((v) => v === undefined)) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Nothing to change." });
    }
  });
export type VaultChangeBody = z.infer<typeof vaultChangeBodySchema>;

/**
 * `POST /api/vaults`: a pay-per-use backup vault with its first resources (new ones added, ones in
 * another vault moved with their backups), an optional backup policy, tags and auto-bind rules.
 */
export const createVaultBodySchema = z
  .object({
    name: z.string().trim().max(255),
    description: z.string().trim().max(255).default(""),
    objectType: z.enum(VAULT_OBJECT_TYPES),
    consistency: z.enum(VAULT_CONSISTENCY_LEVELS).default("crash_consistent"),
    sizeGb: z.number(),
    autoExpand: z.boolean().default(false),
    policyId: uuidSchema.optional(),
    add: z.array(uuidSchema).max(RESOURCES_PER_REQUEST_MAX).default([]),
    move: z
      .array(z.object({ id: uuidSchema, fromVaultId: uuidSchema }))
      .max(RESOURCES_PER_REQUEST_MAX)
      .default([]),
    tags: tagListSchema.default([]),
    autoBind: z.boolean().default(false),
    bindRules: bindRulesSchema.default([]),
  })
  .superRefine((value, ctx) => {
    const at = (path: (string | number)[], violation: VaultRuleViolation) =>
      ctx.addIssue({ code: "custom", path, message: VAULT_RULE_TEXT[violation] ?? "" });
    const name = checkVaultName(value.name);
    if (name) at(["name"], name);
    const description = checkVaultDescription(value.description);
    if (description) at(["description"], description);
    const size = checkCreateSize(value.sizeGb);
    if (size) at(["sizeGb"], size);
    if (value.objectType === "disk" && value.consistency === "app_consistent") {
      ctx.addIssue({
        code: "custom",
        path: ["consistency"],
        message: "Application consistency is for server vaults: disks have no applications.",
      });
    }
    refineTagLists(value, ctx);
    if (value.autoBind && value.objectType !== "server") {
      ctx.addIssue({ code: "custom", path: ["autoBind"], message: "Auto-bind binds servers." });
    }
    const ids = [...value.add, ...value.move.map((m) => m.id)];
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: "custom", path: ["add"], message: "A resource is chosen twice." });
    }
  });
export type CreateVaultBody = z.input<typeof createVaultBodySchema>;
export type CreateVaultInput = z.output<typeof createVaultBodySchema>;

/** What a creation made: the vault, and the moves that did not go (the vault exists all the same). */
export const createVaultResultSchema = z.object({
  vault: z.object({ id: z.string(), name: z.string() }),
  added: z.array(z.string()),
  moved: z.array(z.string()),
  moveProblem: z.string().optional(),
});
export type CreateVaultResult = z.infer<typeof createVaultResultSchema>;

/** The vault's name, typed by the user before a removal or a deletion. */
const confirmName = z.string().max(255);

/** `POST /api/vaults/{id}/remove-resources`. */
export const removeResourcesBodySchema = z.object({
  resourceIds: z.array(uuidSchema).min(1).max(RESOURCES_PER_REQUEST_MAX),
  confirmName,
});
export type RemoveResourcesBody = z.infer<typeof removeResourcesBodySchema>;

/** `POST /api/vaults/{id}/delete` and `…/lock`: the typed name, nothing else. */
export const deleteVaultBodySchema = z.object({ confirmName });
export type DeleteVaultBody = z.infer<typeof deleteVaultBodySchema>;

/** What a removal or a deletion destroyed, as the vault counted it. */
export const removalResultSchema = z.object({
  removed: z.array(z.string()),
  backups: z.number(),
  sizeMb: z.number(),
});
export type RemovalResult = z.infer<typeof removalResultSchema>;

/**
 * A resource that could go in a vault: free, already there, held by another vault (then moving it
 * keeps its backups, and says how many), or refused by the cloud with its reason.
 */
export const vaultCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  sizeGb: z.number().optional(),
  disks: z.array(z.object({ id: z.string(), name: z.string(), sizeGb: z.number().optional() })),
  state: z.enum(["free", "here", "elsewhere", "refused"]),
  /** The vault holding it, when `elsewhere`. */
  vault: z.object({ id: z.string(), name: z.string() }).optional(),
  /** Its backups in that vault: what a move keeps. */
  backups: z.number().optional(),
  reason: z.string().optional(),
  /** The server's tags (what auto-bind rules match), when the cloud gives them. */
  tags: z.array(z.object({ key: z.string(), value: z.string() })).default([]),
});
export type VaultCandidate = z.infer<typeof vaultCandidateSchema>;
/** `GET /api/vaults/candidates?type=`: candidates for a vault not made yet. */
export const newVaultCandidatesQuerySchema = z.object({ type: z.enum(VAULT_OBJECT_TYPES) });
export const vaultCandidatesResponseSchema = z.object({
  candidates: z.array(vaultCandidateSchema),
});

/** `POST /api/vaults/{id}/add-resources`: new ones, and ones moved here from another vault. */
export const addResourcesBodySchema = z
  .object({
    add: z.array(uuidSchema).max(RESOURCES_PER_REQUEST_MAX).default([]),
    move: z
      .array(z.object({ id: uuidSchema, fromVaultId: uuidSchema }))
      .max(RESOURCES_PER_REQUEST_MAX)
      .default([]),
  })
  .refine((v) => v.add.length + v.move.length > 0, {
    path: ["add"],
    message: "Choose at least one resource.",
  });
export type AddResourcesBody = z.input<typeof addResourcesBodySchema>;
export const addResourcesResultSchema = z.object({
  added: z.array(z.string()),
  moved: z.array(z.string()),
});
export type AddResourcesResult = z.infer<typeof addResourcesResultSchema>;
