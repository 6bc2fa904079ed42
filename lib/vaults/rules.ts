// The rules of CBR vaults, once: checked by the forms, the route handlers and the simulator.
// Sources (every rule is listed with its source in lib/sim/README.md, "Vault rules"):
// OTC-CBR = opentelekomcloud-docs/cloud-backup-recovery (api-ref and umn); HW-SDK =
// huaweicloud-sdk-python-v3, huaweicloud-sdk-cbr/huaweicloudsdkcbr/v1/model.

export type VaultObjectType = "server" | "disk";
export type VaultProtectType = "backup" | "replication";
export type VaultConsistency = "crash_consistent" | "app_consistent";
export const VAULT_OBJECT_TYPES = ["server", "disk"] as const;
export const VAULT_PROTECT_TYPES = ["backup", "replication"] as const;
export const VAULT_CONSISTENCY_LEVELS = ["crash_consistent", "app_consistent"] as const;

/** What went wrong with an input, as a stable code the console words and the simulator answers. */
export type VaultRuleViolation =
  | "name.empty"
  | "name.tooLong"
  | "name.chars"
  | "description.tooLong"
  | "size.notInteger"
  | "size.belowMinimum"
  | "size.aboveMaximum"
  | "size.shrink"
  | "size.belowUsed"
  | "tag.keyEmpty"
  | "tag.keyTooLong"
  | "tag.keyChars"
  | "tag.valueTooLong"
  | "tag.valueChars"
  | "tag.duplicateKey"
  | "tag.tooMany"
  | "bindRules.tooMany"
  | "resource.typeMismatch"
  | "resource.replicationVault"
  | "resource.duplicate"
  | "resource.inOtherVault"
  | "resource.alreadyInVault"
  | "resource.tooMany"
  | "lock.irreversible"
  | "lock.forbidsRemoval"
  | "lock.forbidsMigration"
  | "lock.policyBackup"
  | "migrate.sameVault"
  | "migrate.typeMismatch"
  | "migrate.noRoom";

// ---------- names ----------

/** OTC-CBR umn "Creating a Server Backup Vault": 1–64 of digits, letters, `_` and `-`. */
export const VAULT_NAME_MAX = 64;
const VAULT_NAME_CHARS = /^[A-Za-z0-9_-]+$/;
/** VaultCreate.description: at most 64 characters (OTC-CBR CreateVault, Table 4). */
export const VAULT_DESCRIPTION_MAX = 64;

export function checkVaultName(name: string): VaultRuleViolation | null {
  if (name.length === 0) return "name.empty";
  if (name.length > VAULT_NAME_MAX) return "name.tooLong";
  if (!VAULT_NAME_CHARS.test(name)) return "name.chars";
  return null;
}

export function checkVaultDescription(description: string): VaultRuleViolation | null {
  return description.length > VAULT_DESCRIPTION_MAX ? "description.tooLong" : null;
}

// ---------- capacity ----------

/** BillingCreate.size: 10–10,485,760 GB (OTC-CBR CreateVault, Table 5; umn). */
export const VAULT_SIZE_MIN_GB = 10;
export const VAULT_SIZE_MAX_GB = 10_485_760;
/** umn "Expanding Vault Capacity": full vaults with auto-expand grow to 1.25 × their capacity. */
export const AUTO_EXPAND_FACTOR = 1.25;

export function checkCreateSize(sizeGb: number): VaultRuleViolation | null {
  if (!Number.isInteger(sizeGb)) return "size.notInteger";
  if (sizeGb < VAULT_SIZE_MIN_GB) return "size.belowMinimum";
  if (sizeGb > VAULT_SIZE_MAX_GB) return "size.aboveMaximum";
  return null;
}

/**
 * A new capacity for an existing vault: an integer up to the maximum that neither shrinks the vault
 * (the umn offers only "Expand Capacity"; Huawei's Terraform issue 2157 is a shrink reported as a
 * bug) nor falls below what its backups use.
 */
export function checkResize(
  newSizeGb: number,
  vault: { sizeGb: number; usedMb: number },
): VaultRuleViolation | null {
  if (!Number.isInteger(newSizeGb)) return "size.notInteger";
  if (newSizeGb > VAULT_SIZE_MAX_GB) return "size.aboveMaximum";
  if (newSizeGb < usedGb(vault.usedMb)) return "size.belowUsed";
  if (newSizeGb < vault.sizeGb) return "size.shrink";
  return null;
}

/** Used capacity in whole GB, rounded up (a vault of 10 GB holding 10.2 GB is over). */
export function usedGb(usedMb: number): number {
  return Math.ceil(usedMb / 1024);
}

