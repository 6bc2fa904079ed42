import "server-only";
import { type CreateVaultBody, createVault } from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import { CloudError } from "@/lib/cloud/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { CreateVaultInput, CreateVaultResult } from "@/lib/schemas/vault-admin";
import { RESOURCE_TYPE_OF } from "@/lib/vaults/rules";
import { mapCloudError, RouteError, refusalsAtField } from "../errors";
import { moveResources } from "./vault-resources";

/** Which field of the form a refusal of CreateVault belongs to (codes: lib/sim/cbr/README.md). */
function createFieldOf(error: CloudError): string | undefined {
  const short = error.code.replace(/^BackupService\./, "");
  if (["6100", "6102", "6103", "6104", "7006", "7116", "7000", "7100", "6302"].includes(short)) {
    return "add";
  }
  if (short === "6101") return "sizeGb";
  if (short === "6000") return "policyId";
  if (short === "6600") return "tags";
  if (/bind_rules/.test(error.message)) return "bindRules";
  if (/\btags\b/.test(error.message)) return "tags";
  if (/\bsize\b/.test(error.message)) return "sizeGb";
  if (/\bdescription\b/.test(error.message)) return "description";
  if (/\bname\b/.test(error.message)) return "name";
  return undefined;
}

/**
 * One CreateVault with the new resources, the policy, the tags and the auto-bind rules; then the
 * resources the user chose to move, from their vaults (their backups move too). A refused creation
 * changes nothing and is shown at its field. A refused move leaves the vault made: the answer says
 * so (`moveProblem`) rather than failing, because sending the form again would make a second vault.
 */
export async function createVaultWithResources(
  cloud: CloudContext,
  locale: Locale,
  input: CreateVaultInput,
): Promise<CreateVaultResult> {
  const type = RESOURCE_TYPE_OF[input.objectType];
  const body: CreateVaultBody = {
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    billing: {
      cloud_type: "public",
      consistent_level: input.consistency,
      object_type: input.objectType,
      protect_type: "backup",
      size: input.sizeGb,
      charging_mode: "post_paid",
    },
    resources: input.add.map((id) => ({ id, type })),
    ...(input.policyId ? { backup_policy_id: input.policyId } : {}),
    auto_expand: input.autoExpand,
    ...(input.tags.length > 0 ? { tags: input.tags } : {}),
    ...(input.autoBind ? { auto_bind: true, bind_rules: { tags: input.bindRules } } : {}),
  };
  const vault = await refusalsAtField(locale, createFieldOf, () => createVault(cloud, body));
  const made = { id: vault.id, name: vault.name ?? input.name };
  const added = vault.resources.map((r) => r.id);
  if (input.move.length === 0) return { vault: made, added, moved: [] };
  const moved: string[] = [];
  try {
    await moveResources(cloud, locale, vault.id, input.move, moved);
    return { vault: made, added, moved };
  } catch (error) {
    const moveProblem =
      error instanceof RouteError
        ? error.message
        : error instanceof CloudError
          ? mapCloudError(error, locale).message
          : "";
    if (!moveProblem) throw error;
    return { vault: made, added, moved, moveProblem };
  }
}
