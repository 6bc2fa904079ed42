// The bodies of vault management (rename and resize, remove resources, delete): checked with the
// vault rules of lib/vaults, so that the form, the route handler and the simulator refuse alike.
import { z } from "zod";
import { uuidSchema } from "@/lib/schemas/common";
import {
  checkVaultName,
  RESOURCES_PER_REQUEST_MAX,
  VAULT_NAME_MAX,
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
};

/** `PATCH /api/vaults/{id}`: what changes; at least one field. */
export const vaultChangeBodySchema = z
  .object({
    name: z.string().trim().max(255).optional(),
    sizeGb: z.number().optional(),
    autoExpand: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
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
    if (value.name === undefined && value.sizeGb === undefined && value.autoExpand === undefined) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Nothing to change." });
    }
  });
export type VaultChangeBody = z.infer<typeof vaultChangeBodySchema>;

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
});
export type VaultCandidate = z.infer<typeof vaultCandidateSchema>;
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