/** What auto-expand does to a full vault: 1.25 × its capacity, whole GB, capped at the maximum. */
export function autoExpandedSize(sizeGb: number): number {
  return Math.min(VAULT_SIZE_MAX_GB, Math.ceil(sizeGb * AUTO_EXPAND_FACTOR));
}

/**
 * The capacity after backups that need `addMb` more: unchanged when they fit; with auto-expand,
 * grown by 1.25 × steps until they fit; null when they do not fit and the vault cannot grow.
 */
export function capacityAfter(
  vault: { sizeGb: number; usedMb: number; autoExpand: boolean },
  addMb: number,
): number | null {
  const needMb = vault.usedMb + addMb;
  let size = vault.sizeGb;
  if (needMb <= size * 1024) return size;
  if (!vault.autoExpand) return null;
  while (needMb > size * 1024 && size < VAULT_SIZE_MAX_GB) size = autoExpandedSize(size);
  return needMb <= size * 1024 ? size : null;
}

// ---------- tags ----------

/** Vault tags (OTC-CBR CreateVault Table 8, TMS rules): key 1–36, value 0–43, both trimmed. */
export const TAG_KEY_MAX = 36;
export const TAG_VALUE_MAX = 43;
/** OTC-CBR: up to 20 tags per vault (HW-SDK VaultCreate says 10: Huawei's own limit). */
export const VAULT_TAGS_MAX = 20;
/** HW-SDK VaultBindRules.tags: 1–5 tags (OTC-CBR umn: "a maximum of 5 tags"). */
export const BIND_RULE_TAGS_MAX = 5;
/** T Cloud Public (and HW-SDK's `dt` tag): letters, digits, `_` and `-` only. */
const TAG_CHARS = /^[A-Za-z0-9_-]*$/;

export type Tag = { key: string; value: string };

export function normalizeTag(tag: { key: string; value?: string | undefined }): Tag {
  return { key: tag.key.trim(), value: (tag.value ?? "").trim() };
}

export function checkTag(tag: Tag): VaultRuleViolation | null {
  const { key, value } = normalizeTag(tag);
  if (key.length === 0) return "tag.keyEmpty";
  if (key.length > TAG_KEY_MAX) return "tag.keyTooLong";
  if (!TAG_CHARS.test(key)) return "tag.keyChars";
  if (value.length > TAG_VALUE_MAX) return "tag.valueTooLong";
  if (!TAG_CHARS.test(value)) return "tag.valueChars";
  return null;
}

/** A list of tags: each valid, keys unique, at most `max`. Returns the first problem and where. */
export function checkTags(
  tags: readonly Tag[],
  max: number = VAULT_TAGS_MAX,
): { index: number; violation: VaultRuleViolation } | null {
  if (tags.length > max)
    return {
      index: max,
      violation: max === BIND_RULE_TAGS_MAX ? "bindRules.tooMany" : "tag.tooMany",
    };
  const seen = new Set<string>();
  for (const [index, tag] of tags.entries()) {
    const violation = checkTag(tag);
    if (violation) return { index, violation };
    const key = normalizeTag(tag).key;
    if (seen.has(key)) return { index, violation: "tag.duplicateKey" };
    seen.add(key);
  }
  return null;
}

/** Tags after adding `added` (a key already there takes the new value), as the tag API does. */
export function mergeTags(current: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = new Map(current.map((t) => [t.key, t.value]));
  for (const tag of added.map(normalizeTag)) merged.set(tag.key, tag.value);
  return [...merged].map(([key, value]) => ({ key, value }));
}

/**
 * What turns a vault's tags from `current` into `next` with the tag API: the keys to delete and the
 * tags to create (a create of a key already there changes its value). Nothing for tags unchanged.
 */
export function tagChanges(
  current: readonly Tag[],
  next: readonly Tag[],
): { remove: Tag[]; set: Tag[] } {
  const now = new Map(current.map((t) => [t.key, t.value]));
  const wanted = new Map(next.map(normalizeTag).map((t) => [t.key, t.value]));
  return {
    remove: current.filter((t) => !wanted.has(t.key)),
    set: [...wanted]
      .filter(([key, value]) => now.get(key) !== value)
      .map(([key, value]) => ({ key, value })),
  };
}

/** Same tags, whatever their order. */
export function sameTags(a: readonly Tag[], b: readonly Tag[]): boolean {
  const { remove, set } = tagChanges(a, b);
  return remove.length === 0 && set.length === 0;
}

/**
 * Whether a resource with `tags` matches a vault's auto-bind rules: any rule tag whose key it has,
 * with the same value when the rule gives one (umn: "vaults with any of the specified tags").
 */
