// The CBR codes of vault management, as the OTC CBR API reference lists them
// (api-ref/source/appendix/error_codes.rst), and the map from the rule violations of lib/vaults to
// them. Kept apart from errors.ts so that vault management stays in its own files.
import type { VaultRuleViolation } from "@/lib/vaults";
import { type CbrErrorCode, CbrFailure, invalid } from "./errors";

function def(status: CbrErrorCode["status"], code: string, message: string): CbrErrorCode {
  return { status, code: `BackupService.${code}`, message };
}

export const vaultErrors = {
  tooManyResources: def(400, "6100", "The maximum number of vault resources has been reached."),
  invalidCapacity: def(400, "6101", "Invalid vault capacity."),
  typeMismatch: def(400, "6102", "The vault does not support this resource type."),
  inOtherVault: def(400, "6103", "The resource has been associated with a vault."),
  duplicateResource: def(400, "6104", "Duplicate vault resources."),
  cannotUpdate: def(400, "6110", "The vault cannot be updated."),
  cannotDelete: def(400, "6111", "The vault cannot be deleted."),
  invalidStatus: def(400, "6112", "Invalid vault status."),
  destinationNotFound: def(400, "6120", "The destination vault does not exist."),
  destinationFull: def(
    400,
    "6129",
    "The maximum capacity of the destination vault has been reached.",
  ),
  beingRemoved: def(400, "6134", "Resources are being removed from the vault."),
  notInVault: def(400, "6135", "The resource does not exist in the vault."),
  lockedPolicyBackup: def(
    400,
    "6220",
    "Automatic backups in locked vaults cannot be manually deleted.",
  ),
  tooManyTags: def(400, "6600", "The maximum number of tags has been reached for the resource."),
  diskInVault: def(400, "7006", "The disk already exists in the vault."),
  serverInVault: def(400, "7116", "The server has been associated with the vault."),
  policyNotFound: def(404, "6000", "The policy does not exist."),
  resourceNotFound: def(404, "6302", "The resource does not exist."),
  tagKeyNotFound: def(404, "6601", "The key does not exist."),
  diskNotFound: def(404, "7000", "The disk does not exist."),
  serverNotFound: def(404, "7100", "The server does not exist."),
} as const satisfies Record<string, CbrErrorCode>;

export type VaultErrorName = keyof typeof vaultErrors;

export function vaultFail(name: VaultErrorName, detail?: string): never {
  throw new CbrFailure(vaultErrors[name], detail);
}

/**
 * Refuses a rule violation with the cloud's code; `field` names the request field for the ones the
 * cloud answers as a bad parameter (9900, "Invalid vault.name provided.").
 */
export function refuseViolation(
  violation: VaultRuleViolation,
  field: string,
  context: { resourceType?: string } = {},
): never {
  const known = codeOf(violation, context);
  if (!known) invalid(`Invalid ${field} provided.`);
  const detail = known.detail ?? (violation === "resource.inOtherVault" ? `(${field})` : undefined);
  vaultFail(known.name, detail);
}

function codeOf(
  violation: VaultRuleViolation,
  context: { resourceType?: string },
): { name: VaultErrorName; detail?: string } | null {
  if (violation.startsWith("size.")) {
    const detail = sizeDetail[violation];
    return detail ? { name: "invalidCapacity", detail } : { name: "invalidCapacity" };
  }
  if (violation === "resource.alreadyInVault") {
    return {
      name: context.resourceType === "OS::Cinder::Volume" ? "diskInVault" : "serverInVault",
    };
  }
  return violationCodes[violation] ?? null;
}

const violationCodes: Partial<
  Record<VaultRuleViolation, { name: VaultErrorName; detail?: string }>
> = {
  "resource.typeMismatch": { name: "typeMismatch" },
  "resource.replicationVault": {
    name: "typeMismatch",
    detail: "A replication vault holds no resources.",
  },
  "migrate.typeMismatch": { name: "typeMismatch" },
  "resource.inOtherVault": { name: "inOtherVault" },
  "resource.duplicate": { name: "duplicateResource" },
  "resource.tooMany": { name: "tooManyResources" },
  "tag.tooMany": { name: "tooManyTags" },
  "lock.irreversible": {
    name: "cannotUpdate",
    detail: "Backup locking cannot be disabled once enabled.",
  },
  "lock.forbidsRemoval": {
    name: "invalidStatus",
    detail: "Resources of a vault with backup locking cannot be removed.",
  },
  "lock.forbidsMigration": {
    name: "invalidStatus",
    detail: "Resources of a vault with backup locking cannot be migrated.",
  },
  "lock.policyBackup": { name: "lockedPolicyBackup" },
  "migrate.noRoom": { name: "destinationFull" },
};

const sizeDetail: Partial<Record<VaultRuleViolation, string>> = {
  "size.notInteger": "The capacity must be a whole number of GB.",
  "size.belowMinimum": "A vault holds at least 10 GB.",
  "size.aboveMaximum": "A vault holds at most 10485760 GB.",
  "size.shrink": "The capacity of a vault can only be expanded.",
  "size.belowUsed": "The capacity cannot be below the space its backups use.",
};
