import "server-only";
import {
  deleteVault,
  getVault,
  removeVaultResources,
  type UpdateVaultBody,
  updateVault,
  type Vault,
  vaultTagAction,
} from "@/lib/cloud/cbr";
import type { CloudContext } from "@/lib/cloud/context";
import type { CloudError } from "@/lib/cloud/errors";
import type { Locale } from "@/lib/i18n/locales";
import { confirmsServerName } from "@/lib/schemas/restore";
import type { VaultView } from "@/lib/schemas/vault";
import {
  type DeleteVaultBody,
  type RemovalResult,
  type RemoveResourcesBody,
  VAULT_RULE_TEXT,
  type VaultChangeBody,
} from "@/lib/schemas/vault-admin";
import {
  checkRemoval,
  checkResize,
  normalizeTag,
  type ResourceUsage,
  removalImpact,
  sameTags,
  tagChanges,
} from "@/lib/vaults";
import { RouteError, refusalsAtField } from "../errors";
import { backupPolicyIndex, toVaultView } from "./vault-service";

/** Which field a refusal of UpdateVault belongs to (BackupService codes of the simulator's README). */
function changeFieldOf(error: CloudError): string | undefined {
  const short = error.code.replace(/^BackupService\./, "");
  if (["6127", "6302"].includes(short)) return undefined;
  if (/bind_rules/.test(error.message)) return "bindRules";
  if (/\bsize\b|capacity/i.test(error.message)) return "sizeGb";
  if (/\bname\b/i.test(error.message)) return "name";
  return undefined;
}

/**
 * Rename, resize, auto-expand: the capacity is checked against the vault as it is now (it only
 * grows and never below what its backups use), then one UpdateVault with what changed.
 */
export async function changeVault(
  cloud: CloudContext,
  locale: Locale,
  vaultId: string,
  change: VaultChangeBody,
): Promise<VaultView> {
  const vault = await getVault(cloud, vaultId);
  const body: UpdateVaultBody = {};
  if (change.name !== undefined && change.name !== vault.name) body.name = change.name;
  const currentSize = vault.billing?.size ?? 0;
  if (change.sizeGb !== undefined && change.sizeGb !== currentSize) {
    const violation = checkResize(change.sizeGb, {
      sizeGb: currentSize,
      usedMb: vault.billing?.used ?? 0,
    });
    if (violation) {
      throw RouteError.of("VALIDATION", { field: "sizeGb", message: VAULT_RULE_TEXT[violation] });
    }
    body.billing = { size: change.sizeGb };
  }
  if (change.autoExpand !== undefined && change.autoExpand !== (vault.auto_expand ?? false)) {
    body.auto_expand = change.autoExpand;
  }
  const current = toVaultView(vault);
  if (change.autoBind !== undefined && change.autoBind !== current.autoBind) {
    body.auto_bind = change.autoBind;
  }
  if (change.bindRules !== undefined && !sameTags(change.bindRules, current.bindRules)) {
    body.bind_rules = { tags: change.bindRules.map(normalizeTag) };
  }
  const tags = change.tags ? tagChanges(current.tags, change.tags) : { remove: [], set: [] };
  if (Object.keys(body).length === 0 && tags.remove.length + tags.set.length === 0) {
    return toVaultView(vault, await backupPolicyIndex(cloud));
  }
  let updated =
    Object.keys(body).length > 0
      ? await refusalsAtField(locale, changeFieldOf, () => updateVault(cloud, vaultId, body))
      : vault;
  // The tag API answers nothing: the vault is read again to show what it holds now.
  if (tags.remove.length > 0) {
    await refusalsAtField(locale, tagFieldOf, () =>
      vaultTagAction(cloud, vaultId, "delete", tags.remove),
    );
  }
  if (tags.set.length > 0) {
    await refusalsAtField(locale, tagFieldOf, () =>
      vaultTagAction(cloud, vaultId, "create", tags.set),
    );
  }
  if (tags.remove.length + tags.set.length > 0) updated = await getVault(cloud, vaultId);
  return toVaultView(updated, await backupPolicyIndex(cloud));
}

/** Every refusal of the tag API is about the tags (their number, a key, a value). */
function tagFieldOf(): string {
  return "tags";
}

/** Each resource's backups in the vault, as the vault counts them (what a removal deletes). */
function usageOf(vault: Vault): ResourceUsage[] {
  return vault.resources.map((r) => ({
    id: r.id,
    backupCount: r.backup_count ?? 0,
    backupSizeMb: r.backup_size ?? 0,
  }));
}

/** The user typed the vault's name: the one safeguard a removal and a deletion share. */
function requireTypedName(vault: { id: string; name?: string | undefined }, typed: string) {
  if (!confirmsServerName(typed, vault.name ?? vault.id)) {
    throw RouteError.of("VALIDATION", {
      field: "confirmName",
      message: "Type the vault's name exactly.",
    });
  }
}

/**
 * RemoveResources after the typed name: only resources of this vault, refused under backup
 * locking, and answered with what it deletes (their backups, as the vault counted them).
 */
export async function removeResources(
  cloud: CloudContext,
  locale: Locale,
  vaultId: string,
  input: RemoveResourcesBody,
): Promise<RemovalResult> {
  const vault = await getVault(cloud, vaultId);
  requireTypedName(vault, input.confirmName);
  const inVault = new Set(vault.resources.map((r) => r.id));
  if (input.resourceIds.some((id) => !inVault.has(id))) {
    throw RouteError.of("VALIDATION", {
      field: "resourceIds",
      message: "Only resources of this vault can be removed from it.",
    });
  }
  const locked = checkRemoval({ locked: vault.locked ?? false });
  if (locked) throw RouteError.of("VALIDATION", { message: VAULT_RULE_TEXT[locked] });
  const impact = removalImpact(usageOf(vault), input.resourceIds);
  const removed = await refusalsAtField(
    locale,
    () => undefined,
    () => removeVaultResources(cloud, vaultId, input.resourceIds),
  );
  return { removed, backups: impact.backups, sizeMb: impact.sizeMb };
}

/** DeleteVault after the typed name; the vault and its backups go (asynchronously, on the cloud). */
export async function deleteVaultConfirmed(
  cloud: CloudContext,
  vaultId: string,
  input: DeleteVaultBody,
): Promise<RemovalResult> {
  const vault = await getVault(cloud, vaultId);
  requireTypedName(vault, input.confirmName);
  const impact = removalImpact(
    usageOf(vault),
    vault.resources.map((r) => r.id),
  );
  await deleteVault(cloud, vaultId);
  return {
    removed: vault.resources.map((r) => r.id),
    backups: impact.backups,
    sizeMb: impact.sizeMb,
  };
}

/**
 * Backup locking, after the typed name: for good (the cloud has no way back), so a vault already
 * locked is answered as it is rather than sent again.
 */
export async function lockVault(
  cloud: CloudContext,
  locale: Locale,
  vaultId: string,
  input: DeleteVaultBody,
): Promise<VaultView> {
  const vault = await getVault(cloud, vaultId);
  requireTypedName(vault, input.confirmName);
  const policies = await backupPolicyIndex(cloud);
  if (vault.locked) return toVaultView(vault, policies);
  const updated = await refusalsAtField(
    locale,
    () => undefined,
    () => updateVault(cloud, vaultId, { locked: true }),
  );
  return toVaultView(updated, policies);
}