export function matchesBindRules(
  resourceTags: readonly Tag[],
  rules: readonly { key: string; value?: string | undefined }[],
): boolean {
  if (rules.length === 0) return false;
  return rules.some((rule) =>
    resourceTags.some((tag) => tag.key === rule.key && (!rule.value || tag.value === rule.value)),
  );
}

// ---------- resources ----------

export type ResourceType = "OS::Nova::Server" | "OS::Cinder::Volume";
/** AddVaultResource: 1–256 resources per request (OTC-CBR); a vault holds at most 256 (6100). */
export const RESOURCES_PER_REQUEST_MAX = 256;
export const VAULT_RESOURCES_MAX = 256;

export const RESOURCE_TYPE_OF: Record<VaultObjectType, ResourceType> = {
  server: "OS::Nova::Server",
  disk: "OS::Cinder::Volume",
};

/**
 * Whether a vault may hold a resource of this type: a server vault holds servers, a disk vault
 * disks, and a replication vault holds replicas only, never resources (umn: "If you select
 * Replication, you do not need to select a server").
 */
export function checkResourceType(
  vault: { objectType: string; protectType: string },
  resourceType: string,
): VaultRuleViolation | null {
  if (vault.protectType === "replication") return "resource.replicationVault";
  const expected = RESOURCE_TYPE_OF[vault.objectType as VaultObjectType];
  return expected === resourceType ? null : "resource.typeMismatch";
}

/**
 * The membership checks of adding resources to a vault: no duplicates in the request, none already
 * in this vault, none in another vault (a resource sits in at most one vault: 6103), and room.
 * `holder` names the vault that already holds a resource, if any.
 */
export function checkAddResources(
  vault: { id: string; objectType: string; protectType: string; resourceCount: number },
  resources: readonly { id: string; type: string }[],
  holder: (resourceId: string) => string | null,
): { index: number; violation: VaultRuleViolation } | null {
  if (vault.resourceCount + resources.length > VAULT_RESOURCES_MAX) {
    return { index: 0, violation: "resource.tooMany" };
  }
  const seen = new Set<string>();
  for (const [index, resource] of resources.entries()) {
    const type = checkResourceType(vault, resource.type);
    if (type) return { index, violation: type };
    if (seen.has(resource.id)) return { index, violation: "resource.duplicate" };
    seen.add(resource.id);
    const in_ = holder(resource.id);
    if (in_ === vault.id) return { index, violation: "resource.alreadyInVault" };
    if (in_) return { index, violation: "resource.inOtherVault" };
  }
  return null;
}

/**
 * Migrating resources keeps their backups (umn "Migrating Resources from a Vault"): destination of
 * the same type, another vault, room for the backups that move, neither vault locked (umn
 * "Enabling Backup Locking": resources of a locked vault cannot be dissociated or migrated).
 */
export function checkMigration(
  source: { id: string; objectType: string; locked: boolean },
  destination: {
    id: string;
    objectType: string;
    protectType: string;
    locked: boolean;
    sizeGb: number;
    usedMb: number;
    autoExpand: boolean;
  },
  movingMb: number,
): VaultRuleViolation | null {
  if (source.id === destination.id) return "migrate.sameVault";
  if (source.locked) return "lock.forbidsMigration";
  if (source.objectType !== destination.objectType || destination.protectType !== "backup") {
    return "migrate.typeMismatch";
  }
  // umn: "The remaining capacity of the destination vault must be greater than the size of
  // resource backups to be migrated" (auto-expand does not help here: it grows after a backup).
  if (destination.usedMb + movingMb > destination.sizeGb * 1024) return "migrate.noRoom";
  return null;
}

export function checkRemoval(vault: { locked: boolean }): VaultRuleViolation | null {
  return vault.locked ? "lock.forbidsRemoval" : null;
}

// ---------- backup locking ----------

/** `locked` goes one way: false → true (OTC-CBR: "A locked vault cannot be unlocked"). */
export function checkLockChange(current: boolean, requested: boolean): VaultRuleViolation | null {
  return current && !requested ? "lock.irreversible" : null;
}

/**
 * Whether a backup may be deleted by hand under backup locking (umn "Enabling Backup Locking"):
 * manual backups always; policy backups only once expired (BackupService.6220 otherwise).
 */
export function checkLockedBackupDelete(
  vault: { locked: boolean },
  backup: { autoTrigger: boolean; expiredAt: string | null },
  now: Date,
): VaultRuleViolation | null {
  if (!vault.locked || !backup.autoTrigger) return null;
  if (backup.expiredAt && Date.parse(backup.expiredAt) <= now.getTime()) return null;
  return "lock.policyBackup";
}
