// Vault tags (OTC-CBR api-ref "Tags"): one tag, a batch of tags, the project's keys and values,
// and the vaults found by tag (POST /vault/resource_instances/action).
import { checkTag, mergeTags, normalizeTag, type Tag, VAULT_TAGS_MAX } from "@/lib/vaults";
import { invalid } from "./errors";
import type { CbrProject, CbrVault } from "./types";
import { vaultFail } from "./vault-admin-errors";
import type { ResourceInstancesRequest } from "./vault-admin-requests";
import { vaultJson } from "./views";

type Json = Record<string, unknown>;

function checked(
  tags: readonly { key: string; value?: string | undefined }[],
  field: string,
): Tag[] {
  const list = tags.map(normalizeTag);
  list.forEach((tag, index) => {
    if (checkTag(tag)) invalid(`Invalid ${field}[${index}] provided.`);
  });
  if (new Set(list.map((t) => t.key)).size !== list.length) invalid(`Invalid ${field} provided.`);
  return list;
}

/** Adds tags (a key already there takes the new value); at most 20 per vault (6600). */
export function addVaultTags(
  vault: CbrVault,
  tags: readonly { key: string; value?: string | undefined }[],
  field: string,
): void {
  const merged = mergeTags(vault.tags, checked(tags, field));
  if (merged.length > VAULT_TAGS_MAX) vaultFail("tooManyTags");
  vault.tags = merged;
}

/** Deletes tags by key (a value, when given, must match); unknown keys are ignored in a batch. */
export function deleteVaultTags(
  vault: CbrVault,
  tags: readonly { key: string; value?: string | undefined }[],
): void {
  const gone = tags.map((t) => ({ key: t.key.trim(), value: t.value?.trim() }));
  vault.tags = vault.tags.filter(
    (tag) =>
      !gone.some((g) => g.key === tag.key && (g.value === undefined || g.value === tag.value)),
  );
}

/** DELETE /vault/{id}/tags/{key}: the key is trimmed and not checked; 404 6601 when absent. */
export function deleteVaultTag(vault: CbrVault, key: string): void {
  const trimmed = key.trim();
  if (trimmed === "") invalid("Invalid key provided.");
  if (!vault.tags.some((t) => t.key === trimmed)) vaultFail("tagKeyNotFound");
  vault.tags = vault.tags.filter((t) => t.key !== trimmed);
}

/** GET /vault/tags: every key of the project's vaults with its distinct values. */
export function projectTags(project: CbrProject): { key: string; values: string[] }[] {
  const keys = new Map<string, Set<string>>();
  for (const vault of project.cbr.vaults) {
    for (const tag of vault.tags) {
      const values = keys.get(tag.key) ?? new Set<string>();
      values.add(tag.value);
      keys.set(tag.key, values);
    }
  }
  return [...keys].map(([key, values]) => ({ key, values: [...values] }));
}

type TagsReq = { key: string; values: string[] }[];

function hasTag(vault: CbrVault, want: TagsReq[number]): boolean {
  return vault.tags.some(
    (tag) =>
      tag.key === want.key.trim() &&
      (want.values.length === 0 ||
        want.values.some((v) =>
          v.startsWith("*") ? tag.value.includes(v.slice(1)) : tag.value === v.trim(),
        )),
  );
}

/** The filter of ShowVaultResourceInstances: keys AND in `tags`, OR in `tags_any`, and the nots. */
export function vaultsByTags(
  project: CbrProject,
  request: ResourceInstancesRequest,
): { total: number; resources: Json[] } {
  for (const list of [request.tags, request.tags_any, request.not_tags, request.not_tags_any]) {
    if (list && new Set(list.map((t) => t.key)).size !== list.length)
      invalid("Invalid tags provided.");
  }
  const match = request.matches?.[0];
  const matching = project.cbr.vaults.filter((vault) => {
    if (request.object_type && vault.objectType !== request.object_type) return false;
    if (match?.value && !vault.name.includes(match.value)) return false;
    if (request.without_any_tag) return vault.tags.length === 0;
    if (request.tags && !request.tags.every((t) => hasTag(vault, t))) return false;
    if (request.tags_any && !request.tags_any.some((t) => hasTag(vault, t))) return false;
    if (request.not_tags?.every((t) => hasTag(vault, t))) return false;
    if (request.not_tags_any?.some((t) => hasTag(vault, t))) return false;
    return true;
  });
  const limit = Number(request.limit ?? 1000);
  const offset = Number(request.offset ?? 0);
  if (limit < 1 || limit > 1000) invalid("Invalid limit provided.");
  return {
    total: matching.length,
    resources: matching.slice(offset, offset + limit).map((vault) => ({
      resource_id: vault.id,
      resource_name: vault.name,
      resource_detail: { vault: vaultJson(project.cbr, project.id, vault) },
      tags: vault.tags.map((t) => ({ key: t.key, value: t.value })),
      sys_tags: [],
    })),
  };
}
